"""The report files, read back the way their readers read them."""

import csv
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from leaddesk.importers.base import ImportOptions
from leaddesk.importers.sitemap import read_sitemap
from leaddesk.reports.build import build_report
from leaddesk.reports.rows import Period, lead_rows
from leaddesk.services.articles import add_articles
from leaddesk.services.attribution import link_inquiries
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.imports import import_file
from tests.postgres import database_name, fresh_database

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.parent.name != "site"
                 and p.name != "README.md")


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def desk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """The demo desk and every sample, on each kind of database: the report's one statement
    is written once per database."""
    if request.param == "sqlite":
        with open_desk(str(tmp_path_factory.mktemp("reports") / "desk.db")) as opened:
            yield from _filled(opened)
    else:
        with fresh_database(request.getfixturevalue("postgres_server"), database_name()) as url, \
                open_desk(url) as opened:
            yield from _filled(opened)


def _filled(opened: Desk) -> Iterator[Desk]:
    with opened.transaction() as session:
        fill_demo(session, actor="t")
        add_articles(session, read_sitemap(DATA / "site/sitemap.xml")[0])
    for path in SAMPLES:
        import_file(opened, path, ImportOptions(), actor="t", zone=ZoneInfo("UTC"))
    with opened.transaction() as session:
        link_inquiries(session)
    yield opened


def _report(desk: Desk, fmt: str, folder: Path, **period: datetime) -> Path:
    target = folder / f"report.{fmt}"
    with desk.transaction() as session:
        build_report(session, fmt, target, Period(**period))
    return target


def test_lead_rows_carry_the_facts(desk: Desk) -> None:
    with desk.transaction() as session:
        rows = list(lead_rows(session, Period()))
    wang = [r for r in rows if r.contact == "王磊" and r.emails == "wanglei@feikong-tech.example.cn"
            and r.channel == "email"]
    assert [(r.utm_source, r.utm_medium, r.article_link) for r in wang] == [("baidu", "cpc", "url")]
    lukas = next(r for r in rows if r.contact == "Lukas Becker" and r.channel == "site_form"
                 and r.first_response_minutes is not None)
    assert lukas.first_response_minutes == pytest.approx(387.4, abs=0.1)  # 07:40 after 01:12 UTC
    assert "+49 1512 3456789" in lukas.phones


def test_csv_is_excel_ready_and_inert(desk: Desk, tmp_path: Path) -> None:
    raw = _report(desk, "csv", tmp_path).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "@")) for cell in cells)
    assert "'=HYPERLINK(\"http://evil.example/x\",\"click\")" in cells
    assert "+49 1512 3456789" in cells
    assert any("\n" in cell for cell in cells)  # Priya's two-line message survives quoting


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_report_names_channels_as_people_do_and_carries_wechat_ids(desk: Desk, tmp_path: Path,
                                                                     fmt: str) -> None:
    target = _report(desk, fmt, tmp_path)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
        channels = {row["channel"] for row in rows}
        wechat = [row["wechat_ids"] for row in rows if row["channel"] == "WeChat"]
    else:
        book = zipfile.ZipFile(target)
        sheets = " ".join(book.read(name).decode() for name in book.namelist() if name.startswith("xl/"))
        channels = {name for name in ("WhatsApp", "WeChat", "email", "site form", "site_form",
                                      "whatsapp", "wechat") if f">{name}<" in sheets}
        wechat = ["wx_cn008buyer"] if ">wechat ids<" in sheets and ">wx_cn008buyer<" in sheets else []
    assert channels == {"WhatsApp", "WeChat", "email", "site form"}
    assert any(wechat)  # a WeChat buyer known by ID has it in the report (some are known by name only)


def test_xlsx_has_text_dates_and_native_charts(desk: Desk, tmp_path: Path) -> None:
    path = _report(desk, "xlsx", tmp_path)
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        sheets = "".join(book.read(n).decode() for n in names if n.startswith("xl/worksheets/sheet"))
        strings = sheets  # constant-memory mode writes strings inline
    assert sum(n.startswith("xl/charts/chart") for n in names) == 5
    assert "<f>" not in sheets  # no formula anywhere
    assert '<t>=HYPERLINK("http://evil.example/x","click")</t>' in strings
    assert "<t>+49 1512 3456789</t>" in strings
    assert '<pane ySplit="1"' in sheets and "<autoFilter" in sheets


def test_pdf_summary_pages_and_charts(desk: Desk, tmp_path: Path) -> None:
    path = _report(desk, "pdf", tmp_path)
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 1 <= len(pages) <= 3
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Title:" in info and "Leads and where they come from" in info
    assert path.read_bytes().count(b"/Type /Page\n") + path.read_bytes().count(b"/Type /Page ") >= 1


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_real_spreadsheet_keeps_formulas_inert_and_phones_intact(
    desk: Desk, tmp_path: Path, fmt: str
) -> None:
    path = _report(desk, fmt, tmp_path)
    out = tmp_path / "out"
    options = ["--infilter=CSV:44,34,76,1"] if fmt == "csv" else []
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    *options, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,"
                    "true,false,false,false,-1", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    leads = [p for p in out.glob("*.csv") if "Summary" not in p.name]
    rows = list(csv.reader(io.StringIO(leads[0].read_text(encoding="utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)  # still there, as text
    assert "click" not in cells  # not evaluated into a link labelled "click"
    assert "+49 1512 3456789" in cells  # text, exactly as written


@pytest.mark.parametrize(("fmt", "period", "message"), [
    ("doc", {}, "unknown format"),
    ("csv", {"since": datetime(2021, 5, 1, tzinfo=UTC), "until": datetime(2021, 4, 1, tzinfo=UTC)},
     "--since must come before --until"),
])
def test_bad_requests(desk: Desk, tmp_path: Path, fmt: str, period: dict[str, datetime],
                      message: str) -> None:
    from leaddesk.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match=message), desk.transaction() as session:
        build_report(session, fmt, tmp_path / "r", Period(**period))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_empty_period_still_gives_a_readable_file(desk: Desk, tmp_path: Path, fmt: str) -> None:
    path = _report(desk, fmt, tmp_path, since=datetime(1999, 1, 1, tzinfo=UTC),
                   until=datetime(1999, 2, 1, tzinfo=UTC))
    assert path.stat().st_size > 100


def test_a_pdf_with_no_linked_articles(tmp_path: Path) -> None:
    from leaddesk.reports.pdf_report import write_pdf
    from leaddesk.reports.summary import summarise

    with open_desk(str(tmp_path / "bare.db")) as bare:
        import_file(bare, DATA / "whatsapp/WhatsApp Chat with Maria Santos.txt", ImportOptions(),
                    actor="t", zone=ZoneInfo("UTC"))
        with bare.transaction() as session:
            summary = summarise(lead_rows(session, Period()))
    assert summary.top_articles == []
    write_pdf(summary, tmp_path / "r.pdf", title="t", period="p")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(("by", "first_header", "key"), [
    ("contact", "contact", "Lukas Becker"),
    ("article", "article_title", "What is a fiber optic gyroscope"),
])
def test_views_per_contact_and_per_article(desk: Desk, tmp_path: Path, by: str, first_header: str,
                                           key: str) -> None:
    target = tmp_path / f"{by}.csv"
    with desk.transaction() as session:
        done = build_report(session, "csv", target, Period(), by)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert next(iter(rows[0])) == first_header and done.rows == len(rows)
    assert any(row[first_header] == key and int(row["inquiries"]) >= 1 for row in rows)
    if by == "contact":  # the samples' Lukas (one contact) wrote by WhatsApp and the form
        lukas = [r for r in rows if r["emails"] == "l.becker@aero-systems.example.de"]
        assert len(lukas) == 1 and lukas[0]["channels"] == "site form 2, WhatsApp 1"
