"""Search on SQLite and PostgreSQL: the same hits for the same desk."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from leaddesk.domain.matching import Terms
from leaddesk.domain.query import parse_query
from leaddesk.importers.base import ImportOptions
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.followups import schedule_followup
from leaddesk.services.imports import import_file
from leaddesk.services.revert import revert_batch
from leaddesk.services.search import search, snippet

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.parent.name != "site"
                 and p.name != "README.md")
NOW = datetime(2021, 5, 10, tzinfo=UTC)


@pytest.fixture
def filled(desk: Desk) -> Desk:
    for path in SAMPLES:
        import_file(desk, path, ImportOptions(), actor="t", zone=ZoneInfo("UTC"))
    return desk


QUERIES = [
    ("陀螺", {"王磊"}),  # two Chinese characters
    ("陀螺仪", {"王磊"}),
    ("陀", {"王磊"}),
    ("现货", {"陈经理"}),
    ("gyroscope", {"王磊", "Lukas Becker"}),
    ("gyro", {"王磊", "Lukas Becker", "Lena Fischer", "Oleg Petrov"}),  # a prefix
    ('"bias stability"', {"Lukas Becker"}),
    ('"stability bias"', set()),
    ("price -quote", {"Ahmed Al Mansouri", "Lukas Becker", "Maria Santos"}),
    ("+49 1512 3456789", {"Lukas Becker"}),
    ("004915123456789", {"Lukas Becker"}),
    ("01512 3456789", {"Lukas Becker"}),
    ("13800138000", {"王磊"}),
    ("channel:wechat 现货", {"陈经理"}),
    ("channel:email gyrocompass", set()),
    ("country:DE gyroscope", {"Lukas Becker"}),
    ("country:德国 gyroscope", {"Lukas Becker"}),
    ("Aero Systems", {"Lukas Becker"}),  # a company name
    ("nordnav", {"Lena Fischer"}),  # part of an email address
    ("after:2021-05-05 before:2021-05-07", {"Ahmed Al Mansouri", "陈经理"}),
    ("article:A5", {"Ahmed Al Mansouri"}),
    ("is:overdue", {"Priya Nair"}),
    ("'; DROP TABLE messages; --", set()),
    ("*:^()", set()),
    ("nothing-like-this-anywhere", set()),
]


@pytest.mark.parametrize(("typed", "contacts"), QUERIES)
def test_queries(filled: Desk, typed: str, contacts: set[str]) -> None:
    with filled.transaction() as session:
        if typed.startswith("article:"):
            from leaddesk.importers.sitemap import read_sitemap
            from leaddesk.services.articles import add_articles
            from leaddesk.services.attribution import link_inquiries

            add_articles(session, read_sitemap(DATA / "site/sitemap.xml")[0])
            link_inquiries(session)
        if typed == "is:overdue":
            from sqlalchemy import select

            from leaddesk.db.models import Contact

            priya = session.scalars(select(Contact.id).where(Contact.name == "Priya Nair")).one()
            schedule_followup(session, priya, datetime(2021, 5, 1, tzinfo=UTC), "call", actor="t")
        result = search(session, typed, limit=100, now=NOW)
    assert {hit.contact for hit in result.hits} == contacts
    assert result.total >= len(result.hits)
    times = [hit.received_at for hit in result.hits]
    assert times == sorted(times, reverse=True)


def test_snippets_mark_the_match(filled: Desk) -> None:
    with filled.transaction() as session:
        hit = search(session, "bias", limit=1).hits[0]
    assert "«bias»" in hit.snippet
    assert hit.received_at.tzinfo is not None


def test_the_index_follows_a_revert(filled: Desk) -> None:
    with filled.transaction() as session:
        assert search(session, "gyrocompass").total == 2
        from leaddesk.services.imports import list_batches

        wechat = next(b for b in list_batches(session) if b.source.endswith("memotrace-export.txt"))
        revert_batch(session, wechat.id, actor="t")
        assert {h.contact for h in search(session, "gyrocompass").hits} == {"Oleg Petrov"}


def test_messages_logged_by_hand_are_found(desk: Desk) -> None:
    from leaddesk.domain.drafts import ContactDraft
    from leaddesk.domain.vocabulary import Channel
    from leaddesk.services.inquiries import LogInquiry, log_inquiry

    with desk.transaction() as session:
        log_inquiry(session, LogInquiry(Channel.PHONE, ContactDraft(name="Kim", phones=["+82 10 1234 5678"]),
                                        "Called about 陀螺仪 pricing"), actor="t")
        assert [h.contact for h in search(session, "陀螺").hits] == ["Kim"]


def test_the_contact_index_follows_edits_and_merges(filled: Desk) -> None:
    from sqlalchemy import select

    from leaddesk.db.models import Contact
    from leaddesk.services.contacts import get_contact, update_contact
    from leaddesk.services.merge import merge_contacts, undo_merge

    with filled.transaction() as session:
        priya = session.scalars(select(Contact.id).where(Contact.name == "Priya Nair")).one()
        oleg = session.scalars(select(Contact.id).where(Contact.name == "Oleg Petrov")).one()
        update_contact(session, priya, get_contact(session, priya).version, actor="t",
                       company="Quasarline Robotics")
    with filled.transaction() as session:
        assert {h.contact for h in search(session, "quasarline").hits} == {"Priya Nair"}
        merge = merge_contacts(session, priya, oleg, actor="t")
    with filled.transaction() as session:
        assert {h.contact_id for h in search(session, "+7 912 345-67-89").hits} == {priya}
        undo_merge(session, merge, actor="t")
    with filled.transaction() as session:
        assert {h.contact_id for h in search(session, "+7 912 345-67-89").hits} == {oleg}


def test_relevance_order_finds_the_same_hits(filled: Desk) -> None:
    with filled.transaction() as session:
        newest = search(session, "gyroscope", limit=50)
        best = search(session, "gyroscope", limit=50, relevance=True)
    assert {h.message_id for h in best.hits} == {h.message_id for h in newest.hits}
    assert "gyroscope" in best.hits[0].snippet.lower()


@pytest.mark.parametrize(("body", "typed", "shown"), [
    ("Hello,\n\nwe need a quote for 10 units.", "quote", "Hello, we need a «quote» for 10 units."),
    ("x " * 200 + "the licence for export" + " y" * 200, "licence",
     "…" + ("x " * 40 + "the ")[-70:] + "«licence»" + (" for export" + " y" * 40)[:70] + "…"),
    ("price\nquote here", '"price quote"', "«price quote» here"),  # across a line break
    ("nothing here", "zz", "nothing here"),
    ("想询价光纤陀螺仪，2 台样品。", "陀螺", "想询价光纤«陀螺»仪，2 台样品。"),
    ("A" * 300, "zz", "A" * 140 + "…"),
    ("a fair rate, then the rates", "rates channel:email", "a fair rate, then the «rates»"),
    ("corporate rates", "rate", "corporate «rate»s"),  # where a word begins, as the index finds it
    ("Preço: Cotação enviada", "cotacao", "Preço: «Cotação» enviada"),
])
def test_snippets_mark_the_first_match(body: str, typed: str, shown: str) -> None:
    assert snippet(body, Terms.of(parse_query(typed))) == shown


def test_counting_stops_where_finding_does_and_says_so(desk: Desk) -> None:
    from leaddesk.services.search import COUNT_CAP
    from leaddesk.services.synthetic import fill_synthetic

    fill_synthetic(desk.engine, 3000)
    with desk.transaction() as session:
        common = search(session, "the", limit=10)
        phrase = search(session, '"zq never said"', limit=10)
        few = search(session, "channel:wechat the", limit=5000)
    assert (common.total, common.complete, common.counted) == (COUNT_CAP, False, "1,000+")
    assert (phrase.total, phrase.complete, phrase.counted) == (0, True, "0")
    assert few.complete and few.total == len(few.hits) > 0  # every WeChat hit was looked at


def test_postgresql_filters_inside_texts_have_trigram_indexes(postgres_url: str) -> None:
    from sqlalchemy import text

    from leaddesk.db.search_index import TRIGRAM_INDEXES

    with open_desk(postgres_url) as desk, desk.engine.connect() as connection:  # pg_trgm is PostgreSQL's
        names = set(connection.execute(text("SELECT indexname FROM pg_indexes")).scalars())
        assert set(TRIGRAM_INDEXES) <= names
        connection.execute(text("SET enable_seqscan = off"))  # a tiny table: ask for the index
        plan = "\n".join(connection.execute(text(
            "EXPLAIN SELECT id FROM contacts WHERE lower(owner) LIKE '%amy%'")).scalars())
    assert "ix_contacts_owner_trgm" in plan
