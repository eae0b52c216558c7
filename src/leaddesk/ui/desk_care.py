"""The window's care of a SQLite desk: the quick check after an unclean shutdown (writes
held until it passes, a damaged desk offered its newest good backup), and the automatic
backups (at start when the last was abandoned, once a day, at close within 2 s)."""

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from leaddesk import paths
from leaddesk.errors import LeadDeskError
from leaddesk.services.backups import STOP_WAIT_S, BackgroundBackup, Backup, due, list_backups, unpack
from leaddesk.services.changes import EVERYTHING
from leaddesk.services.desk import Desk
from leaddesk.services.restore import Restored, check_backup, restore
from leaddesk.settings import Settings
from leaddesk.ui.dialogs.damaged import DamagedDeskDialog
from leaddesk.ui.tasks import Task

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow

CLOSE_WAIT_S = 2.0  # closing never waits longer for a backup
DUE_CHECK_MS = 15 * 60_000
START_DELAY_MS = 5_000  # the first loads of the window go first
CHECKING = "being checked after an unclean shutdown; changes wait until the check passes"
DAMAGED = "damaged; it is open read-only until a backup is restored"


def quick_check(database: Path, cancel: threading.Event) -> list[str]:
    """SQLite's quick check of the desk (about 1 s per GB): its problems, [] when sound.
    Stoppable: `cancel` interrupts it within a few thousand steps."""
    try:
        return _quick_check(f"{database.resolve().as_uri()}?mode=ro", cancel)
    except sqlite3.OperationalError as exc:  # read-only cannot rebuild a missing -shm
        if cancel.is_set() or "unable to open" not in str(exc):
            raise
        return _quick_check(database.resolve().as_uri(), cancel)


def _quick_check(uri: str, cancel: threading.Event) -> list[str]:
    connection = sqlite3.connect(uri, uri=True)
    connection.set_progress_handler(lambda: 1 if cancel.is_set() else 0, 10_000)
    try:
        rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError as exc:  # "database disk image is malformed" and its kin
        rows = [str(exc)]
    finally:
        connection.close()
    return [] if rows == ["ok"] else rows


def newest_good_backup(database: Path, folder: Path, cancel: threading.Event) -> Backup | None:
    """The newest automatic backup that passes the restore's own checks."""
    for backup in list_backups(folder, database):
        if cancel.is_set():
            return None
        trial = folder / f".{backup.path.name}.trial.partial"
        try:
            unpack(backup.path, trial)
            check_backup(trial, backup.path.name)
        except (LeadDeskError, OSError, EOFError):
            continue
        finally:
            for extra in ("", "-wal", "-shm"):
                Path(f"{trial}{extra}").unlink(missing_ok=True)
        return backup
    return None


class DeskCare(QObject):
    """Checks and backs up the window's desk; `window` gets told through its methods
    `set_writable(bool)`, `statusBar()` and `refresh()`."""

    checked = Signal(list)  # the problems found ([] when sound)
    restored = Signal(object)  # a Restored

    def __init__(self, window: "MainWindow", desk: Desk) -> None:
        super().__init__(window)
        self.window, self.desk = window, desk
        self.task: Task | None = None
        self.dialog: DamagedDeskDialog | None = None
        settings = Settings.load()
        self.folder = paths.backups_dir(settings.backup_folder)
        database = desk.path
        self.backups = (BackgroundBackup(database, self.folder, settings.backup_cap_mb)
                        if database is not None else None)
        if desk.unclean and database is not None:
            desk.hold_writes(CHECKING)
        self._timer = QTimer(self, interval=DUE_CHECK_MS)
        self._timer.timeout.connect(self._on_due_check)
        # owned, not QTimer.singleShot: stopped at close, gone with the window
        self._start_timer = QTimer(self, singleShot=True, interval=START_DELAY_MS)
        self._start_timer.timeout.connect(self._on_start_backup)
        self._shown = False

    @property
    def may_back_up(self) -> bool:
        """Only a desk known sound is backed up: a damaged one would rotate good ones out."""
        return (self.backups is not None and self.desk.writes_held is None
                and (self.desk.checked or not self.desk.unclean))

    def shown(self) -> None:
        """After the window's first paint: the quick check if due, then the backups."""
        if self._shown:
            return
        self._shown = True
        if self.desk.writes_held == CHECKING:
            self.window.statusBar().showMessage(self.tr(
                "Checking the desk after an unclean shutdown…"))
            self._run(self._check, self._on_checked)
        else:
            self._start_backups()

    def _start_backups(self) -> None:
        self._timer.start()
        self._start_timer.start()

    def _on_start_backup(self) -> None:
        if self.may_back_up and self.backups is not None and self.backups.needed():
            self.backups.start()  # the one the last close had to abandon

    def _on_due_check(self) -> None:
        if self.may_back_up and self.backups is not None and \
                due(self.folder, self.backups.database, datetime.now(UTC)):
            self.backups.start()

    def _run(self, fn: Callable[[threading.Event], Any], done: Callable[[Any], None]) -> None:
        if self.task is not None:  # its thread may still be quitting: destroying a running
            self.task.wait()  # QThread aborts the whole program
        self.task = Task(lambda _progress, cancel: fn(cancel))
        self.task.finished.connect(done)
        self.task.failed.connect(self._on_failed)
        self.task.start()

    def _check(self, cancel: threading.Event) -> tuple[list[str], Backup | None]:
        assert self.desk.path is not None
        problems = quick_check(self.desk.path, cancel)
        good = newest_good_backup(self.desk.path, self.folder, cancel) if problems else None
        return problems, good

    def _on_checked(self, result: tuple[list[str], Backup | None]) -> None:
        problems, good = result
        if not problems:
            self.desk.checked = True
            self.desk.release_writes()
            self.window.set_writable(True)
            self.window.statusBar().showMessage(self.tr(
                "The desk was checked after an unclean shutdown: it is sound"), 10_000)
            self._start_backups()
        else:
            self.desk.hold_writes(DAMAGED)
            self.window.statusBar().showMessage(self.tr(
                "The desk is damaged: it is open read-only"))
            self.offer_backup(problems, good)
        self.checked.emit(problems)

    def offer_backup(self, problems: list[str], good: Backup | None) -> None:
        """Ask what to do about a damaged desk: restore the newest good backup, choose
        another, or quit (the window's own close)."""
        self.dialog = dialog = DamagedDeskDialog(problems, good, self.window)
        dialog.restore_chosen.connect(self.restore_backup)
        dialog.choose_chosen.connect(self._on_choose)
        dialog.quit_chosen.connect(self.window.close)
        dialog.open()

    def _on_choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Restore a backup"),
                                              str(self.folder))
        if name:
            self.restore_backup(Path(name))

    def restore_backup(self, source: Path) -> None:
        """Put `source` back in place of the desk, off the GUI thread, behind a modal
        progress dialog; the damaged desk is kept beside it."""
        self._progress = QProgressDialog(self.tr("Restoring {0}…").format(source.name),
                                         "", 0, 0, self.window)
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(0)
        self._progress.show()
        self._run(lambda _cancel: self.desk.replace_file(lambda path: restore(path, source)),
                  self._on_restored)

    def _on_restored(self, done: Restored) -> None:
        self._progress.close()
        self.window.set_writable(True)
        self.window.ops.announce(EVERYTHING)  # a whole other desk: every view reads again
        self.window.statusBar().showMessage(self.tr(
            "Restored {0}; the damaged desk is kept as {1}").format(
                done.source.name, done.kept.name if done.kept else "-"), 30_000)
        self._start_backups()
        self.restored.emit(done)

    def _on_failed(self, message: str) -> None:
        progress = getattr(self, "_progress", None)
        if progress is not None:
            progress.close()
        self.window.statusBar().showMessage(message, 30_000)
        if self.desk.writes_held is not None and self.dialog is not None:
            self.dialog.say(message)  # e.g. the chosen backup is damaged too: choose again
            self.dialog.open()

    def closing(self, started: float | None = None) -> float:
        """At close: stop a check, make the closing backup, and let closing (begun at
        `started`, time.monotonic()) take 2 s at most for it. Returns the seconds waited."""
        started = time.monotonic() if started is None else started
        self._timer.stop()
        self._start_timer.stop()
        if self.task is not None:
            self.task.cancel.set()
            self.task.wait(int(CLOSE_WAIT_S * 1000))
        if self.backups is None:
            return time.monotonic() - started
        if self.may_back_up and not self.backups.running and self.backups.needed():
            self.backups.start()
        # what is left of the 2 s, less the time a stopped backup takes to notice, and a
        # margin for a busy machine's scheduling
        self.backups.finish(CLOSE_WAIT_S - (time.monotonic() - started) - STOP_WAIT_S - 0.2)
        return time.monotonic() - started


def recover(db: str | None, failure: LeadDeskError) -> Desk | None:
    """A SQLite desk too damaged to open at all, that has backups: offer the newest good
    one (or another file) before the window opens. The desk restored and opened, or None
    (nothing to offer, or the person quit)."""
    from leaddesk.db.engine import database_url
    from leaddesk.services.desk import open_desk

    url = database_url(db)
    database = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    folder = paths.backups_dir(Settings.load().backup_folder)
    damage = ("malformed", "file is not a database", "not a database file")
    if database is None or not database.exists() or not any(w in str(failure) for w in damage) \
            or not list_backups(folder, database):
        return None
    problems = [str(failure)]
    while True:
        dialog = DamagedDeskDialog(problems, newest_good_backup(database, folder, threading.Event()))
        dialog.exec()
        if dialog.clickedButton() is dialog.restore_button and dialog.good is not None:
            source: Path | None = dialog.good.path
        elif dialog.clickedButton() is dialog.choose_button:
            title = QCoreApplication.translate("DeskCare", "Restore a backup")
            name, _ = QFileDialog.getOpenFileName(None, title, str(folder))
            source = Path(name) if name else None
        else:
            return None
        if source is None:
            continue
        try:
            restore(database, source)
            return open_desk(str(database))
        except LeadDeskError as exc:  # that backup is no good either: say so, ask again
            problems = [str(failure), str(exc)]
