"""Inquiries: logging one by hand, adding messages, and listing them."""

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Article, Contact, Inquiry, Message
from leaddesk.db.search_index import document, index_messages
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.identities import clean_text
from leaddesk.domain.timeutil import as_utc, utc_now
from leaddesk.domain.vocabulary import ArticleLink, Channel, Direction, FollowUpKind
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.activity import record
from leaddesk.services.contacts import add_to_contact, match_contact
from leaddesk.services.followups import schedule_followup


@dataclass(frozen=True)
class InquirySummary:
    """An inquiry as lists and the command line show it."""

    id: int
    contact: str
    contact_id: int
    channel: str
    subject: str
    started_at: datetime
    last_message_at: datetime
    messages: int
    article_url: str | None
    article_link: str | None
    stage: str
    article_title: str | None = None
    company: str = ""


@dataclass
class LogInquiry:
    """What a person types in the quick "Log inquiry" form."""

    channel: Channel
    contact: ContactDraft
    text: str
    received_at: datetime = field(default_factory=utc_now)
    subject: str = ""
    article_id: int | None = None
    followup_due: datetime | None = None
    followup_kind: FollowUpKind = FollowUpKind.CALL
    contact_id: int | None = None  # the existing contact a person picked for this buyer


def _channel(value: str) -> Channel:
    try:
        return Channel(value)
    except ValueError:
        raise InvalidInputError(f"unknown channel {value!r}: use one of {', '.join(Channel)}") from None


def _store_message(session: Session, message: Message) -> None:
    """Add a message and its search index entry in the same transaction."""
    session.add(message)
    session.flush()
    index_messages(session.connection(),
                   [(message.id, document(message.body, message.subject, message.author))])


def log_inquiry(
    session: Session, form: LogInquiry, *, actor: str, default_region: str = ""
) -> InquirySummary:
    """Store a hand-logged inquiry: its contact (found or created), first message,
    article (a manual link) and optional follow-up."""
    channel = _channel(form.channel)
    if not form.text.strip():
        raise InvalidInputError("an inquiry needs the buyer's message")
    if form.contact_id is None and not (form.contact.phones or form.contact.emails
                                        or form.contact.wechat_ids or form.contact.name.strip()):
        raise InvalidInputError("an inquiry needs a name, phone, email or WeChat ID")
    if form.article_id is not None and session.get(Article, form.article_id) is None:
        raise NotFoundError(f"no article #{form.article_id}")
    if form.contact_id is not None:
        match = add_to_contact(session, form.contact_id, form.contact, actor=actor,
                               default_region=default_region)
    else:
        match = match_contact(session, form.contact, actor=actor, default_region=default_region)
    received = as_utc(form.received_at)
    inquiry = Inquiry(
        contact_id=match.contact_id, channel=channel.value, subject=clean_text(form.subject),
        started_at=received, last_message_at=received, article_id=form.article_id,
        article_link=ArticleLink.MANUAL.value if form.article_id else None,
    )
    session.add(inquiry)
    session.flush()
    _store_message(session, Message(
        inquiry_id=inquiry.id, direction=Direction.IN.value, sent_at=received,
        author=form.contact.name, subject=inquiry.subject, body=form.text.strip(),
        original=form.text,
    ))
    record(session, "inquiry_logged", actor, contact_id=match.contact_id, inquiry_id=inquiry.id,
           channel=channel.value)
    if form.followup_due is not None:
        schedule_followup(session, match.contact_id, form.followup_due, form.followup_kind,
                          actor=actor, inquiry_id=inquiry.id)
    session.flush()
    return get_inquiry(session, inquiry.id)


def add_message(
    session: Session,
    inquiry_id: int,
    text: str,
    *,
    actor: str,
    direction: Direction = Direction.OUT,
    sent_at: datetime | None = None,
) -> None:
    """Add one message to an inquiry (ours by default) and move its last-message time."""
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(f"no inquiry #{inquiry_id}")
    if not text.strip():
        raise InvalidInputError("an empty message cannot be added")
    moment = as_utc(sent_at or utc_now())
    _store_message(session, Message(
        inquiry_id=inquiry_id, direction=Direction(direction).value, sent_at=moment,
        author=actor if direction is Direction.OUT else "", body=text.strip(), original=text,
    ))
    inquiry.last_message_at = max(inquiry.last_message_at, moment)
    session.flush()
    record(session, "message_added", actor, contact_id=inquiry.contact_id, inquiry_id=inquiry_id,
           direction=Direction(direction).value)


def _query() -> Select[Inquiry, str, str, str, str | None, str | None, int | None]:
    counts = (
        select(Message.inquiry_id, func.count().label("n"))
        .group_by(Message.inquiry_id).subquery()
    )
    return (
        select(Inquiry, Contact.name, Contact.company, Contact.stage, Article.url, Article.title,
               counts.c.n)
        .join(Contact, Contact.id == Inquiry.contact_id)
        .where(Contact.deleted_at.is_(None))
        .outerjoin(Article, Article.id == Inquiry.article_id)
        .outerjoin(counts, counts.c.inquiry_id == Inquiry.id)
    )


def _summary(
    row: tuple[Inquiry, str, str, str, str | None, str | None, int | None],
) -> InquirySummary:
    inquiry, name, company, stage, url, title, count = row
    return InquirySummary(
        id=inquiry.id, contact=name, contact_id=inquiry.contact_id, channel=inquiry.channel,
        subject=inquiry.subject, started_at=inquiry.started_at,
        last_message_at=inquiry.last_message_at, messages=count or 0, article_url=url,
        article_link=inquiry.article_link if url else None, stage=stage, article_title=title,
        company=company,
    )


def get_inquiry(session: Session, inquiry_id: int) -> InquirySummary:
    """One inquiry, or NotFoundError."""
    row = session.execute(_query().where(Inquiry.id == inquiry_id)).first()
    if row is None:
        raise NotFoundError(f"no inquiry #{inquiry_id}")
    return _summary(row)


def list_inquiries(session: Session, limit: int | None = None) -> list[InquirySummary]:
    """Inquiries, the most recently active first."""
    query = _query().order_by(Inquiry.last_message_at.desc(), Inquiry.id.desc()).limit(limit)
    return [_summary(row) for row in session.execute(query)]
