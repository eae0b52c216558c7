"""The activity trail: every change says what, when and who."""

import json
from typing import Any

from sqlalchemy.orm import Session

from leaddesk.db.models import Activity


def record(
    session: Session,
    action: str,
    actor: str,
    *,
    contact_id: int | None = None,
    inquiry_id: int | None = None,
    import_batch_id: int | None = None,
    **detail: Any,
) -> None:
    """Add one entry to the trail, in the caller's transaction. An entry an import makes
    names its batch; any other entry on a contact is a reason for a revert to keep it."""
    session.add(
        Activity(
            action=action,
            actor=actor,
            contact_id=contact_id,
            inquiry_id=inquiry_id,
            import_batch_id=import_batch_id,
            detail=json.dumps(detail, ensure_ascii=False, default=str, sort_keys=True),
        )
    )
