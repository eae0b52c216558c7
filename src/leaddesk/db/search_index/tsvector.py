"""The index on PostgreSQL: two tables of tsvectors (messages, contacts) with GIN indexes,
keyed by the message's or the contact's id and removed with it; and pg_trgm indexes for
the search filters that look inside a text (owner:, article:)."""

from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    String,
    TableClause,
    bindparam,
    column,
    delete,
    func,
    select,
    table,
    text,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.elements import ColumnClause, ColumnElement, literal_column

from leaddesk.db.search_index.text import CHUNK, plain_words
from leaddesk.domain.query import Query
from leaddesk.domain.searchtext import as_prefix, query_tokens

# The document columns are left untyped: the type would load PostgreSQL's dialect in
# every command on a SQLite desk too, and what is written goes through to_tsvector.
MESSAGES = table("message_search", column("message_id", Integer), column("document"))
CONTACTS = table("contact_search", column("contact_id", Integer), column("document"))
TABLES = (MESSAGES.name, CONTACTS.name)
_KEYS = {MESSAGES.name: ("message_id", "messages"), CONTACTS.name: ("contact_id", "contacts")}
TRIGRAM_INDEXES = {"ix_contacts_owner_trgm": ("contacts", "lower(owner)"),
                   "ix_articles_title_trgm": ("articles", "lower(title)")}
# the text search configuration: words as they are, no stems, no stop words
_SIMPLE: ColumnClause[str] = literal_column("'simple'", String)


def ts_query(query: Query) -> str | None:
    """The query for to_tsquery('simple', ...): every word as a prefix, Chinese as a
    phrase of pairs (the same hits as FTS5's expression)."""
    def term(value: str, prefix: bool) -> str | None:
        tokens = query_tokens(value)
        if not tokens:
            return None
        if len(tokens) == 1:
            return f"'{tokens[0]}'" + (":*" if prefix and as_prefix(tokens) else "")
        return "(" + " <-> ".join(f"'{t}'" for t in tokens) + ")"

    parts = [t for t in [term(w, True) for w in query.words] + [term(p, False) for p in query.phrases]
             if t]
    if not parts:
        return None
    excluded = [t for t in (term(x, False) for x in query.excluded) if t]
    return " & ".join(parts + [f"!{t}" for t in excluded])


def create_trigram_indexes(connection: Connection) -> bool:
    """pg_trgm's indexes for `owner:` and `article:`; where the server does not let this
    user add the extension, the filters still work, only without them."""
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError:
        return False
    for name, (target, expression) in TRIGRAM_INDEXES.items():
        connection.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target} "
                                f"USING GIN ({expression} gin_trgm_ops)"))
    return True


def drop_trigram_indexes(connection: Connection) -> None:
    """Remove them (a downgrade)."""
    for name in TRIGRAM_INDEXES:
        connection.execute(text(f"DROP INDEX IF EXISTS {name}"))


def _write(connection: Connection, target: TableClause, key: str, rows: list[tuple[int, str]]) -> None:
    from sqlalchemy.dialects.postgresql import insert

    statement = insert(target).values({key: bindparam("key"), "document": func.to_tsvector(
        _SIMPLE, bindparam("words"))}).on_conflict_do_nothing()
    params = [{"key": row_id, "words": plain_words(words)} for row_id, words in rows]
    for start in range(0, len(params), CHUNK):
        connection.execute(statement, params[start:start + CHUNK])


def _delete(connection: Connection, target: TableClause, key: str, ids: list[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        connection.execute(delete(target).where(target.c[key].in_(ids[start:start + CHUNK])))


def _matches(target: TableClause) -> ColumnElement[bool]:
    return target.c.document.op("@@")(_words())  # type: ignore[no-any-return]


@cache
def _words() -> ColumnElement[Any]:
    """The query's words as a tsquery. Made on first use: SQLAlchemy compiles to_tsquery
    only once PostgreSQL's dialect, loaded then and not before, has registered it."""
    import sqlalchemy.dialects.postgresql  # noqa: F401

    return func.to_tsquery(_SIMPLE, bindparam("words", type_=String))


# Each search's statements are made once and given their values per search (building a
# SELECT costs a fifth of a millisecond).
@cache
def _messages(relevance: bool) -> Select[int]:
    found = select(MESSAGES.c.message_id.label("id")).where(_matches(MESSAGES))
    order = func.ts_rank(MESSAGES.c.document, _words()).desc() if relevance else MESSAGES.c.message_id.desc()
    return found.order_by(order).limit(bindparam("limit", type_=Integer))


@cache
def _contacts() -> Select[int]:
    return select(CONTACTS.c.contact_id.label("id")).where(_matches(CONTACTS)).limit(
        bindparam("limit", type_=Integer))


class TsvectorIndex:
    """The full-text index of a PostgreSQL desk."""

    def create(self, connection: Connection) -> None:
        """Both tables and their GIN indexes, and the trigram indexes, unless they are there."""
        create_trigram_indexes(connection)
        for name, (key, target) in _KEYS.items():
            connection.execute(text(
                f"CREATE TABLE IF NOT EXISTS {name} ("
                f"{key} INTEGER PRIMARY KEY REFERENCES {target}(id) ON DELETE CASCADE, "
                "document TSVECTOR NOT NULL)"))
            connection.execute(text(
                f"CREATE INDEX IF NOT EXISTS ix_{name}_document ON {name} USING GIN (document)"))

    def drop(self, connection: Connection, *, contacts_only: bool = False) -> None:
        """Remove the tables (a downgrade)."""
        for name in (CONTACTS.name,) if contacts_only else TABLES:
            connection.execute(text(f"DROP TABLE IF EXISTS {name}"))

    def rebuild(self, connection: Connection) -> None:
        """Nothing to write again: a tsvector has no options fixed when its table is made."""

    def write_messages(self, connection: Connection, rows: list[tuple[int, str]]) -> None:
        """Add (message id, document) rows; one already indexed stays as it is."""
        _write(connection, MESSAGES, "message_id", rows)

    def delete_messages(self, connection: Connection, ids: list[int]) -> None:
        """Nothing to do: an entry goes with its message (ON DELETE CASCADE)."""

    def write_contacts(self, connection: Connection, rows: list[tuple[int, str]]) -> None:
        """Add (contact id, document) rows."""
        _write(connection, CONTACTS, "contact_id", rows)

    def delete_contacts(self, connection: Connection, ids: list[int]) -> None:
        """Remove contacts' entries."""
        _delete(connection, CONTACTS, "contact_id", ids)

    def messages(self, query: Query, limit: int, within: Select[int] | None,
                 relevance: bool, few: bool = False) -> Select[int] | None:
        """Ids of matching messages newest first (or best first, by ts_rank), only among
        the ids `within` selects if given (`few` or many: PostgreSQL's planner picks)."""
        words = ts_query(query)
        if words is None:
            return None
        found = _messages(relevance)
        if within is not None:
            found = found.where(MESSAGES.c.message_id.in_(within))
        return found.params(words=words, limit=limit)

    def contacts(self, query: Query, limit: int) -> Select[int] | None:
        """Ids of contacts holding every word (or its prefix)."""
        words = ts_query(query)
        if words is None:
            return None
        return _contacts().params(words=words, limit=limit)
