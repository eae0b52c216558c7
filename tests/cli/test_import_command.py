"""`leaddesk import` as scripts use it: one JSON object per file, non-zero on failure."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.cli.run import leaddesk

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
KEYS = {"file", "channel", "contacts_created", "contacts_matched", "inquiries_created",
        "messages_created", "messages_skipped", "errors"}



def test_import_json_one_object_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    files = [str(DATA / "whatsapp/WhatsApp Chat with Maria Santos.txt"),
             str(DATA / "contacts/customers.vcf")]
    code, out, err = leaddesk(capsys, "import", *files, "--json", "--db", db)
    reports = [json.loads(line) for line in out.splitlines()]
    assert (code, err) == (0, "")
    assert all(set(r) >= KEYS for r in reports)
    assert [(r["channel"], r["messages_created"], r["contacts_created"], r["contacts_matched"])
            for r in reports] == [("whatsapp", 3, 1, 0), ("other", 0, 2, 1)]


def test_a_bad_file_fails_the_run_but_not_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.db")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 16)
    code, out, err = leaddesk(capsys, "--db", db, "import", str(junk),
                              str(DATA / "email/chinese-inquiry-gb2312.eml"), "--json")
    reports = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert err.startswith("leaddesk: junk.txt: ") and err.count("\n") == 1
    assert reports[0]["errors"][0]["message"].startswith("junk.txt: ")
    assert reports[1]["messages_created"] == 1


def test_list_revert_and_vcards_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    leaddesk(capsys, "--db", db, "import", str(DATA / "forms/inquiries-export-gbk.csv"))
    code, out, _ = leaddesk(capsys, "--db", db, "import", "--list", "--json")
    batches = json.loads(out)
    assert code == 0 and [b["messages_created"] for b in batches] == [2]
    vcf = tmp_path / "out.vcf"
    assert leaddesk(capsys, "--db", db, "contacts", "--vcf", str(vcf))[0] == 0
    assert vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 2
    assert "FN:王磊" in vcf.read_text(encoding="utf-8")
    code, out, _ = leaddesk(capsys, "--db", db, "import", "--revert", str(batches[0]["id"]))
    assert code == 0 and out.startswith("reverted: 2 messages")
    assert leaddesk(capsys, "--db", db, "contacts", "--json")[1] == "[]\n"
    code, _, err = leaddesk(capsys, "--db", db, "import", "--revert", "99")
    assert (code, err) == (1, "leaddesk: no import batch #99\n")


def test_our_staff_given_with_me(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text("13/04/2021, 09:41 - Ana: hi\n13/04/2021, 09:42 - Bo: hello\n"
                    "13/04/2021, 09:43 - Cy: hey\n")
    db = str(tmp_path / "d.db")
    leaddesk(capsys, "--db", db, "import", str(chat), "--me", "Bo")
    with sqlite3.connect(db) as connection:
        directions = [row[0] for row in connection.execute("SELECT direction FROM messages ORDER BY id")]
    assert directions == ["in", "out", "in"]


def test_a_column_mapping_is_remembered_for_the_same_headers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "d.db")
    export = tmp_path / "crm.csv"
    export.write_text("联系人手机,Email,Message,Date\n+86 138 0013 8000,a@b.cn,hi,2021-04-01 10:00\n",
                      encoding="utf-8")
    code, out, _ = leaddesk(capsys, "--db", db, "import", str(export), "--map", "联系人手机=phone",
                            "--json")
    assert code == 0 and json.loads(out)["messages_created"] == 1
    later = tmp_path / "crm-may.csv"
    later.write_text("联系人手机,Email,Message,Date\n+86 186 2801 3579,c@d.cn,hello,2021-05-01 10:00\n",
                     encoding="utf-8")
    code, out, _ = leaddesk(capsys, "--db", db, "import", str(later), "--json")
    report = json.loads(out)
    assert report["notes"] == ["columns mapped as remembered for these headers"]
    _, out, _ = leaddesk(capsys, "--db", db, "contacts", "--json")
    assert sorted(p for c in json.loads(out) for p in c["phones"]) == ["+8613800138000",
                                                                       "+8618628013579"]
