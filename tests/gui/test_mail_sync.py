"""The mailboxes sync by themselves while the window is open, and at once with F5: a
buyer's answer shows in their conversation without a manual import, and a server that
cannot be reached is one line in the status bar while the window goes on working."""

import threading
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.settings import Settings
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle
from tests.mail.test_sync import mail
from tests.mailserver import MailServer
from tests.smtpserver import SmtpServer


@pytest.fixture
def desk(mail_desk: Desk) -> Desk:
    """The buyer's mail and the sales account (tests/gui/conftest.py)."""
    return mail_desk


def sync_now(qtbot: QtBot, window: MainWindow) -> None:
    """F5, as a person presses it, and the sync's answer on screen."""
    settle(qtbot, window.ops)
    with qtbot.waitSignal(window.mail.synced, timeout=20_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    settle(qtbot, window.ops)


def test_a_buyers_answer_arrives_in_their_conversation_with_f5(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer]) -> None:
    imap, _smtp = servers
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    imap.append([mail(2, reply_to="<m1@aero.example>")])
    sync_now(qtbot, window)
    assert window.statusBar().currentMessage() == "Mail: 1 new messages, 0 from new senders waiting"
    assert window.inbox.rowCount() == 1  # threaded into the inquiry there, not a new one
    shown = window.detail.timeline.toPlainText()
    assert "mail 1." in shown and "mail 2." in shown  # the pane shows it without a click
    sync_now(qtbot, window)  # nothing new: nothing said, nothing fetched twice
    assert window.inbox.rowCount() == 1 and window.detail.timeline.toPlainText().count("mail 2.") == 1


def test_a_server_down_is_one_line_and_the_window_goes_on(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer]) -> None:
    imap, _smtp = servers
    imap.stop()
    sync_now(qtbot, window)
    said = window.statusBar().currentMessage()
    assert said.startswith("Mail: sales: 127.0.0.1:") and "cannot reach the server" in said
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    assert "mail 1." in window.detail.timeline.toPlainText()
    imap.start()


@pytest.mark.parametrize(("minutes", "every_ms"), [(5, 300_000), (1, 60_000), (0, None)])
def test_the_sync_runs_as_often_as_the_setting_says(qtbot: QtBot, window: MainWindow, minutes: int,
                                                     every_ms: int | None) -> None:
    settings = Settings.load()
    settings.mail_sync_minutes = minutes
    window.settings_flow.apply(settings)
    timer = window.mail._timer
    assert (timer.interval() if timer.isActive() else None) == every_ms


def test_a_mail_the_server_announces_arrives_without_f5(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer]) -> None:
    imap, _smtp = servers
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    window.mail.watch()  # what the window does a while after it opens
    qtbot.waitUntil(window.mail.listening.is_set, timeout=20_000)  # the server listens for us
    with qtbot.waitSignal(window.mail.synced, timeout=20_000):
        imap.append([mail(2, reply_to="<m1@aero.example>")])
    settle(qtbot, window.ops)
    assert "mail 2." in window.detail.timeline.toPlainText()
    started = time.monotonic()
    window.close()  # the wait ends with the window, in about a second
    assert time.monotonic() - started < 5 and not any(t._thread.isRunning() for t in window.mail._watchers)


def test_a_long_first_sync_shows_how_far_it_got_and_stops_with_the_batches_kept(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from leaddesk.services.mail import sync as syncing
    from leaddesk.ui import mail_sync

    imap, _smtp = servers
    monkeypatch.setattr(mail_sync, "PROGRESS_FROM", 1)  # a big folder, made small
    monkeypatch.setattr(syncing, "BATCH_MAILS", 2)
    fetched, clicked = [], threading.Event()

    def fetch_after_the_click(*args: object) -> object:  # the real fetch, the 2nd batch after Stop
        if fetched:
            clicked.wait(10)
        fetched.append(1)
        return real_fetch(*args)

    real_fetch = syncing.fetch
    monkeypatch.setattr(syncing, "fetch", fetch_after_the_click)
    imap.append([mail(n, reply_to="<m1@aero.example>") for n in range(2, 12)])
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    stop = window.mail.stop_button
    settle(qtbot, window.ops)
    with qtbot.waitSignal(window.mail.synced, timeout=20_000) as synced:
        window.mail.sync_now()
        qtbot.waitUntil(stop.isVisible, timeout=10_000)
        qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
        clicked.set()
    [report] = synced.args[0]
    assert any(s.startswith("Mail: ") and " of 10 mails synced" in s for s in said)
    assert (report.failed, report.created) == (True, 2) and "sync stopped" in report.errors[0]
    assert not stop.isVisible()
    sync_now(qtbot, window)  # the next sync brings the rest, nothing twice
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    shown = window.detail.timeline.toPlainText()
    assert all(shown.count(f"mail {n}.") == 1 for n in range(1, 12))


@pytest.mark.parametrize(("days", "stored"), [
    (90, ["mail 1.", "mail 3."]),
    (0, ["mail 1.", "mail 2.", "mail 3."]),
])
def test_a_first_sync_reads_the_last_days_the_setting_says(
        qtbot: QtBot, window: MainWindow, servers: tuple[MailServer, SmtpServer], days: int,
        stored: list[str]) -> None:
    imap, _smtp = servers
    settings = Settings.load()
    settings.mail_first_days = days
    settings.save()
    with imap.client() as connection:  # one recent, one from two years ago (the server's date)
        for number, when in ((2, '"01-Jan-2020 10:00:00 +0000"'), (3, None)):
            connection.append("INBOX", None, when, mail(number, reply_to="<m1@aero.example>"))
    sync_now(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    shown = window.detail.timeline.toPlainText()
    assert [said for said in ("mail 1.", "mail 2.", "mail 3.") if said in shown] == stored
