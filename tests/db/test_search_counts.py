"""What a search shows on a desk of thousands: filters alone give the newest inquiries
that pass and their exact count (or "1,000+"), and a contact's name counts every
inquiry of theirs, not the page."""

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from leaddesk.db.models import Contact, FollowUp, Inquiry
from leaddesk.services.desk import Desk
from leaddesk.services.search import COUNT_CAP, search
from leaddesk.services.synthetic import fill_synthetic

NOW = datetime(2026, 12, 2, tzinfo=UTC)


@pytest.fixture
def synthetic(desk: Desk) -> Desk:
    """About 1,300 inquiries of 800 contacts, with owners and follow-ups."""
    fill_synthetic(desk.engine, 4000)
    return desk


def _everything(desk: Desk) -> list[dict[str, Any]]:
    with desk.transaction() as session:
        overdue = set(session.scalars(select(FollowUp.contact_id).where(
            FollowUp.done_at.is_(None), FollowUp.due_at < NOW)))
        rows = session.execute(select(Inquiry.id, Inquiry.channel, Inquiry.last_message_at,
                                      Contact.stage, Contact.country, Contact.owner, Contact.id)
                               .join(Contact, Contact.id == Inquiry.contact_id)).all()
    return [{"id": r[0], "channel": r[1], "at": r[2], "stage": r[3], "country": r[4],
             "owner": r[5].lower(), "overdue": r[6] in overdue} for r in rows]


# (query, what passes) read from the rows directly
FILTERS = [
    ("channel:whatsapp", lambda i: i["channel"] == "whatsapp"),
    ("stage:quoted", lambda i: i["stage"] == "quoted"),
    ("country:DE channel:wechat", lambda i: i["country"] == "DE" and i["channel"] == "wechat"),
    ("owner:anna", lambda i: "anna" in i["owner"]),
    ("is:overdue", lambda i: i["overdue"]),
    ("stage:won country:CN is:overdue", lambda i: i["stage"] == "won" and i["country"] == "CN"
     and i["overdue"]),
    ("after:2024-06-01 stage:lost", lambda i: i["at"] >= datetime(2024, 6, 1, tzinfo=UTC)
     and i["stage"] == "lost"),
]


@pytest.mark.parametrize(("typed", "passes"), FILTERS, ids=[f[0] for f in FILTERS])
def test_filters_alone_show_the_newest_inquiries_that_pass_and_count_them(
        synthetic: Desk, typed: str, passes: Any) -> None:
    passing = sorted((i for i in _everything(synthetic) if passes(i)),
                     key=lambda i: (i["at"], i["id"]), reverse=True)
    with synthetic.transaction() as session:
        result = search(session, typed, limit=20, now=NOW)
    assert passing, "the synthetic desk has inquiries of every kind"
    assert [h.inquiry_id for h in result.hits] == [i["id"] for i in passing[:20]]
    expected = (len(passing), True) if len(passing) <= COUNT_CAP else (COUNT_CAP, False)
    assert (result.total, result.complete) == expected


def test_a_filter_that_most_inquiries_pass_is_counted_up_to_the_cap(synthetic: Desk) -> None:
    everything = _everything(synthetic)
    assert len(everything) > COUNT_CAP
    with synthetic.transaction() as session:
        result = search(session, "after:2020-01-01", limit=50, now=NOW)
    assert (result.total, result.complete, result.counted) == (COUNT_CAP, False, "1,000+")
    newest = sorted(everything, key=lambda i: (i["at"], i["id"]), reverse=True)[:50]
    assert [h.inquiry_id for h in result.hits] == [i["id"] for i in newest]


@pytest.mark.parametrize("name", ["Wang", "Becker", "Santos"])
def test_a_contact_name_counts_every_inquiry_of_theirs(synthetic: Desk, name: str) -> None:
    with synthetic.transaction() as session:
        contacts = session.execute(select(Contact.id, Contact.name, Contact.company)).all()
        theirs = {c[0] for c in contacts
                  if any(word.lower().startswith(name.lower())
                         for word in f"{c[1]} {c[2]}".split())}
        inquiries = session.scalars(select(Inquiry.id).where(Inquiry.contact_id.in_(theirs))).all()
        result = search(session, name, limit=10, now=NOW)
    assert len(inquiries) > 10  # more than the page
    assert len(result.hits) == 10
    assert (result.total, result.complete) == (len(inquiries), True)


def _their_newest(desk: Desk, name: str) -> list[int]:
    """The inquiries of the contacts a name finds, newest first, read from the rows."""
    with desk.transaction() as session:
        contacts = session.execute(select(Contact.id, Contact.name, Contact.company)).all()
        theirs = {c[0] for c in contacts
                  if any(word.lower().startswith(name.lower()) for word in f"{c[1]} {c[2]}".split())}
        rows = session.execute(select(Inquiry.id, Inquiry.last_message_at)
                               .where(Inquiry.contact_id.in_(theirs))).all()
    return [r[0] for r in sorted(rows, key=lambda r: (r[1], r[0]), reverse=True)]


@pytest.mark.parametrize(("name", "cap"), [("Wang", 5), ("Becker", 8), ("Santos", 3)])
def test_a_name_with_more_inquiries_than_the_cap_shows_their_newest_and_a_lower_bound(
        synthetic: Desk, monkeypatch: pytest.MonkeyPatch, name: str, cap: int) -> None:
    """Past the cap their inquiries are walked newest first from the time index, not
    sorted: the page is still their newest, and "5+" is true."""
    import leaddesk.services.search as service

    monkeypatch.setattr(service, "COUNT_CAP", cap)
    newest = _their_newest(synthetic, name)
    assert len(newest) > cap
    with synthetic.transaction() as session:
        result = search(session, name, limit=cap, now=NOW)
    assert [h.inquiry_id for h in result.hits] == newest[:cap]
    assert (result.total, result.complete, result.counted) == (cap, False, f"{cap}+")


# (query, what passes): text behind filters, few or many passing
WORDS_AND_FILTERS = [
    ("channel:wechat the", lambda i: i["channel"] == "wechat"),
    ("stage:won price", lambda i: i["stage"] == "won"),
    ("country:DE channel:email the", lambda i: i["country"] == "DE" and i["channel"] == "email"),
    ("owner:anna quote", lambda i: "anna" in i["owner"]),
]


def _text_hits(desk: Desk, words: str) -> set[int]:
    """Every message the index finds for `words`, however many."""
    from leaddesk.db import search_index
    from leaddesk.domain.query import parse_query

    with desk.transaction() as session:
        found = search_index.match_messages(session.connection(), parse_query(words), 1_000_000)
        assert found is not None
        return set(session.connection().execute(found).scalars())


# how many pass the filters, made so by the thresholds: (FEW, FILTERED)
SIDES = {"each asked of the index": (1_000_000, 1_000_000),
         "the index's hits looked up among them": (0, 1_000_000),
         "the index's hits walked through the filters": (0, 0)}


@pytest.mark.parametrize("side", list(SIDES))
@pytest.mark.parametrize(("typed", "passes"), WORDS_AND_FILTERS, ids=[w[0] for w in WORDS_AND_FILTERS])
def test_words_with_filters_find_the_newest_passing_hits_from_either_side(
        synthetic: Desk, monkeypatch: pytest.MonkeyPatch, typed: str, passes: Any, side: str) -> None:
    """Whether each message the filters pass is asked of the index, or the index's hits
    are looked up among them, or joined to the filters newest first, the hits and the
    count are the same, and right."""
    import leaddesk.services.search as service
    from leaddesk.db.models import Message

    few, filtered = SIDES[side]
    monkeypatch.setattr(service, "FEW", few)
    monkeypatch.setattr(service, "FILTERED", filtered)
    monkeypatch.setattr(service, "PAGED_SCAN", 1_000_000)
    monkeypatch.setattr(service, "WALKED", 1_000_000)
    words = " ".join(part for part in typed.split() if ":" not in part)
    passing = {i["id"] for i in _everything(synthetic) if passes(i)}
    hits = _text_hits(synthetic, words)
    with synthetic.transaction() as session:
        rows = session.execute(select(Message.id, Message.inquiry_id, Message.sent_at)
                               .where(Message.id.in_(hits))).all()
        expected = sorted((r for r in rows if r[1] in passing), key=lambda r: (r[2], r[0]), reverse=True)
        result = search(session, typed, limit=20, now=NOW)
    assert expected, "the synthetic desk has hits of every kind"
    assert [h.message_id for h in result.hits] == [r[0] for r in expected[:20]]
    counted = (len(expected), True) if len(expected) <= COUNT_CAP else (COUNT_CAP, False)
    assert (result.total, result.complete) == counted
