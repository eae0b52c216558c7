"""Reverting an import: removing exactly what one batch created, and nothing else."""

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from leaddesk.db.models import Activity, Article, Contact, FollowUp, Identity, ImportBatch, Inquiry, Message
from leaddesk.db.search_index import reindex_contacts, unindex_messages
from leaddesk.domain.timeutil import utc_now
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.activity import record


def revert_batch(session: Session, batch_id: int, *, actor: str) -> dict[str, int]:
    """Remove the batch's messages, identities, articles, and the inquiries and contacts it
    created unless a later import or a person added to them. Returns what was removed."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"no import batch #{batch_id}")
    if batch.reverted_at is not None:
        raise InvalidInputError(f"import batch #{batch_id} was already reverted")
    touched = set(session.scalars(select(Message.inquiry_id)
                                  .where(Message.import_batch_id == batch_id).distinct()))
    unindex_messages(session.connection(), list(session.scalars(
        select(Message.id).where(Message.import_batch_id == batch_id))))
    removed = {"messages": session.execute(
        delete(Message).where(Message.import_batch_id == batch_id)).rowcount}  # type: ignore[attr-defined]
    empty = select(Inquiry.id).where(
        Inquiry.import_batch_id == batch_id,
        ~select(Message.id).where(Message.inquiry_id == Inquiry.id).exists())
    empty_ids = list(session.scalars(empty))
    session.execute(update(FollowUp).where(FollowUp.inquiry_id.in_(empty_ids)).values(inquiry_id=None))
    session.execute(update(Activity).where(Activity.inquiry_id.in_(empty_ids)).values(inquiry_id=None))
    removed["inquiries"] = session.execute(delete(Inquiry).where(Inquiry.id.in_(empty_ids))).rowcount  # type: ignore[attr-defined]
    for inquiry in session.scalars(select(Inquiry).where(Inquiry.id.in_(touched - set(empty_ids)))):
        first, last = session.execute(select(func.min(Message.sent_at), func.max(Message.sent_at))
                                      .where(Message.inquiry_id == inquiry.id)).one()
        inquiry.started_at, inquiry.last_message_at = first, last
    holders = set(session.scalars(select(Identity.contact_id).where(
        Identity.import_batch_id == batch_id)))
    removed["identities"] = session.execute(
        delete(Identity).where(Identity.import_batch_id == batch_id)).rowcount  # type: ignore[attr-defined]
    orphans = select(Contact.id).where(
        Contact.import_batch_id == batch_id,
        ~select(Inquiry.id).where(Inquiry.contact_id == Contact.id).exists(),
        ~select(Identity.id).where(Identity.contact_id == Contact.id).exists(),
        ~select(FollowUp.id).where(FollowUp.contact_id == Contact.id).exists())
    orphan_ids = list(session.scalars(orphans))
    session.execute(delete(Activity).where(Activity.contact_id.in_(orphan_ids)))
    removed["contacts"] = session.execute(delete(Contact).where(Contact.id.in_(orphan_ids))).rowcount  # type: ignore[attr-defined]
    removed["articles"] = session.execute(
        delete(Article).where(Article.import_batch_id == batch_id)).rowcount  # type: ignore[attr-defined]
    reindex_contacts(session.connection(), holders | set(orphan_ids))
    batch.reverted_at = utc_now()
    record(session, "import_reverted", actor, batch=batch_id, **removed)
    return removed
