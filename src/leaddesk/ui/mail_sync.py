"""The mailboxes sync by themselves while the window is open: a while after it opens, at
once when a server that offers IMAP IDLE says a mail arrived, and every few minutes (the
setting; 0 stops all of it but File > Sync mail). A sync runs beside the person's own
changes, not in their queue (it stores a batch at a time); what it brought reaches every
view as Changes, what went wrong is one line in the status bar."""

import threading
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPushButton

from leaddesk.job import Job
from leaddesk.services import reads
from leaddesk.services.changes import EVERYTHING, NOTHING, TRIAGE
from leaddesk.services.desk import Desk
from leaddesk.services.operations import Outcome
from leaddesk.settings import Settings
from leaddesk.ui.tasks import Task

if TYPE_CHECKING:
    from leaddesk.services.mail.accounts import Login
    from leaddesk.services.mail.sync import SyncReport
    from leaddesk.ui.main_window import MainWindow

FIRST_SYNC_MS = 15_000  # after the window opens: its first reads and paint come first
SAID_MS = 15_000
PROGRESS_FROM = 1_000  # mails in one sync: shown with how far it got, and Stop
RETRY_S, RETRY_MAX_S = 30, 600  # a server that dropped the wait: again in 30 s, 60 s, ... 10 min


class MailSync(QObject):
    """One window's background sync of every mail account."""

    synced = Signal(object)  # list[SyncReport], after each sync

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self._running = False
        self._again = False  # a mail was announced while a sync ran: sync once more after it
        self._watchers: list[Task] = []  # one IDLE wait per account, while the window is open
        self.listening = threading.Event()  # set once a server is waited on
        self._first_done = False
        self._retired: list[Task] = []  # watchers stopped by the setting, ending
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self.stop_button = QPushButton(self.tr("Stop mail sync"))
        self.stop_button.setFlat(True)
        self.stop_button.hide()
        self.stop_button.clicked.connect(self._on_stop)
        window.statusBar().addPermanentWidget(self.stop_button)
        QTimer.singleShot(FIRST_SYNC_MS, self, self._first)  # owned by self: gone with the window
        self.apply(Settings.load())

    def apply(self, settings: Settings) -> None:
        """The sync's interval as saved (0: only when asked)."""
        minutes = max(0, settings.mail_sync_minutes)
        if minutes:
            started = self._timer.isActive()
            self._timer.start(minutes * 60_000)
            if not started and self._first_done:  # turned on after the first: wait on the servers now
                self.watch()
        else:
            self._timer.stop()
            for task in self._watchers:  # no waiting on the servers either; each ends in a tick
                task.cancel.set()
            self._retired += self._watchers
            self._watchers = []

    def _first(self) -> None:
        self._first_done = True
        if self._timer.isActive():
            self.sync_now()
            self.watch()

    def watch(self) -> None:
        """Wait on each account's INBOX with IDLE (where the server offers it): a mail the
        server announces is synced at once."""
        if not self._watchers and not self._window.ops.closed:
            self._window.ops.read(partial(reads.mail_logins, self._window.desk), self._start_watching)

    def _start_watching(self, logins: "list[Login]") -> None:
        if self._watchers or self._window.ops.closed:
            return
        for login in logins:
            task = Task(partial(_watch, login, self.listening))
            task.progressed.connect(self._on_announced)  # a method of ours: queued to this thread
            self._watchers.append(task)
            task.start()

    def _on_announced(self, _done: int, _total: int) -> None:
        self.sync_now()

    def stop(self) -> None:
        """End the IDLE waits (the window closes): each notices within a second."""
        self._timer.stop()
        for task in [*self._watchers, *self._retired]:
            task.cancel.set()
        for task in [*self._watchers, *self._retired]:
            task.wait()

    def sync_now(self) -> None:
        """Sync every account now (once more after the one running, if one runs), unless the
        desk is read-only."""
        desk = self._window.desk
        if self._running:
            self._again = True
            return
        if desk.writes_held is not None:
            return
        self._running = True
        actor = self._window.actor
        self._task = self._window.ops.run_beside(
            lambda progress, cancel: _sync(desk, actor, progress, cancel),
            done=self._on_synced, failed=self._on_failed)
        self._task.progressed.connect(self._on_progressed)

    def _on_progressed(self, done: int, total: int) -> None:
        """A first sync of a big folder: how far it got, and Stop in the status bar."""
        if total < PROGRESS_FROM:
            return
        self.stop_button.show()
        self._window.statusBar().showMessage(
            self.tr("Mail: {0} of {1} mails synced…").format(f"{done:,}", f"{total:,}"))

    def _on_stop(self) -> None:
        self.stop_button.hide()
        if self._running:
            self._task.cancel.set()  # the batches stored so far stay; the next sync goes on

    def _on_synced(self, reports: "list[SyncReport]") -> None:
        self._running = False
        self.stop_button.hide()
        self.synced.emit(reports)
        if self._again:
            self._again = False
            self.sync_now()
        errors = [error for report in reports for error in report.errors]
        created = sum(report.created for report in reports)
        triaged = sum(report.triaged for report in reports)
        if errors:
            self._say(self.tr("Mail: {0}").format(errors[0]))
        elif created or triaged:
            self._say(self.tr("Mail: {0} new messages, {1} from new senders waiting")
                      .format(created, triaged))

    def _on_failed(self, message: str) -> None:
        self._running = False
        self.stop_button.hide()
        self._again = False
        self._say(self.tr("Mail: {0}").format(message))

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, SAID_MS)


def _watch(login: "Login", listening: threading.Event, announce: Callable[[int, int], None],
           cancel: threading.Event) -> None:
    """Wait for mail on one account until the window closes (off the GUI thread): each
    change the server announces is `announce(1, 1)`. A server without IDLE is left to the
    poll; one that said BYE is asked again at once; one that cannot be reached is tried
    again later, less often each time."""
    from leaddesk.services.mail.accounts import password_of
    from leaddesk.services.mail.idle import Goodbye, NoIdle, watch_inbox
    from leaddesk.services.mail.imap import MailError

    password = password_of(login)
    failures, known = 0, None
    while password is not None and not cancel.is_set():
        try:
            known = watch_inbox(login, password, cancel, lambda: announce(1, 1), known=known,
                                idling=listening)
            failures = 0
        except NoIdle:
            return
        except Goodbye:  # a restart, say: again soon, without counting it a failure
            cancel.wait(3)
        except MailError:  # the sync says what is wrong; the wait tries again later
            failures += 1
            cancel.wait(min(RETRY_MAX_S, RETRY_S * failures))


def _sync(desk: Desk, actor: str, progress: Callable[[int, int], None],
          cancel: threading.Event) -> "Outcome[list[SyncReport]]":
    """Every account once, as `leaddesk mail sync` does (off the GUI thread)."""
    from leaddesk.services.import_settings import import_setup
    from leaddesk.services.mail.sync import sync_accounts

    settings = Settings.load()
    setup = import_setup(settings)
    job = Job(progress=progress, cancel=cancel, name="mail sync")
    days = max(0, settings.mail_first_days)  # a mailbox of years: its last months first
    since = date.today() - timedelta(days=days) if days else None
    reports = list(sync_accounts(desk, [], setup.options, actor=actor, since=since, job=job,
                                 gap_days=setup.gap_days, form_senders=set(settings.form_senders),
                                 mark_read=settings.mail_mark_read))
    brought = EVERYTHING if any(r.created for r in reports) else NOTHING
    return Outcome(reports, brought | (TRIAGE if any(r.triaged for r in reports) else NOTHING))

