"""Putting a backup back in place of a SQLite desk: checked first, the current desk kept
beside it, swapped in with one rename, never while another LeadDesk has the desk open."""

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from leaddesk.db.schema import head_revision, known_revision
from leaddesk.errors import DatabaseError
from leaddesk.locks import FileLock
from leaddesk.paths import beside, sync_dir, tighten
from leaddesk.services.backups import unpack

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Restored:
    """What a restore did: the desk, the backup put back, and where the old desk is kept."""

    database: Path
    source: Path
    kept: Path | None
    revision: str


def check_backup(candidate: Path, name: str) -> str:
    """Refuse a file that is no whole LeadDesk database of this or an older schema;
    returns its schema revision. `name` is how the person calls the file."""
    with candidate.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise DatabaseError(f"{name}: not a database file (it is not SQLite)")
    connection = sqlite3.connect(candidate)
    try:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        if problems != ["ok"]:
            raise DatabaseError(f"{name}: damaged ({problems[0]}); choose another backup")
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if "alembic_version" not in tables or "messages" not in tables:
            raise DatabaseError(f"{name}: not a LeadDesk database (it holds other tables)")
        revision = str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{name}: damaged ({exc}); choose another backup") from None
    finally:
        connection.close()
    if revision != head_revision() and not known_revision(revision):
        raise DatabaseError(f"{name}: written by a newer LeadDesk (schema {revision}); "
                            "install that version to restore it")
    return revision


def restore(database: Path, source: Path, *, now: datetime | None = None) -> Restored:
    """Put `source` (a copy, or a gzip/xz automatic backup) in place of `database`.

    The backup is unpacked beside the desk and checked (integrity, a LeadDesk database,
    a schema no newer than this LeadDesk's) before anything else is touched. The current
    desk is checkpointed and kept as DESK.before-restore-TIME, then the checked copy is
    renamed over it: a kill at any moment leaves either the old desk or the restored one,
    whole. Refused while another LeadDesk has the desk open."""
    now = now or datetime.now(UTC)
    source, database = source.expanduser().resolve(), database.expanduser().resolve()
    if not source.is_file():
        raise DatabaseError(f"{source}: no such backup")
    if source == database:
        raise DatabaseError(f"{source}: that is the desk itself; name a backup")
    incoming = beside(database, ".restoring")
    for leftover in (incoming, beside(incoming, "-wal"), beside(incoming, "-shm")):
        leftover.unlink(missing_ok=True)
    lock = FileLock(beside(database, ".open-lock"))
    try:
        try:
            unpack(source, incoming)
        except (OSError, EOFError) as exc:  # a truncated or foreign compressed file
            raise DatabaseError(f"{source}: cannot be read as a backup ({exc})") from None
        revision = check_backup(incoming, str(source))
        if not lock.try_acquire():
            raise DatabaseError(f"{database}: open in another LeadDesk (the window or a "
                                "command); close it, then restore")
        kept = _keep_current(database, now)
        os.replace(incoming, database)  # the one moment the desk changes, atomically
        sync_dir(database.parent)
        tighten(database)
    finally:
        lock.release()
        for leftover in (incoming, beside(incoming, "-wal"), beside(incoming, "-shm")):
            leftover.unlink(missing_ok=True)
    return Restored(database, source, kept, revision)


def _keep_current(database: Path, now: datetime) -> Path | None:
    """Keep the desk as it is beside it (a hard link: no copy, no second of doubt), its
    last transactions first moved from the -wal into the file. A -wal that cannot be
    emptied (a damaged desk) goes with the kept file: it must never meet the restored
    one, whose pages it does not describe."""
    if not database.exists():
        return None
    with contextlib.suppress(sqlite3.DatabaseError):
        connection = sqlite3.connect(database)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            connection.close()
    kept = beside(database, f".before-restore-{now.astimezone(UTC).strftime('%Y%m%d-%H%M%S')}")
    try:
        os.link(database, kept)
    except OSError:  # a file system without hard links
        shutil.copy2(database, kept)
    tighten(kept)
    wal, shm = beside(database, "-wal"), beside(database, "-shm")
    if wal.exists() and wal.stat().st_size > 0:
        os.replace(wal, beside(kept, "-wal"))
    wal.unlink(missing_ok=True)
    shm.unlink(missing_ok=True)  # the old desk's index of its -wal
    sync_dir(database.parent)
    return kept
