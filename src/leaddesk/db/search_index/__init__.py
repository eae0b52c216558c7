"""The full-text index of messages and of contacts, for both databases: made, written,
emptied, rebuilt and searched here and nowhere else. SQLite keeps it in FTS5 tables
(`fts5`), PostgreSQL in tsvector tables with GIN indexes, and pg_trgm indexes for the
filters that look inside a text (`tsvector`). Both index the same text (Chinese as
overlapping pairs, `text`), so both give the same hits. Every function works in the
caller's transaction; the services that change a message or a contact call them."""

from collections.abc import Iterable, Sequence
from typing import Protocol

from sqlalchemy import ColumnElement, Connection, Select, inspect, select

from leaddesk.db.models import Contact, Identity, Message
from leaddesk.db.search_index import fts5, tsvector
from leaddesk.db.search_index.text import CHUNK, contact_document, document
from leaddesk.domain.query import Query

__all__ = ["SEARCH_TABLES", "TRIGRAM_INDEXES", "create", "create_trigram_indexes", "document",
           "drop", "drop_trigram_indexes", "include_object", "index_all", "index_all_contacts",
           "index_batch", "index_messages", "is_search_table", "match_contacts", "match_messages",
           "rebuild", "reindex_contacts", "unindex_messages"]

SEARCH_TABLES = fts5.TABLES + tsvector.TABLES  # made here, not by the ORM
TRIGRAM_INDEXES = tsvector.TRIGRAM_INDEXES


class FullTextIndex(Protocol):
    """What each database's index does; the functions below pick the connection's."""

    def create(self, connection: Connection) -> None: ...
    def drop(self, connection: Connection, *, contacts_only: bool = False) -> None: ...
    def rebuild(self, connection: Connection) -> None: ...
    def write_messages(self, connection: Connection, rows: list[tuple[int, str]]) -> None: ...
    def delete_messages(self, connection: Connection, ids: list[int]) -> None: ...
    def write_contacts(self, connection: Connection, rows: list[tuple[int, str]]) -> None: ...
    def delete_contacts(self, connection: Connection, ids: list[int]) -> None: ...
    def messages(self, query: Query, limit: int, within: Select[int] | None,
                 relevance: bool, few: bool = False) -> Select[int] | None: ...
    def contacts(self, query: Query, limit: int) -> Select[int] | None: ...


_SQLITE, _POSTGRESQL = fts5.Fts5Index(), tsvector.TsvectorIndex()


def _index(connection: Connection) -> FullTextIndex:
    return _SQLITE if connection.dialect.name == "sqlite" else _POSTGRESQL


def is_search_table(name: str) -> bool:
    """Whether a table is the index's; FTS5's own shadow tables count too (message_fts_data, ...)."""
    return any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """For Alembic: the search index is made here per database, not from the models."""
    if type_ == "index":
        return (name or "") not in TRIGRAM_INDEXES
    return not (type_ == "table" and is_search_table(name or ""))


def create(connection: Connection) -> None:
    """Make the indexes of messages and of contacts (those not there yet)."""
    _index(connection).create(connection)


def drop(connection: Connection, *, contacts_only: bool = False) -> None:
    """Remove the indexes, or only the contacts' (downgrades)."""
    _index(connection).drop(connection, contacts_only=contacts_only)


def rebuild(connection: Connection) -> None:
    """Write the index again with today's options, from what it holds (SQLite's FTS5
    tables fix their tokenizer and prefix lengths when made; PostgreSQL's have none)."""
    _index(connection).rebuild(connection)


def create_trigram_indexes(connection: Connection) -> bool:
    """PostgreSQL's pg_trgm indexes for `owner:` and `article:` (whether they were made;
    SQLite has none)."""
    return connection.dialect.name == "postgresql" and tsvector.create_trigram_indexes(connection)


def drop_trigram_indexes(connection: Connection) -> None:
    """Remove them (a downgrade; nothing on SQLite)."""
    if connection.dialect.name == "postgresql":
        tsvector.drop_trigram_indexes(connection)


def index_messages(connection: Connection, rows: Iterable[tuple[int, str]]) -> int:
    """Add (message id, document) rows; how many."""
    listed = list(rows)
    _index(connection).write_messages(connection, listed)
    return len(listed)


def unindex_messages(connection: Connection, ids: Sequence[int]) -> None:
    """Remove messages from the index, before they are deleted."""
    _index(connection).delete_messages(connection, list(ids))


def _message_documents(connection: Connection, *where: ColumnElement[bool], limit: int | None = None
                       ) -> list[tuple[int, str]]:
    rows = connection.execute(select(Message.id, Message.body, Message.subject, Message.author)
                              .where(*where).order_by(Message.id).limit(limit)).all()
    return [(row[0], document(row[1], row[2], row[3])) for row in rows]


def index_batch(connection: Connection, batch_id: int, after: int = 0) -> int:
    """Index the messages one import batch wrote after message `after`; the highest id
    indexed (`after` if none), for the next call."""
    rows = _message_documents(connection, Message.import_batch_id == batch_id, Message.id > after)
    index_messages(connection, rows)
    return rows[-1][0] if rows else after


def index_all(connection: Connection, chunk: int = 50_000) -> int:
    """Index every message (a new synthetic desk, a migration), reading in chunks."""
    done, last = 0, 0
    while rows := _message_documents(connection, Message.id > last, limit=chunk):
        done += index_messages(connection, rows)
        last = rows[-1][0]
    return done


def reindex_contacts(connection: Connection, contact_ids: Iterable[int], *,
                     hide_deleted: bool = True) -> None:
    """Write again the index entries of these contacts: name, company, notes and every
    identity (a contact merged away, deleted, or no longer there, just leaves the index)."""
    index = _index(connection)
    ids = sorted(set(contact_ids))
    live = [Contact.merged_into_id.is_(None)] + ([Contact.deleted_at.is_(None)] if hide_deleted else [])
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        index.delete_contacts(connection, chunk)
        found: dict[int, list[str | None]] = {row[0]: [row[1], row[2], row[3]] for row in connection.execute(
            select(Contact.id, Contact.name, Contact.company, Contact.notes)
            .where(Contact.id.in_(chunk), *live))}
        for contact_id, value in connection.execute(
                select(Identity.contact_id, Identity.value).where(Identity.contact_id.in_(chunk))):
            if contact_id in found:
                found[contact_id].append(value)
        rows = [(contact_id, contact_document(parts)) for contact_id, parts in found.items()]
        if rows:
            index.write_contacts(connection, rows)


def index_all_contacts(connection: Connection) -> None:
    """Index every contact (a new synthetic desk, or the migration)."""
    # the migration that made the index (0006) runs before contacts could be deleted
    deletable = "deleted_at" in {column["name"] for column in inspect(connection).get_columns("contacts")}
    reindex_contacts(connection, connection.execute(select(Contact.id)).scalars(),
                     hide_deleted=deletable)


def match_messages(connection: Connection, query: Query, limit: int, *,
                   within: Select[int] | None = None, few: bool = False,
                   relevance: bool = False) -> Select[int] | None:
    """The ids of the messages a query's text finds, as a SELECT to run or to put inside
    another statement (no list of ids goes to Python and back): newest first, or with
    `relevance` best first, at most `limit`, and only among the message ids `within`
    selects (the few that a search's filters let through; `few`: a few hundred, each
    asked of the index). None when the query has no words the index can look for."""
    return _index(connection).messages(query, limit, within, relevance, few)


def match_contacts(connection: Connection, query: Query, limit: int) -> Select[int] | None:
    """The ids of the contacts whose name, company, notes or identities hold every word
    of the query (or its prefix), at most `limit`; None as for messages."""
    return _index(connection).contacts(query, limit)
