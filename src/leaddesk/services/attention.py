"""What needs a person's attention, as the navigation counts it: recent inquiries whose
buyer waits for an answer, follow-ups overdue or due today, duplicates nobody decided on,
mails from new senders waiting.
A few COUNT queries over indexed columns: the window asks again after every change."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from leaddesk.db.models import Contact, DuplicateCandidate, FollowUp, Inquiry, MailPending, Message
from leaddesk.domain.timeutil import as_utc

# An inquiry waits for an answer when the buyer wrote last. Only the recent ones are
# counted, and only up to MANY (shown "99+"): a question left for months is a lost lead,
# not today's work, and each inquiry counted costs an index seek for its last message
# (a desk of a million messages: ~200 ms for a month of its inquiries, cold).
RECENT = timedelta(days=14)
MANY = 100


@dataclass(frozen=True)
class Attention:
    """The counts beside the views' names."""

    unanswered: int  # inquiries of the last RECENT whose last message is the buyer's (to MANY)
    overdue: int  # open follow-ups due before today
    due_today: int  # open follow-ups due today (their hour gone or not)
    duplicates: int  # suggested pairs nobody decided on
    new_senders: int = 0  # synced mails waiting in "New senders"

    @property
    def followups(self) -> int:
        """What the Follow-ups view asks to be done by tonight."""
        return self.overdue + self.due_today


def attention(session: Session, now: datetime, recent: timedelta = RECENT) -> Attention:
    """The counts as of `now` (aware; its zone says where a day starts and ends)."""
    start_of_day = datetime.combine(now.date(), time(), now.tzinfo)
    end_of_day = start_of_day + timedelta(days=1)
    return Attention(_unanswered(session, as_utc(now) - recent), *_followups(
        session, as_utc(start_of_day), as_utc(end_of_day)), _duplicates(session),
        session.scalar(select(func.count()).select_from(MailPending)) or 0)


def _unanswered(session: Session, since: datetime) -> int:
    # The last message, straight off the (inquiry, sent_at, direction) index: a tie goes to
    # our answer (ordering by id too would sort every inquiry's messages in a temp b-tree).
    latest = aliased(Message)
    last = (select(latest.direction).where(latest.inquiry_id == Inquiry.id)
            .order_by(latest.sent_at.desc(), latest.direction.desc()).limit(1)
            .correlate(Inquiry).scalar_subquery())
    erased = select(Contact.id).where(Contact.erased_at.is_not(None))
    newest = (select(Inquiry.id)
              .where(Inquiry.last_message_at >= since, Inquiry.contact_id.not_in(erased), last == "in")
              .order_by(Inquiry.last_message_at.desc()).limit(MANY).subquery())
    return session.scalar(select(func.count()).select_from(newest)) or 0


def _followups(session: Session, start_of_day: datetime, end_of_day: datetime) -> tuple[int, int]:
    overdue = func.count().filter(FollowUp.due_at < start_of_day)
    row = session.execute(select(overdue, func.count()).where(
        FollowUp.done_at.is_(None), FollowUp.due_at < end_of_day)).one()
    return int(row[0] or 0), int((row[1] or 0) - (row[0] or 0))


def _duplicates(session: Session) -> int:
    # the few merged contacts by their index, not every live contact joined (88 ms on a
    # desk of 200,000 contacts)
    merged = select(Contact.id).where(Contact.merged_into_id.is_not(None))
    query = (select(func.count()).select_from(DuplicateCandidate)
             .where(DuplicateCandidate.resolved_at.is_(None), DuplicateCandidate.contact_id.not_in(merged)))
    return session.scalar(query) or 0
