"""New senders, as a salesperson decides on them: after a sync the view's name counts
the mails that wait; a forged known sender is marked in red, a stranger's text is shown
as text; Accept makes the inquiry, Ignore this domain drops its mails now and later."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.widgets.senders import WARNING
from tests.gui.helpers import click_view, settle
from tests.gui.test_mail_sync import sync_now
from tests.mail.test_sync import BUYER, mail
from tests.mail.test_triage_sync import FAIL, with_headers
from tests.mailserver import MailServer
from tests.smtpserver import SmtpServer

STRANGER = "li.wei@newbuyer.example"


@pytest.fixture
def desk(mail_desk: Desk) -> Desk:
    """The buyer's mail and the sales account (tests/gui/conftest.py)."""
    return mail_desk


def arrive(imap: MailServer) -> None:
    stranger = mail(7, sender=STRANGER, subject="Gyro price <script>alert(1)</script>")
    forged = with_headers(mail(8, subject="Change of bank account"), FAIL)
    imap.append([stranger, forged])


def test_waiting_mails_are_counted_marked_and_decided(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                      servers: tuple[MailServer, SmtpServer]) -> None:
    imap, _smtp = servers
    arrive(imap)
    sync_now(qtbot, window)
    assert window.statusBar().currentMessage() == "Mail: 0 new messages, 2 from new senders waiting"
    qtbot.waitUntil(lambda: window._view_items["senders"].text() == "New senders (2)", timeout=5000)
    click_view(qtbot, window, "New senders")
    view = window.senders
    rows = {view.table.item(r, 1).text(): r for r in range(view.table.rowCount())}
    assert set(rows) == {STRANGER, BUYER}
    forged = rows[BUYER]
    assert view.table.item(forged, 3).text() == "Sender not verified: the From may be forged"
    assert view.table.item(forged, 3).foreground().color() == WARNING
    assert view.table.item(rows[STRANGER], 3).foreground().color() != WARNING
    view.table.selectRow(rows[STRANGER])
    qtbot.waitUntil(lambda: "mail 7." in view.text.toPlainText(), timeout=5000)
    assert "<script>" in view.text.toPlainText()  # shown as text, never run or fetched
    window.grab().save(str(tmp_path / "new-senders.png"))  # looked at by hand as well
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert view.status.text() == "Accepted: 1 new messages, 1 new contacts"
    assert [view.table.item(r, 1).text() for r in range(view.table.rowCount())] == [BUYER]
    view.table.selectRow(0)
    qtbot.mouseClick(view.ignore_domain_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert view.status.text() == "Ignoring aero.example from now on; 1 waiting mails dropped"
    assert view.table.rowCount() == 0
    qtbot.waitUntil(lambda: window._view_items["senders"].text() == "New senders", timeout=5000)
    imap.append([with_headers(mail(9, subject="Invoice"), FAIL)])
    sync_now(qtbot, window)  # the rule holds for later syncs
    assert view.table.rowCount() == 0
    click_view(qtbot, window, "Inbox")
    assert window.inbox.rowCount() == 2  # the buyer's inquiry and the accepted stranger's
