"""Merging two records of one buyer, field by field, with a journal that undoes it exactly."""

import json
from collections.abc import Mapping
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session, aliased

from leaddesk.db.models import (
    Activity,
    Contact,
    DuplicateCandidate,
    FollowUp,
    Identity,
    Inquiry,
    MergeRecord,
    contact_tags,
)
from leaddesk.db.search_index import reindex_contacts
from leaddesk.domain.paired import Why, why_of
from leaddesk.domain.timeutil import utc_now
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.activity import record

MERGEABLE = ("name", "company", "country", "language", "owner", "stage", "lost_reason", "notes")
Side = Literal["survivor", "merged"]
_MOVED = {"identities": Identity, "inquiries": Inquiry, "followups": FollowUp, "activities": Activity}


def _live(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.merged_into_id is not None or contact.deleted_at is not None:
        raise NotFoundError(f"no contact #{contact_id}")
    return contact


def _ids(session: Session, model: type, contact_id: int) -> list[int]:
    return list(session.scalars(select(model.id).where(model.contact_id == contact_id)))  # type: ignore[attr-defined]


def merge_contacts(
    session: Session,
    survivor_id: int,
    merged_id: int,
    *,
    actor: str,
    choices: Mapping[str, Side] | None = None,
) -> int:
    """Merge `merged_id` into `survivor_id`; `choices` says, per field, whose value survives
    (default: the survivor's, or the merged contact's where the survivor's is blank).
    Returns the merge's journal id."""
    if survivor_id == merged_id:
        raise InvalidInputError("a contact cannot be merged into itself")
    survivor, merged = _live(session, survivor_id), _live(session, merged_id)
    choices = dict(choices or {})
    if set(choices) - set(MERGEABLE):
        raise InvalidInputError(f"cannot choose {sorted(set(choices) - set(MERGEABLE))}")
    before = {name: getattr(survivor, name) for name in MERGEABLE}
    for name in MERGEABLE:
        side = choices.get(name) or ("survivor" if getattr(survivor, name) else "merged")
        if side == "merged":
            setattr(survivor, name, getattr(merged, name))
    moved = {key: _ids(session, model, merged_id) for key, model in _MOVED.items()}
    moved["tags"] = list(session.scalars(
        select(contact_tags.c.tag_id).where(contact_tags.c.contact_id == merged_id)
    ))
    for key, model in _MOVED.items():
        session.execute(update(model).where(model.id.in_(moved[key])).values(contact_id=survivor_id))  # type: ignore[attr-defined]
    own_tags = set(session.scalars(
        select(contact_tags.c.tag_id).where(contact_tags.c.contact_id == survivor_id)))
    moved["tags"] = [tag for tag in moved["tags"] if tag not in own_tags]
    session.execute(contact_tags.delete().where(contact_tags.c.contact_id == merged_id))
    if moved["tags"]:
        session.execute(contact_tags.insert(), [
            {"contact_id": survivor_id, "tag_id": tag} for tag in moved["tags"]])
    merged.merged_into_id = survivor_id
    _resolve_candidates(session, survivor_id, merged_id, resolved=True)
    journal = MergeRecord(
        survivor_id=survivor_id, merged_id=merged_id, actor=actor,
        journal=json.dumps({"survivor_before": before, "moved": moved}, default=str),
    )
    session.add(journal)
    session.flush()
    reindex_contacts(session.connection(), [survivor_id, merged_id])
    record(session, "contacts_merged", actor, contact_id=survivor_id, merged=merged_id,
           merge=journal.id)
    return journal.id


def undo_merge(session: Session, merge_id: int, *, actor: str) -> None:
    """Put both contacts back exactly as they were before the merge."""
    journal = session.get(MergeRecord, merge_id)
    if journal is None or journal.undone_at is not None:
        raise NotFoundError(f"no merge #{merge_id} to undo")
    data = json.loads(journal.journal)
    survivor = session.get_one(Contact, journal.survivor_id)
    for name, value in data["survivor_before"].items():
        setattr(survivor, name, value)
    for key, model in _MOVED.items():
        session.execute(
            update(model).where(model.id.in_(data["moved"][key]))  # type: ignore[attr-defined]
            .values(contact_id=journal.merged_id)
        )
    tags = data["moved"]["tags"]
    if tags:
        session.execute(contact_tags.delete().where(
            contact_tags.c.contact_id == journal.survivor_id, contact_tags.c.tag_id.in_(tags)))
        session.execute(contact_tags.insert(), [
            {"contact_id": journal.merged_id, "tag_id": tag} for tag in tags])
    session.get_one(Contact, journal.merged_id).merged_into_id = None
    _resolve_candidates(session, journal.survivor_id, journal.merged_id, resolved=False)
    journal.undone_at = utc_now()
    session.flush()
    reindex_contacts(session.connection(), [journal.survivor_id, journal.merged_id])
    record(session, "merge_undone", actor, contact_id=journal.survivor_id,
           merged=journal.merged_id, merge=merge_id)


def _resolve_candidates(session: Session, first: int, second: int, *, resolved: bool) -> None:
    low, high = sorted((first, second))
    session.execute(
        update(DuplicateCandidate)
        .where(DuplicateCandidate.contact_id == low, DuplicateCandidate.other_id == high)
        .values(resolved_at=utc_now() if resolved else None)
    )


def open_duplicates(session: Session) -> list[tuple[int, int, int, Why]]:
    """Likely duplicates a person has not decided on: (candidate id, contact, other, why:
    what the two share); a pair with a side merged away or deleted is no pair to decide on."""
    other = aliased(Contact)
    rows = session.execute(
        select(DuplicateCandidate.id, DuplicateCandidate.contact_id, DuplicateCandidate.other_id,
               DuplicateCandidate.reason)
        .join(Contact, Contact.id == DuplicateCandidate.contact_id)
        .join(other, other.id == DuplicateCandidate.other_id)
        .where(DuplicateCandidate.resolved_at.is_(None), Contact.merged_into_id.is_(None),
               Contact.deleted_at.is_(None), other.merged_into_id.is_(None),
               other.deleted_at.is_(None))
        .order_by(DuplicateCandidate.id.desc()))
    return [(r[0], r[1], r[2], why_of(r[3])) for r in rows]


def merge_fields(session: Session, first: int, second: int) -> list[tuple[str, str, str]]:
    """The fields where two contacts differ: (field, first's value, second's value)."""
    a, b = _live(session, first), _live(session, second)
    return [(name, str(getattr(a, name) or ""), str(getattr(b, name) or "")) for name in MERGEABLE
            if (getattr(a, name) or "") != (getattr(b, name) or "")]
