"""The contact editor's services: fields and identities saved in one go on the version a
person read, an identity of another contact refused for a merge, soft delete and restore
(SQLite and PostgreSQL)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from leaddesk.db.models import Activity, Identity
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import ConflictError, InvalidInputError, NotFoundError
from leaddesk.importers.base import ImportOptions
from leaddesk.reports.rows import Period, lead_rows
from leaddesk.services import operations
from leaddesk.services.contacts import (
    IdentityHeldError,
    get_contact,
    identities_of,
    list_contacts,
    match_contact,
)
from leaddesk.services.desk import Desk
from leaddesk.services.followups import list_followups, schedule_followup
from leaddesk.services.imports import import_file
from leaddesk.services.inbox import inbox_ids
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.services.merge import open_duplicates
from leaddesk.services.personal_data import erase
from leaddesk.services.revert import revert_import
from leaddesk.services.search import find_contacts, search

ME = "anna"
CHAT = Path(__file__).resolve().parents[1] / "data" / "samples" / "whatsapp" / \
    "WhatsApp Chat with +49 1512 3456789.txt"


def _contact(desk: Desk, **draft: object) -> tuple[int, int]:
    with desk.transaction() as session:
        contact_id = match_contact(session, ContactDraft(**draft), actor=ME).contact_id  # type: ignore[arg-type]
        return contact_id, get_contact(session, contact_id).version


def test_save_sets_fields_and_identities_in_one_go(desk: Desk) -> None:
    contact, version = _contact(desk, name="12345abc", wechat_ids=["12345abc"])
    with desk.transaction() as session:
        typo = identities_of(session, contact)[0].id
    done = operations.save_contact(
        desk, contact, version, actor=ME,
        fields={"name": "Wang Lei", "company": "Hangzhou Valves", "owner": "Amy", "notes": "big buyer",
                "country": "", "language": ""},
        added=["+86 139 1234 5678", "Wang.Lei@Hz-Valves.cn", "wang_lei88"], removed=[typo])
    assert done.changes.contacts == {contact}
    saved = done.value
    assert (saved.name, saved.company, saved.owner, saved.notes) == ("Wang Lei", "Hangzhou Valves", "Amy",
                                                                    "big buyer")
    assert (saved.phones, saved.emails, saved.wechat_ids) == (["+8613912345678"], ["wang.lei@hz-valves.cn"],
                                                              ["wang_lei88"])
    assert (saved.country, saved.language) == ("CN", "zh")  # from the number, as nobody set them
    assert saved.version > version
    with desk.transaction() as session:
        assert find_contacts(session, "Hangzhou") == [contact]  # the index is in step
        actions = set(session.scalars(select(Activity.action).where(Activity.contact_id == contact)))
    assert {"contact_edited", "identity_added", "identity_removed"} <= actions


@pytest.mark.parametrize(("added", "error", "says"), [
    ("12345abc", InvalidInputError, "not a valid"),  # a typo is not saved as a WeChat ID
    ("lukas@", InvalidInputError, "not a valid"),
    ("+49 1512 3456789", IdentityHeldError, "belongs to contact"),  # Lukas's own number
])
def test_a_bad_or_taken_identity_saves_nothing(desk: Desk, added: str, error: type[Exception],
                                               says: str) -> None:
    lukas, _ = _contact(desk, name="Lukas Becker", phones=["+49 1512 3456789"])
    contact, version = _contact(desk, name="L. Becker", emails=["lb@example.de"])
    with pytest.raises(error, match=says) as raised:
        operations.save_contact(desk, contact, version, actor=ME, fields={"name": "Lukas"},
                                added=[added])
    if isinstance(raised.value, IdentityHeldError):
        assert raised.value.holder == lukas  # the merge is offered with him
    with desk.transaction() as session:
        assert get_contact(session, contact).name == "L. Becker"
        assert get_contact(session, contact).version == version


@pytest.mark.parametrize(("fields", "added"), [({"owner": "Bo"}, []), ({}, ["+86 139 9288 4879"])])
def test_a_stale_edit_is_a_conflict(desk: Desk, fields: dict[str, str], added: list[str]) -> None:
    contact, version = _contact(desk, name="Priya", phones=["+91 98765 43210"])
    operations.save_contact(desk, contact, version, actor="colleague", fields=fields, added=added)
    with pytest.raises(ConflictError, match="changed by someone else"):
        operations.save_contact(desk, contact, version, actor=ME, fields={"name": "Priya Nair"})
    with desk.transaction() as session:
        assert get_contact(session, contact).name == "Priya"


def test_an_identity_a_person_added_survives_a_revert(desk: Desk) -> None:
    report = import_file(desk, CHAT, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))
    with desk.transaction() as session:
        lukas = match_contact(session, ContactDraft(phones=["+49 1512 3456789"]), actor=ME).contact_id
        version = get_contact(session, lukas).version
    # the imported number typed again, and a new email: both the person's now
    operations.save_contact(desk, lukas, version, actor=ME, fields={},
                            added=["+49 1512 3456789", "lukas@becker-mt.de"])
    assert report.batch is not None
    revert_import(desk, report.batch, actor=ME)
    with desk.transaction() as session:
        kept = {i.value for i in identities_of(session, lukas)}
    assert kept == {"+4915123456789", "lukas@becker-mt.de"}


def test_removing_an_identity_of_another_contact_is_refused(desk: Desk) -> None:
    other, _ = _contact(desk, name="Other", emails=["o@example.com"])
    contact, version = _contact(desk, name="Me", emails=["me@example.com"])
    with desk.transaction() as session:
        theirs = session.scalars(select(Identity.id).where(Identity.contact_id == other)).one()
    with pytest.raises(NotFoundError):
        operations.save_contact(desk, contact, version, actor=ME, fields={}, removed=[theirs])


def _desk_with_wang(desk: Desk) -> tuple[int, int]:
    with desk.transaction() as session:
        logged = log_inquiry(session, LogInquiry(Channel.WECHAT, ContactDraft(
            name="Wang Lei", wechat_ids=["wang_lei88"]), "need 500 ball valves DN50"), actor=ME)
        twin = match_contact(session, ContactDraft(name="Wang L.", phones=["+86 139 1234 5678"]),
                             actor=ME).contact_id
        match_contact(session, ContactDraft(wechat_ids=["wang_lei88"], phones=["+86 139 1234 5678"]),
                      actor=ME)  # both at once: a duplicate pair
        schedule_followup(session, logged.contact_id, datetime.now(UTC) + timedelta(days=1), "call",
                          actor=ME)
    return logged.contact_id, twin


SEEN = {
    "contacts view": lambda s, wang: wang in [c.id for c in list_contacts(s)],
    "contacts search": lambda s, wang: wang in find_contacts(s, "Wang Lei"),
    "inbox": lambda s, wang: bool(inbox_ids(s)),
    "search by words": lambda s, wang: bool(search(s, "valves").hits),
    "search by name": lambda s, wang: bool(search(s, "Wang").hits),
    "reports": lambda s, wang: any(r.contact_id == wang for r in lead_rows(s, Period())),
    "follow-ups": lambda s, wang: any(f.contact_id == wang for f in list_followups(s)),
    "duplicates": lambda s, wang: bool(open_duplicates(s)),
}


@pytest.mark.parametrize("where", list(SEEN))
def test_a_deleted_contact_is_nowhere_until_restored(desk: Desk, where: str) -> None:
    wang, _twin = _desk_with_wang(desk)
    with desk.transaction() as session:
        assert SEEN[where](session, wang)
    deleted = operations.delete_contact(desk, wang, actor=ME)
    assert deleted.value == "Wang Lei" and wang in deleted.changes.contacts
    with desk.transaction() as session:
        assert not SEEN[where](session, wang)
    restored = operations.restore_contact(desk, wang, actor=ME)
    assert restored.changes.inquiries  # its inquiries come back to the inbox
    with desk.transaction() as session:
        assert SEEN[where](session, wang)


def test_a_delete_keeps_the_trail_and_cannot_be_done_twice(desk: Desk) -> None:
    wang, _ = _desk_with_wang(desk)
    operations.delete_contact(desk, wang, actor=ME)
    with pytest.raises(NotFoundError):
        operations.delete_contact(desk, wang, actor=ME)
    with pytest.raises(NotFoundError):  # nor edited while deleted
        operations.save_contact(desk, wang, 1, actor=ME, fields={"name": "x"})
    operations.restore_contact(desk, wang, actor=ME)
    with pytest.raises(NotFoundError):
        operations.restore_contact(desk, wang, actor=ME)
    with desk.transaction() as session:
        actions = list(session.scalars(select(Activity.action).where(Activity.contact_id == wang)
                                       .order_by(Activity.id)))
    assert actions[-2:] == ["contact_deleted", "contact_restored"] and "inquiry_logged" in actions


def test_erase_still_removes_a_deleted_contact_for_good(desk: Desk) -> None:
    wang, _ = _desk_with_wang(desk)
    operations.delete_contact(desk, wang, actor=ME)
    erased, removed = erase(desk, "wang_lei88", actor=ME)
    assert erased == wang and removed["messages"] == 1
    with desk.transaction() as session:
        assert identities_of(session, wang) == []


@pytest.mark.parametrize("how", ["logged", "imported"])
def test_a_deleted_buyer_who_writes_again_is_back(desk: Desk, tmp_path: Path, how: str) -> None:
    if how == "imported":
        import_file(desk, CHAT, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))
        with desk.transaction() as session:
            buyer = list_contacts(session)[0].id
        operations.delete_contact(desk, buyer, actor=ME)
        again = tmp_path / CHAT.name  # the same chat exported again, a message longer
        again.write_text(CHAT.read_text(encoding="utf-8") +
                         "01/12/2026, 09:00 - +49 1512 3456789: Any news on the quote?\n", encoding="utf-8")
        assert import_file(desk, again, ImportOptions(), actor=ME, zone=ZoneInfo("UTC")).messages_created == 1
        found = "+49 1512 3456789"
    else:
        buyer, _ = _desk_with_wang(desk)
        operations.delete_contact(desk, buyer, actor=ME)
        with desk.transaction() as session:
            log_inquiry(session, LogInquiry(Channel.WECHAT, ContactDraft(wechat_ids=["wang_lei88"]),
                                            "any news?"), actor=ME)
        found = "wang_lei88"
    with desk.transaction() as session:
        assert buyer in [c.id for c in list_contacts(session)]
        assert buyer in find_contacts(session, found)
        assert inbox_ids(session)
