"""Automatic backups of a SQLite desk: SQLite's online backup in steps (so it can be
stopped), gzipped, renamed into place whole; 7 daily and 4 weekly kept, under a size cap."""

import contextlib
import gzip
import lzma
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO

from leaddesk.paths import atomic_private, private_dir, private_file

PAGES_PER_STEP = 1024  # 4 MiB of 4 KiB pages: a stop is noticed within a few milliseconds
CHUNK = 1 << 20
STOP_WAIT_S = 0.2
LEVEL = 1  # 100 MB of desk in 1.1 s to 23 %; level 6 takes 3.5 s for 19 %
DAILY, WEEKLY = 7, 4
CAP_FACTOR = 3  # the default cap: three times the desk
STAMP = "%Y%m%d-%H%M%S"
SUFFIX = ".db.gz"


class BackupStopped(Exception):
    """The backup was told to stop; nothing of it is left behind."""


@dataclass(frozen=True)
class Backup:
    """One automatic backup file and when it was made (UTC, from its name)."""

    path: Path
    made_at: datetime

    @property
    def size(self) -> int:
        """Its size in bytes (0 if it is gone)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def backup_name(database: Path, made_at: datetime) -> str:
    """`leaddesk-20260102-093000.db.gz` for `leaddesk.db`, the time in UTC."""
    return f"{database.stem}-{made_at.astimezone(UTC).strftime(STAMP)}{SUFFIX}"


def list_backups(folder: Path, database: Path) -> list[Backup]:
    """The desk's automatic backups in `folder`, newest first."""
    pattern = re.compile(re.escape(database.stem) + r"-(\d{8}-\d{6})" + re.escape(SUFFIX) + "$")
    found = []
    for path in folder.glob(f"{database.stem}-*{SUFFIX}") if folder.is_dir() else []:
        match = pattern.match(path.name)
        if match:
            found.append(Backup(path, datetime.strptime(match[1], STAMP).replace(tzinfo=UTC)))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def _stop_if(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise BackupStopped("backup stopped")


def make_backup(database: Path, folder: Path, *, now: datetime | None = None,
                cancel: threading.Event | None = None) -> Backup:
    """Back the desk up into `folder`: a consistent copy through SQLite's backup API (one
    read snapshot, in steps, so writers go on and `cancel` stops it between steps), then
    gzipped to a temporary name and renamed. A kill at any moment leaves the desk and the
    earlier backups as they were, and at most a `.partial` file the next backup removes."""
    now = now or datetime.now(UTC)
    private_dir(folder)
    for pattern in (f".{database.stem}-*.partial*", f"{database.stem}-*{SUFFIX}.partial"):
        for stale in folder.glob(pattern):  # what a killed backup left (a -journal too)
            stale.unlink(missing_ok=True)
    final = folder / backup_name(database, now)
    copy = folder / f".{final.name}.copy.partial"
    private_file(copy)
    try:
        _copy(database, copy, cancel)
        with copy.open("rb") as plain, atomic_private(final, ".partial") as packed, \
                gzip.GzipFile(filename=database.name, mode="wb", fileobj=packed, compresslevel=LEVEL,
                              mtime=int(now.timestamp())) as zipped:
            while block := plain.read(CHUNK):
                _stop_if(cancel)
                zipped.write(block)
    finally:
        copy.unlink(missing_ok=True)
        for extra in ("-wal", "-shm", "-journal"):
            Path(str(copy) + extra).unlink(missing_ok=True)
    return Backup(final, now.astimezone(UTC).replace(microsecond=0))


def _copy(database: Path, target: Path, cancel: threading.Event | None) -> None:
    source = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    copy = sqlite3.connect(target)
    try:
        # A read transaction held across the steps: the copy is one moment of the desk,
        # and a write by the window or an import between steps does not restart it.
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()

        def step(_status: int, _remaining: int, _total: int) -> None:
            _stop_if(cancel)

        source.backup(copy, pages=PAGES_PER_STEP, progress=step)
        copy.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside the copy
    finally:
        copy.close()
        source.close()


def keep(backups: Iterable[Backup]) -> set[Path]:
    """Which backups rotation keeps: the newest of each of the last 7 days that have one,
    and the newest of each of the 4 weeks before those (ISO weeks, UTC)."""
    newest_first = sorted(backups, key=lambda b: b.made_at, reverse=True)
    kept: set[Path] = set()
    days: list[date] = []
    for backup in newest_first:
        day = backup.made_at.date()
        if day not in days and len(days) < DAILY:
            days.append(day)
            kept.add(backup.path)
    weeks: list[tuple[int, int]] = []
    for backup in newest_first:
        week = (backup.made_at.isocalendar().year, backup.made_at.isocalendar().week)
        if days and backup.made_at.date() >= min(days):  # a daily one already
            continue
        if week not in weeks and len(weeks) < WEEKLY:
            weeks.append(week)
            kept.add(backup.path)
    return kept


def cap_bytes(cap_mb: int, database: Path) -> int:
    """The backups' size cap: the setting in MB, or 3 x the desk's size when it is 0."""
    if cap_mb > 0:
        return cap_mb * 1024 * 1024
    size = sum(p.stat().st_size for p in (database, Path(f"{database}-wal")) if p.exists())
    return CAP_FACTOR * size


def rotate(folder: Path, database: Path, cap: int) -> list[Path]:
    """Remove the backups rotation does not keep, then the oldest while the rest take more
    than `cap` bytes; the newest is always kept. Returns what was removed."""
    backups = list_backups(folder, database)
    kept = keep(backups)
    removed = [b.path for b in backups if b.path not in kept]
    left = [b for b in backups if b.path in kept]  # newest first
    total = sum(b.size for b in left)
    while len(left) > 1 and total > cap:
        oldest = left.pop()
        total -= oldest.size
        removed.append(oldest.path)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def changed_since(database: Path, backup: Backup | None) -> bool:
    """Whether the desk was written after `backup` was made (or there is none)."""
    if backup is None:
        return True
    written = max((p.stat().st_mtime for p in (database, Path(f"{database}-wal")) if p.exists()),
                  default=0.0)
    return written > backup.made_at.timestamp() + 1  # names keep whole seconds


def due(folder: Path, database: Path, now: datetime, *, every: timedelta = timedelta(days=1),
        ) -> bool:
    """Whether a backup is due while the window runs: none for a day, and something changed."""
    backups = list_backups(folder, database)
    newest = backups[0] if backups else None
    return (newest is None or now - newest.made_at >= every) and changed_since(database, newest)


def unpack(source: Path, target: Path) -> None:
    """Copy a backup to `target` (0600), gunzipped or unxz'ed when it is compressed."""
    with source.open("rb") as handle:
        head = handle.read(6)
    private_file(target)
    with contextlib.ExitStack() as stack:
        plain: IO[bytes] | gzip.GzipFile | lzma.LZMAFile
        if head[:2] == b"\x1f\x8b":
            plain = stack.enter_context(gzip.open(source, "rb"))
        elif head == b"\xfd7zXZ\x00":
            plain = stack.enter_context(lzma.open(source, "rb"))
        else:
            plain = stack.enter_context(source.open("rb"))
        out = stack.enter_context(target.open("wb"))
        shutil.copyfileobj(plain, out, CHUNK)
        out.flush()
        with contextlib.suppress(OSError):
            os.fsync(out.fileno())


class BackgroundBackup:
    """One automatic backup at a time, on a daemon thread: started when the window opens
    (if the last one was abandoned), once a day, and when it closes; stopped cleanly when
    closing cannot wait for it. No Qt: the window polls `running` and calls `finish`."""

    def __init__(self, database: Path, folder: Path, cap_mb: int) -> None:
        self.database, self.folder, self.cap_mb = database, folder, cap_mb
        self.cancel = threading.Event()
        self.thread: threading.Thread | None = None
        self.made: Backup | None = None
        self.error: str | None = None

    @property
    def running(self) -> bool:
        """Whether a backup is being made now."""
        return self.thread is not None and self.thread.is_alive()

    def needed(self) -> bool:
        """Whether the desk changed since its newest backup."""
        backups = list_backups(self.folder, self.database)
        return changed_since(self.database, backups[0] if backups else None)

    def start(self, now: datetime | None = None) -> bool:
        """Begin a backup unless one is running; True if one was begun."""
        if self.running:
            return False
        self.cancel = threading.Event()
        self.error = None
        self.thread = threading.Thread(target=self._run, args=(now, self.cancel),
                                       name="leaddesk-backup", daemon=True)
        self.thread.start()
        return True

    def _run(self, now: datetime | None, cancel: threading.Event) -> None:
        try:
            self.made = make_backup(self.database, self.folder, now=now, cancel=cancel)
            rotate(self.folder, self.database, cap_bytes(self.cap_mb, self.database))
        except BackupStopped:
            pass
        except (OSError, sqlite3.Error) as exc:  # a full disk, a moved folder: said, not fatal
            self.error = str(exc)

    def finish(self, within: float) -> bool:
        """Wait up to `within` seconds for a running backup; past that, stop it (its
        partial files go; the next start makes it again). True if it finished."""
        if self.thread is None:
            return True
        self.thread.join(max(within, 0.0))
        if not self.thread.is_alive():
            return True
        self.cancel.set()
        self.thread.join(STOP_WAIT_S)  # a step or a chunk: milliseconds
        return False
