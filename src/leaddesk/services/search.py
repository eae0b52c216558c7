"""Finding anything anyone said: messages through the full-text index, contacts through
their names and identities (phone numbers in any format), with filters, newest first."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.selectable import GenerativeSelect

from leaddesk.db import search_index
from leaddesk.db.models import PHONE_TAIL, Article, Contact, FollowUp, Identity, Inquiry, Message
from leaddesk.domain.matching import Terms
from leaddesk.domain.query import Query, parse_day, parse_query

CANDIDATES = 5000  # contacts a name finds
COUNT_CAP = 1000
FILTERED = 2000  # messages a filter lets through, read as a few for text with filters
FEW = 500  # ... and so few that each is asked of the index
PAGED_SCAN = 1000  # the index's newest hits first joined to the filters (then ten times more)
WALKED = 300  # hits that pass such a walk: the page's and a count of "300+"
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
    """The newest hits and how many there are in all (or at least, when not `complete`:
    counting stops where finding does, and "1,000+" is all a person needs to know)."""

    hits: list[SearchHit]
    total: int
    complete: bool = True

    @property
    def counted(self) -> str:
        """The total as a person reads it: "42", "1,000+"."""
        return f"{self.total:,}" + ("" if self.complete else "+")


def _index_select(session: Session, query: Query, candidates: int, *,
                  within: Select[int] | None = None, few: bool = False,
                  relevance: bool = False) -> Select[int] | None:
    """The index's hits as a SELECT of message ids: newest first (or best first), at most
    `candidates`, among the ids `within` selects (`few` of them). It runs inside the
    statement that reads the messages, so no list of ids goes to Python and back."""
    return search_index.match_messages(session.connection(), query, candidates, within=within,
                                       few=few, relevance=relevance)


def _index_hits(session: Session, query: Query, relevance: bool, cap: int) -> list[int]:
    """Message ids the index finds, newest (or best) first, up to `cap`: one pass over the
    index gives both the candidates and the count."""
    hits = _index_select(session, query, cap, relevance=relevance)
    return [] if hits is None else list(session.connection().execute(hits).scalars().all())


def _among(column: Any, ids: list[int]) -> ColumnElement[bool]:
    """`column IN (ids)` as one expanding parameter: built from a list of hundreds, the
    IN made a bound parameter of each id, a millisecond of Python per search."""
    return column.in_(bindparam("ids", ids, expanding=True, unique=True, type_=Integer))  # type: ignore[no-any-return]


def _contacts_by_phone(session: Session, written: str, default_region: str) -> list[int]:
    """Contacts reached at a number written any way: whole, with 00, or its last digits."""
    from leaddesk.domain.identities import normalize_phone, region_hints  # phonenumbers: here only

    phone = normalize_phone(written, region_hints(None, default_region))
    digits = re.sub(r"\D", "", written).lstrip("0")
    conditions = [Identity.value == phone.value]
    if len(digits) >= PHONE_TAIL:  # its end: looked up by the last seven, then checked whole
        conditions.append(and_(Identity.last_digits == digits[-PHONE_TAIL:],
                               Identity.value.like(f"%{digits}")))
    return list(session.scalars(select(Identity.contact_id).where(
        Identity.kind == "phone", or_(*conditions)).distinct()))


def _contacts_by_text(session: Session, query: Query) -> list[int]:
    """Contacts whose name, company, notes or identities hold every word (or its prefix)."""
    positive = Query(words=query.words, phrases=query.phrases)
    found = search_index.match_contacts(session.connection(), positive, CANDIDATES)
    return [] if found is None else list(session.execute(found).scalars())


def find_contacts(session: Session, typed: str, *, limit: int = 500,
                  default_region: str = "") -> list[int]:
    """Contacts a person is looking for: by name, company, notes or identity words, or by a
    phone number in any format."""
    query = parse_query(typed)
    if query.phone:
        return _contacts_by_phone(session, query.phone, default_region)[:limit]
    return _contacts_by_text(session, query)[:limit]


def _filters(query: Query, now: datetime, moment: Any = Message.sent_at, live: bool = True,
             overdue_listed: bool = False) -> list[ColumnElement[bool]]:
    """The query's filters as conditions; after:/before: on `moment` (a message's time, or
    for the newest message of each inquiry its inquiry's last_message_at). `live`: a
    deleted buyer is not found (a condition on the contact). `overdue_listed`: is:overdue
    as the list of contacts with an open follow-up past due, read from its index, for a
    statement that reads contacts first (else each contact is asked)."""
    conditions: list[ColumnElement[bool]] = [Contact.deleted_at.is_(None)] if live else []
    values = query.filters
    if "channel" in values:
        conditions.append(Inquiry.channel.in_([v.lower() for v in values["channel"]]))
    if "stage" in values:
        conditions.append(Contact.stage.in_([v.lower() for v in values["stage"]]))
    if "country" in values:
        from leaddesk.domain.countries import region_for  # pycountry: only for country:

        conditions.append(Contact.country.in_([region_for(v) or v.upper() for v in values["country"]]))
    if "owner" in values:
        conditions.append(or_(*[func.lower(Contact.owner).like(f"%{v.lower()}%")
                                for v in values["owner"]]))
    for value in values.get("article", []):  # a few articles: their inquiries by index
        conditions.append(Inquiry.article_id.in_(select(Article.id).where(or_(
            Article.code == value.upper(), func.lower(Article.title).like(f"%{value.lower()}%")))))
    for name, op in (("after", "ge"), ("before", "lt")):
        for value in values.get(name, []):
            day = parse_day(value)
            if day is not None:
                edge = datetime.combine(day, time(), UTC)
                conditions.append(moment >= edge if op == "ge" else moment < edge)
    for value in values.get("is", []):
        if value.lower() == "overdue" and overdue_listed:
            conditions.append(Contact.id.in_(select(FollowUp.contact_id).where(
                FollowUp.done_at.is_(None), FollowUp.due_at < now)))
        elif value.lower() == "overdue":
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
    if query.filters and not query.has_text and not query.phone:
        return _filters_only(session, query, limit, now)
    keep = max(1, min(limit, 1000))
    ids: list[int] = []
    if query.phone:
        contacts = _contacts_by_phone(session, query.phone, default_region)
        theirs = _newest_of_their_inquiries(session, contacts, keep)
        candidates, total, complete = theirs.messages[:keep], theirs.counted, theirs.complete
    elif query.has_text:
        # A phrase is read, and counted, only as far as the page needs: whether two words
        # stand side by side is checked message by message, so each hit costs.
        wanted = CANDIDATES if query.filters else (limit if query.phrases else max(3 * limit, 300))
        cap = wanted if query.phrases else COUNT_CAP
        found = _index_hits(session, query, relevance, cap)
        ids = found[:wanted]
        candidates, total, complete = list(ids), len(found), len(found) < cap
        named = _named_contacts(session, query)
        if named is not None and session.execute(named.limit(1)).first() is not None:
            theirs = _newest_of_their_inquiries(session, named, keep)
            candidates += theirs.messages[:keep]
            if complete and theirs.complete:  # every hit of both is known: count them once
                total = len(set(found) | set(theirs.messages))
            else:  # each side's own count is a lower bound of the whole
                total, complete = max(total, theirs.counted), False
    else:
        return SearchResult([], 0)
    if not candidates:
        return SearchResult([], 0)
    if relevance and query.has_text and not query.phone:
        rows = session.execute(_hits_statement(_among(Message.id, candidates), query, now)).all()
        place = {message_id: i for i, message_id in enumerate(ids)}
        rows = sorted(rows, key=lambda r: place.get(r[0], len(place)))[:keep]
    else:
        rows = _newest_rows(session, candidates, query, now, keep)
    terms = Terms.of(query)
    hits = [SearchHit(r[1], r[0], r[2], r[3], r[4], r[5], snippet(r[6], terms)) for r in rows]
    return SearchResult(hits, max(int(total), len(hits)), complete)


@dataclass(frozen=True)
class _Theirs:
    """The newest message of each of a few contacts' inquiries, newest first (all of them
    when `complete`, else the page's), and how many there are (exact when `complete`,
    else COUNT_CAP: there are more)."""

    messages: list[int]
    counted: int
    complete: bool


def _named_contacts(session: Session, query: Query) -> Select[int] | None:
    """The contacts whose name, company, notes or identities hold every word, as a
    SELECT to put inside another (the ids never go to Python and back)."""
    return search_index.match_contacts(session.connection(), Query(words=query.words,
                                                                   phrases=query.phrases), CANDIDATES)


def _newest_of_their_inquiries(session: Session, contacts: list[int] | Select[int],
                               keep: int) -> _Theirs:
    """Their inquiries counted first, up to the cap, from the contact index. A few are all
    read; many are found walking the inbox's time index newest first, which holds the
    contact too and stops at the page: sorting all 34,000 inquiries of every Wang to show
    100 took a second on a million messages."""
    live = Inquiry.contact_id.not_in(select(Contact.id).where(Contact.deleted_at.is_not(None)))
    if _count_up_to(session, select(Inquiry.id).where(Inquiry.contact_id.in_(contacts), live),
                    COUNT_CAP) <= COUNT_CAP:
        inquiries = select(Inquiry.id).where(Inquiry.contact_id.in_(contacts), live)
        # all their inquiries, if the index gave every contact it found
        complete = isinstance(contacts, list) or _count_up_to(session, contacts, CANDIDATES) < CANDIDATES
    else:  # `+ 0`: the contact is read from the time index, not looked up in its own
        inquiries = select(Inquiry.id).where((Inquiry.contact_id + 0).in_(contacts), live) \
            .order_by(Inquiry.last_message_at.desc(), Inquiry.id.desc()).limit(keep)
        complete = False
    newest = list(session.scalars(select(Message.id).join(Inquiry, Inquiry.id == Message.inquiry_id)
                                  .where(Message.inquiry_id.in_(inquiries),
                                         Message.sent_at == Inquiry.last_message_at)
                                  .order_by(Message.sent_at.desc(), Message.id.desc())))
    return _Theirs(newest, len(newest) if complete else COUNT_CAP, complete)


def _newest_rows(session: Session, candidates: list[int], query: Query, now: datetime,
                 keep: int) -> list[Any]:
    """The newest `keep` of these messages that the filters let through, read whole:
    their ids are sorted first and only those rows are read, not every candidate's text.
    Without filters the statements are made once (building them cost more than running)."""
    if query.filters:
        newest = _passing(query, now).where(_among(Message.id, candidates)) \
            .order_by(Message.sent_at.desc(), Message.id.desc()).limit(keep)
        ids = list(session.scalars(newest))
        rows = _hits_statement(_among(Message.id, ids), query, now) \
            .order_by(Message.sent_at.desc(), Message.id.desc())
        return list(session.execute(rows).all()) if ids else []
    newest, rows = _page_statements()
    connection = session.connection()
    ids = list(connection.execute(newest, {"candidates": candidates, "keep": keep}).scalars())
    return list(connection.execute(rows, {"page": ids}).all()) if ids else []


@cache
def _page_statements() -> tuple[Select[int], Select[int, int, str, int, str, datetime, str]]:
    """The newest of some messages (not a deleted buyer's), and those messages read whole."""
    newest = select(Message.id).join(Inquiry, Inquiry.id == Message.inquiry_id) \
        .join(Contact, Contact.id == Inquiry.contact_id) \
        .where(Message.id.in_(bindparam("candidates", expanding=True, type_=Integer)),
               Contact.deleted_at.is_(None)) \
        .order_by(Message.sent_at.desc(), Message.id.desc()).limit(bindparam("keep", type_=Integer))
    rows = select(Message.id, Message.inquiry_id, Contact.name, Contact.id, Inquiry.channel,
                  Message.sent_at, Message.body) \
        .join(Inquiry, Inquiry.id == Message.inquiry_id).join(Contact, Contact.id == Inquiry.contact_id) \
        .where(Message.id.in_(bindparam("page", expanding=True, type_=Integer))) \
        .order_by(Message.sent_at.desc(), Message.id.desc())
    return newest, rows


def _count_up_to(session: Session, statement: GenerativeSelect, cap: int) -> int:
    """How many rows `statement` gives, counting no further than cap + 1."""
    return session.scalar(select(func.count()).select_from(statement.limit(cap + 1).subquery())) or 0


CONTACT_FILTERS = ("stage", "country", "owner")  # and is:overdue: what the contact is


def _filters_only(session: Session, query: Query, limit: int, now: datetime) -> SearchResult:
    """Filters without words: the newest inquiries that pass, read in time order from an
    index and stopped at the page (never all that match, sorted), each shown by its newest
    message; counted exactly up to COUNT_CAP, beyond it "1,000+". What the contact must be
    is asked of each inquiry's contact (EXISTS): as a join, SQLite would read every contact
    of the stage or country first and sort all their inquiries."""
    keep = max(1, min(limit, 1000))
    on_contact = {name: values for name, values in query.filters.items() if name in CONTACT_FILTERS}
    on_inquiry = {name: values for name, values in query.filters.items()
                  if name not in CONTACT_FILTERS and name != "is"}
    states = [value.lower() for value in query.filters.get("is", [])]
    on_contact["is"] = [state for state in states if state == "overdue"]
    on_inquiry["is"] = [state for state in states if state != "overdue"]
    by_inquiry = _filters(Query(filters=on_inquiry), now, Inquiry.last_message_at, live=False)
    by_contact = _filters(Query(filters=on_contact), now)  # with: not deleted
    # Read first, from the contacts of that stage or country (or with a follow-up overdue,
    # from its index) to their inquiries by index, as far as the cap: when no more pass,
    # they are all there is, sorted here ...
    passed = session.execute(
        select(Inquiry.id, Inquiry.last_message_at).join(Contact, Contact.id == Inquiry.contact_id)
        .where(*by_inquiry, *_filters(Query(filters=on_contact), now, overdue_listed=True))
        .limit(COUNT_CAP + 1)).all()
    total = len(passed)
    if total <= COUNT_CAP:
        ids = [row[0] for row in sorted(passed, key=lambda row: (row[1], row[0]), reverse=True)[:keep]]
    else:  # ... else many pass: the newest are found walking the inbox's index newest first
        walked = select(Inquiry.id).where(*by_inquiry)
        if by_contact:  # asking each inquiry's contact, not reading the contacts first
            walked = walked.where(exists().where(Contact.id == Inquiry.contact_id, *by_contact))
        ids = list(session.scalars(walked.order_by(Inquiry.last_message_at.desc(), Inquiry.id.desc())
                                   .limit(keep)))
    rows = session.execute(
        select(Message.id, Message.inquiry_id, Contact.name, Contact.id, Inquiry.channel,
               Message.sent_at, Message.body)
        .join(Inquiry, Inquiry.id == Message.inquiry_id)
        .join(Contact, Contact.id == Inquiry.contact_id)
        .where(_among(Message.inquiry_id, ids), Message.sent_at == Inquiry.last_message_at)
        .order_by(Message.sent_at.desc(), Message.id.desc()).limit(keep)).all() if ids else []
    hits = [SearchHit(r[1], r[0], r[2], r[3], r[4], r[5], snippet(r[6], Terms())) for r in rows]
    return SearchResult(hits, min(total, COUNT_CAP), total <= COUNT_CAP)


def _hits_statement(condition: ColumnElement[bool], query: Query,
                    now: datetime) -> Select[int, int, str, int, str, datetime, str]:
    return (select(Message.id, Message.inquiry_id, Contact.name, Contact.id, Inquiry.channel,
                   Message.sent_at, Message.body)
            .join(Inquiry, Inquiry.id == Message.inquiry_id)
            .join(Contact, Contact.id == Inquiry.contact_id)
            .where(condition, *_filters(query, now)))


def _filtered_search(session: Session, query: Query, limit: int, now: datetime) -> SearchResult:
    """Text with filters, from whichever side is small. When the filters let only a few
    hundred messages through (FEW), each is asked of the index. Else the index's newest
    PAGED_SCAN hits are joined to the filters: when one in ten passes that fills the
    page. Else, if no more than FILTERED pass, the index's hits are read newest first and
    each looked up among them, so a common word behind a rare filter costs no join per
    hit (`article:A12 price` walked 40,000 hits through three tables before); if many
    pass, the walk goes on further. It stops at the count's cap; the total is exact when
    complete, else a lower bound ("1,000+", or what the walk found: "300+")."""
    keep = max(1, min(limit, 1000))
    passing = _passing(query, now)
    contacts = _named_contacts(session, query)
    few = _count_up_to(session, passing, FEW) <= FEW  # a few hundred: each asked of the index
    for scan in () if few else (PAGED_SCAN, 10 * PAGED_SCAN):
        found, exhausted = _walk_newest_hits(session, query, passing, scan)
        if exhausted or len(found) >= keep:
            return _filtered_result(session, query, now, found[:WALKED], contacts, keep,
                                    exhausted and len(found) <= WALKED)
        if scan == PAGED_SCAN and _count_up_to(session, passing, FILTERED) <= FILTERED:
            break  # not many pass: look their hits up among them
    within = _index_select(session, query, COUNT_CAP + 1, within=passing, few=few)
    found = [] if within is None else list(session.connection().execute(within).scalars())
    return _filtered_result(session, query, now, found[:COUNT_CAP], contacts, keep,
                            len(found) <= COUNT_CAP)


def _walk_newest_hits(session: Session, query: Query, passing: Select[int],
                      scan: int) -> tuple[list[int], bool]:
    """Those of the index's newest `scan` hits that the filters let through, newest
    first, up to WALKED + 1 (each costs a join: "300+" is counted here, not "1,000+");
    and whether the index has no more hits than that."""
    hits = _index_select(session, query, scan)
    if hits is None:
        return [], True
    found = list(session.scalars(passing.where(Message.id.in_(hits)).order_by(Message.id.desc())
                                 .limit(WALKED + 1)))
    return found, len(found) <= WALKED and _count_up_to(session, hits, scan) < scan


def _filtered_result(session: Session, query: Query, now: datetime, found: list[int],
                     contacts: Select[int] | None, keep: int, complete: bool) -> SearchResult:
    """The newest `keep` of the hits found and of the named contacts' inquiries that
    pass the filters, read whole; counted as both sides allow."""
    candidates, total = list(found), len(found)
    if contacts is not None:
        theirs = session.scalars(_passing(query, now).where(
            Inquiry.contact_id.in_(contacts), Message.sent_at == Inquiry.last_message_at)
            .order_by(Message.sent_at.desc(), Message.id.desc()).limit(COUNT_CAP + 1)).all()
        if complete and len(theirs) <= COUNT_CAP:
            total = len(set(found) | set(theirs))
        else:
            total, complete = max(total, min(len(theirs), COUNT_CAP)), False
        candidates += theirs[:keep]
    # they passed already: read by id (with the filters again SQLite might walk a channel)
    rows = _newest_rows(session, candidates, Query(), now, keep) if candidates else []
    terms = Terms.of(query)
    hits = [SearchHit(r[1], r[0], r[2], r[3], r[4], r[5], snippet(r[6], terms)) for r in rows]
    return SearchResult(hits, max(total, len(hits)), complete)


def _passing(query: Query, now: datetime) -> Select[int]:
    """The ids of the messages the query's filters let through."""
    return (select(Message.id)
            .join(Inquiry, Inquiry.id == Message.inquiry_id)
            .join(Contact, Contact.id == Inquiry.contact_id)
            .where(*_filters(query, now)))


def snippet(body: str, terms: Terms) -> str:
    """A line of text around the first match, the match marked «like this». Only the text
    near the match is tidied, so a long mail costs no more than a short chat line."""
    found = terms.first(body)
    if found is None:
        flat = " ".join(body.split())
        return flat[: SNIPPET * 2] + ("…" if len(flat) > SNIPPET * 2 else "")
    start, end = found
    reach = SNIPPET * 3  # raw characters read on each side, before spaces are squeezed
    before, after = body[max(0, start - reach):start], body[end:end + reach]
    left = " ".join(before.split()) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + " ".join(after.split())
    cut_left, cut_right = len(left) > SNIPPET or start > reach, len(right) > SNIPPET or \
        end + reach < len(body)
    return ("…" if cut_left else "") + left[-SNIPPET:] + "«" + " ".join(body[start:end].split()) + \
        "»" + right[:SNIPPET] + ("…" if cut_right else "")


def as_json(hit: SearchHit) -> dict[str, Any]:
    """A hit as `search --json` prints it."""
    return {"inquiry_id": hit.inquiry_id, "message_id": hit.message_id, "contact": hit.contact,
            "contact_id": hit.contact_id, "channel": hit.channel,
            "received_at": hit.received_at.isoformat(), "snippet": hit.snippet}
