"""The mailboxes sync by themselves while the window is open: a while after it opens and
then every few minutes (the setting; 0 stops it), and at once from File > Sync mail. A
sync runs beside the person's own changes, not in their queue (it stores a batch at a
time); what it brought reaches every view as Changes, what went wrong is one line in
the status bar."""

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from leaddesk.job import Job
from leaddesk.services.changes import EVERYTHING, NOTHING, TRIAGE
from leaddesk.services.desk import Desk
from leaddesk.services.operations import Outcome
from leaddesk.settings import Settings

if TYPE_CHECKING:
    from leaddesk.services.mail.sync import SyncReport
    from leaddesk.ui.main_window import MainWindow

FIRST_SYNC_MS = 15_000  # after the window opens: its first reads and paint come first
SAID_MS = 15_000


class MailSync(QObject):
    """One window's background sync of every mail account."""

    synced = Signal(object)  # list[SyncReport], after each sync

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self._running = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        QTimer.singleShot(FIRST_SYNC_MS, self, self._first)  # owned by self: gone with the window
        self.apply(Settings.load())

    def apply(self, settings: Settings) -> None:
        """The sync's interval as saved (0: only when asked)."""
        minutes = max(0, settings.mail_sync_minutes)
        if minutes:
            self._timer.start(minutes * 60_000)
        else:
            self._timer.stop()

    def _first(self) -> None:
        if self._timer.isActive():
            self.sync_now()

    def sync_now(self) -> None:
        """Sync every account now, unless a sync runs already or the desk is read-only."""
        desk = self._window.desk
        if self._running or desk.writes_held is not None:
            return
        self._running = True
        actor = self._window.actor
        self._window.ops.run_beside(lambda progress, cancel: _sync(desk, actor, cancel),
                                    done=self._on_synced, failed=self._on_failed)

    def _on_synced(self, reports: "list[SyncReport]") -> None:
        self._running = False
        self.synced.emit(reports)
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
        self._say(self.tr("Mail: {0}").format(message))

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, SAID_MS)


def _sync(desk: Desk, actor: str, cancel: threading.Event) -> "Outcome[list[SyncReport]]":
    """Every account once, as `leaddesk mail sync` does (off the GUI thread)."""
    from leaddesk.services.import_settings import import_setup
    from leaddesk.services.mail.sync import sync_accounts

    settings = Settings.load()
    setup = import_setup(settings)
    job = Job(cancel=cancel, name="mail sync")
    reports = list(sync_accounts(desk, [], setup.options, actor=actor, job=job,
                                 gap_days=setup.gap_days, form_senders=set(settings.form_senders)))
    brought = EVERYTHING if any(r.created for r in reports) else NOTHING
    return Outcome(reports, brought | (TRIAGE if any(r.triaged for r in reports) else NOTHING))

