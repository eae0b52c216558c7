"""A contact's whole history in time order: every inquiry on every channel, follow-ups
open and done, stage changes and notes; a merged contact's history is its survivor's."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Activity, Contact, FollowUp, Inquiry, Message
from leaddesk.errors import NotFoundError
from leaddesk.services.desk import Desk
from leaddesk.services.followups import FollowUpSummary

PAGE = 500  # the newest this many of each kind; what is older is counted, not read
FIRST_LINE = 160  # characters of an inquiry's first message that stand for it
_NOTED = ("stage_changed", "contact_edited")


@dataclass(frozen=True)
class InquiryEntry:
    """One conversation, on one channel."""

    at: datetime  # when it began
    inquiry_id: int
    channel: str
    title: str  # its subject, or the first line of its first message
    messages: int
    last_message_at: datetime


@dataclass(frozen=True)
class FollowUpEntry:
    """A follow-up: when it is due, or when it was done and what came of it."""

    at: datetime  # done_at when done, else due_at
    followup_id: int
    kind: str
    note: str
    due_at: datetime
    done_at: datetime | None
    outcome: str | None


@dataclass(frozen=True)
class StageEntry:
    """The lead moved along the pipeline."""

    at: datetime
    before: str
    after: str
    reason: str | None
    actor: str


@dataclass(frozen=True)
class NoteEntry:
    """Something a person wrote down about the buyer."""

    at: datetime
    text: str
    actor: str


Entry = InquiryEntry | FollowUpEntry | StageEntry | NoteEntry


@dataclass(frozen=True)
class Timeline:
    """A contact's history, oldest first; `not_shown` entries older than `since` were
    left out (a contact with thousands of inquiries is read a page at a time)."""

    contact_id: int  # the contact whose history it is (a merged one's survivor)
    name: str
    entries: list[Entry]
    not_shown: int = 0
    since: datetime | None = None


def survivor_of(session: Session, contact_id: int) -> Contact:
    """The live contact a contact's history belongs to: itself, or the one it was merged
    into (however many merges ago); NotFoundError for none or an erased one."""
    contact = session.get(Contact, contact_id)
    seen: set[int] = set()
    while contact is not None and contact.merged_into_id is not None and contact.id not in seen:
        seen.add(contact.id)
        contact = session.get(Contact, contact.merged_into_id)
    if contact is None or contact.erased_at is not None:
        raise NotFoundError(f"no contact #{contact_id}")
    return contact


def _inquiries(session: Session, contact_id: int, limit: int) -> tuple[list[InquiryEntry], int]:
    first = (select(func.substr(Message.body, 1, FIRST_LINE)).where(Message.inquiry_id == Inquiry.id)
             .order_by(Message.sent_at, Message.id).limit(1).correlate(Inquiry).scalar_subquery())
    count = (select(func.count()).where(Message.inquiry_id == Inquiry.id)
             .correlate(Inquiry).scalar_subquery())
    # the page's ids first: asked in one query, SQLite would read every inquiry's first
    # message and count before sorting (a buyer with 5,000 inquiries: 200 ms instead of 20)
    page = list(session.scalars(select(Inquiry.id).where(Inquiry.contact_id == contact_id)
                                .order_by(Inquiry.started_at.desc(), Inquiry.id.desc()).limit(limit)))
    rows = session.execute(
        select(Inquiry.id, Inquiry.started_at, Inquiry.channel, Inquiry.subject, first, count,
               Inquiry.last_message_at)
        .where(Inquiry.id.in_(page)).order_by(Inquiry.started_at.desc(), Inquiry.id.desc()))
    entries = [InquiryEntry(at=started, inquiry_id=id_, channel=channel,
                            title=_first_line(subject) or _first_line(body or ""),
                            messages=messages, last_message_at=last)
               for id_, started, channel, subject, body, messages, last in rows]
    total = session.scalar(select(func.count()).select_from(Inquiry)
                           .where(Inquiry.contact_id == contact_id)) or 0
    return entries, total


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def _followups(session: Session, contact_id: int, limit: int) -> tuple[list[FollowUpEntry], int]:
    """The newest done follow-ups (a page of them, and how many there are)."""
    done = (FollowUp.contact_id == contact_id) & FollowUp.done_at.is_not(None)
    rows = session.scalars(select(FollowUp).where(done)
                           .order_by(FollowUp.done_at.desc(), FollowUp.id.desc()).limit(limit))
    total = session.scalar(select(func.count()).select_from(FollowUp).where(done)) or 0
    return [_followup(f) for f in rows], total


def _followup(f: FollowUp) -> FollowUpEntry:
    return FollowUpEntry(at=f.done_at or f.due_at, followup_id=f.id, kind=f.kind, note=f.note,
                         due_at=f.due_at, done_at=f.done_at, outcome=f.outcome)


def _noted(session: Session, contact_id: int, limit: int) -> tuple[list[Entry], int]:
    """Stage changes and notes, from the activity trail."""
    wanted = (Activity.contact_id == contact_id) & Activity.action.in_(_NOTED) & (
        (Activity.action == "stage_changed") | Activity.detail.contains('"notes"'))
    rows = session.execute(select(Activity.at, Activity.action, Activity.actor, Activity.detail)
                           .where(wanted).order_by(Activity.at.desc(), Activity.id.desc())
                           .limit(limit)).all()
    entries: list[Entry] = []
    for at, action, actor, detail in rows:
        data: dict[str, Any] = json.loads(detail or "{}")
        if action == "stage_changed":
            entries.append(StageEntry(at, str(data.get("before") or ""), str(data.get("after") or ""),
                                      data.get("reason"), actor))
        elif "notes" in data.get("after", {}):
            text = _added(str(data.get("before", {}).get("notes") or ""), str(data["after"]["notes"]))
            if text:
                entries.append(NoteEntry(at, text, actor))
    total = session.scalar(select(func.count()).select_from(Activity).where(wanted)) or 0
    return entries, total


def _added(before: str, after: str) -> str:
    """What an edit of the notes wrote: the lines added below, or the notes as they became."""
    if before and after.startswith(before):
        return after[len(before):].strip()
    return after.strip()


def contact_timeline(session: Session, contact_id: int, limit: int = PAGE) -> Timeline:
    """A contact's history, oldest first: every open follow-up, the newest `limit` of each
    other kind, and from when on it is whole (what is older than the oldest entry of a
    kind that was cut is left out, and counted)."""
    contact = survivor_of(session, contact_id)
    inquiries, inquiry_total = _inquiries(session, contact.id, limit)
    followups, followup_total = _followups(session, contact.id, limit)
    noted, noted_total = _noted(session, contact.id, limit)
    entries: list[Entry] = [*inquiries, *followups, *noted]
    cut = [page[-1].at for page, total in ((inquiries, inquiry_total), (followups, followup_total),
                                           (noted, noted_total)) if page and total > len(page)]
    since = max(cut) if cut else None
    if since is not None:
        entries = [e for e in entries if e.at >= since]
    not_shown = inquiry_total + followup_total + noted_total - len(entries)
    entries += [_followup(f) for f in _open(session, contact.id)]  # what is still to do, always
    if contact.notes.strip() and noted_total == 0 and since is None:  # notes it came in with
        entries.append(NoteEntry(contact.created_at, contact.notes.strip(), ""))
    entries.sort(key=lambda e: (e.at, _ORDER[type(e)]))
    return Timeline(contact.id, contact.name, entries, not_shown, since)


_ORDER = {InquiryEntry: 0, NoteEntry: 1, StageEntry: 2, FollowUpEntry: 3}  # at the same moment


def read_timeline(desk: Desk, contact_id: int, limit: int = PAGE) -> Timeline | None:
    """`contact_timeline` in a session of its own; None when the contact is gone."""
    with desk.transaction() as session:
        try:
            return contact_timeline(session, contact_id, limit)
        except NotFoundError:
            return None


def _open(session: Session, contact_id: int) -> list[FollowUp]:
    return list(session.scalars(select(FollowUp).where(FollowUp.contact_id == contact_id,
                                                       FollowUp.done_at.is_(None))
                                .order_by(FollowUp.due_at, FollowUp.id).limit(PAGE)))


def open_followups(session: Session, contact_id: int) -> list[FollowUpSummary]:
    """A contact's open follow-ups (its survivor's, if it was merged), soonest first."""
    contact = survivor_of(session, contact_id)
    return [FollowUpSummary(id=f.id, contact=contact.name, contact_id=contact.id,
                            inquiry_id=f.inquiry_id, due_at=f.due_at, kind=f.kind, note=f.note,
                            owner=f.owner, done_at=f.done_at, outcome=f.outcome)
            for f in _open(session, contact.id)]


def read_open_followups(desk: Desk, contact_id: int) -> list[FollowUpSummary]:
    """`open_followups` in a session of its own; none when the contact is gone."""
    with desk.transaction() as session:
        try:
            return open_followups(session, contact_id)
        except NotFoundError:
            return []
