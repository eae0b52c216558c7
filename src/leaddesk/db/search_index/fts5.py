"""The index on SQLite: two FTS5 tables (messages, contacts) with the unicode61 tokenizer,
whose rowid is the message's or the contact's id, so that "newest first" is FTS5's own
rowid order and the newest hundred of a million come back in a millisecond."""

from functools import cache

from sqlalchemy import (
    Connection,
    Integer,
    Select,
    TableClause,
    Text,
    bindparam,
    column,
    delete,
    exists,
    insert,
    select,
    table,
    text,
)
from sqlalchemy.sql.elements import ColumnElement, TextClause, literal_column

from leaddesk.db.search_index.text import CHUNK
from leaddesk.domain.query import Query
from leaddesk.domain.searchtext import as_prefix, query_tokens

MESSAGES = table("message_fts", column("rowid", Integer), column("document", Text),
                 column("rank", Integer))
CONTACTS = table("contact_fts", column("rowid", Integer), column("document", Text))
TABLES = (MESSAGES.name, CONTACTS.name)
# Prefix indexes for 3 to 12 letters: a typed word also finds the words it begins, and
# FTS5 answers that from one list instead of merging every longer word's (on a million
# messages: "the"* 20 ms -> 0.5 ms, "navigation"* 9 ms -> 0.2 ms; the index grows by a
# third, the longer lengths cost little since few words are that long).
OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8 9 10 11 12'"


def match_expression(query: Query) -> str | None:
    """An FTS5 MATCH expression: every word as a prefix, Chinese as a phrase of pairs."""
    found = [_term(term, prefix=True) for term in query.words]
    found += [_term(term, prefix=False) for term in query.phrases]
    parts = [p for p in found if p]
    if not parts:
        return None
    expression = " AND ".join(parts)
    for term in query.excluded:
        excluded = _term(term, prefix=False)
        if excluded:
            expression += f" NOT {excluded}"
    return expression


def _term(term: str, *, prefix: bool) -> str | None:
    tokens = query_tokens(term)
    if not tokens:
        return None
    phrase = '"' + " ".join(tokens) + '"'
    return phrase + "*" if prefix and as_prefix(tokens) else phrase


def _matches(fts: TableClause) -> ColumnElement[bool]:
    """`<table> MATCH :expression`: the whole row, as FTS5 reads it fastest."""
    return literal_column(fts.name).op("MATCH")(bindparam("expression", type_=Text)).self_group()  # type: ignore[no-any-return]


# Each search's statements are made once and given their values per search: building a
# SELECT costs a fifth of a millisecond, as much as FTS5 takes to find no hits at all.
@cache
def _messages(relevance: bool) -> Select[int]:
    found = select(MESSAGES.c.rowid.label("id")).where(_matches(MESSAGES))
    order = MESSAGES.c.rank if relevance else MESSAGES.c.rowid.desc()
    return found.order_by(order).limit(bindparam("limit", type_=Integer))


@cache
def _contacts() -> Select[int]:
    return select(CONTACTS.c.rowid.label("id")).where(_matches(CONTACTS)).limit(
        bindparam("limit", type_=Integer))


def _made(target: str) -> TextClause:
    """The statement that makes one of this module's tables with today's options (DDL
    names no value: nothing to bind)."""
    return text(f"CREATE VIRTUAL TABLE {target} USING fts5(document, {OPTIONS})")


def _write(connection: Connection, fts: TableClause, rows: list[tuple[int, str]]) -> None:
    """(rowid, document) rows to the driver as they are, the statement compiled once: a big
    import writes a hundred thousand of them, and SQLAlchemy's per-row handling would
    add a fifth to the index's own cost."""
    statement = str(insert(fts).compile(dialect=connection.dialect, column_keys=["rowid", "document"]))
    for start in range(0, len(rows), CHUNK):
        connection.exec_driver_sql(statement, rows[start:start + CHUNK])


def _delete(connection: Connection, fts: TableClause, ids: list[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        connection.execute(delete(fts).where(fts.c.rowid.in_(ids[start:start + CHUNK])))


class Fts5Index:
    """The full-text index of a SQLite desk."""

    def create(self, connection: Connection) -> None:
        """Both tables, unless they are there."""
        for name in TABLES:
            connection.execute(_made("IF NOT EXISTS " + name))

    def drop(self, connection: Connection, *, contacts_only: bool = False) -> None:
        """Remove the tables (a downgrade)."""
        for name in (CONTACTS.name,) if contacts_only else TABLES:
            connection.execute(text(f"DROP TABLE IF EXISTS {name}"))

    def rebuild(self, connection: Connection) -> None:
        """Write both tables again with today's options (the tokenizer and the prefix
        lengths are fixed when a table is made), from the documents they hold."""
        for name in TABLES:
            connection.execute(_made(f"{name}_rebuilt"))
            connection.execute(text(f"INSERT INTO {name}_rebuilt (rowid, document) "
                                    f"SELECT rowid, document FROM {name}"))
            connection.execute(text(f"DROP TABLE {name}"))
            connection.execute(text(f"ALTER TABLE {name}_rebuilt RENAME TO {name}"))

    def write_messages(self, connection: Connection, rows: list[tuple[int, str]]) -> None:
        """Add (message id, document) rows."""
        _write(connection, MESSAGES, rows)

    def delete_messages(self, connection: Connection, ids: list[int]) -> None:
        """Remove messages' entries (before the messages go: FTS5 has no foreign keys)."""
        _delete(connection, MESSAGES, ids)

    def write_contacts(self, connection: Connection, rows: list[tuple[int, str]]) -> None:
        """Add (contact id, document) rows."""
        _write(connection, CONTACTS, rows)

    def delete_contacts(self, connection: Connection, ids: list[int]) -> None:
        """Remove contacts' entries."""
        _delete(connection, CONTACTS, ids)

    def messages(self, query: Query, limit: int, within: Select[int] | None,
                 relevance: bool, few: bool = False) -> Select[int] | None:
        """Ids of matching messages newest first (or best first: `rank` is FTS5's bm25).
        `within`: FTS5 still reads its hits newest first and each is looked up among those
        ids (`rowid + 0`); with `few` the other way round, each of them a MATCH of its own
        on its rowid (45 us each: cheaper than the word's hundreds of thousands of hits
        only for a few hundred)."""
        expression = match_expression(query)
        if expression is None:
            return None
        if within is not None and few:  # each asked of FTS5: their number, not the word's
            among = within.subquery()
            asked = select(literal_column("1", Integer)).select_from(MESSAGES).where(
                _matches(MESSAGES), MESSAGES.c.rowid == among.c.id)
            return select(among.c.id.label("id")).where(exists(asked)).order_by(among.c.id.desc()) \
                .limit(bindparam("limit", type_=Integer)).params(expression=expression, limit=limit)
        found = _messages(relevance)
        if within is not None:
            found = found.where((MESSAGES.c.rowid + 0).in_(within))
        return found.params(expression=expression, limit=limit)

    def contacts(self, query: Query, limit: int) -> Select[int] | None:
        """Ids of contacts holding every word (or its prefix)."""
        expression = match_expression(query)
        if expression is None:
            return None
        return _contacts().params(expression=expression, limit=limit)
