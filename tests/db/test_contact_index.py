"""The contact index kept in step by every service that changes what it holds (a contact's
name, company, notes or identities), on SQLite and PostgreSQL: afterwards the contact is
found by the new text and not by the old."""

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.identities import normalize_email
from leaddesk.domain.vocabulary import Channel
from leaddesk.importers.base import ImportOptions
from leaddesk.services import operations
from leaddesk.services.contacts import (
    add_identities,
    edit_contact,
    get_contact,
    match_contact,
    update_contact,
)
from leaddesk.services.demo import fill_demo, fill_synthetic
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file, list_batches
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.services.merge import merge_contacts, undo_merge
from leaddesk.services.personal_data import erase_contact
from leaddesk.services.revert import revert_batch
from leaddesk.services.search import find_contacts

ME = "tester"
People = dict[str, int]
VCARD = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Oldname\r\nEMAIL:ada@oldmail.example\r\n"
         "EMAIL:ada@cardmail.example\r\nEND:VCARD\r\n")
VERA = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Vera Cardholder\r\nEMAIL:vera@vmail.example\r\nEND:VCARD\r\n"
CHAT = ("13/04/2021, 09:00 - +49 1512 3456789: Hello, please write to ada@typedmail.example\n"
        "13/04/2021, 09:05 - Ericco Sales: Thank you, we will\n")


def _people(session: Session) -> People:
    """Three contacts as imports and people leave them."""
    ada = match_contact(session, ContactDraft(
        name="Ada Oldname", company="Oldcorp", notes="oldnote", phones=["+49 1512 3456789"],
        emails=["ada@oldmail.example"]), actor=ME).contact_id
    bert = match_contact(session, ContactDraft(
        name="Bert Other", emails=["bert@bertmail.example"]), actor=ME).contact_id
    dora = match_contact(session, ContactDraft(  # a chat names her by her number only
        name="+44 7700 900461", phones=["+44 7700 900461"]), actor=ME).contact_id
    return {"ada": ada, "bert": bert, "dora": dora}


def _version(session: Session, contact_id: int) -> int:
    return get_contact(session, contact_id).version


def _import(desk: Desk, tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    import_file(desk, path, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))


def _named(session: Session, name: str) -> int:
    return session.scalars(select(Contact.id).where(Contact.name == name)).one()


def _created(desk: Desk, tmp_path: Path, people: People) -> People:
    with desk.transaction() as session:
        found = match_contact(session, ContactDraft(name="Cyrus Newcomer",
                                                    emails=["cyrus@zephyrmail.example"]), actor=ME)
    return {"new": found.contact_id}


def _blank_filled(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        match_contact(session, ContactDraft(company="Quillfeather Ltd",
                                            emails=["bert@bertmail.example"]), actor=ME)


def _named_for_real(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        match_contact(session, ContactDraft(name="Dora Realname", phones=["+44 7700 900461"]), actor=ME)


def _identity_matched(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        match_contact(session, ContactDraft(emails=["ada@oldmail.example", "ada@newmailbox.example"]),
                      actor=ME)


def _identity_added(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        add_identities(session, people["ada"], [normalize_email("ada.second@hollowmail.example")])


def _edited(**changes: str) -> Callable[[Desk, Path, People], None]:
    def edit(desk: Desk, tmp_path: Path, people: People) -> None:
        with desk.transaction() as session:
            update_contact(session, people["ada"], _version(session, people["ada"]), actor=ME, **changes)
    return edit


def _edited_as_an_operation(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        version = _version(session, people["ada"])
    operations.edit_contact(desk, people["ada"], version, actor=ME, name="Ada Byron",
                            company="Analytical Engines")


def _merged_as_an_operation(desk: Desk, tmp_path: Path, people: People) -> None:
    operations.merge_contacts(desk, people["ada"], people["bert"], actor=ME)


def _noted(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        edit_contact(session, people["ada"], actor=ME, fields={"name": "Ada Fairgoer"},
                     note="met at the fair")


def _merged(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        merge_contacts(session, people["ada"], people["bert"], actor=ME)


def _merge_undone(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        merge = merge_contacts(session, people["ada"], people["bert"], actor=ME)
    with desk.transaction() as session:
        undo_merge(session, merge, actor=ME)


def _erased(desk: Desk, tmp_path: Path, people: People) -> None:
    with desk.transaction() as session:
        erase_contact(session, session.get_one(Contact, people["ada"]), actor=ME)


def _card_imported(desk: Desk, tmp_path: Path, people: People) -> None:
    _import(desk, tmp_path, "cards.vcf", VCARD)


def _card_reverted(desk: Desk, tmp_path: Path, people: People) -> None:
    # a new contact too: an import that only adds to known contacts leaves no batch
    _import(desk, tmp_path, "cards.vcf", VCARD + VERA)
    with desk.transaction() as session:
        revert_batch(session, list_batches(session)[0].id, actor=ME)


def _typed_in_a_chat(desk: Desk, tmp_path: Path, people: People) -> None:
    _import(desk, tmp_path, "WhatsApp Chat with +49 1512 3456789.txt", CHAT)


def _logged(desk: Desk, tmp_path: Path, people: People) -> People:
    with desk.transaction() as session:
        summary = log_inquiry(session, LogInquiry(
            Channel.PHONE, ContactDraft(name="Lena Logbook", phones=["+82 10 1234 5678"]),
            "Called about samples"), actor=ME)
    return {"new": summary.contact_id}


# (what a service does, text that finds the contact afterwards, who it finds, text that
# no longer finds anyone, or None)
CASES = [
    ("match_contact creates", _created, "zephyrmail", {"new"}, None),
    ("match_contact fills a blank company", _blank_filled, "quillfeather", {"bert"}, None),
    ("match_contact names a contact known by number", _named_for_real, "realname", {"dora"}, None),
    ("match_contact adds an identity", _identity_matched, "newmailbox", {"ada"}, None),
    ("add_identities", _identity_added, "hollowmail", {"ada"}, None),
    ("update_contact name", _edited(name="Ada Lovelace"), "lovelace", {"ada"}, "oldname"),
    ("update_contact company", _edited(company="Brightwater Ltd"), "brightwater", {"ada"}, "oldcorp"),
    ("update_contact notes", _edited(notes="prefers calls"), "prefers", {"ada"}, "oldnote"),
    ("edit_contact renames and adds a note", _noted, "fairgoer", {"ada"}, "oldname"),
    ("operations.edit_contact name", _edited_as_an_operation, "byron", {"ada"}, "oldname"),
    ("operations.edit_contact company", _edited_as_an_operation, "analytical", {"ada"}, "oldcorp"),
    ("merge_contacts", _merged, "bertmail", {"ada"}, "other"),
    ("operations.merge_contacts", _merged_as_an_operation, "bertmail", {"ada"}, "other"),
    ("undo_merge", _merge_undone, "bertmail", {"bert"}, None),
    ("erase_contact", _erased, "erased", {"ada"}, "oldmail"),
    ("import of a card", _card_imported, "cardmail", {"ada"}, None),
    ("revert of an import", _card_reverted, "oldname", {"ada"}, "cardmail"),
    ("revert of an import: its new contact goes", _card_reverted, "oldname", {"ada"}, "cardholder"),
    ("import of a chat the buyer typed an address in", _typed_in_a_chat, "typedmail", {"ada"}, None),
    ("log_inquiry", _logged, "logbook", {"new"}, None),
]


@pytest.mark.parametrize(("change", "found_by", "finds", "gone"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_every_change_to_a_contact_keeps_the_contact_index_in_step(
        desk: Desk, tmp_path: Path, change: Callable[[Desk, Path, People], People | None],
        found_by: str, finds: set[str], gone: str | None) -> None:
    with desk.transaction() as session:
        people = _people(session)
    people.update(change(desk, tmp_path, people) or {})
    with desk.transaction() as session:
        assert set(find_contacts(session, found_by)) == {people[key] for key in finds}
        if gone is not None:
            assert find_contacts(session, gone) == []


def test_the_demo_desk_is_indexed(desk: Desk) -> None:
    with desk.transaction() as session:
        fill_demo(session, actor=ME)
    with desk.transaction() as session:
        assert find_contacts(session, "messtechnik") == [_named(session, "Lukas Becker")]
        assert find_contacts(session, "wx_cn") != []  # a WeChat ID


def test_the_synthetic_desk_is_indexed(desk: Desk) -> None:
    fill_synthetic(desk.engine, 400)
    with desk.transaction() as session:
        gmbh = set(session.scalars(select(Contact.id).where(Contact.company.like("% GmbH"))))
        assert gmbh and set(find_contacts(session, "gmbh", limit=10_000)) == gmbh
