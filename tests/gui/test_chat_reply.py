"""Replying on WhatsApp and WeChat, as a salesperson does: Ctrl+R on a chat inquiry, a
template in the buyer's language, WhatsApp opened with the text (or the text copied for
WeChat), and the reply stored as ours only once the person says it went."""

from datetime import UTC, datetime, timedelta
from urllib.parse import unquote

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.ui.dialogs.chat_reply import ChatReplyDialog
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle


class Opened(QObject):
    """Where Qt sends the https links the window opens (Qt's own hook for a scheme)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def opened() -> "Opened":
    handler = Opened()
    QDesktopServices.setUrlHandler("https", handler, "open")
    yield handler  # type: ignore[misc]
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def desk(desk: Desk) -> Desk:
    """Wang Lei (Chinese) asked by WhatsApp; Anna Becker by WeChat, an hour earlier."""
    now = datetime.now(UTC)
    with desk.transaction() as session:
        log_inquiry(session, LogInquiry(Channel.WECHAT, ContactDraft(
            name="Anna Becker", wechat_ids=["anna_becker_de"]), "Lead time for 50 pcs?",
            received_at=now - timedelta(hours=2)), actor="t")
        log_inquiry(session, LogInquiry(Channel.WHATSAPP, ContactDraft(
            name="Wang Lei", phones=["+86 139 1234 5678"], language="zh"), "200 个钻头多少钱？",
            received_at=now - timedelta(hours=1)), actor="t")
    return desk


def reply(qtbot: QtBot, window: MainWindow, row: int) -> ChatReplyDialog:
    settle(qtbot, window.ops)
    window.table.selectRow(row)
    settle(qtbot, window.ops)
    qtbot.waitUntil(window.toolbar.reply_action.isEnabled, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.contact_work.chat
    qtbot.waitUntil(lambda: dialog.to.text() != "", timeout=5000)
    return dialog


def test_a_whatsapp_reply_from_a_template_opens_whatsapp_and_is_logged_once_sent(
        qtbot: QtBot, window: MainWindow, opened: Opened) -> None:
    dialog = reply(qtbot, window, 0)
    assert dialog.to.text() == "+86 139 1234 5678 (WhatsApp)"
    dialog.template.setCurrentIndex(dialog.template.findData("quote"))
    qtbot.waitUntil(lambda: dialog.text.toPlainText().startswith("Wang Lei，您好！"), timeout=5000)
    assert "WhatsApp" not in dialog.text.toPlainText()  # no "write to us on WhatsApp" inside it
    assert not dialog.log_button.isEnabled()  # nothing is logged before it went
    qtbot.mouseClick(dialog.hand_over, Qt.MouseButton.LeftButton)
    [url] = opened.urls
    assert url.startswith("https://wa.me/8613912345678?text=")
    assert unquote(url.partition("text=")[2]) == dialog.text.toPlainText()
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.logged, timeout=10_000)
    settle(qtbot, window.ops)
    assert window.statusBar().currentMessage() == "Reply logged"
    assert "Wang Lei，您好！" in window.detail.timeline.toPlainText()


def test_a_wechat_reply_is_copied_and_cancel_logs_nothing(qtbot: QtBot, window: MainWindow,
                                                          opened: Opened) -> None:
    dialog = reply(qtbot, window, 1)
    assert dialog.to.text() == "anna_becker_de (WeChat)"
    dialog.text.setPlainText("Lead time is 3 weeks.")
    qtbot.mouseClick(dialog.hand_over, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Lead time is 3 weeks." and opened.urls == []
    assert "anna_becker_de" in dialog.said.text()
    dialog.reject()  # it did not go after all
    settle(qtbot, window.ops)
    assert "Lead time is 3 weeks." not in window.detail.timeline.toPlainText()


