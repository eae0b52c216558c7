"""A synthetic desk is a desk like any other: what is imported after it gets fresh ids."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Article, Contact, Inquiry
from leaddesk.importers.base import ImportOptions
from leaddesk.services.article_files import read_article_file
from leaddesk.services.articles import add_articles
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file
from leaddesk.services.synthetic import fill_synthetic

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.mark.parametrize(("sample", "new_contacts"), [
    ("whatsapp/WhatsApp Chat with +49 1512 3456789.txt", 1),
    ("forms/inquiries-export-utf8.csv", 4),
    ("email/site-form-notification.eml", 1),
])
def test_an_import_after_a_synthetic_desk_adds_rows_after_its_ids(
        desk: Desk, sample: str, new_contacts: int) -> None:
    figures = fill_synthetic(desk.engine, 200)
    report = import_file(desk, SAMPLES / sample, ImportOptions(), actor="tester",
                         zone=ZoneInfo("UTC"))
    assert report.messages_created >= 1
    with desk.transaction() as session:
        contacts = session.scalar(select(func.count()).select_from(Contact))
        newest = session.scalar(select(func.max(Inquiry.id)))
    assert contacts == figures["contacts"] + new_contacts
    assert newest is not None and newest > figures["inquiries"]


@pytest.mark.parametrize("sample", ["site/sitemap.xml", "site/news-china-space-cooperation.html"])
def test_the_site_pages_imported_after_a_synthetic_desk_become_new_articles(
        desk: Desk, sample: str) -> None:
    figures = fill_synthetic(desk.engine, 200)
    drafts, _ = read_article_file(SAMPLES / sample)
    with desk.transaction() as session:
        ids = add_articles(session, drafts)
    with desk.transaction() as session:
        articles = session.scalar(select(func.count()).select_from(Article))
    assert ids and min(ids) > figures["articles"]
    assert articles == figures["articles"] + len(set(ids))
