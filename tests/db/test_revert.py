"""Reverting an import: the batch's messages go, and nothing a person did or another
import, a follow-up or a merge relies on (SQLite and PostgreSQL)."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Activity, Contact, FollowUp, Identity, Inquiry, Message, Tag
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel, FollowUpKind
from leaddesk.errors import LeadDeskError
from leaddesk.importers.base import ImportOptions
from leaddesk.services import upkeep
from leaddesk.services.contacts import edit_contact, find_contact, get_contact, list_contacts
from leaddesk.services.desk import Desk
from leaddesk.services.followups import schedule_followup
from leaddesk.services.imports import ImportReport, import_file
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.services.merge import merge_contacts, undo_merge
from leaddesk.services.revert import plan_revert, revert_batch
from leaddesk.services.search import search

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"
CHAT = DATA / "whatsapp/WhatsApp Chat with +49 1512 3456789.txt"
FORM_MAIL = DATA / "email/site-form-notification.eml"
FORM_CSV = DATA / "forms/inquiries-export-utf8.csv"
LUKAS_PHONE, LUKAS_EMAIL = "+4915123456789", "l.becker@aero-systems.example.de"
ME = "anna"


def _import(desk: Desk, path: Path) -> ImportReport:
    return import_file(desk, path, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))


def _lukas(session: Session) -> Contact:
    return find_contact(session, LUKAS_PHONE)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def _edit(session: Session, contact: Contact) -> str:
    edit_contact(session, contact.id, actor=ME, fields={"name": "Lukas Becker", "company": "Aero GmbH"},
                 note="wants 40 units", stage="quoted")
    return "contact_edited"


def _stage(session: Session, contact: Contact) -> str:
    edit_contact(session, contact.id, actor=ME, stage="lost", reason="price")
    return "stage_changed"


def _followup(session: Session, contact: Contact) -> str:
    inquiry = session.scalar(select(Inquiry.id).where(Inquiry.contact_id == contact.id))
    schedule_followup(session, contact.id, datetime.now(UTC) + timedelta(days=1), FollowUpKind.CALL,
                      actor=ME, inquiry_id=inquiry, note="call about the quote")
    return "followup_scheduled"


def _logged(session: Session, contact: Contact) -> str:
    log_inquiry(session, LogInquiry(Channel.PHONE, ContactDraft(phones=["+49 1512 3456789"]),
                                    "called about delivery times"), actor=ME)
    return "inquiry_logged"


def _tagged(session: Session, contact: Contact) -> str:
    contact.tags.append(Tag(name="vip"))
    return ""


PERSON_WORK: list[Callable[[Session, Contact], str]] = [_edit, _stage, _followup, _logged, _tagged]


@pytest.mark.parametrize("work", PERSON_WORK, ids=lambda f: f.__name__.strip("_"))
def test_a_revert_keeps_the_contact_a_person_worked_on(desk: Desk, work: Callable[..., str]) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        action = work(session, _lukas(session))
    with desk.transaction() as session:
        plan = revert_batch(session, chat.batch or 0, actor=ME)
    assert plan.removed["contacts"] == 0 and plan.removed["messages"] == 8
    assert {k.kind for k in plan.kept} >= {"contact", "identity"}
    with desk.transaction() as session:
        lukas = _lukas(session)  # still reachable by his number
        assert [i.value for i in lukas.identities] == [LUKAS_PHONE]
        actions = set(session.scalars(select(Activity.action).where(Activity.contact_id == lukas.id)))
        imported = session.scalar(select(func.count()).select_from(Message)
                                  .where(Message.import_batch_id == chat.batch))
        if work is _edit:
            assert (lukas.company, lukas.notes, lukas.stage) == ("Aero GmbH", "wants 40 units", "quoted")
        if work is _tagged:
            assert [t.name for t in lukas.tags] == ["vip"]
    assert imported == 0
    assert action in actions | {""}
    assert upkeep.check(desk) == []


def test_a_revert_of_an_untouched_import_removes_its_contact(desk: Desk) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        plan = revert_batch(session, chat.batch or 0, actor=ME)
        assert (plan.removed["contacts"], plan.removed["identities"], plan.kept) == (1, 1, [])
        assert (_count(session, Contact), _count(session, Identity), _count(session, Inquiry)) == (0, 0, 0)


def test_reverting_the_first_of_three_imports_keeps_the_buyer_reachable(desk: Desk) -> None:
    mail, csv, chat = (_import(desk, path) for path in (FORM_MAIL, FORM_CSV, CHAT))
    assert mail.contacts_created == 1 and csv.contacts_matched >= 1 and chat.contacts_matched == 1
    with desk.transaction() as session:
        plan = revert_batch(session, mail.batch or 0, actor=ME)
    assert plan.removed == {"messages": 1, "inquiries": 1, "contacts": 0, "identities": 0}
    kept = {(k.kind, k.label): k.reasons for k in plan.kept}
    assert f"import #{csv.batch} found the contact by it" in kept[("identity", f"email {LUKAS_EMAIL}")]
    assert f"import #{chat.batch} found the contact by it" in kept[("identity", "phone +49 1512 3456789")]
    with desk.transaction() as session:
        lukas = get_contact(session, _lukas(session).id)
        messages = session.scalar(select(func.count()).select_from(Message).join(Inquiry)
                                  .where(Inquiry.contact_id == lukas.id))
    assert (lukas.phones, lukas.emails, messages) == ([LUKAS_PHONE], [LUKAS_EMAIL], 9)
    assert upkeep.check(desk) == []
    again = _import(desk, FORM_MAIL)  # the same buyer, not a second Lukas Becker
    assert (again.contacts_created, again.contacts_matched, again.messages_created) == (0, 1, 1)
    with desk.transaction() as session:
        assert [c.name for c in list_contacts(session)].count("Lukas Becker") == 1
        found = search(session, "+49 1512 3456789")  # his number finds him: every inquiry of his
        inquiries = session.scalar(select(func.count()).select_from(Inquiry)
                                   .where(Inquiry.contact_id == lukas.id))
    assert found.total == inquiries == 3 and {h.contact_id for h in found.hits} == {lukas.id}


def test_an_identity_an_import_added_goes_unless_another_import_relies_on_it(desk: Desk,
                                                                             tmp_path: Path) -> None:
    added, relying = _address_added_then_relied_on(desk, tmp_path)
    with desk.transaction() as session:
        plan = plan_revert(session, added.batch or 0)
    assert ("identity", "email lukas@private.example") in {(k.kind, k.label) for k in plan.kept}
    with desk.transaction() as session:
        revert_batch(session, relying.batch or 0, actor=ME)
        plan = revert_batch(session, added.batch or 0, actor=ME)
    assert plan.kept == [] and plan.removed["identities"] == 1
    with desk.transaction() as session:
        assert session.scalar(select(Identity.id).where(Identity.value == "lukas@private.example")) is None


def test_a_dry_run_says_what_would_go_and_changes_nothing(desk: Desk) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        _edit(session, _lukas(session))
    with desk.transaction() as session:
        before = [_count(session, model) for model in (Contact, Identity, Inquiry, Message, Activity)]
        plan = revert_batch(session, chat.batch or 0, actor=ME, dry_run=True)
    assert plan.dry_run and plan.removed["messages"] == 8
    assert [k.kind for k in plan.kept] == ["contact", "identity"]
    assert "a person worked on it (contact_edited, stage_changed)" in plan.kept[0].reasons
    with desk.transaction() as session:
        assert [_count(session, model) for model in (Contact, Identity, Inquiry, Message, Activity)] == before
        plan = revert_batch(session, chat.batch or 0, actor=ME)
        assert plan.removed["messages"] == 8 and not plan.dry_run


def test_reverting_twice_is_refused_and_changes_nothing(desk: Desk) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        revert_batch(session, chat.batch or 0, actor=ME)
    with pytest.raises(LeadDeskError, match=r"already reverted \(\d{4}-\d\d-\d\d"), \
            desk.transaction() as session:
        revert_batch(session, chat.batch or 0, actor=ME)


@pytest.mark.parametrize("imported_survives", [True, False], ids=["into-imported", "into-other"])
def test_reverting_an_import_whose_contact_was_merged(desk: Desk, imported_survives: bool) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        other = log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(
            name="L. Becker", emails=["lb@aero.example"]), "a question by mail"), actor=ME).contact_id
        lukas = _lukas(session).id
        survivor, merged = (lukas, other) if imported_survives else (other, lukas)
        merge = merge_contacts(session, survivor, merged, actor=ME)
    with desk.transaction() as session:
        plan = revert_batch(session, chat.batch or 0, actor=ME)
    assert plan.removed["contacts"] == 0 and plan.removed["identities"] == 0
    with desk.transaction() as session:
        assert find_contact(session, LUKAS_PHONE).id == survivor
        assert find_contact(session, "lb@aero.example").id == survivor
    assert upkeep.check(desk) == []
    with desk.transaction() as session:
        undo_merge(session, merge, actor=ME)
    with desk.transaction() as session:
        assert find_contact(session, LUKAS_PHONE).id == lukas
        assert find_contact(session, "lb@aero.example").id == other
        assert _count(session, FollowUp) == 0
    assert upkeep.check(desk) == []


def test_a_followup_on_an_inquiry_that_goes_stays_on_the_contact(desk: Desk) -> None:
    chat = _import(desk, CHAT)
    with desk.transaction() as session:
        _followup(session, _lukas(session))
    with desk.transaction() as session:
        plan = revert_batch(session, chat.batch or 0, actor=ME)
        followup = session.scalars(select(FollowUp)).one()
    assert plan.removed["inquiries"] == 1 and followup.inquiry_id is None
    assert "followup" in {k.kind for k in plan.kept}


def test_db_check_reports_a_contact_with_messages_and_no_identity(desk: Desk) -> None:
    _import(desk, CHAT)
    with desk.transaction() as session:
        lukas = _lukas(session)
        lukas.name = "Lukas Becker"
        for identity in lukas.identities:
            session.delete(identity)
    assert upkeep.check(desk) == ["1 contacts have messages but no phone, email or WeChat ID to reach them"]


def _address_added_then_relied_on(desk: Desk, folder: Path) -> tuple[ImportReport, ImportReport]:
    """Lukas by his number (a chat); a form entry adds an address to him; a mail from that
    address alone finds him."""
    _import(desk, CHAT)
    form = folder / "form.csv"
    form.write_text("Name,Email,Phone,Message,Submitted\n"
                    f"Lukas Becker,lukas@private.example,{LUKAS_PHONE},again,2021-04-21 10:00\n")
    mail = folder / "new-address.eml"
    mail.write_text("From: Lukas Becker <lukas@private.example>\nTo: info@ericcointernational.com\n"
                    "Subject: my other address\nDate: Tue, 20 Apr 2021 09:00:00 +0000\n"
                    "Message-ID: <new@private.example>\n\nPlease write to this address.\n")
    added, relying = _import(desk, form), _import(desk, mail)
    assert (added.contacts_matched, relying.contacts_matched) == (1, 1)
    return added, relying


def test_a_desk_from_before_uses_were_recorded_keeps_what_its_messages_rely_on(
        desk: Desk, tmp_path: Path) -> None:
    from alembic import command

    from leaddesk.db.schema import alembic_config, migrating

    added, _ = _address_added_then_relied_on(desk, tmp_path)
    with migrating(desk.engine) as connection:  # back to before 0013, then up again: the backfill
        command.downgrade(alembic_config(connection), "0012")
        command.upgrade(alembic_config(connection), "head")
    with desk.transaction() as session:
        plan = revert_batch(session, added.batch or 0, actor=ME)
        lukas = get_contact(session, _lukas(session).id)
    assert plan.removed["identities"] == 0 and lukas.emails == ["lukas@private.example"]
    assert upkeep.check(desk) == []
