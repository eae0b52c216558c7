"""Answering a buyer from the conversation, as a salesperson does: Write mail…, the reply
pre-filled (to the buyer, Re: the subject, their words quoted), a template in their
language, Send; the answer shows in the conversation at once. A refusal is one line in
the dialog, and what was written stays."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.ui.dialogs.compose import ComposeDialog
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle
from tests.mail.test_sync import BUYER, OURS
from tests.mailserver import MailServer
from tests.smtpserver import SmtpServer


@pytest.fixture
def desk(mail_desk: Desk) -> Desk:
    """The buyer's mail and the sales account (tests/gui/conftest.py)."""
    return mail_desk


def write_mail(qtbot: QtBot, window: MainWindow) -> ComposeDialog:
    """Select the inquiry and click Write mail…; the dialog once its reply is read."""
    settle(qtbot, window.ops)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    qtbot.mouseClick(window.detail.contact_actions.mail_button, Qt.MouseButton.LeftButton)
    dialog = window.contact_work.compose
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    return dialog


def test_a_reply_is_written_from_a_template_sent_and_shown_in_the_conversation(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer], tmp_path: Path) -> None:
    _imap, smtp = servers
    dialog = write_mail(qtbot, window)
    assert (dialog.to.text(), dialog.account.text(), dialog.subject.text()) == (
        BUYER, f"tester <{OURS}> (sales)", "Re: Quote for gyros")  # the person at this desk
    assert "> Please quote 20 pcs, mail 1." in dialog.text.toPlainText()
    dialog.template.setCurrentIndex(dialog.template.findData("quote"))
    qtbot.waitUntil(lambda: dialog.text.toPlainText().startswith("Dear Buyer,"), timeout=10_000)
    assert dialog.subject.text() == "Re: Quote for gyros"  # a reply keeps its thread's subject
    dialog.text.moveCursor(dialog.text.textCursor().MoveOperation.Start)
    qtbot.keyClicks(dialog.text, "410 EUR per piece. ")
    dialog.grab().save(str(tmp_path / "compose.png"))  # looked at by hand as well
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == ComposeDialog.DialogCode.Accepted, timeout=20_000)
    settle(qtbot, window.ops)
    [sent] = smtp.received
    assert sent.recipients == [BUYER] and b"410 EUR per piece. Dear Buyer," in sent.data
    assert window.statusBar().currentMessage() == f"Sent to {BUYER}"
    shown = window.detail.timeline.toPlainText()
    assert "410 EUR per piece." in shown and "Please quote 20 pcs" in shown  # both sides, at once


def test_a_refused_send_is_one_line_in_the_dialog_and_the_text_stays(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer]) -> None:
    _imap, smtp = servers
    smtp.refused.add(BUYER)
    dialog = write_mail(qtbot, window)
    dialog.text.setPlainText("Our best price: 410 EUR.")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the recipient" in dialog.error.text(), timeout=20_000)
    assert dialog.isVisible() and dialog.text.toPlainText() == "Our best price: 410 EUR."
    assert dialog.send_button.isEnabled() and smtp.received == []
    settle(qtbot, window.ops)
    assert "410 EUR" not in window.detail.timeline.toPlainText()  # never stored as sent


def test_without_a_mail_account_reply_offers_the_mail_program(qtbot: QtBot, window: MainWindow,
                                                              desk: Desk) -> None:
    from leaddesk.services.mail.accounts import remove_account

    with desk.transaction() as session:
        remove_account(session, "sales")
    settle(qtbot, window.ops)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    reply = window.toolbar.reply_action
    qtbot.waitUntil(reply.isEnabled, timeout=5000)
    assert reply.toolTip().startswith(f"Write to {BUYER}")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # as in mail clients
    dialog = window.contact_work.compose
    qtbot.waitUntil(lambda: dialog.error.text().startswith("no mail account"), timeout=10_000)
    assert dialog.mail_program.text() == "Write in my mail program" and not dialog.send_button.isEnabled()
