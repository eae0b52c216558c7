"""Every filesystem location LeadDesk uses, with one override for all of them, and the one
owner of how the desk's own files are made: folders 0700, files 0600, whatever the umask."""

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from platformdirs import user_data_dir

APP_NAME = "LeadDesk"
DATA_DIR_ENV = "LEADDESK_DATA_DIR"
FOLDER_MODE = 0o700
FILE_MODE = 0o600

_override: Path | None = None


def set_data_dir(path: str | Path | None) -> None:
    """Use `path` instead of the platform's user data folder (from --data-dir)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder of the default database and the settings: --data-dir, then
    LEADDESK_DATA_DIR, then the platform's user data folder."""
    if _override is not None:
        return _override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, APP_NAME))


def default_database() -> Path:
    """The SQLite file used when no --db or LEADDESK_DB is given."""
    return data_dir() / "leaddesk.db"


def settings_file() -> Path:
    """The user's settings (window state is kept apart, by Qt)."""
    return data_dir() / "settings.json"


def log_file() -> Path:
    """Where the command line and the window write what went wrong (scrubbed of secrets)."""
    return data_dir() / "leaddesk.log"


def passwords_file() -> Path:
    """The passwords, where the system has no keyring (see leaddesk.secrets)."""
    return data_dir() / "passwords.json"


def backups_dir(setting: str = "") -> Path:
    """The automatic backups: the folder the settings name, or `backups` in the data folder."""
    return Path(setting).expanduser().resolve() if setting else data_dir() / "backups"


def private_dir(path: Path) -> Path:
    """Make `path` (and missing parents) a folder only its owner can enter. A folder that
    already exists is tightened to 0700 only where it is LeadDesk's own (the data folder,
    the backups): a user's folder holding a --db file keeps its mode."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    if not missing and _ours(path):
        os.chmod(path, FOLDER_MODE)
    return path


def _ours(path: Path) -> bool:
    try:
        return path.resolve() == data_dir().resolve() or path.resolve().parent == data_dir().resolve()
    except OSError:
        return False


def private_file(path: Path) -> Path:
    """Create `path` empty with mode 0600 if it is missing, or tighten it to 0600 if not.
    SQLite gives a database's -wal and -shm the mode of the database file, so a desk
    made private before SQLite first opens it stays private."""
    private_dir(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):  # O_CREAT's mode is filtered by the umask, and an old file kept
            os.fchmod(descriptor, FILE_MODE)
        else:
            os.chmod(path, FILE_MODE)
    finally:
        os.close(descriptor)
    return path


def tighten(*files: Path) -> None:
    """Mode 0600 for each of `files` that exists (a desk's -wal, -shm, copies)."""
    for path in files:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(path, FILE_MODE)


def open_private(path: Path, mode: str = "a", encoding: str | None = "utf-8") -> IO[str]:
    """Open a text file for writing that is created (or kept) 0600: the log, a lock file."""
    private_file(path)
    return path.open(mode, encoding=encoding)


@contextlib.contextmanager
def atomic_private(path: Path, suffix: str = ".tmp") -> Iterator[IO[bytes]]:
    """Write `path` whole or not at all: a 0600 temporary beside it, flushed to disk and
    renamed over it, so a kill at any moment leaves the old file or the new one."""
    temporary = path.with_name(path.name + suffix)
    private_file(temporary)
    try:
        with temporary.open("wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    sync_dir(path.parent)


def sync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def beside(database: Path, suffix: str) -> Path:
    """A file that belongs to a SQLite desk, in its folder: `leaddesk.db` + `suffix`
    (`-wal`, `.open-lock`, `.import-lock`, `.in-use`, `.before-restore-TIME`...)."""
    return database.with_name(database.name + suffix)
