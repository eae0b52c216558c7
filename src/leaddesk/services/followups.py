"""Follow-ups: schedule, complete with an outcome, snooze, and what is due."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact, FollowUp
from leaddesk.domain.timeutil import as_utc, utc_now
from leaddesk.domain.vocabulary import FollowUpKind
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.activity import record


class Due(StrEnum):
    """Which open follow-ups to show."""

    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"
    ALL = "all"


@dataclass(frozen=True)
class FollowUpSummary:
    """A follow-up as lists and the command line show it."""

    id: int
    contact: str
    contact_id: int
    inquiry_id: int | None
    due_at: datetime
    kind: str
    note: str
    owner: str
    done_at: datetime | None
    outcome: str | None


def schedule_followup(
    session: Session,
    contact_id: int,
    due_at: datetime,
    kind: FollowUpKind | str = FollowUpKind.CALL,
    *,
    actor: str,
    note: str = "",
    inquiry_id: int | None = None,
) -> int:
    """Add a follow-up to a contact; returns its id."""
    if session.get(Contact, contact_id) is None:
        raise NotFoundError(f"no contact #{contact_id}")
    try:
        kind = FollowUpKind(kind)
    except ValueError:
        raise InvalidInputError(f"unknown follow-up kind {kind!r}") from None
    followup = FollowUp(contact_id=contact_id, inquiry_id=inquiry_id, due_at=as_utc(due_at),
                        kind=kind.value, note=note, owner=actor)
    session.add(followup)
    session.flush()
    record(session, "followup_scheduled", actor, contact_id=contact_id, inquiry_id=inquiry_id,
           followup=followup.id, due_at=followup.due_at.isoformat(), kind=kind.value)
    return followup.id


def _open(session: Session, followup_id: int) -> FollowUp:
    followup = session.get(FollowUp, followup_id)
    if followup is None:
        raise NotFoundError(f"no follow-up #{followup_id}")
    if followup.done_at is not None:
        raise InvalidInputError(f"follow-up #{followup_id} is already done")
    return followup


def complete_followup(session: Session, followup_id: int, outcome: str, *, actor: str) -> None:
    """Mark a follow-up done, saying what came of it."""
    if not outcome.strip():
        raise InvalidInputError("say what came of the follow-up")
    followup = _open(session, followup_id)
    followup.done_at, followup.outcome = utc_now(), outcome.strip()
    record(session, "followup_done", actor, contact_id=followup.contact_id,
           inquiry_id=followup.inquiry_id, followup=followup_id, outcome=followup.outcome)


def snooze_followup(session: Session, followup_id: int, delay: timedelta, *, actor: str) -> datetime:
    """Move a follow-up later by `delay`, counted from now if it is already overdue."""
    if delay <= timedelta(0):
        raise InvalidInputError("a snooze must move the follow-up later")
    followup = _open(session, followup_id)
    followup.due_at = max(followup.due_at, utc_now()) + delay
    record(session, "followup_snoozed", actor, contact_id=followup.contact_id,
           followup=followup_id, due_at=followup.due_at.isoformat())
    return followup.due_at


def due_window(due: Due, now: datetime, zone: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """The (from, until) range of due times for a choice, days counted in `zone`."""
    local = now.astimezone(zone)
    start_of_day = datetime.combine(local.date(), time(), zone)
    end_of_day = start_of_day + timedelta(days=1)
    return {
        Due.OVERDUE: (None, now),
        Due.TODAY: (start_of_day, end_of_day),
        Due.WEEK: (start_of_day, start_of_day + timedelta(days=7)),
        Due.ALL: (None, None),
    }[due]


def list_followups(
    session: Session, due: Due = Due.ALL, *, now: datetime | None = None,
    zone: ZoneInfo | None = None,
) -> list[FollowUpSummary]:
    """Open follow-ups in the chosen window, soonest first."""
    now = now or utc_now()
    start, end = due_window(due, now, zone or ZoneInfo("UTC"))
    query = (
        select(FollowUp, Contact.name).join(Contact, Contact.id == FollowUp.contact_id)
        .where(FollowUp.done_at.is_(None), Contact.deleted_at.is_(None))
        .order_by(FollowUp.due_at, FollowUp.id)
    )
    if start is not None:
        query = query.where(FollowUp.due_at >= start)
    if end is not None:
        query = query.where(FollowUp.due_at < end)
    return [
        FollowUpSummary(
            id=f.id, contact=name, contact_id=f.contact_id, inquiry_id=f.inquiry_id,
            due_at=f.due_at, kind=f.kind, note=f.note, owner=f.owner, done_at=f.done_at,
            outcome=f.outcome,
        )
        for f, name in session.execute(query)
    ]
