"""An import that only adds to contacts that were there (a vCard's new address, a company
they lacked) is a batch like any other: listed, and reverted without touching what a
person typed (SQLite and PostgreSQL)."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from leaddesk.importers.base import ImportOptions
from leaddesk.services.contacts import edit_contact, find_contact
from leaddesk.services.desk import Desk
from leaddesk.services.imports import ImportReport, import_file, list_batches
from leaddesk.services.revert import revert_import

CHAT = Path(__file__).resolve().parents[1] / "data" / "samples" / \
    "whatsapp/WhatsApp Chat with +49 1512 3456789.txt"
LUKAS_PHONE = "+4915123456789"
CARD = """BEGIN:VCARD
VERSION:3.0
FN:Lukas Becker
ORG:Aero Systems GmbH
TEL;TYPE=CELL:+49 1512 3456789
EMAIL;TYPE=INTERNET:l.becker@aero-systems.example.de
END:VCARD
"""


def _import(desk: Desk, path: Path) -> ImportReport:
    return import_file(desk, path, ImportOptions(), actor="anna", zone=ZoneInfo("UTC"))


def _nothing(session: Session, contact_id: int) -> None:
    """Nobody touches the contact after the vCard."""


def _company_typed(session: Session, contact_id: int) -> None:
    edit_contact(session, contact_id, actor="anna", fields={"company": "Aero Systems Bremen"})


def _name_typed(session: Session, contact_id: int) -> None:
    edit_contact(session, contact_id, actor="anna", fields={"name": "Lukas B."})


@pytest.mark.parametrize(("work", "after_revert"), [
    (_nothing, ("", [])),
    (_company_typed, ("Aero Systems Bremen", [])),
    (_name_typed, ("", [])),
])
def test_a_vcard_that_only_adds_is_a_batch_and_its_revert_takes_back_only_that(
    desk: Desk, tmp_path: Path, work: object, after_revert: tuple[str, list[str]],
) -> None:
    _import(desk, CHAT)  # Lukas, known by his number only
    with desk.transaction() as session:
        lukas = find_contact(session, LUKAS_PHONE)
        name_before, company_before = lukas.name, lukas.company
    assert company_before == ""
    card = tmp_path / "lukas.vcf"
    card.write_text(CARD, encoding="utf-8")
    report = _import(desk, card)
    assert report.batch is not None and report.contacts_created == 0  # only added: still a batch
    with desk.transaction() as session:
        lukas = find_contact(session, LUKAS_PHONE)
        assert lukas.company == "Aero Systems GmbH"
        assert "l.becker@aero-systems.example.de" in {i.value for i in lukas.identities}
        assert next(b.id for b in list_batches(session)) == report.batch
        work(session, lukas.id)  # type: ignore[operator]
    revert_import(desk, report.batch, actor="anna")
    with desk.transaction() as session:
        lukas = find_contact(session, LUKAS_PHONE)
        assert lukas.company == after_revert[0]  # what the card filled goes; what was typed stays
        assert [i.value for i in lukas.identities if i.kind == "email"] == after_revert[1]
        if work is _name_typed:
            assert lukas.name == "Lukas B."
        else:
            assert lukas.name == name_before


def test_another_import_filling_a_blank_is_no_person_working_on_the_contact(
    desk: Desk, tmp_path: Path,
) -> None:
    first = _import(desk, CHAT)
    card = tmp_path / "lukas.vcf"
    card.write_text(CARD.replace("EMAIL;TYPE=INTERNET:l.becker@aero-systems.example.de\n", ""),
                    encoding="utf-8")
    assert _import(desk, card).batch is not None  # it filled his company
    assert first.batch is not None
    plan = revert_import(desk, first.batch, actor="anna", dry_run=True)
    reasons = [r for k in plan.kept if k.kind == "contact" for r in k.reasons]
    assert reasons and not [r for r in reasons if "a person worked on it" in r]
