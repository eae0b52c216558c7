"""The site's pages: sitemaps (plain, .gz, index), saved pages and CSV lists."""

import gzip
from pathlib import Path

import pytest

from leaddesk.errors import InvalidInputError
from leaddesk.importers.base import ImportFileError
from leaddesk.importers.pages import parse_article_csv, parse_page
from leaddesk.importers.sitemap import read_sitemap, title_from_url
from leaddesk.importers.sources import Source
from tests.unit.importers.conftest import DATA

URLSET = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          '<url><loc>https://www.example.com/news/a-story.html</loc><lastmod>2021-04-13</lastmod></url>'
          '<url><loc>https://www.example.com/contact-us.html</loc></url></urlset>')


def test_the_sample_sitemap() -> None:
    drafts, notes = read_sitemap(DATA / "samples/site/sitemap.xml")
    assert notes == [] and len(drafts) == 9
    kinds = {d.url.rsplit("/", 1)[-1]: d.kind for d in drafts}
    assert kinds["contact-us.html"] == "page" and kinds[""] == "page"
    assert sum(k == "article" for k in kinds.values()) == 7
    titles = {d.title for d in drafts}
    assert {"What is a fiber optic gyroscope", "ER-FOGI-40 fiber optic gyroscope"} <= titles


def test_gzipped_sitemaps_and_indexes_beside_them(tmp_path: Path) -> None:
    (tmp_path / "news.xml.gz").write_bytes(gzip.compress(URLSET.encode()))
    (tmp_path / "index.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<sitemap><loc>https://www.example.com/news.xml.gz</loc></sitemap>"
        "<sitemap><loc>https://www.example.com/products.xml</loc></sitemap></sitemapindex>")
    drafts, notes = read_sitemap(tmp_path / "index.xml")
    assert [d.title for d in drafts] == ["A story", "Contact us"]
    assert notes == ["index.xml: https://www.example.com/products.xml is not beside it; "
                     "import that file too"]


def _index(*names: str) -> str:
    entries = "".join(f"<sitemap><loc>https://www.example.com/{name}</loc></sitemap>" for name in names)
    return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def _urlset(page: str) -> str:
    return (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
            f"<loc>https://www.example.com/news/{page}.html</loc></url></urlset>")


@pytest.mark.parametrize(("files", "pages", "notes"), [
    ({"a.xml": _index("b.xml", "one.xml"), "b.xml": _index("a.xml", "two.xml")}, ["two", "one"],
     ["a.xml and b.xml list each other"]),
    ({"a.xml": _index("a.xml", "one.xml")}, ["one"], ["a.xml lists itself"]),
    ({"a.xml": _index("b.xml"), "b.xml": _index("c.xml"), "c.xml": _index("a.xml", "one.xml")}, ["one"],
     ["a.xml, b.xml and c.xml list each other in a loop"]),
    ({"a.xml": _index("b.xml", "c.xml"), "b.xml": _index("one.xml"), "c.xml": _index("one.xml", "two.xml")},
     ["one", "two"], []),  # two indexes list one sitemap: read once
    ({"a.xml": _index("b.xml"), "b.xml": _index("c.xml"), "c.xml": _index("d.xml", "one.xml"),
      "d.xml": _index("two.xml")}, ["one"],
     ["d.xml: the sitemaps it lists are not read; sitemap indexes nested more than 3 deep"]),
    ({"a.xml": _index("", "..", "%2E%2E", "%00.xml", "one.xml")}, ["one"],
     [f"a.xml: https://www.example.com/{name} is not beside it; import that file too"
      for name in ("", "..", "%2E%2E", "%00.xml")]),
    ({"a.xml": _index("bad.xml", "one.xml"), "bad.xml": _urlset("x").replace("https://www.example.com",
                                                                            "http://[broken")},
     ["one"], ["bad.xml: 1 entry is no web address; skipped"]),
])
def test_sitemap_indexes_are_read_once_and_never_endlessly(
    tmp_path: Path, files: dict[str, str], pages: list[str], notes: list[str]
) -> None:
    for name, content in {"one.xml": _urlset("one"), "two.xml": _urlset("two"), **files}.items():
        (tmp_path / name).write_text(content)
    drafts, said = read_sitemap(tmp_path / "a.xml")
    assert [d.url.rsplit("/", 1)[-1] for d in drafts] == [f"{page}.html" for page in pages]
    assert said == notes


@pytest.mark.parametrize(("content", "message"), [
    (b"<urlset><url><loc>broken", "not a readable sitemap"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
     b"<urlset>&b;</urlset>", "not a readable sitemap"),
    (b"<html><body>hi</body></html>", "not a sitemap"),
    (gzip.compress(b"<urlset>")[:10], "damaged gzip"),
])
def test_hostile_or_broken_sitemaps(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=message):
        read_sitemap(path)


def test_the_saved_article_page() -> None:
    source = Source("p.html", (DATA / "samples/site/news-china-space-cooperation.html").read_bytes())
    page = parse_page(source)
    assert page.title == "China's international space cooperation in the past 60 years will be " \
        "even more promising"
    assert page.url.endswith("/news/china-s-international-space-cooperation-in-the-past-60-years-"
                             "will-be-even-more-promising.html")
    assert page.published_at is not None and page.published_at.date().isoformat() == "2021-04-13"
    assert (page.author, page.kind) == ("Site Editor", "article")


@pytest.mark.parametrize(("html", "title"), [
    ('<html><head><title>Gyro news - News - Ericco</title><link rel="canonical" href="https://e.com/n/g.html">'
     "</head></html>", "Gyro news"),
    ('<html><head><meta property="og:url" content="https://e.com/n/g.html"></head>'
     "<body><h1>From the H1</h1></body></html>", "From the H1"),
])
def test_titles_from_h1_or_title_without_the_site_name(html: str, title: str) -> None:
    assert parse_page(Source("p.html", html.encode())).title == title


@pytest.mark.parametrize(("html", "message"), [
    ("<html><head><title>x</title></head></html>", "names no URL"),
    ('<html><head><link rel="canonical" href="https://e.com:99999/x"><title>x</title></head></html>',
     "is no web address"),
    ('<html><head><link rel="canonical" href="https://e.com/x"></head><body></body></html>', "no title"),
])
def test_pages_without_url_or_title(html: str, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_page(Source("p.html", html.encode()))


def test_a_csv_of_articles() -> None:
    data = "URL,Title,Published,Author\nhttps://e.com/news/a.html,A story,2021-04-13,Ed\n,,,\n"
    drafts = parse_article_csv(Source("a.csv", data.encode()))
    assert [(d.title, d.kind, d.author) for d in drafts] == [("A story", "article", "Ed")]


@pytest.mark.parametrize(("data", "message", "line"), [
    ("URL,Title\nhttps://e.com/news/a.html,A\nhttp://[e.com/b,B\n", "is no web address", 3),
    ("URL,Title\nhttps://e.com/news/a.html,\"A" + "x" * 200_000 + "\"\n", "not a readable CSV", 2),
])
def test_a_broken_csv_of_articles_names_the_line(data: str, message: str, line: int) -> None:
    with pytest.raises(ImportFileError, match=message) as error:
        parse_article_csv(Source("a.csv", data.encode()))
    assert (error.value.source, error.value.line) == ("a.csv", line)


@pytest.mark.parametrize(("url", "title"), [
    ("https://x.example/products/er-fogi-40-fiber-optic-gyroscope.html", "ER-FOGI-40 fiber optic gyroscope"),
    ("https://www.example.com/products/er-mimu-01.html", "ER-MIMU-01"),  # a code alone (found by fuzzing)
    ("https://www.example.com/news/what-is-a-fiber-optic-gyroscope/", "What is a fiber optic gyroscope"),
    ("https://www.example.com/", "www.example.com"),
    ("https://www.example.com/news/china-s-international-space-cooperation.html",
     "China's international space cooperation"),  # the demo showed "China s"
])
def test_titles_from_urls(url: str, title: str) -> None:
    assert title_from_url(url) == title
