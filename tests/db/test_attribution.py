"""Which article brought each inquiry, and why — on SQLite and PostgreSQL."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from leaddesk.db.models import Article, Contact, Inquiry
from leaddesk.importers.base import ImportOptions
from leaddesk.importers.pages import parse_page
from leaddesk.importers.sitemap import ArticleDraft, read_sitemap
from leaddesk.importers.sources import Source
from leaddesk.services.article_links import article_links
from leaddesk.services.articles import add_articles, article_figures, find_article, list_articles
from leaddesk.services.attribution import link_inquiries, set_article
from leaddesk.services.contacts import set_stage
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.parent.name != "site"
                 and p.name != "README.md")
ME = "tester"


def _catalogue(desk: Desk) -> None:
    drafts, _ = read_sitemap(DATA / "site/sitemap.xml")
    page = parse_page(Source("p.html", (DATA / "site/news-china-space-cooperation.html").read_bytes()))
    with desk.transaction() as session:
        add_articles(session, [*drafts, page])


def _import(desk: Desk, path: Path) -> None:
    import_file(desk, path, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))


def test_the_sample_inquiries_link_to_their_articles(desk: Desk) -> None:
    _catalogue(desk)
    for path in SAMPLES:
        _import(desk, path)
    found: dict[tuple[str, str], list[tuple[str | None, str, str | None, str | None]]] = {}
    with desk.transaction() as session:
        rows = session.execute(
            select(Contact.name, Inquiry.channel, Inquiry.article_link, Article.url,
                   Inquiry.utm_source, Inquiry.utm_medium)
            .join(Contact, Contact.id == Inquiry.contact_id)
            .outerjoin(Article, Article.id == Inquiry.article_id)).all()
    for r in rows:
        found.setdefault((r.name, r.channel), []).append(
            (r.article_link, (r.url or "").rsplit("/", 1)[-1], r.utm_source, r.utm_medium))
    space = "china-s-international-space-cooperation-in-the-past-60-years-will-be-even-more-promising.html"
    assert ("url", space, None, None) in found[("Lukas Becker", "site_form")]
    assert found[("王磊", "email")] == [("url", "what-is-a-fiber-optic-gyroscope.html", "baidu", "cpc")]
    assert found[("Ahmed Al Mansouri", "whatsapp")][0][:2] == (
        "url", "inertial-navigation-for-uav-in-gnss-denied-areas.html")
    assert found[("Lena Fischer", "wechat")][0][:2] == ("title_match",
                                                         "mems-imu-vs-fog-imu-how-to-choose.html")
    assert found[("Maria Santos", "whatsapp")][0][0] not in ("url", "code")
    assert found[("Priya Nair", "site_form")][0][2:] == ("google", "organic")


def test_a_chat_started_from_the_article_link_is_linked_by_code(desk: Desk, tmp_path: Path) -> None:
    _catalogue(desk)
    with desk.transaction() as session:
        article = find_article(session, "https://www.ericcointernational.com/news/what-is-a-fiber-"
                                        "optic-gyroscope.html")
        links = article_links(article, "+86 139 9288 4879", "info@ericcointernational.com")
        code = article.code
    assert links.whatsapp.startswith("https://wa.me/8613992884879?text=")
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    chat.write_text(f"02/05/2021, 10:00 - Ana: {links.text}\n02/05/2021, 10:05 - Ericco Sales: Hi!\n")
    _import(desk, chat)
    with desk.transaction() as session:
        inquiry = session.scalars(select(Inquiry)).one()
        assert (inquiry.article_link, inquiry.article.code if inquiry.article else None) == ("code", code)


def test_a_persons_link_is_never_overwritten(desk: Desk) -> None:
    _catalogue(desk)
    _import(desk, DATA / "whatsapp/WhatsApp Chat - Ahmed Al Mansouri.zip")
    with desk.transaction() as session:
        inquiry_id = session.scalars(select(Inquiry.id)).one()
        set_article(session, inquiry_id, find_article(session, "A6").id, actor=ME)
    with desk.transaction() as session:
        link_inquiries(session)
        inquiry = session.get_one(Inquiry, inquiry_id)
        assert (inquiry.article_link, inquiry.article.code if inquiry.article else None) == (
            "manual", "A6")


def test_relink_after_articles_arrive(desk: Desk) -> None:
    _import(desk, DATA / "email/chinese-inquiry-gb2312.eml")
    with desk.transaction() as session:
        assert session.scalars(select(Inquiry.article_link)).one() is None
    _catalogue(desk)
    with desk.transaction() as session:
        assert link_inquiries(session) == {"url": 1}


def test_duplicates_and_other_sites(desk: Desk) -> None:
    drafts = [ArticleDraft("https://www.example.com/news/a.html", "A", "article"),
              ArticleDraft("http://example.com/news/a.html?utm_source=x#top", "A again", "article"),
              ArticleDraft("https://www.example.com/news/b.html", "B", "article"),
              ArticleDraft("https://elsewhere.net/review-of-a.html", "Review", "article")]
    with desk.transaction() as session:
        ids = add_articles(session, drafts)
        listed = {a.url: a.kind for a in list_articles(session)}
    assert ids[0] == ids[1] and len(set(ids)) == 3
    assert listed["https://elsewhere.net/review-of-a.html"] == "external"


def test_figures_per_article(desk: Desk) -> None:
    _catalogue(desk)
    for name in ("forms/inquiries-export-utf8.csv", "email/site-form-notification.eml"):
        _import(desk, DATA / name)
    with desk.transaction() as session:
        space = find_article(session, "A2")
        lukas = session.scalars(select(Inquiry.contact_id).where(Inquiry.article_id == space.id)).first()
        assert lukas is not None
        set_stage(session, lukas, "won", actor=ME)
        figures = article_figures(session, space.id)
    assert (figures.inquiries, figures.contacts, figures.won) == (2, 1, 1)
    assert figures.channels == {"site_form": 2}


@pytest.mark.parametrize("reference", ["A99", "https://nowhere.example/x.html", "0"])
def test_unknown_articles(desk: Desk, reference: str) -> None:
    from leaddesk.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no article"), desk.transaction() as session:
        find_article(session, reference)
