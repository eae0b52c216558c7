"""What the window's inbox and detail pane read: inquiry ids in order (cheap, all of
them), rows for a block of ids (only what is on screen), one conversation."""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import phonenumbers
from phonenumbers import timezone as phone_timezone
from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from leaddesk.db.models import Article, Contact, FollowUp, Identity, Inquiry, Message
from leaddesk.domain.countries import country_name
from leaddesk.errors import NotFoundError

SORTS = {
    "last_message": Inquiry.last_message_at,
    "contact": Contact.name,
    "company": Contact.company,
    "country": Contact.country,
    "channel": Inquiry.channel,
    "stage": Contact.stage,
}


@dataclass(frozen=True)
class InboxRow:
    """One line of the inbox."""

    id: int
    contact_id: int
    contact: str
    company: str
    country: str
    channel: str
    last_message_at: datetime
    stage: str
    next_followup: datetime | None
    article: str


@dataclass(frozen=True)
class MessageView:
    """One message of a conversation; `body` is its beginning when it is longer than the
    conversation shows at once (`length` says how long it is)."""

    id: int
    sent_at: datetime
    direction: str
    author: str
    subject: str
    body: str
    attachment: str | None
    length: int

    @property
    def cut(self) -> bool:
        """Whether more of the message can be shown."""
        return self.length > len(self.body)


@dataclass(frozen=True)
class Conversation:
    """The newest messages of an inquiry, oldest first, and how many it has in all."""

    messages: list[MessageView]
    total: int


@dataclass(frozen=True)
class ContactCard:
    """The detail pane's head: who, how to reach them, and their local time."""

    id: int
    name: str
    company: str
    country: str
    stage: str
    owner: str
    version: int
    phones: list[str]
    emails: list[str]
    wechat_ids: list[str]
    zone: str | None
    article: str
    article_link: str | None
    article_id: int | None


def inbox_ids(session: Session, sort: str = "last_message", descending: bool = True,
              only: list[int] | None = None, limit: int | None = None) -> list[int]:
    """Every inquiry id in display order (sorting happens in SQL), or the first `limit`;
    `only` restricts."""
    column = SORTS.get(sort, Inquiry.last_message_at)
    # erased or deleted contacts, each from its own index (an OR of the two scans every contact)
    gone = union_all(select(Contact.id).where(Contact.erased_at.is_not(None)),
                     select(Contact.id).where(Contact.deleted_at.is_not(None)))
    query = select(Inquiry.id).where(Inquiry.contact_id.not_in(gone))
    if column.table is Contact.__table__:  # sorting by the contact needs them joined
        query = query.join(Contact, Contact.id == Inquiry.contact_id)
    if only is not None:
        query = query.where(Inquiry.id.in_(only))
    order = column.desc() if descending else column.asc()
    # Ties go by contact, then inquiry: the newest-first order then comes straight off the
    # (last_message_at, contact_id) index. Plain ids through Core: the ORM's per-row work
    # would cost 0.1 s on a big desk.
    query = query.order_by(order, Inquiry.contact_id.desc(), Inquiry.id.desc()).limit(limit)
    return list(session.connection().execute(query).scalars())


def inbox_rows(session: Session, ids: list[int]) -> dict[int, InboxRow]:
    """Rows for a block of ids."""
    if not ids:
        return {}
    # the block's own contacts' follow-ups, by index: grouping every open follow-up of the
    # desk for each block of 200 rows cost a big desk tens of milliseconds a block
    due = (select(func.min(FollowUp.due_at)).where(FollowUp.contact_id == Inquiry.contact_id,
                                                   FollowUp.done_at.is_(None))
           .correlate(Inquiry).scalar_subquery())
    query = (select(Inquiry.id, Inquiry.contact_id, Contact.name, Contact.company, Contact.country,
                    Inquiry.channel, Inquiry.last_message_at, Contact.stage, due, Article.title)
             .join(Contact, Contact.id == Inquiry.contact_id)
             .outerjoin(Article, Article.id == Inquiry.article_id)
             .where(Inquiry.id.in_(ids)))
    return {row[0]: InboxRow(row[0], row[1], row[2], row[3], country_name(row[4]) or "", row[5],
                             row[6], row[7], row[8], row[9] or "")
            for row in session.execute(query)}


SHOWN_MESSAGES = 200  # the newest messages of a conversation read at once
SHOWN_CHARACTERS = 5_000  # of each message: the rest on request


def conversation(session: Session, inquiry_id: int, newest: int = SHOWN_MESSAGES,
                 characters: int = SHOWN_CHARACTERS) -> Conversation:
    """The newest `newest` messages of an inquiry, each read to `characters` characters
    (in SQL: a message a million characters long is not read to show its beginning)."""
    total = session.scalar(select(func.count()).where(Message.inquiry_id == inquiry_id)) or 0
    rows = session.execute(
        select(Message.id, Message.sent_at, Message.direction, Message.author, Message.subject,
               func.substr(Message.body, 1, characters), Message.attachment, func.length(Message.body))
        .where(Message.inquiry_id == inquiry_id)
        .order_by(Message.sent_at.desc(), Message.id.desc()).limit(newest)).all()
    messages = [MessageView(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6], r[7] or 0)
                for r in reversed(rows)]
    return Conversation(messages, total)


def message_text(session: Session, message_id: int) -> str:
    """The whole stored text of one message."""
    body = session.scalar(select(Message.body).where(Message.id == message_id))
    if body is None:
        raise NotFoundError(f"no message #{message_id}")
    return body


def contact_card(session: Session, inquiry_id: int) -> ContactCard:
    """The contact of an inquiry, with the time zone their phone number is in."""
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(f"no inquiry #{inquiry_id}")
    contact = session.get_one(Contact, inquiry.contact_id)
    reach: dict[str, list[str]] = {"phone": [], "email": [], "wechat": []}
    for kind, value in session.execute(select(Identity.kind, Identity.value)
                                       .where(Identity.contact_id == contact.id)):
        reach[kind].append(value)
    article = session.get(Article, inquiry.article_id) if inquiry.article_id else None
    return ContactCard(contact.id, contact.name, contact.company, country_name(contact.country),
                       contact.stage, contact.owner, contact.version, reach["phone"], reach["email"],
                       reach["wechat"], zone_of(reach["phone"]),
                       article.title if article else "", inquiry.article_link, inquiry.article_id)


def zone_of(phones: list[str]) -> str | None:
    """The buyer's time zone, from the first of their numbers that tells it."""
    for phone in phones:
        try:
            zones = phone_timezone.time_zones_for_number(phonenumbers.parse(phone))
        except phonenumbers.NumberParseException:
            continue
        if zones and zones[0] != "Etc/Unknown":
            return str(zones[0])
    return None


def local_time(zone: str | None, now: datetime) -> tuple[datetime, bool] | None:
    """The buyer's time now and whether it is within working hours (8-18, Mon-Fri)."""
    if zone is None:
        return None
    there = now.astimezone(ZoneInfo(zone))
    return there, there.weekday() < 5 and 8 <= there.hour < 18
