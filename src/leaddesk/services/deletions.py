"""Deleting a contact the way a person can take back: the row, its inquiries, follow-ups
and trail all stay, out of every list, search, report and duplicate pair, until it is
restored. `contacts erase` is the one removal that cannot be undone."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact, Inquiry
from leaddesk.domain.timeutil import utc_now
from leaddesk.errors import NotFoundError
from leaddesk.services.activity import record
from leaddesk.services.contacts import get_contact, reindex


def inquiries_of(session: Session, contact_id: int) -> list[int]:
    """The ids of a contact's inquiries (what leaves the inbox with it, or comes back)."""
    return list(session.scalars(select(Inquiry.id).where(Inquiry.contact_id == contact_id)))


def delete_contact(session: Session, contact_id: int, *, actor: str) -> str:
    """Put a live contact out of sight (it leaves the contact index too); its name."""
    name = get_contact(session, contact_id).name  # NotFoundError for a merged or deleted one
    contact = session.get_one(Contact, contact_id)
    contact.deleted_at = utc_now()
    record(session, "contact_deleted", actor, contact_id=contact_id, name=name)
    reindex(session, [contact_id])
    return name


def restore_contact(session: Session, contact_id: int, *, actor: str) -> str:
    """Bring a deleted contact back as it was, with its inquiries; its name."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is None:
        raise NotFoundError(f"no deleted contact #{contact_id} to restore")
    contact.deleted_at = None
    record(session, "contact_restored", actor, contact_id=contact_id)
    reindex(session, [contact_id])
    return contact.name
