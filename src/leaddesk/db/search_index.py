"""The full-text index of messages, kept beside the ORM tables: SQLite FTS5 with the
unicode61 tokenizer, PostgreSQL a tsvector column with a GIN index. Both index the same
text (domain.searchtext: Chinese as overlapping pairs), so both give the same hits."""

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from leaddesk.domain.searchtext import index_text

FTS_TABLE = "message_fts"
PG_TABLE = "message_search"
CONTACT_FTS = "contact_fts"
CONTACT_PG = "contact_search"
SEARCH_TABLES = (FTS_TABLE, PG_TABLE, CONTACT_FTS, CONTACT_PG)  # made here, not by the ORM
# PostgreSQL: trigram indexes for the filters that look inside a text (owner:, article:)
TRIGRAM_INDEXES = {"ix_contacts_owner_trgm": ("contacts", "lower(owner)"),
                   "ix_articles_title_trgm": ("articles", "lower(title)")}
CHUNK = 5000
# Prefix indexes for 3 to 12 letters: a typed word also finds the words it begins, and
# FTS5 answers that from one list instead of merging every longer word's (on a million
# messages: "the"* 20 ms -> 0.5 ms, "navigation"* 9 ms -> 0.2 ms; the index grows by a
# third, the longer lengths cost little since few words are that long).
FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8 9 10 11 12'"
_WORD = re.compile(r"\w+")


def is_search_table(name: str) -> bool:
    """FTS5's own shadow tables count too (message_fts_data, ...)."""
    return any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """For Alembic: the search index is made here per database, not from the models."""
    if type_ == "index":
        return (name or "") not in TRIGRAM_INDEXES
    return not (type_ == "table" and is_search_table(name or ""))


def create_search_index(connection: Connection) -> None:
    """Create the indexes of messages and of contacts for the connection's database."""
    if connection.dialect.name == "sqlite":
        for table in (FTS_TABLE, CONTACT_FTS):
            connection.execute(text(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(document, {FTS_OPTIONS})"))
        return
    create_trigram_indexes(connection)
    for table, key, target in ((PG_TABLE, "message_id", "messages"),
                               (CONTACT_PG, "contact_id", "contacts")):
        connection.execute(text(
            f"CREATE TABLE IF NOT EXISTS {table} ("
            f"{key} INTEGER PRIMARY KEY REFERENCES {target}(id) ON DELETE CASCADE, "
            "document TSVECTOR NOT NULL)"))
        connection.execute(text(
            f"CREATE INDEX IF NOT EXISTS ix_{table}_document ON {table} USING GIN (document)"))


def create_trigram_indexes(connection: Connection) -> bool:
    """PostgreSQL's pg_trgm indexes for `owner:` and `article:`; where the server does not
    let this user add the extension, the filters still work, only without them."""
    if connection.dialect.name != "postgresql":
        return False
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError:
        return False
    for name, (table, expression) in TRIGRAM_INDEXES.items():
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
                                f"USING GIN ({expression} gin_trgm_ops)"))
    return True


def rebuild_fts(connection: Connection, table: str) -> None:
    """Write a SQLite index again with today's options, from the documents it holds."""
    connection.execute(text(f"CREATE VIRTUAL TABLE {table}_rebuilt USING fts5(document, {FTS_OPTIONS})"))
    connection.execute(text(f"INSERT INTO {table}_rebuilt (rowid, document) "
                            f"SELECT rowid, document FROM {table}"))
    connection.execute(text(f"DROP TABLE {table}"))
    connection.execute(text(f"ALTER TABLE {table}_rebuilt RENAME TO {table}"))


def drop_search_index(connection: Connection) -> None:
    """Remove the indexes (downgrade)."""
    tables = (FTS_TABLE, CONTACT_FTS) if connection.dialect.name == "sqlite" else (PG_TABLE, CONTACT_PG)
    for table in tables:
        connection.execute(text(f"DROP TABLE IF EXISTS {table}"))


def document(body: str, subject: str = "", author: str = "") -> str:
    """What one message contributes to the index: its text with Chinese as pairs."""
    return index_text(" ".join(part for part in (subject, author, body) if part))


def _plain_words(text: str) -> str:
    """Plain words separated by spaces: PostgreSQL's parser would otherwise keep a URL or
    an email address whole, where SQLite's tokenizer splits them as this does."""
    return " ".join(_WORD.findall(text))


def index_messages(connection: Connection, rows: Iterable[tuple[int, str]]) -> int:
    """Add (message id, document) rows, in the caller's transaction. The rows go to the
    driver as they are: a big import writes a hundred thousand of them."""
    if connection.dialect.name == "sqlite":
        params = list(rows)
        statement = f"INSERT INTO {FTS_TABLE} (rowid, document) VALUES (?, ?)"
    else:
        params = [(key, _plain_words(text)) for key, text in rows]
        statement = (f"INSERT INTO {PG_TABLE} (message_id, document) "
                     "VALUES (%s, to_tsvector('simple', %s)) ON CONFLICT DO NOTHING")
    for start in range(0, len(params), CHUNK):
        connection.exec_driver_sql(statement, params[start:start + CHUNK])
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


def index_batch(connection: Connection, batch_id: int, after: int = 0) -> int:
    """Index the messages one import batch wrote after message `after`; the highest id
    indexed (`after` if none), for the next call."""
    rows = connection.execute(text(
        "SELECT id, body, subject, author FROM messages WHERE import_batch_id = :batch "
        "AND id > :after ORDER BY id"), {"batch": batch_id, "after": after}).all()
    index_messages(connection, ((r[0], document(r[1], r[2], r[3])) for r in rows))
    return rows[-1][0] if rows else after


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


def reindex_contacts(connection: Connection, contact_ids: Iterable[int]) -> None:
    """Write again the index entries of these contacts: name, company, notes and every
    identity (a contact that no longer exists just leaves the index)."""
    ids = sorted(set(contact_ids))
    sqlite = connection.dialect.name == "sqlite"
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        listed = ",".join(str(int(i)) for i in chunk)
        if sqlite:
            connection.execute(text(f"DELETE FROM {CONTACT_FTS} WHERE rowid IN ({listed})"))
        else:
            connection.execute(text(f"DELETE FROM {CONTACT_PG} WHERE contact_id IN ({listed})"))
        found = {row[0]: [row[1], row[2], row[3]] for row in connection.execute(text(
            f"SELECT id, name, company, notes FROM contacts WHERE id IN ({listed}) "
            "AND merged_into_id IS NULL"))}
        for contact_id, value in connection.execute(text(
                f"SELECT contact_id, value FROM identities WHERE contact_id IN ({listed})")):
            if contact_id in found:
                found[contact_id].append(value)
        rows = [{"id": i, "doc": " ".join(_WORD.findall(index_text(" ".join(filter(None, parts)))))}
                for i, parts in found.items()]
        if not rows:
            continue
        if sqlite:
            connection.execute(text(f"INSERT INTO {CONTACT_FTS} (rowid, document) VALUES (:id, :doc)"),
                               rows)
        else:
            connection.execute(text(f"INSERT INTO {CONTACT_PG} (contact_id, document) "
                                    "VALUES (:id, to_tsvector('simple', :doc))"), rows)


def index_all_contacts(connection: Connection) -> None:
    """Index every contact (a new synthetic desk, or the migration)."""
    ids = [row[0] for row in connection.execute(text("SELECT id FROM contacts"))]
    reindex_contacts(connection, ids)
