"""`leaddesk articles` as scripts use it."""

import json
from pathlib import Path

import pytest

from tests.cli.run import leaddesk

SITE = Path(__file__).resolve().parents[1] / "data" / "samples" / "site"



def test_import_list_links_and_qr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    code, out, _ = leaddesk(capsys, "--db", db, "articles", "import", str(SITE / "sitemap.xml"),
                            str(SITE / "news-china-space-cooperation.html"))
    assert (code, out) == (0, "9 pages in the catalogue from 10 entries\n")
    _, out, _ = leaddesk(capsys, "--db", db, "articles", "--json")
    articles = json.loads(out)
    assert {"id", "code", "url", "title", "kind", "published_at", "inquiries"} <= set(articles[0])
    assert articles[0]["title"].startswith("China's international space cooperation")
    code, out, _ = leaddesk(capsys, "--db", db, "articles", "links", articles[0]["code"], "--json",
                            "--phone", "+86 139 9288 4879", "--email", "info@ericcointernational.com",
                            "--qr", str(tmp_path / "qr"))
    links = json.loads(out)
    assert code == 0 and links["whatsapp"].startswith("https://wa.me/8613992884879?text=Hello")
    assert links["mailto"].startswith("mailto:info@ericcointernational.com?subject=")
    assert sorted(p.name for p in (tmp_path / "qr").iterdir()) == [
        f"{links['code']}-{kind}.{ext}" for kind in ("email", "whatsapp") for ext in ("png", "svg")]
    assert (tmp_path / "qr" / f"{links['code']}-whatsapp.png").read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("args", "message"), [
    (["articles", "links", "A1"], "set our WhatsApp number"),
    (["articles", "links", "A404", "--phone", "+8613992884879", "--email", "a@b.c"], "no article"),
    (["articles", "import", "README.md"], "not a sitemap, saved page"),
])
def test_articles_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                         message: str) -> None:
    db = str(tmp_path / "d.db")
    leaddesk(capsys, "--db", db, "articles", "import", str(SITE / "sitemap.xml"))
    code, _, err = leaddesk(capsys, "--db", db, *args)
    assert code == 1 and message in err and err.count("\n") == 1


def test_add_and_edit_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    code, out, _ = leaddesk(capsys, "--db", db, "articles", "add",
                            "https://www.example.com/news/new-imu.html?utm_source=x",
                            "--title", "A new IMU", "--published", "2021-06-01", "--json")
    added = json.loads(out)
    assert (code, added["url"], added["title"]) == (0, "https://example.com/news/new-imu.html",
                                                     "A new IMU")
    code, out, _ = leaddesk(capsys, "--db", db, "articles", "edit", added["code"], "--title",
                            "A newer IMU", "--author", "Editor", "--json")
    assert (json.loads(out)["title"], json.loads(out)["author"]) == ("A newer IMU", "Editor")
    for args, message in ((["edit", added["code"], "--title", "  "], "needs a title"),
                          (["add", "notaurl"], "is not a web address"),
                          (["add", "https://e.com/a.html", "--published", "soon"], "YYYY-MM-DD")):
        code, _, err = leaddesk(capsys, "--db", db, "articles", *args)
        assert code == 1 and message in err
    _, out, _ = leaddesk(capsys, "--db", db, "articles", "--json")
    assert [a["title"] for a in json.loads(out)] == ["A newer IMU"]  # nothing half-saved


@pytest.mark.parametrize("named", [["a.xml"], ["a.xml", "b.xml"], ["b.xml", "a.xml"]])
def test_importing_indexes_that_list_each_other(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                named: list[str]) -> None:
    index = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</sitemapindex>'
    urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{}</urlset>'
    entry = "<sitemap><loc>https://www.example.com/{}</loc></sitemap>"
    page = "<url><loc>https://www.example.com/news/{}.html</loc></url>"
    (tmp_path / "a.xml").write_text(index.format(entry.format("b.xml") + entry.format("news.xml")))
    (tmp_path / "b.xml").write_text(index.format(entry.format("a.xml")))
    (tmp_path / "news.xml").write_text(urlset.format(page.format("one") + page.format("two")))
    code, out, err = leaddesk(capsys, "--db", str(tmp_path / "d.db"), "articles", "import",
                              *(str(tmp_path / name) for name in named))
    first, second = named[0], "b.xml" if named[0] == "a.xml" else "a.xml"
    assert (code, err) == (0, "")
    assert out == f"2 pages in the catalogue from 2 entries\nnote: {first} and {second} list each other\n"
