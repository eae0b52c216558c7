"""Turning --db / LEADDESK_DB into an engine: SQLite files or a PostgreSQL server."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from leaddesk import passwords
from leaddesk.errors import DatabaseError
from leaddesk.paths import default_database, private_file, tighten

DB_ENV = "LEADDESK_DB"
BUSY_TIMEOUT_MS = 5000
_SCHEMES = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgresql": "postgresql+psycopg",
    "postgres": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}


def database_url(value: str | None = None) -> URL:
    """The database to use: --db value, then LEADDESK_DB, then the default SQLite file.

    A value with `://` is a URL (sqlite or postgresql); anything else is a file path. A
    PostgreSQL URL without a password gets the one the keyring holds for its login.
    """
    text = value or os.environ.get(DB_ENV) or str(default_database())
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    scheme = text.split("://", 1)[0].lower()
    if scheme not in _SCHEMES:
        raise DatabaseError(
            f"unknown database scheme {scheme!r}: give a file path, sqlite:///PATH "
            "or postgresql+psycopg://USER@HOST/NAME"
        )
    try:
        url = make_url(_SCHEMES[scheme] + "://" + text.split("://", 1)[1])
    except (ArgumentError, ValueError) as exc:
        reason = passwords.scrub(f"cannot read database URL {text!r}: {exc}")
        raise DatabaseError(reason) from None
    return passwords.with_password(url)


def describe(url: URL) -> str:
    """The database as a person would name it, without a password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def _check_sqlite_file(path: Path) -> None:
    if path.exists():
        with path.open("rb") as handle:
            header = handle.read(16)
        if header and header != b"SQLite format 3\x00":
            raise DatabaseError(f"{path}: not a database file (it is not SQLite)")
    # Made (or kept) 0600 before SQLite opens it: its -wal and -shm take the file's mode.
    private_file(path)
    tighten(path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # WAL lets the window read while an import writes; foreign keys are off by default.
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def make_engine(url: URL) -> Engine:
    """An engine for `url`, SQLite configured with WAL, foreign keys and a busy timeout."""
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            _check_sqlite_file(Path(url.database))
        engine = create_engine(url)
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


# What the searches filter on: small next to the messages, measured whole. A sample of
# 1,000 index rows saw one value of a 4-value column and told the planner "1,001 rows
# each", so `country:DE channel:wechat stage:won` was driven from every WeChat inquiry
# (348 ms on a million messages; from the German contacts who won, 7 ms).
EXACT_STATISTICS = ("contacts", "inquiries", "followups", "identities", "articles")


def refresh_statistics(engine: Engine) -> None:
    """Let the query planner see the data as it is now (after a big import): without
    statistics SQLite may drive a filtered search from a 4-value index and read ten
    times more rows. The messages are sampled (`analysis_limit` keeps this quick on a
    large desk), the tables the filters read are measured whole."""
    with engine.begin() as connection:
        if engine.url.get_backend_name() == "sqlite":
            analyze_sqlite(connection)
        else:
            connection.exec_driver_sql("ANALYZE")


def analyze_sqlite(connection: Connection) -> None:
    """SQLite's statistics: exact for EXACT_STATISTICS, sampled for the rest."""
    connection.exec_driver_sql("PRAGMA analysis_limit = 0")
    for table in EXACT_STATISTICS:
        connection.exec_driver_sql(f"ANALYZE {table}")
    connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
    connection.exec_driver_sql("ANALYZE messages")


@contextmanager
def sqlite_pragmas(connection: Connection, **values: int) -> Iterator[None]:
    """SQLite settings for one piece of work, restored after it (other databases: no
    change): a bigger page cache while an import updates many index pages, sorts in
    memory while a report orders its rows."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar() for name in values}
    for name, value in values.items():
        connection.exec_driver_sql(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        for name, was in before.items():
            connection.exec_driver_sql(f"PRAGMA {name} = {int(was or 0)}")
