"""`leaddesk contacts edit` and `import --revert [--dry-run]` as scripts use them."""

import json
from pathlib import Path

import pytest

from tests.cli.run import leaddesk

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
CHAT = str(DATA / "whatsapp/WhatsApp Chat with +49 1512 3456789.txt")
VCARD = str(DATA / "contacts/customers.vcf")


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "d.db")
    assert leaddesk(capsys, "--db", path, "import", CHAT, VCARD)[0] == 0
    return path


def _contacts(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, object]]:
    code, out, _ = leaddesk(capsys, "--db", db, "contacts", "--json")
    assert code == 0
    return list(json.loads(out))


@pytest.mark.parametrize("reference", ["+49 1512 3456789", "0049-1512-3456789",
                                       "L.Becker@aero-systems.example.de", "1"])
def test_edit_finds_the_contact_by_id_phone_or_email(db: str, reference: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = leaddesk(capsys, "--db", db, "contacts", "edit", reference, "--company", "Aero GmbH",
                              "--country", "Germany", "--note", "wants 40 units", "--stage", "quoted",
                              "--json")
    edited = json.loads(out)
    assert (code, err) == (0, "")
    assert (edited["name"], edited["company"], edited["country"], edited["stage"], edited["notes"]) == (
        "Lukas Becker", "Aero GmbH", "DE", "quoted", "wants 40 units")


def test_edit_by_wechat_id_and_a_note_adds_to_the_notes(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    for note in ("first call", "second call"):
        code, out, _ = leaddesk(capsys, "--db", db, "contacts", "edit", "WangLei_UAV88", "--note", note,
                                "--json")
        assert code == 0
    assert json.loads(out)["notes"].endswith("first call\nsecond call")


@pytest.mark.parametrize(("args", "error"), [
    (["nobody@example.com", "--name", "X"], "leaddesk: no contact 'nobody@example.com'"),
    (["1", "--company", "Changed", "--stage", "lost"], "leaddesk: a lost lead needs a reason"),
    (["1", "--company", "Changed", "--stage", "maybe"], "leaddesk: unknown stage 'maybe'"),
    (["1", "--reason", "price"], "leaddesk: --reason goes with --stage lost"),
    (["1"], "leaddesk: say what to change"),
    (["1", "--company", "Changed", "--country", "Atlantis"], "leaddesk: unknown country 'Atlantis'"),
    (["1", "--name", "x" * 201], "leaddesk: name is longer than 200 characters"),
])
def test_a_bad_edit_says_why_in_one_line_and_changes_nothing(
        db: str, args: list[str], error: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = _contacts(capsys, db)
    code, out, err = leaddesk(capsys, "--db", db, "contacts", "edit", *args)
    assert (code, out) == (1, "")
    assert err.startswith(error) and err.count("\n") == 1
    assert _contacts(capsys, db) == before


def test_a_dry_run_lists_what_stays_then_the_revert_keeps_it(db: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    leaddesk(capsys, "--db", db, "contacts", "edit", "+4915123456789", "--stage", "quoted")
    code, out, _ = leaddesk(capsys, "--db", db, "import", "--revert", "1", "--dry-run")
    assert code == 0
    assert out.splitlines()[0] == ("dry run, nothing changed; would remove: 8 messages, 1 inquiries, "
                                   "0 contacts, 0 identities")
    assert "  would keep contact #1 Lukas Becker: " in out and "stage_changed" in out
    code, out, _ = leaddesk(capsys, "--db", db, "import", "--revert", "1", "--json")
    plan = json.loads(out)
    assert (code, plan["dry_run"], plan["removed"]["messages"]) == (0, False, 8)
    assert {(k["kind"], k["id"]) for k in plan["kept"]} >= {("contact", 1)}
    lukas = next(c for c in _contacts(capsys, db) if c["name"] == "Lukas Becker")
    assert (lukas["stage"], lukas["phones"]) == ("quoted", ["+4915123456789"])
    code, _, err = leaddesk(capsys, "--db", db, "import", "--revert", "1")
    assert code == 1 and err.startswith("leaddesk: import batch #1 was already reverted (")
    code, _, err = leaddesk(capsys, "--db", db, "import", "--dry-run")
    assert (code, err) == (1, "leaddesk: --dry-run goes with --revert BATCH\n")


def test_a_contact_deleted_in_the_window_is_out_of_the_lists_yet_exported_and_erased(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    from leaddesk.services import operations
    from leaddesk.services.desk import open_desk

    desk = open_desk(db)
    lukas = next(c["id"] for c in _contacts(capsys, db) if c["name"] == "Lukas Becker")
    operations.delete_contact(desk, int(lukas), actor="anna")  # as the window's Delete does
    desk.close()
    assert "Lukas Becker" not in [c["name"] for c in _contacts(capsys, db)]
    code, _, err = leaddesk(capsys, "--db", db, "contacts", "edit", "+49 1512 3456789", "--name", "X")
    assert code != 0 and "no contact '+49 1512 3456789'" in err
    code, out, _ = leaddesk(capsys, "--db", db, "contacts", "export-personal-data", "+49 1512 3456789")
    assert code == 0 and "Lukas Becker" in out  # still held, so still theirs to ask for
    code, out, err = leaddesk(capsys, "--db", db, "contacts", "erase", "+49 1512 3456789")
    assert (code, err) == (0, "") and out.startswith(f"erased contact #{lukas}")
