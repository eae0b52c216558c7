"""Merging two records of one buyer, field by field, and undoing it exactly."""

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import (
    Activity,
    Contact,
    DuplicateCandidate,
    FollowUp,
    Identity,
    Inquiry,
    Message,
    Tag,
    contact_tags,
)
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.contacts import list_contacts, match_contact
from leaddesk.services.desk import Desk
from leaddesk.services.followups import schedule_followup
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.services.merge import merge_contacts, undo_merge

ME = "tester"


def _snapshot(session: Session) -> dict[str, Any]:
    """Everything a merge may touch, in a comparable form."""
    fields = ("id", "name", "company", "country", "stage", "owner", "notes", "merged_into_id")
    return {
        "contacts": [tuple(getattr(c, f) for f in fields)
                     for c in session.scalars(select(Contact).order_by(Contact.id))],
        "identities": session.execute(select(Identity.id, Identity.contact_id)
                                      .order_by(Identity.id)).all(),
        "inquiries": session.execute(select(Inquiry.id, Inquiry.contact_id)
                                     .order_by(Inquiry.id)).all(),
        "followups": session.execute(select(FollowUp.id, FollowUp.contact_id)
                                     .order_by(FollowUp.id)).all(),
        "messages": session.execute(select(Message.id, Message.inquiry_id)
                                    .order_by(Message.id)).all(),
        "tags": sorted(session.execute(select(contact_tags)).all()),
        "duplicates": session.execute(select(DuplicateCandidate.resolved_at)).all(),
    }


def _two_records(desk: Desk) -> tuple[int, int]:
    with desk.transaction() as session:
        whatsapp = log_inquiry(session, LogInquiry(
            Channel.WHATSAPP, ContactDraft(name="+55 11 91234-5678", phones=["+5511912345678"]),
            "Hi, price for 10 units?"), actor=ME)
        form = log_inquiry(session, LogInquiry(
            Channel.SITE_FORM, ContactDraft(name="Maria Santos", company="Santos Agro",
                                            country="Brazil", emails=["maria@santos.example"]),
            "Please send the datasheet."), actor=ME)
        schedule_followup(session, form.contact_id, utc_now(), "email", actor=ME)
        tag = Tag(name="agro")
        session.add(tag)
        session.flush()
        session.execute(contact_tags.insert().values(contact_id=form.contact_id, tag_id=tag.id))
        match_contact(session, ContactDraft(phones=["+5511912345678"],
                                            emails=["maria@santos.example"]), actor=ME)
    return whatsapp.contact_id, form.contact_id


def test_merge_moves_everything_and_keeps_the_chosen_fields(desk: Desk) -> None:
    survivor, merged = _two_records(desk)
    with desk.transaction() as session:
        merge_contacts(session, survivor, merged, actor=ME, choices={"name": "merged"})
    with desk.transaction() as session:
        contacts = list_contacts(session)
        assert [(c.id, c.name, c.company, c.country) for c in contacts] == [
            (survivor, "Maria Santos", "Santos Agro", "BR")]
        assert contacts[0].phones == ["+5511912345678"]
        assert contacts[0].emails == ["maria@santos.example"]
        for model in (Identity, Inquiry, FollowUp):
            assert set(session.scalars(select(model.contact_id))) == {survivor}
        assert session.scalar(select(DuplicateCandidate.resolved_at)) is not None
        assert "contacts_merged" in session.scalars(select(Activity.action)).all()


def test_undo_puts_both_contacts_back_exactly(desk: Desk) -> None:
    survivor, merged = _two_records(desk)
    with desk.transaction() as session:
        before = _snapshot(session)
        merge_id = merge_contacts(session, survivor, merged, actor=ME,
                                  choices={"name": "merged", "company": "merged"})
    with desk.transaction() as session:
        undo_merge(session, merge_id, actor=ME)
    with desk.transaction() as session:
        assert _snapshot(session) == before
        with pytest.raises(NotFoundError):
            undo_merge(session, merge_id, actor=ME)


@pytest.mark.parametrize(("pair", "choices", "error"), [
    ((1, 1), {}, "into itself"),
    ((1, 99), {}, "no contact #99"),
    ((1, 2), {"id": "merged"}, "cannot choose"),
])
def test_impossible_merges_are_refused(desk: Desk, pair: tuple[int, int], choices: dict[str, str],
                                       error: str) -> None:
    survivor, merged = _two_records(desk)
    ids = {1: survivor, 2: merged, 99: 99}
    with pytest.raises((InvalidInputError, NotFoundError), match=error), \
            desk.transaction() as session:
        merge_contacts(session, ids[pair[0]], ids[pair[1]], actor=ME, choices=choices)  # type: ignore[arg-type]
