"""Whether a database setting names a desk that can be opened: checked when it is typed
(the settings dialog) and before the desk opens (a missing file is never silently made
again at a path that held one)."""

import sqlite3
from pathlib import Path

from leaddesk import paths
from leaddesk.db.engine import database_url
from leaddesk.services.backups import list_backups

SQLITE_HEADER = b"SQLite format 3\x00"


def desk_file_problem(text: str) -> str | None:
    """Why `text` (a file path; a URL is checked when it connects) cannot be a desk, in
    one line, or None. A file not there yet is fine where its folder is."""
    text = text.strip()
    if not text or "://" in text:
        return None
    path = Path(text).expanduser().resolve()
    if path.is_dir():
        return f"{path}: a folder, not a desk file"
    if not path.parent.is_dir():
        return f"{path}: the folder {path.parent} does not exist"
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return f"{path}: not a LeadDesk desk (it is not a database)"
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        return f"{path}: cannot be read ({exc})"
    if not {"alembic_version", "messages"} <= tables:
        return f"{path}: not a LeadDesk desk (it holds other tables)"
    return None


def missing_desk(db: str | None) -> Path | None:
    """The SQLite file `db` (or the default) names when it is not there, or None."""
    url = database_url(db)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    path = Path(str(url.database))
    return None if path.exists() else path


def first_start(database: Path, backup_folder: str = "") -> bool:
    """Whether a missing desk is simply the first: the default file, never backed up."""
    default = paths.default_database().expanduser().resolve()
    return database.resolve() == default and not list_backups(paths.backups_dir(backup_folder),
                                                               database)
