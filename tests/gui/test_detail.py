"""The conversation beside the inbox as a person reads it after a search: the words and
phrases it found highlighted, as the command line marks them, and a buyer's markup shown
as the text it is."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.inquiries import LogInquiry, add_message, log_inquiry
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.widgets.detail import MATCH_DARK, MATCH_LIGHT
from tests.gui.helpers import settle

ME = "tester"
JAN = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
SCRIPT = '<script>alert("gyro")</script> We need a gyroscope: quote & price by email, please.'


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    """Wang Lei asked by WeChat for fibre-optic gyroscopes, in Chinese; Maria Santos wrote
    a mail with markup in its subject and a script in its text."""
    opened = open_desk(str(tmp_path / "desk.db"))
    with opened.transaction() as session:
        wang = log_inquiry(session, LogInquiry(Channel.WECHAT, ContactDraft(
            name="Wang Lei", wechat_ids=["wanglei_tools"]), "想询价光纤陀螺仪，2 台样品。",
            received_at=JAN), actor=ME)
        add_message(session, wang.id, "好的，陀螺仪的报价今天用 WeChat 发给您。", actor=ME,
                    sent_at=JAN + timedelta(hours=1))
        log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(
            name="Maria Santos", emails=["maria@santos.example"]), SCRIPT,
            received_at=JAN + timedelta(days=1), subject="Quote <b>request</b>"), actor=ME)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, ME)
    qtbot.addWidget(shown)
    shown.show()
    settle(qtbot, shown.ops)
    return shown


def type_into(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Type as a person does; Chinese as an input method gives it (QTest types Latin-1 only)."""
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)


def open_row_of(qtbot: QtBot, window: MainWindow, contact: str) -> None:
    """Click the inbox row of a contact, and wait for its conversation."""
    model = window.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == contact)
    centre = window.table.visualRect(model.index(row, 0)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot, window.ops)
    assert window.detail.card is not None and window.detail.card.name == contact


def highlighted(document: QTextDocument) -> list[str]:
    """The pieces of the conversation on the search's background, in order."""
    found: list[str] = []
    block = document.begin()
    while block.isValid():
        pieces = block.begin()
        while not pieces.atEnd():
            fragment = pieces.fragment()
            background = fragment.charFormat().background()
            if background.style() != Qt.BrushStyle.NoBrush and \
                    background.color().name() in (MATCH_LIGHT, MATCH_DARK):
                found.append(fragment.text().replace("\u2028", "\n"))
            pieces += 1
        block = block.next()
    return found


@pytest.mark.parametrize(("typed", "contact", "marked"), [
    ("陀螺仪", "Wang Lei", ["陀螺仪", "陀螺仪"]),  # in his message and in our answer
    ("报价 channel:wechat", "Wang Lei", ["报价"]),  # a filter is no word: "wechat" is not marked
    ("gyro", "Maria Santos", ["gyro", "gyro"]),  # inside the script's text, and where gyroscope begins
    ('"quote & price" channel:email', "Maria Santos", ["quote & price"]),  # not "email" in the text
    ("request -invoice", "Maria Santos", ["request"]),  # in the subject, whose <b> is text
    ("santos", "Maria Santos", []),  # found by her name: no word of the conversation is it
])
def test_the_conversation_highlights_what_the_search_found(
    qtbot: QtBot, window: MainWindow, typed: str, contact: str, marked: list[str]
) -> None:
    type_into(qtbot, window.search, typed)
    qtbot.waitUntil(lambda: "matching" in window.matches.text(), timeout=5000)
    settle(qtbot, window.ops)
    open_row_of(qtbot, window, contact)
    document = window.detail.timeline.document()
    assert highlighted(document) == marked
    said = document.toPlainText()
    if contact == "Maria Santos":  # the buyer's markup is text on screen, never markup
        assert SCRIPT in said and "Quote <b>request</b>" in said
    window.search.clear()  # the whole inbox again: nothing highlighted
    qtbot.waitUntil(lambda: window.table.model().rowCount() == 2, timeout=5000)
    settle(qtbot, window.ops)
    assert highlighted(window.detail.timeline.document()) == []
    assert window.detail.timeline.document().toPlainText() == said
