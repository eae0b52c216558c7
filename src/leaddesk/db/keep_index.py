"""Keeping the contact index in step with every ORM change, in the same transaction.
(Bulk Core writes — merges, reverts, synthetic desks — reindex explicitly.)"""

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact, Identity
from leaddesk.db.search_index import reindex_contacts


@event.listens_for(Session, "after_flush")
def _reindex_changed_contacts(session: Session, _context: Any) -> None:
    changed: set[int] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if isinstance(obj, Contact) and obj.id is not None:
            changed.add(obj.id)
        elif isinstance(obj, Identity) and obj.contact_id is not None:
            changed.add(obj.contact_id)
    if changed:
        reindex_contacts(session.connection(), changed)
