"""What the window's tests share: a desk of their own (SQLite in the test's folder) and the
main window shown on it. A test file that needs another desk or window defines its own."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.main_window import MainWindow
from tests.mailserver import MailServer, throwaway_mail_server
from tests.smtpserver import SmtpServer, throwaway_smtp_server


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    opened = open_desk(str(tmp_path / "desk.db"))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, "tester")
    qtbot.addWidget(shown)
    shown.show()
    return shown


@pytest.fixture
def servers() -> Iterator[tuple[MailServer, SmtpServer]]:
    """A real IMAP server (Dovecot) and SMTP server (aiosmtpd) for the window's mail."""
    with throwaway_mail_server() as imap, throwaway_smtp_server(imap) as smtp:
        yield imap, smtp


@pytest.fixture
def mail_desk(desk: Desk, tmp_path: Path, servers: tuple[MailServer, SmtpServer]) -> Desk:
    """The shared desk with a buyer's mail in it (<m1@aero.example>, inquiry 1) and the
    sales account on the test servers: the window's mail tests start from it."""
    from leaddesk.importers.base import ImportOptions
    from leaddesk.services.imports import import_file
    from leaddesk.services.mail.accounts import AccountSpec, add_account
    from tests.mail.test_sync import OURS, mail

    imap, smtp = servers
    path = tmp_path / "quote.eml"
    path.write_bytes(mail(1))
    import_file(desk, path, ImportOptions(), actor="t")
    with desk.transaction() as session:
        add_account(session, AccountSpec("sales", OURS, f"{imap.host}:{imap.port}", f"127.0.0.1:{smtp.port}",
                                         imap.user, ca_file=str(imap.ca_file)), imap.password)
    return desk


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The window in Chinese for this test, English again after it."""
    from PySide6.QtCore import QTranslator

    from leaddesk.ui.app import install_translator
    from leaddesk.ui.words import set_language

    assert install_translator(qapp, "zh_CN")
    yield
    set_language("en")
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    """A worker still running when its test ends would run on into the next test, on a
    closed desk and a deleted folder (once, that crashed the suite): a test waits for
    what it started, and this says which one did not."""
    from leaddesk.ui import tasks

    yield
    running = [task for task in tasks._started if task._thread.isRunning() and not task.ended.is_set()]
    for task in running:
        task.cancel.set()
        task.wait()
    assert not running, f"{len(running)} worker(s) still running when the test ended"
