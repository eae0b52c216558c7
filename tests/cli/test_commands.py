"""The command line as scripts use it: JSON shapes, --db anywhere, one-line errors."""

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from leaddesk import __version__
from tests.cli.run import leaddesk


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / "demo.db")
    code, out, err = leaddesk(capsys, "--db", db, "demo")
    assert (code, err) == (0, "")
    assert re.match(r"\d+ contacts, \d+ messages, 9 articles, \d+ follow-ups", out)
    return db


def test_the_demo_desk_is_realistic(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = leaddesk(capsys, "contacts", "--json", "--db", demo_db)
    contacts = json.loads(out)
    assert code == 0 and len(contacts) >= 40
    assert {"id", "name", "company", "country", "phones", "emails", "wechat_ids", "stage"} \
        <= set(contacts[0])
    assert len({c["country"] for c in contacts}) >= 10
    assert all(re.fullmatch(r"\+[1-9]\d{6,14}", p) for c in contacts for p in c["phones"])
    assert {c["stage"] for c in contacts} == {"new", "contacted", "qualified", "quoted", "won",
                                               "lost"}
    _, out, _ = leaddesk(capsys, "--db", demo_db, "inquiries", "--json")
    inquiries = json.loads(out)
    assert {"id", "contact", "contact_id", "channel", "started_at", "last_message_at", "messages",
            "article_url", "article_link", "stage"} <= set(inquiries[0])
    assert {i["channel"] for i in inquiries} >= {"whatsapp", "wechat", "email", "site_form"}
    assert any(re.search(r"[\u4e00-\u9fff]", i["contact"]) for i in inquiries)
    assert all(i["article_url"] and i["article_link"] == "manual" for i in inquiries)
    assert all(i["started_at"].endswith("+00:00") for i in inquiries)
    for due in ("overdue", "today", "week"):
        _, out, _ = leaddesk(capsys, "--db", demo_db, "followups", "--due", due, "--json")
        assert json.loads(out), f"no follow-ups due {due}"


def test_the_demo_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listings = []
    for name in ("a.db", "b.db"):
        leaddesk(capsys, "--db", str(tmp_path / name), "demo")
        _, out, _ = leaddesk(capsys, "--db", str(tmp_path / name), "contacts", "--json")
        listings.append(json.loads(out))
    assert listings[0] == listings[1]


def test_the_demo_fills_only_an_empty_desk(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = leaddesk(capsys, "--db", demo_db, "demo")
    assert (code, out) == (1, "")
    assert err == "leaddesk: the desk is not empty: demo data goes only into an empty desk\n"


def test_db_upkeep(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert leaddesk(capsys, "db", "check", "--db", demo_db)[:2] == (0, f"{demo_db}: ok\n")
    assert leaddesk(capsys, "db", "upgrade", "--db", demo_db)[:2] == (0, "database current\n")
    copy = tmp_path / "copy.db"
    assert leaddesk(capsys, "db", "backup", str(copy), "--db", demo_db)[0] == 0
    with sqlite3.connect(copy) as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone()[0] >= 40
    code, _, err = leaddesk(capsys, "db", "backup", str(copy), "--db", demo_db)
    assert code == 1 and "already exists" in err


def test_db_check_reports_damage(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with sqlite3.connect(demo_db) as connection:
        connection.execute("DELETE FROM messages WHERE inquiry_id = 1")
    code, out, _ = leaddesk(capsys, "db", "check", "--db", demo_db, "--json")
    assert code == 1
    assert json.loads(out) == {"ok": False, "problems": ["1 inquiries have no messages"]}


def test_the_default_database_lives_in_the_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "elsewhere"
    assert leaddesk(capsys, "--data-dir", str(folder), "contacts", "--json")[:2] == (0, "[]\n")
    assert (folder / "leaddesk.db").exists()


@pytest.mark.parametrize(("content", "args", "message"), [
    (b"this is not a database" * 100, ["contacts"], "not a database file"),
    (None, ["--db", "mysql://u@h/d", "contacts"], "unknown database scheme 'mysql'"),
    (None, ["inquiries", "--db", "/proc/forbidden/desk.db"], "leaddesk: "),
])
def test_bad_databases_give_one_line_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, args: list[str],
    message: str,
) -> None:
    bad = tmp_path / "bad.db"
    if content is not None:
        bad.write_bytes(content)
        args = ["--db", str(bad), *args]
    code, out, err = leaddesk(capsys, *args)
    assert (code, out) == (1, "")
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    if content is not None:
        assert bad.read_bytes() == content


def test_the_installed_entry_point(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "leaddesk", "--version"], capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == f"leaddesk {__version__}"
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    done = subprocess.run([sys.executable, "-m", "leaddesk", "contacts", "--db", str(bad)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.startswith("leaddesk: ") and "Traceback" not in done.stderr


def test_postgres_works_the_same_way(postgres_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert leaddesk(capsys, "demo", "--db", postgres_url)[0] == 0
    code, out, _ = leaddesk(capsys, "contacts", "--json", "--db", postgres_url)
    assert code == 0 and len(json.loads(out)) >= 40
    assert leaddesk(capsys, "db", "check", "--db", postgres_url)[0] == 0


def test_the_self_test_starts_the_whole_app_in_a_subprocess(tmp_path: Path) -> None:
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADDESK_DATA_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "leaddesk", "--self-test"], capture_output=True,
                          text=True, env=env, timeout=240, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("self-test passed")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("typed", "said"), [
    ("price after:someday", "leaddesk: after:someday is not a date"),
    ("channel:fax", "leaddesk: channel:fax: use one of whatsapp"),
])
def test_a_filter_that_means_nothing_is_one_line_not_ignored(demo_db: str, typed: str, said: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = leaddesk(capsys, "--db", demo_db, "search", typed)
    assert (code, out) == (1, "") and err.startswith(said) and err.count("\n") == 1


def test_a_search_can_be_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from leaddesk.settings import Settings

    db = str(tmp_path / "d.db")
    code, _, _ = leaddesk(capsys, "--db", db, "search", "channel:wechat 报价", "--save", "报价",
                          "--order", "relevance")
    assert code == 0
    assert Settings.load().saved_searches == {"报价": "channel:wechat 报价"}
