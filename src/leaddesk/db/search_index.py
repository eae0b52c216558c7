"""The full-text index of messages, kept beside the ORM tables: SQLite FTS5 with the
unicode61 tokenizer, PostgreSQL a tsvector column with a GIN index. Both index the same
text (domain.searchtext: Chinese as overlapping pairs), so both give the same hits."""

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text

from leaddesk.domain.searchtext import index_text

FTS_TABLE = "message_fts"
PG_TABLE = "message_search"
SEARCH_TABLES = (FTS_TABLE, PG_TABLE)  # managed here, not by the ORM metadata
CHUNK = 5000
_WORD = re.compile(r"\w+")


def is_search_table(name: str) -> bool:
    """FTS5's own shadow tables count too (message_fts_data, ...)."""
    return any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """For Alembic: the search index is made here per database, not from the models."""
    return not (type_ == "table" and is_search_table(name or ""))


def create_search_index(connection: Connection) -> None:
    """Create the index for the connection's database (idempotent)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "document, tokenize = 'unicode61 remove_diacritics 2')"))
    else:
        connection.execute(text(
            f"CREATE TABLE IF NOT EXISTS {PG_TABLE} ("
            "message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE, "
            "document TSVECTOR NOT NULL)"))
        connection.execute(text(
            f"CREATE INDEX IF NOT EXISTS ix_{PG_TABLE}_document ON {PG_TABLE} USING GIN (document)"))


def drop_search_index(connection: Connection) -> None:
    """Remove the index (downgrade)."""
    name = FTS_TABLE if connection.dialect.name == "sqlite" else PG_TABLE
    connection.execute(text(f"DROP TABLE IF EXISTS {name}"))


def document(body: str, subject: str = "", author: str = "") -> str:
    """What one message contributes to the index: plain words separated by spaces, so
    that both databases' parsers see the same words (PostgreSQL's would otherwise keep a
    URL or an email address whole)."""
    indexed = index_text(" ".join(part for part in (subject, author, body) if part))
    return " ".join(_WORD.findall(indexed))


def index_messages(connection: Connection, rows: Iterable[tuple[int, str]]) -> int:
    """Add (message id, document) rows, in the caller's transaction."""
    params = [{"id": i, "doc": d} for i, d in rows]
    if connection.dialect.name == "sqlite":
        statement = text(f"INSERT INTO {FTS_TABLE} (rowid, document) VALUES (:id, :doc)")
    else:
        statement = text(f"INSERT INTO {PG_TABLE} (message_id, document) "
                         "VALUES (:id, to_tsvector('simple', :doc)) ON CONFLICT DO NOTHING")
    for start in range(0, len(params), CHUNK):
        connection.execute(statement, params[start:start + CHUNK])
    return len(params)


def unindex_messages(connection: Connection, ids: Sequence[int]) -> None:
    """Remove messages from the index before they are deleted (SQLite; PostgreSQL
    cascades)."""
    if connection.dialect.name != "sqlite":
        return
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start:start + CHUNK])
        connection.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN "
                                f"({','.join(str(int(i)) for i in chunk)})"))


def index_batch(connection: Connection, batch_id: int) -> int:
    """Index the messages one import batch wrote."""
    rows = connection.execute(text(
        "SELECT id, body, subject, author FROM messages WHERE import_batch_id = :batch"),
        {"batch": batch_id}).all()
    return index_messages(connection, ((r[0], document(r[1], r[2], r[3])) for r in rows))


def index_all(connection: Connection, chunk: int = 50_000) -> int:
    """Index every message (a new synthetic desk), reading in chunks."""
    done, last = 0, 0
    while True:
        rows = connection.execute(text(
            "SELECT id, body, subject, author FROM messages WHERE id > :last ORDER BY id LIMIT :n"),
            {"last": last, "n": chunk}).all()
        if not rows:
            return done
        done += index_messages(connection, ((r[0], document(r[1], r[2], r[3])) for r in rows))
        last = rows[-1][0]
