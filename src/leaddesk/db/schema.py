"""Bringing a database to the schema this LeadDesk knows: create, upgrade, or refuse."""

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError

from leaddesk.db import search_index
from leaddesk.db.base import Base
from leaddesk.db.engine import describe
from leaddesk.errors import DatabaseError
from leaddesk.paths import private_file

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest revision, known without loading Alembic (which costs start-up time);
# tests/db/test_schema.py checks it against the migration scripts.
HEAD = "0024"

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config(connection: Connection | None = None) -> "Config":
    """Alembic's configuration, pointed at the migrations shipped in the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this LeadDesk knows."""
    return HEAD


def script_head() -> str | None:
    """The newest revision as the migration scripts say (slow: loads Alembic)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    """The revision a database is stamped with, or None when it has none."""
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revision(revision: str) -> bool:
    """Whether this LeadDesk's migrations know `revision` (slow: loads Alembic)."""
    return _known(revision)


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return any(rev.revision == revision for rev in script.walk_revisions())


def backup_sqlite(engine: Engine, target: Path) -> Path:
    """A consistent copy of a SQLite database, through SQLite's online backup."""
    source = Path(describe(engine.url))
    private_file(target)  # SQLite would make it with the umask's mode
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A transaction to change the schema in. On SQLite, foreign keys are off while it
    runs: a migration copies a table to alter it, and dropping the old copy with them on
    would delete every row that points at it (a contact's identities, say). Whether every
    reference still holds is checked before it commits."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:  # a pragma SQLite ignores inside a transaction: set before one begins
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        try:
            with connection.begin():
                yield connection
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"the schema change left {len(broken)} rows pointing "
                                            f"at nothing (first: {tuple(broken[0])}); nothing was changed")
        finally:
            if sqlite:  # the connection goes back to the pool as every other one is
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _backup_before_upgrade(engine: Engine, revision: str) -> Path | None:
    if engine.url.get_backend_name() != "sqlite":
        return None
    source = Path(describe(engine.url))
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.name}.before-upgrade-{revision}-{stamp}")
    if target.exists():
        shutil.move(str(target), str(target) + ".old")
    return backup_sqlite(engine, target)


def prepare(engine: Engine) -> str:
    """Make the database ready: create a new one at head, upgrade an older one after
    saving a copy, refuse a foreign or newer one. Returns what was done."""
    name = describe(engine.url)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = current_revision(connection) if "alembic_version" in tables else None
    except DBAPIError as exc:
        raise DatabaseError(f"{name}: cannot open the database: {_reason(exc)}") from None
    head = head_revision()
    if not tables:
        from alembic import command

        with engine.begin() as connection:
            Base.metadata.create_all(connection)
            search_index.create(connection)
            command.stamp(alembic_config(connection), "head")
        return "created"
    if revision is None:
        raise DatabaseError(f"{name}: not a LeadDesk database (it holds other tables)")
    if revision == head:
        return "current"
    if not _known(revision):
        raise DatabaseError(
            f"{name}: written by a newer LeadDesk (schema {revision}); install that version"
        )
    from alembic import command

    _backup_before_upgrade(engine, revision)
    with migrating(engine) as connection:
        command.upgrade(alembic_config(connection), "head")
    return "upgraded"


def _reason(exc: DBAPIError) -> str:
    text = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    if isinstance(exc, OperationalError) and "locked" in text:
        return "it is locked by another program; try again when it is done"
    return text
