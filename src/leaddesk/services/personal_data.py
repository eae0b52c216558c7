"""A person's data: everything held on one contact, and erasing it on request while the
reports keep their anonymous counts."""

import json
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from leaddesk.db.models import (
    Activity,
    Attachment,
    Contact,
    FollowUp,
    Identity,
    Inquiry,
    MailPending,
    Message,
)
from leaddesk.db.search_index import reindex_contacts, unindex_messages
from leaddesk.domain.timeutil import utc_now
from leaddesk.errors import InvalidInputError
from leaddesk.services import attachments
from leaddesk.services.activity import record
from leaddesk.services.contacts import find_contact
from leaddesk.services.desk import Desk
from leaddesk.services.originals import forget


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {column.key: getattr(obj, column.key) for column in obj.__table__.columns
            if column.key not in skip}


def personal_data(session: Session, contact: Contact) -> dict[str, Any]:
    """Everything held on one person, as plain data."""
    inquiries = session.scalars(select(Inquiry).where(Inquiry.contact_id == contact.id)).all()
    data: dict[str, Any] = json.loads(json.dumps({
        "contact": _row(contact),
        "identities": [_row(i) for i in session.scalars(
            select(Identity).where(Identity.contact_id == contact.id))],
        "inquiries": [{**_row(inquiry), "messages": [_row(m) for m in session.scalars(
            select(Message).where(Message.inquiry_id == inquiry.id).order_by(Message.sent_at))]}
            for inquiry in inquiries],
        "followups": [_row(f) for f in session.scalars(
            select(FollowUp).where(FollowUp.contact_id == contact.id))],
        "activities": [_row(a) for a in session.scalars(
            select(Activity).where(Activity.contact_id == contact.id))],
        "pending_mails": [{**_row(p, ("data",)), "mail": p.data.decode("utf-8", "replace")}
                          for p in session.scalars(_pending_from(contact).order_by(MailPending.id))],
    }, default=str, ensure_ascii=False))
    return data


def _pending_from(contact: Contact) -> Any:
    """The synced mails waiting in triage that one of the person's addresses sent (one the
    receiving server did not verify waits there although its sender is known)."""
    addresses = select(Identity.value).where(Identity.contact_id == contact.id, Identity.kind == "email")
    return select(MailPending).where(MailPending.sender.in_(addresses.scalar_subquery()))


def erase_contact(session: Session, contact: Contact, *, actor: str) -> dict[str, int]:
    """Delete a person's messages, identities and notes; keep the anonymous rows (channel,
    dates, stage, article) the reports count, and record the erasure."""
    if contact.erased_at is not None:
        raise InvalidInputError(f"contact #{contact.id} was already erased")
    inquiry_ids = list(session.scalars(select(Inquiry.id).where(Inquiry.contact_id == contact.id)))
    message_ids = list(session.scalars(select(Message.id).where(Message.inquiry_id.in_(inquiry_ids))))
    unindex_messages(session.connection(), message_ids)
    session.execute(delete(Attachment).where(Attachment.message_id.in_(message_ids)))
    pending = list(session.scalars(_pending_from(contact).with_only_columns(MailPending.id)))
    removed = {
        "messages": session.execute(delete(Message).where(Message.id.in_(message_ids))).rowcount,  # type: ignore[attr-defined]
        "identities": session.execute(delete(Identity).where(
            Identity.contact_id == contact.id)).rowcount,  # type: ignore[attr-defined]
        "pending mails": session.execute(delete(MailPending).where(
            MailPending.id.in_(pending))).rowcount,  # type: ignore[attr-defined]
    }
    session.execute(update(Inquiry).where(Inquiry.id.in_(inquiry_ids)).values(
        subject="", thread_key=None, source_url=None))
    session.execute(update(FollowUp).where(FollowUp.contact_id == contact.id).values(note=""))
    session.execute(update(Activity).where(Activity.contact_id == contact.id).values(detail="{}"))
    contact.name, contact.company, contact.notes = f"(erased #{contact.id})", "", ""
    contact.original_file = None
    contact.lost_reason = None if contact.lost_reason is None else "(erased)"
    contact.erased_at = utc_now()
    session.flush()
    reindex_contacts(session.connection(), [contact.id])
    record(session, "contact_erased", actor, contact_id=contact.id, **removed)
    return removed


def erase(desk: Desk, reference: str, *, actor: str) -> tuple[int, dict[str, int]]:
    """Erase the person `reference` names (id, phone, email or WeChat ID) in a transaction
    of its own, then the kept originals of their messages and card. Returns the contact's
    id and what was removed."""
    with desk.transaction() as session:
        contact = find_contact(session, reference, deleted=True)  # a deleted one is erased too
        files = list(session.scalars(select(Message.original_file).join(
            Inquiry, Inquiry.id == Message.inquiry_id).where(Inquiry.contact_id == contact.id)))
        files.append(contact.original_file)
        blobs = list(session.scalars(select(Attachment.sha256).join(
            Message, Message.id == Attachment.message_id).join(
            Inquiry, Inquiry.id == Message.inquiry_id).where(Inquiry.contact_id == contact.id)))
        removed = erase_contact(session, contact, actor=actor)
    removed["files"] = forget(desk.engine, desk.originals, files)
    # what they sent goes too, unless another message has the very same bytes
    removed["files"] += attachments.forget(desk.engine, desk.attachments, blobs)
    return contact.id, removed
