"""Contacts: one buyer across channels, duplicates recorded, stages, edits and conflicts."""

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Activity, Contact, DuplicateCandidate, Identity
from leaddesk.domain.drafts import ContactDraft
from leaddesk.errors import ConflictError, InvalidInputError, NotFoundError
from leaddesk.services.contacts import get_contact, list_contacts, match_contact, set_stage, update_contact
from leaddesk.services.desk import Desk

ME = "tester"


def _match(desk: Desk, draft: ContactDraft, default_region: str = "") -> tuple[int, bool]:
    with desk.transaction() as session:
        found = match_contact(session, draft, actor=ME, default_region=default_region)
    return found.contact_id, found.created


# The same buyer written in by WhatsApp, the form, email and WeChat.
SAME_BUYER = [
    ContactDraft(name="+49 1512 3456789", phones=["+49 1512 3456789"]),
    ContactDraft(name="Lukas Becker", company="Becker Messtechnik", country="Germany",
                 phones=["01512 3456789"], emails=["Lukas.Becker@becker-mt.de"]),
    ContactDraft(name="Lukas", emails=["lukas.becker@BECKER-MT.de"]),
    ContactDraft(name="Lukas B.", wechat_ids=["+49 151 23456789"]),
]


def test_one_buyer_across_channels_is_one_contact(desk: Desk) -> None:
    ids = {_match(desk, draft)[0] for draft in SAME_BUYER}
    assert len(ids) == 1
    with desk.transaction() as session:
        contact = get_contact(session, ids.pop())
    assert contact.phones == ["+4915123456789"]
    assert contact.emails == ["lukas.becker@becker-mt.de"]
    assert contact.country == "DE"
    assert contact.company == "Becker Messtechnik"
    assert contact.name == "Lukas Becker"  # a real name replaces the number WhatsApp showed


def test_the_default_region_reads_numbers_without_a_country_code(desk: Desk) -> None:
    first, created = _match(desk, ContactDraft(name="王磊", phones=["139 9288 4879"]), "CN")
    again, created_again = _match(desk, ContactDraft(phones=["0086 13992884879"]))
    assert (created, created_again, first) == (True, False, again)


@pytest.mark.parametrize(("draft", "country", "language"), [
    (ContactDraft(name="Wang Lei", phones=["+86 139 1234 5678"]), "CN", "zh"),
    (ContactDraft(name="Lukas", phones=["+49 1512 3456789"]), "DE", "de"),
    (ContactDraft(name="Ana", phones=["+55 11 96123 4567"]), "BR", "pt"),
    (ContactDraft(name="Priya", phones=["+91 98765 43210"]), "IN", None),  # no one language follows
    (ContactDraft(name="Lukas", country="Austria", phones=["+49 1512 3456789"]), "AT", None),  # given wins
    (ContactDraft(name="Li", language="en", phones=["+86 139 1234 5678"]), "CN", "en"),  # set wins
    (ContactDraft(name="Typo", phones=["12345abc"]), None, None),  # no valid number: no guess
    (ContactDraft(name="Mail", emails=["li@example.cn"]), None, None),
])
def test_a_contact_without_a_country_takes_the_one_its_number_says(
        desk: Desk, draft: ContactDraft, country: str | None, language: str | None) -> None:
    contact_id, _ = _match(desk, draft)
    with desk.transaction() as session:
        contact = session.get_one(Contact, contact_id)
        assert (contact.country, contact.language) == (country, language)


def test_identities_that_point_at_two_contacts_are_a_duplicate_not_a_merge(desk: Desk) -> None:
    phone_contact, _ = _match(desk, ContactDraft(name="Maria", phones=["+55 11 91234-5678"]))
    mail_contact, _ = _match(desk, ContactDraft(name="Maria Santos", emails=["maria@santos.example"]))
    chosen, created = _match(desk, ContactDraft(phones=["+5511912345678"],
                                                emails=["maria@santos.example"]))
    assert (chosen, created) == (phone_contact, False)
    with desk.transaction() as session:
        pairs = session.execute(select(DuplicateCandidate.contact_id, DuplicateCandidate.other_id))
        assert list(pairs) == [tuple(sorted((phone_contact, mail_contact)))]
        assert session.scalar(select(func.count()).select_from(Contact)) == 2


def test_invalid_identities_are_kept_and_marked_but_match_no_one(desk: Desk) -> None:
    first, _ = _match(desk, ContactDraft(name="Spam", phones=["000 0000"], emails=["not-an-email"]))
    second, created = _match(desk, ContactDraft(name="Other", phones=["000 0000"]))
    assert created and first != second
    with desk.transaction() as session:
        kept = session.execute(select(Identity.contact_id, Identity.raw, Identity.validity)
                               .order_by(Identity.id)).all()
    assert [tuple(row) for row in kept] == [
        (first, "000 0000", "invalid"), (first, "not-an-email", "invalid"),
        (second, "000 0000", "invalid")]


@pytest.mark.parametrize(("typed", "stored"), [
    ("123", []),  # the samples' spam form row, read as +86123 where the default is China
    ("N/A", []),
    ("12345", []),
    ("139 9288 4879", ["+8613992884879"]),
    ("8888 888", ["+868888888"]),  # short, not valid, but a number someone may have meant
])
def test_a_phone_field_too_short_for_a_number_is_no_phone(desk: Desk, typed: str, stored: list[str]) -> None:
    contact, _ = _match(desk, ContactDraft(name="test", phones=[typed], emails=["test@test.com"]), "CN")
    with desk.transaction() as session:
        phones = session.scalars(select(Identity.value).where(Identity.contact_id == contact,
                                                              Identity.kind == "phone")).all()
    assert list(phones) == stored


@pytest.mark.parametrize(("stage", "reason", "error"), [
    ("lost", None, "needs a reason"),
    ("lost", "   ", "needs a reason"),
    ("archived", None, "unknown stage"),
])
def test_bad_stage_changes_are_refused(desk: Desk, stage: str, reason: str | None, error: str) -> None:
    contact_id, _ = _match(desk, SAME_BUYER[1])
    with pytest.raises(InvalidInputError, match=error), desk.transaction() as session:
        set_stage(session, contact_id, stage, actor=ME, reason=reason)
    with desk.transaction() as session:
        assert get_contact(session, contact_id).stage == "new"


def test_stage_changes_are_recorded_in_the_activity_trail(desk: Desk) -> None:
    contact_id, _ = _match(desk, SAME_BUYER[1])
    with desk.transaction() as session:
        set_stage(session, contact_id, "quoted", actor=ME)
        lost = set_stage(session, contact_id, "lost", actor=ME, reason="price too high")
    assert (lost.stage, lost.lost_reason) == ("lost", "price too high")
    with desk.transaction() as session:
        actions = session.scalars(select(Activity.action).where(Activity.contact_id == contact_id)
                                  .order_by(Activity.id)).all()
        actors = set(session.scalars(select(Activity.actor)))
    assert actions == ["contact_created", "stage_changed", "stage_changed"]
    assert actors == {ME}


def test_the_second_of_two_concurrent_edits_gets_a_conflict(desk: Desk) -> None:
    contact_id, _ = _match(desk, SAME_BUYER[1])
    with desk.transaction() as session:
        seen = get_contact(session, contact_id)  # both people open the contact
    with desk.transaction() as session:
        update_contact(session, contact_id, seen.version, actor="alice", company="Alice's edit")
    with pytest.raises(ConflictError, match="changed by someone else"), \
            desk.transaction() as session:
        update_contact(session, contact_id, seen.version, actor="bob", company="Bob's edit")
    with desk.transaction() as session:
        assert get_contact(session, contact_id).company == "Alice's edit"


def test_a_save_racing_another_writer_is_a_conflict_not_an_overwrite(desk: Desk) -> None:
    contact_id, _ = _match(desk, SAME_BUYER[1])
    with pytest.raises(ConflictError), desk.transaction() as first:
        mine = first.get_one(Contact, contact_id)
        mine.company = "first"
        with desk.transaction() as second:  # someone else saves in between
            second.get_one(Contact, contact_id).company = "second"
        first.flush()
    with desk.transaction() as session:
        assert get_contact(session, contact_id).company == "second"


def test_edits_are_checked(desk: Desk) -> None:
    contact_id, _ = _match(desk, SAME_BUYER[1])
    with desk.transaction() as session:
        version = get_contact(session, contact_id).version
    with pytest.raises(InvalidInputError, match="unknown country"), desk.transaction() as session:
        update_contact(session, contact_id, version, actor=ME, country="Atlantis")
    with pytest.raises(InvalidInputError, match="cannot edit id"), desk.transaction() as session:
        update_contact(session, contact_id, version, actor=ME, id=5)
    with pytest.raises(NotFoundError), desk.transaction() as session:
        get_contact(session, 999)
    for field in ("owner", "name", "company"):  # PostgreSQL would refuse them mid-save
        with pytest.raises(InvalidInputError, match=f"{field} is longer than"), \
                desk.transaction() as session:
            update_contact(session, contact_id, version, actor=ME, **{field: "x" * 10_000})
    with desk.transaction() as session:
        assert update_contact(session, contact_id, version, actor=ME, country="越南").country == "VN"


def test_list_contacts_shows_identities_by_kind(desk: Desk) -> None:
    for draft in SAME_BUYER:
        _match(desk, draft)
    _match(desk, ContactDraft(name="陈经理", wechat_ids=["chen_manager88"]))
    with desk.transaction() as session:
        contacts = list_contacts(session)
    assert [(c.name, c.wechat_ids) for c in contacts] == [
        ("陈经理", ["chen_manager88"]), ("Lukas Becker", [])]
