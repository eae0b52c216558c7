"""Reverting an import: the batch's messages go, with the inquiries, contacts and
identities it created that nobody else relies on. What a person did to them, or what
another import, a hand-logged inquiry, a follow-up or a merge relies on, stays, and the
revert says what it kept and why. (Articles are never part of an import batch: the
catalogue is imported on its own, so no revert removes one.)"""

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, func, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from leaddesk.db.models import (
    Activity,
    Attachment,
    Contact,
    FollowUp,
    Identity,
    IdentityUse,
    ImportBatch,
    Inquiry,
    MergeRecord,
    Message,
    contact_tags,
)
from leaddesk.db.search_index import reindex_contacts, unindex_messages
from leaddesk.domain.timeutil import utc_now
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services import attachments
from leaddesk.services.activity import record
from leaddesk.services.desk import Desk
from leaddesk.services.originals import forget

CHUNK = 5000  # ids per IN (...) list: within every database's limit on parameters


@dataclass
class Kept:
    """Something the batch created (or a follow-up on it) that a revert leaves in place."""

    kind: str  # contact, identity, inquiry, followup
    id: int
    label: str
    reasons: list[str]


@dataclass
class RevertPlan:
    """What reverting one batch removes, and what it keeps and why."""

    batch: int
    source: str
    messages: list[int] = field(default_factory=list)
    inquiries: list[int] = field(default_factory=list)
    contacts: list[int] = field(default_factory=list)
    identities: list[int] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    dry_run: bool = False
    files: list[str] = field(default_factory=list)  # kept originals that removed rows named
    # blank fields of contacts that were there, which the import filled: (contact, field, before)
    fields: list[tuple[int, str, Any]] = field(default_factory=list)
    blobs: list[str] = field(default_factory=list)  # attachments' files that removed rows named

    @property
    def removed(self) -> dict[str, int]:
        """How many of each kind go."""
        return {"messages": len(self.messages), "inquiries": len(self.inquiries),
                "contacts": len(self.contacts), "identities": len(self.identities)}

    def as_json(self) -> dict[str, Any]:
        """The plan as `import --revert --json` prints it."""
        return {"batch": self.batch, "source": self.source, "dry_run": self.dry_run,
                "removed": self.removed,
                "kept": [{"kind": k.kind, "id": k.id, "label": k.label, "reasons": k.reasons}
                         for k in self.kept]}


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    items = sorted(set(ids))
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]


def _not_this(column: InstrumentedAttribute[int | None], batch_id: int) -> ColumnElement[bool]:
    """Written by a person (no batch) or by another import."""
    return or_(column.is_(None), column != batch_id)


def plan_revert(session: Session, batch_id: int) -> RevertPlan:
    """Decide what reverting `batch_id` removes and keeps, without changing anything."""
    batch = session.get(ImportBatch, batch_id)
    if batch is None:
        raise NotFoundError(f"no import batch #{batch_id}")
    if batch.reverted_at is not None:
        raise InvalidInputError(f"import batch #{batch_id} was already reverted "
                                f"({batch.reverted_at:%Y-%m-%d %H:%M} UTC)")
    plan = RevertPlan(batch_id, batch.source)
    plan.messages = list(session.scalars(select(Message.id).where(Message.import_batch_id == batch_id)))
    _plan_inquiries(session, plan)
    kept_identities = _identity_reasons(session, plan)
    contact_reasons = _contact_reasons(session, plan, kept_identities)
    names: dict[int, str] = {contact_id: name for contact_id, name in session.execute(
        select(Contact.id, Contact.name).where(Contact.import_batch_id == batch_id))}
    for contact_id, name in sorted(names.items()):
        reasons = contact_reasons.get(contact_id)
        if reasons:
            plan.kept.append(Kept("contact", contact_id, name or f"#{contact_id}", reasons))
        else:
            plan.contacts.append(contact_id)
    staying = set(names) - set(plan.contacts)
    plan.files = [name for name in session.scalars(select(Message.original_file).where(
        Message.import_batch_id == batch_id, Message.original_file.is_not(None))) if name]
    plan.blobs = list(session.scalars(select(Attachment.sha256).where(
        Attachment.message_id.in_(select(Message.id).where(Message.import_batch_id == batch_id)),
        Attachment.sha256.is_not(None)).distinct()))
    for chunk in _chunks(plan.contacts):
        plan.files += [name for name in session.scalars(select(Contact.original_file).where(
            Contact.id.in_(chunk), Contact.original_file.is_not(None))) if name]
    for identity_id, contact_id, kind, value, shown in session.execute(
            select(Identity.id, Identity.contact_id, Identity.kind, Identity.value, Identity.shown)
            .where(Identity.import_batch_id == batch_id).order_by(Identity.id)):
        reasons = kept_identities.get(identity_id, [])
        if not reasons and contact_id in staying:
            reasons = [f"its contact #{contact_id} stays"]
        if reasons:
            plan.kept.append(Kept("identity", identity_id, f"{kind} {shown or value}", reasons))
        else:
            plan.identities.append(identity_id)
    _plan_fields(session, plan)
    return plan


def _plan_fields(session: Session, plan: RevertPlan) -> None:
    """The fields the batch filled on contacts that were there go back to blank, unless a
    person has changed them since (what a person typed is never removed)."""
    filled = session.execute(select(Activity.id, Activity.contact_id, Activity.detail).where(
        Activity.import_batch_id == plan.batch, Activity.action == "contact_filled")).all()
    for activity_id, contact_id, detail in filled:
        contact = session.get(Contact, contact_id) if contact_id is not None else None
        if contact is None or contact.id in plan.contacts:
            continue
        data = json.loads(detail or "{}")
        later = session.scalars(select(Activity.detail).where(
            Activity.contact_id == contact.id, Activity.id > activity_id,
            Activity.action == "contact_edited"))
        typed = {key for text in later for key in json.loads(text or "{}").get("after", {})}
        for key, value in data.get("after", {}).items():
            if key in typed or getattr(contact, key, None) != value:
                plan.kept.append(Kept("field", contact.id, f"{key} of #{contact.id}",
                                      ["a person changed it since the import"]))
            else:
                plan.fields.append((contact.id, key, data.get("before", {}).get(key)))


def _plan_inquiries(session: Session, plan: RevertPlan) -> None:
    """The batch's inquiries, and any it added to, go once no other message is left in them."""
    batch_id = plan.batch
    theirs = exists().where(Message.inquiry_id == Inquiry.id, Message.import_batch_id == batch_id)
    others = exists().where(Message.inquiry_id == Inquiry.id, _not_this(Message.import_batch_id, batch_id))
    plan.inquiries = list(session.scalars(select(Inquiry.id).where(
        or_(Inquiry.import_batch_id == batch_id, theirs), ~others)))
    remaining = (select(func.count()).where(Message.inquiry_id == Inquiry.id,
                                            _not_this(Message.import_batch_id, batch_id))
                 .correlate(Inquiry).scalar_subquery())
    for inquiry_id, channel, count in session.execute(
            select(Inquiry.id, Inquiry.channel, remaining)
            .where(Inquiry.import_batch_id == batch_id, others).order_by(Inquiry.id)):
        plan.kept.append(Kept("inquiry", inquiry_id, channel,
                              [f"holds {count} messages of other imports or typed by a person"]))
    for chunk in _chunks(plan.inquiries):
        for followup_id, kind, inquiry_id in session.execute(select(
                FollowUp.id, FollowUp.kind, FollowUp.inquiry_id).where(FollowUp.inquiry_id.in_(chunk))):
            plan.kept.append(Kept("followup", followup_id, kind,
                                  [f"stays on its contact; its inquiry #{inquiry_id} goes with the import"]))


def _live_merge_identities(session: Session) -> set[int]:
    """Identities a merge that is not undone moved: undoing it moves them back."""
    moved: set[int] = set()
    for journal in session.scalars(select(MergeRecord.journal).where(MergeRecord.undone_at.is_(None))):
        moved.update(json.loads(journal).get("moved", {}).get("identities", []))
    return moved


def _identity_reasons(session: Session, plan: RevertPlan) -> dict[int, list[str]]:
    """Why each of the batch's identities must stay, if it must (its contact aside)."""
    batch_id = plan.batch
    mine = select(Identity.id).where(Identity.import_batch_id == batch_id)
    users: dict[int, list[str]] = defaultdict(list)
    live = or_(IdentityUse.import_batch_id.is_(None), ImportBatch.reverted_at.is_(None))
    for identity_id, user in session.execute(
            select(IdentityUse.identity_id, IdentityUse.import_batch_id)
            .outerjoin(ImportBatch, ImportBatch.id == IdentityUse.import_batch_id)
            .where(IdentityUse.identity_id.in_(mine), _not_this(IdentityUse.import_batch_id, batch_id),
                   live).order_by(IdentityUse.identity_id, IdentityUse.import_batch_id)):
        users[identity_id].append("a hand-logged inquiry found the contact by it" if user is None
                                  else f"import #{user} found the contact by it")
    merged = _live_merge_identities(session)
    for identity_id in session.scalars(mine):
        if identity_id in merged:
            users[identity_id].append("a merge moved it; undoing the merge needs it")
    return dict(users)


def _contact_reasons(session: Session, plan: RevertPlan,
                     kept_identities: dict[int, list[str]]) -> dict[int, list[str]]:
    """Why each contact the batch created must stay, if it must."""
    batch_id = plan.batch
    created = select(Contact.id).where(Contact.import_batch_id == batch_id)
    reasons: dict[int, list[str]] = defaultdict(list)
    going = set(plan.inquiries)
    inquiries: dict[int, int] = defaultdict(int)
    for contact_id, inquiry_id in session.execute(
            select(Inquiry.contact_id, Inquiry.id).where(Inquiry.contact_id.in_(created))):
        if inquiry_id not in going:
            inquiries[contact_id] += 1
    for contact_id, count in inquiries.items():
        reasons[contact_id].append(f"holds {count} inquiries of other imports or logged by a person")
    for contact_id, count in session.execute(
            select(FollowUp.contact_id, func.count()).where(FollowUp.contact_id.in_(created))
            .group_by(FollowUp.contact_id)):
        reasons[contact_id].append(f"has {count} follow-ups")
    actions: dict[int, set[str]] = defaultdict(set)
    for subject, action in session.execute(
            select(Activity.contact_id, Activity.action).where(
                Activity.contact_id.in_(created), _not_this(Activity.import_batch_id, batch_id),
                Activity.action != "contact_filled")):  # another import's filling is no person's work
        actions[subject or 0].add(action)
    for contact_id, done in actions.items():
        reasons[contact_id].append("a person worked on it (" + ", ".join(sorted(done)) + ")")
    for contact_id, into in session.execute(
            select(Contact.id, Contact.merged_into_id).where(
                Contact.id.in_(created), Contact.merged_into_id.is_not(None))):
        reasons[contact_id].append(f"it was merged into contact #{into}")
    for survivor, merged in session.execute(
            select(MergeRecord.survivor_id, MergeRecord.merged_id).where(
                MergeRecord.undone_at.is_(None), MergeRecord.survivor_id.in_(created))):
        reasons[survivor].append(f"contact #{merged} was merged into it")
    for (contact_id,) in session.execute(
            select(contact_tags.c.contact_id).where(contact_tags.c.contact_id.in_(created)).distinct()):
        reasons[contact_id].append("a person tagged it")
    for contact_id, count in session.execute(
            select(Identity.contact_id, func.count()).where(
                Identity.contact_id.in_(created), _not_this(Identity.import_batch_id, batch_id))
            .group_by(Identity.contact_id)):
        reasons[contact_id].append(f"holds {count} identities added by others")
    for contact_id, identity_id in session.execute(
            select(Identity.contact_id, Identity.id).where(Identity.contact_id.in_(created))):
        if identity_id in kept_identities:
            reasons[contact_id].append(f"identity #{identity_id} stays: "
                                       + "; ".join(kept_identities[identity_id]))
    return {key: list(dict.fromkeys(value)) for key, value in reasons.items()}


def _delete(session: Session, model: type[Any], ids: Sequence[int]) -> None:
    for chunk in _chunks(ids):
        session.execute(delete(model).where(model.id.in_(chunk)))


def revert_batch(session: Session, batch_id: int, *, actor: str, dry_run: bool = False) -> RevertPlan:
    """Revert one import batch as `plan_revert` decides (with `dry_run`, only decide)."""
    plan = plan_revert(session, batch_id)
    plan.dry_run = dry_run
    if dry_run:
        return plan
    connection = session.connection()
    touched = set(session.scalars(select(Message.inquiry_id)
                                  .where(Message.import_batch_id == batch_id).distinct()))
    holders = set(session.scalars(select(Identity.contact_id).where(Identity.import_batch_id == batch_id)))
    unindex_messages(connection, plan.messages)
    session.execute(delete(Attachment).where(Attachment.message_id.in_(
        select(Message.id).where(Message.import_batch_id == batch_id))))
    session.execute(delete(Message).where(Message.import_batch_id == batch_id))
    for chunk in _chunks(plan.inquiries):
        session.execute(update(FollowUp).where(FollowUp.inquiry_id.in_(chunk)).values(inquiry_id=None))
        session.execute(update(Activity).where(Activity.inquiry_id.in_(chunk)).values(inquiry_id=None))
    _delete(session, Inquiry, plan.inquiries)
    for chunk in _chunks(touched - set(plan.inquiries)):
        for inquiry in session.scalars(select(Inquiry).where(Inquiry.id.in_(chunk))):
            first, last = session.execute(select(func.min(Message.sent_at), func.max(Message.sent_at))
                                          .where(Message.inquiry_id == inquiry.id)).one()
            inquiry.started_at, inquiry.last_message_at = first, last
    session.execute(delete(IdentityUse).where(IdentityUse.import_batch_id == batch_id))
    _delete(session, Identity, plan.identities)
    for chunk in _chunks(plan.contacts):
        session.execute(delete(Activity).where(Activity.contact_id.in_(chunk)))
    _delete(session, Contact, plan.contacts)
    for contact_id, key, value in plan.fields:  # blank again, as before the import
        setattr(session.get_one(Contact, contact_id), key, value)
        holders.add(contact_id)
    session.flush()
    reindex_contacts(connection, holders | set(plan.contacts))
    session.get_one(ImportBatch, batch_id).reverted_at = utc_now()
    kept: dict[str, int] = defaultdict(int)
    for item in plan.kept:
        kept[item.kind] += 1
    record(session, "import_reverted", actor, batch=batch_id, **plan.removed,
           kept=dict(kept))
    return plan


def revert_import(desk: Desk, batch_id: int, *, actor: str, dry_run: bool = False) -> RevertPlan:
    """Revert one batch in a transaction of its own; once it is committed, the kept
    originals that nothing names any more are removed too."""
    with desk.transaction() as session:
        plan = revert_batch(session, batch_id, actor=actor, dry_run=dry_run)
    if not dry_run:
        forget(desk.engine, desk.originals, plan.files)
        attachments.forget(desk.engine, desk.attachments, plan.blobs)  # a shared one stays
    return plan
