"""Finding anything anyone said: messages through the full-text index, contacts through
their names and identities (phone numbers in any format), with filters, newest first."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select, text
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from leaddesk.db.models import Article, Contact, FollowUp, Identity, Inquiry, Message
from leaddesk.db.search_index import CONTACT_FTS, CONTACT_PG, FTS_TABLE, PG_TABLE
from leaddesk.domain.countries import region_for
from leaddesk.domain.identities import normalize_phone, region_hints
from leaddesk.domain.query import Query, parse_day, parse_query
from leaddesk.domain.searchtext import is_cjk, query_tokens

CANDIDATES = 5000  # index hits considered for a filtered query, newest first
COUNT_CAP = 10_000
PAGE = 2000  # index hits looked at per step of a filtered search
PAGED_SCAN = 50_000
SNIPPET = 70


@dataclass(frozen=True)
class SearchHit:
    """One message that matched, as `search --json` prints it."""

    inquiry_id: int
    message_id: int
    contact: str
    contact_id: int
    channel: str
    received_at: datetime
    snippet: str


@dataclass(frozen=True)
class SearchResult:
    """The newest hits and how many there are in all."""

    hits: list[SearchHit]
    total: int


def _fts_match(query: Query) -> str | None:
    """An FTS5 MATCH expression: every word as a prefix, Chinese as a phrase of pairs."""
    found = [_fts_term(term, prefix=True) for term in query.words]
    found += [_fts_term(term, prefix=False) for term in query.phrases]
    parts = [p for p in found if p]
    if not parts:
        return None
    expression = " AND ".join(parts)
    for term in query.excluded:
        excluded = _fts_term(term, prefix=False)
        if excluded:
            expression += f" NOT {excluded}"
    return expression


def _fts_term(term: str, *, prefix: bool) -> str | None:
    tokens = query_tokens(term)
    if not tokens:
        return None
    phrase = '"' + " ".join(tokens) + '"'
    return phrase + "*" if prefix and _as_prefix(tokens) else phrase


def _as_prefix(tokens: list[str]) -> bool:
    """Whether a typed word also matches as a prefix: a Latin word of three or more
    letters (shorter prefixes match a large part of the index and take a second on a
    million messages), or a single Chinese character."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    return len(token) == 1 if is_cjk(token) else len(token) >= 3


def _ts_query(query: Query) -> str | None:
    """The same for PostgreSQL's to_tsquery('simple', ...)."""
    def term(value: str, prefix: bool) -> str | None:
        tokens = query_tokens(value)
        if not tokens:
            return None
        if len(tokens) == 1:
            return f"'{tokens[0]}'" + (":*" if prefix and _as_prefix(tokens) else "")
        return "(" + " <-> ".join(f"'{t}'" for t in tokens) + ")"

    parts = [t for t in [term(w, True) for w in query.words] + [term(p, False) for p in query.phrases]
             if t]
    if not parts:
        return None
    excluded = [t for t in (term(x, False) for x in query.excluded) if t]
    return " & ".join(parts + [f"!{t}" for t in excluded])


def _index_hits(session: Session, query: Query, candidates: int,
                relevance: bool = False, before: int | None = None) -> tuple[list[int], int]:
    """Message ids the index finds (newest first, at most `candidates`) and their total
    (counted up to COUNT_CAP: "10,000+" is all a person needs to know)."""
    if session.bind is not None and session.get_bind().dialect.name == "sqlite":
        match = _fts_match(query)
        if match is None:
            return [], 0
        order = "rank" if relevance else "rowid DESC"  # rank is FTS5's bm25
        below = "AND rowid < :before " if before is not None else ""
        ids = session.execute(text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :m "
                                   f"{below}ORDER BY {order} LIMIT :n"),
                              {"m": match, "n": candidates, "before": before})
        if before is not None:
            return [row[0] for row in ids], 0
        total = session.scalar(text(f"SELECT count(*) FROM (SELECT rowid FROM {FTS_TABLE} "
                                    f"WHERE {FTS_TABLE} MATCH :m LIMIT :cap)"),
                               {"m": match, "cap": COUNT_CAP})
    else:
        tsq = _ts_query(query)
        if tsq is None:
            return [], 0
        order = ("ts_rank(document, to_tsquery('simple', :q)) DESC" if relevance
                 else "message_id DESC")
        below = "AND message_id < :before " if before is not None else ""
        ids = session.execute(text(f"SELECT message_id FROM {PG_TABLE} WHERE document @@ "
                                   f"to_tsquery('simple', :q) {below}ORDER BY {order} LIMIT :n"),
                              {"q": tsq, "n": candidates, "before": before})
        if before is not None:
            return [row[0] for row in ids], 0
        total = session.scalar(text(f"SELECT count(*) FROM (SELECT 1 FROM {PG_TABLE} WHERE "
                                    "document @@ to_tsquery('simple', :q) LIMIT :cap) AS hits"),
                               {"q": tsq, "cap": COUNT_CAP})
    return [row[0] for row in ids], int(total or 0)


def _contacts_by_phone(session: Session, written: str, default_region: str) -> list[int]:
    """Contacts reached at a number written any way: whole, with 00, or its last digits."""
    phone = normalize_phone(written, region_hints(None, default_region))
    digits = re.sub(r"\D", "", written).lstrip("0")
    conditions = [Identity.value == phone.value]
    if len(digits) >= 7:
        conditions.append(Identity.value.like(f"%{digits}"))
    return list(session.scalars(select(Identity.contact_id).where(
        Identity.kind == "phone", or_(*conditions)).distinct()))


def _contacts_by_text(session: Session, query: Query) -> list[int]:
    """Contacts whose name, company, notes or identities hold every word (or its prefix)."""
    positive = Query(words=query.words, phrases=query.phrases)
    if session.get_bind().dialect.name == "sqlite":
        match = _fts_match(positive)
        if match is None:
            return []
        rows = session.execute(text(f"SELECT rowid FROM {CONTACT_FTS} WHERE {CONTACT_FTS} MATCH :m "
                                    "LIMIT :n"), {"m": match, "n": CANDIDATES})
    else:
        tsq = _ts_query(positive)
        if tsq is None:
            return []
        rows = session.execute(text(f"SELECT contact_id FROM {CONTACT_PG} WHERE document @@ "
                                    "to_tsquery('simple', :q) LIMIT :n"), {"q": tsq, "n": CANDIDATES})
    return [row[0] for row in rows]


def find_contacts(session: Session, typed: str, *, limit: int = 500,
                  default_region: str = "") -> list[int]:
    """Contacts a person is looking for: by name, company, notes or identity words, or by a
    phone number in any format."""
    query = parse_query(typed)
    if query.phone:
        return _contacts_by_phone(session, query.phone, default_region)[:limit]
    return _contacts_by_text(session, query)[:limit]


def _filters(query: Query, now: datetime) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    values = query.filters
    if "channel" in values:
        conditions.append(Inquiry.channel.in_([v.lower() for v in values["channel"]]))
    if "stage" in values:
        conditions.append(Contact.stage.in_([v.lower() for v in values["stage"]]))
    if "country" in values:
        conditions.append(Contact.country.in_([region_for(v) or v.upper() for v in values["country"]]))
    if "owner" in values:
        conditions.append(or_(*[func.lower(Contact.owner).like(f"%{v.lower()}%")
                                for v in values["owner"]]))
    for value in values.get("article", []):
        conditions.append(exists().where(Article.id == Inquiry.article_id, or_(
            Article.code == value.upper(), func.lower(Article.title).like(f"%{value.lower()}%"))))
    for name, op in (("after", "ge"), ("before", "lt")):
        for value in values.get(name, []):
            day = parse_day(value)
            if day is not None:
                moment = datetime.combine(day, time(), UTC)
                conditions.append(Message.sent_at >= moment if op == "ge" else Message.sent_at < moment)
    for value in values.get("is", []):
        if value.lower() == "overdue":
            conditions.append(exists().where(FollowUp.contact_id == Contact.id,
                                             FollowUp.done_at.is_(None), FollowUp.due_at < now))
        elif value.lower() == "unanswered":
            latest = aliased(Message)
            last = select(latest.direction).where(latest.inquiry_id == Inquiry.id) \
                .order_by(latest.sent_at.desc(), latest.id.desc()).limit(1) \
                .correlate(Inquiry).scalar_subquery()
            conditions.append(last == "in")
    return conditions


def search(session: Session, typed: str, *, limit: int = 50, default_region: str = "",
           now: datetime | None = None, relevance: bool = False) -> SearchResult:
    """The newest messages matching a query (see domain.query for the language), or with
    `relevance` the best matches first (bm25 on SQLite, ts_rank on PostgreSQL)."""
    query = parse_query(typed)
    now = now or datetime.now(UTC)
    if query.has_text and query.filters and not query.phone and not relevance:
        return _filtered_search(session, query, limit, now)
    latest = Message.sent_at == Inquiry.last_message_at  # one hit per inquiry found otherwise
    sources: list[ColumnElement[bool]] = []
    total_hint = 0
    if query.phone:
        contacts = _contacts_by_phone(session, query.phone, default_region)
        sources.append(and_(Inquiry.contact_id.in_(contacts), latest))
    elif query.has_text:
        ids, total_hint = _index_hits(session, query,
                                      CANDIDATES if query.filters else max(3 * limit, 300),
                                      relevance)
        sources.append(Message.id.in_(ids))
        contacts = _contacts_by_text(session, query)
        if contacts:
            sources.append(and_(Inquiry.contact_id.in_(contacts), latest))
    elif query.filters:
        sources.append(latest)
    if not sources:
        return SearchResult([], 0)
    statement = (
        select(Message.id, Message.inquiry_id, Contact.name, Contact.id, Inquiry.channel,
               Message.sent_at, Message.body)
        .join(Inquiry, Inquiry.id == Message.inquiry_id)
        .join(Contact, Contact.id == Inquiry.contact_id)
        .where(or_(*sources), *_filters(query, now))
    )
    rows = session.execute(statement.order_by(Message.sent_at.desc(), Message.id.desc())
                           .limit(max(1, min(limit, 1000)) if not relevance else None)).all()
    if relevance and query.has_text and not query.phone:
        place = {message_id: i for i, message_id in enumerate(ids)}
        rows = sorted(rows, key=lambda r: place.get(r[0], len(place)))[: max(1, min(limit, 1000))]
    if len(rows) < limit:
        counted = len(rows)
    else:
        counted = session.scalar(select(func.count()).select_from(statement.subquery())) or 0
    total = max(counted, total_hint) if not query.filters and not query.phone else counted
    terms = query.words + query.phrases
    hits = [SearchHit(r[1], r[0], r[2], r[3], r[4], r[5], snippet(r[6], terms)) for r in rows]
    return SearchResult(hits, int(total))


def _hits_statement(condition: ColumnElement[bool], query: Query,
                    now: datetime) -> Select[int, int, str, int, str, datetime, str]:
    return (select(Message.id, Message.inquiry_id, Contact.name, Contact.id, Inquiry.channel,
                   Message.sent_at, Message.body)
            .join(Inquiry, Inquiry.id == Message.inquiry_id)
            .join(Contact, Contact.id == Inquiry.contact_id)
            .where(condition, *_filters(query, now)))


def _filtered_search(session: Session, query: Query, limit: int, now: datetime) -> SearchResult:
    """Text with filters: walk the index's hits newest first, a page at a time, keeping
    those the filters let through, until a page of results is full (or PAGED_SCAN hits
    were looked at: then the total counts what was looked at)."""
    found: dict[int, Any] = {}
    contacts = _contacts_by_text(session, query)
    if contacts:
        for row in session.execute(_hits_statement(and_(
                Inquiry.contact_id.in_(contacts), Message.sent_at == Inquiry.last_message_at),
                query, now)):
            found[row[0]] = row
    before: int | None = None
    scanned = 0
    while scanned < PAGED_SCAN:
        ids, _ = _index_hits(session, query, PAGE, before=before if before is not None else 2**62)
        if not ids:
            break
        scanned += len(ids)
        before = ids[-1]
        for row in session.execute(_hits_statement(Message.id.in_(ids), query, now)):
            found[row[0]] = row
        if len(found) >= limit and scanned >= 2 * PAGE:
            break
    rows = sorted(found.values(), key=lambda r: (r[5], r[0]), reverse=True)
    terms = query.words + query.phrases
    hits = [SearchHit(r[1], r[0], r[2], r[3], r[4], r[5], snippet(r[6], terms))
            for r in rows[: max(1, min(limit, 1000))]]
    return SearchResult(hits, len(rows))


def snippet(body: str, terms: list[str]) -> str:
    """A line of text around the first match, the match marked «like this»."""
    flat = " ".join(body.split())
    lowered = flat.lower()
    found: tuple[int, int] | None = None
    for term in terms:
        position = lowered.find(term.lower())
        if position >= 0 and (found is None or position < found[0]):
            found = (position, position + len(term))
    if found is None:
        return flat[: SNIPPET * 2] + ("…" if len(flat) > SNIPPET * 2 else "")
    start, end = found
    left = max(0, start - SNIPPET)
    right = min(len(flat), end + SNIPPET)
    return ("…" if left else "") + flat[left:start] + "«" + flat[start:end] + "»" + \
        flat[end:right] + ("…" if right < len(flat) else "")


def as_json(hit: SearchHit) -> dict[str, Any]:
    """A hit as `search --json` prints it."""
    return {"inquiry_id": hit.inquiry_id, "message_id": hit.message_id, "contact": hit.contact,
            "contact_id": hit.contact_id, "channel": hit.channel,
            "received_at": hit.received_at.isoformat(), "snippet": hit.snippet}
