"""Storing one inquiry draft: its contact, the messages not yet stored, and the
inquiries they belong to (chats split where they go quiet, mail threaded by reply)."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Identity, Inquiry, Message
from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft
from leaddesk.domain.identities import normalize_email
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.base import ImportOptions
from leaddesk.services.contacts import (
    add_identities,
    draft_identities,
    match_contact,
    note_duplicate,
    owners_of,
)

CHUNK = 5000
CHATS = (Channel.WHATSAPP, Channel.WECHAT)


@dataclass
class Counts:
    """Running totals for one file."""

    created: int = 0
    matched: int = 0
    inquiries: int = 0
    messages: int = 0
    skipped: int = 0
    identities: int = 0
    last_contact: int = 0
    last_created: bool = False
    seen: set[int] = field(default_factory=set)

    def saw_contact(self, contact_id: int, created: bool) -> None:
        """Count a contact once per file, as created or matched."""
        self.last_contact, self.last_created = contact_id, created
        if contact_id in self.seen:
            return
        self.seen.add(contact_id)
        if created:
            self.created += 1
        else:
            self.matched += 1


def stored_fingerprints(session: Session, fingerprints: Sequence[str]) -> set[str]:
    """Which of these message fingerprints the database already holds."""
    found: set[str] = set()
    for start in range(0, len(fingerprints), CHUNK):
        chunk = fingerprints[start:start + CHUNK]
        found.update(session.scalars(select(Message.fingerprint).where(Message.fingerprint.in_(chunk)))
                     .all())  # type: ignore[arg-type]
    return found


def _new_messages(session: Session, messages: list[MessageDraft], counts: Counts) -> list[MessageDraft]:
    keys = [m.fingerprint for m in messages if m.fingerprint]
    stored = stored_fingerprints(session, keys)
    fresh, seen = [], set()
    for message in messages:
        key = message.fingerprint
        if key and (key in stored or key in seen):
            counts.skipped += 1
            continue
        if key:
            seen.add(key)
        fresh.append(message)
    return fresh


def _offer(session: Session, contact_id: int, offered: ContactDraft | None,
           default_region: str, batch_id: int) -> None:
    """Identities the buyer typed: added when no one holds them, else a likely duplicate."""
    if offered is None:
        return
    found = draft_identities(offered, default_region)
    owners = owners_of(session, found)
    add_identities(session, contact_id, [i for i in found if i.key not in owners], batch_id)
    for other in {owner for owner in owners.values() if owner != contact_id}:
        note_duplicate(session, contact_id, other, "an identity the buyer typed in a message")


def _email_side(session: Session, draft: InquiryDraft, options: ImportOptions) -> None:
    """Decide who the buyer of a mail is and whether the mail is ours."""
    message = draft.messages[0]
    sender = (message.sender or "").lower()
    ours = sender in options.own.emails
    if not ours and message.recipients:
        keys = [("email", normalize_email(r).value) for r in message.recipients]
        sender_known = session.scalar(
            select(Identity.contact_id).where(Identity.kind == "email", Identity.value == sender))
        known = session.execute(select(Identity.value).where(
            Identity.kind == "email", Identity.value.in_([v for _, v in keys]))).scalars().all()
        ours = sender_known is None and bool(known) and draft.contact.emails == [sender]
        if ours:
            draft.contact = ContactDraft(emails=[known[0]])
    if ours:
        message.direction = Direction.OUT
        if draft.contact.emails == [sender]:
            others = [r for r in message.recipients if r not in options.own.emails]
            draft.contact = ContactDraft(emails=others[:1])


def _thread(session: Session, draft: InquiryDraft, contact_id: int, gap: timedelta) -> int | None:
    """The inquiry a mail belongs to: by reply headers (either way round: a reply may be
    imported before the mail it answers), else by subject with the same contact."""
    message = draft.messages[0]
    if message.references:
        found = session.scalar(select(Message.inquiry_id).where(
            Message.message_id.in_(message.references)).limit(1))
        if found is not None:
            return found
    if message.message_id:
        found = session.scalar(select(Message.inquiry_id).where(
            Message.in_reply_to == message.message_id).limit(1))
        if found is not None:
            return found
    if draft.thread_key:
        candidates = session.scalars(select(Inquiry).where(
            Inquiry.contact_id == contact_id, Inquiry.channel == draft.channel.value,
            Inquiry.last_message_at >= message.sent_at - gap))
        for inquiry in candidates:
            if inquiry.thread_key == draft.thread_key:
                return inquiry.id
    return None


def store_inquiry(session: Session, draft: InquiryDraft, counts: Counts, *, batch_id: int,
                  options: ImportOptions, actor: str, gap: timedelta) -> None:
    """Store what is new of one draft."""
    fresh = _new_messages(session, draft.messages, counts)
    if not fresh:
        return
    mail = draft.channel is Channel.EMAIL or draft.messages[0].message_id is not None
    if draft.channel is Channel.EMAIL:
        _email_side(session, draft, options)
    contact = draft.contact
    if draft.offered and not (contact.phones or contact.emails or contact.wechat_ids):
        # Known only by a name: what they typed ("my number is ...") is who they are.
        contact = ContactDraft(name=contact.name, company=contact.company, country=contact.country,
                               phones=draft.offered.phones, emails=draft.offered.emails,
                               wechat_ids=draft.offered.wechat_ids, likely_spam=contact.likely_spam)
    match = match_contact(session, contact, actor=actor,
                          default_region=options.default_region, batch_id=batch_id)
    counts.saw_contact(match.contact_id, match.created)
    _offer(session, match.contact_id, draft.offered, options.default_region, batch_id)
    fresh.sort(key=lambda m: m.sent_at)
    if mail:
        inquiry_id = _thread(session, draft, match.contact_id, gap)
        groups = [(inquiry_id, fresh)]
    elif draft.channel in CHATS:
        groups = _conversations(session, match.contact_id, draft.channel, fresh, gap)
    else:
        groups = [(None, fresh)]
    for inquiry_id, messages in groups:
        _write(session, draft, match.contact_id, inquiry_id, messages, batch_id, counts)


Groups = list[tuple[int | None, list[MessageDraft]]]


def _conversations(session: Session, contact_id: int, channel: Channel,
                   messages: list[MessageDraft], gap: timedelta) -> Groups:
    """Split a chat where it goes quiet for longer than `gap`, joining existing inquiries."""
    existing = list(session.execute(select(Inquiry.id, Inquiry.started_at, Inquiry.last_message_at)
                                    .where(Inquiry.contact_id == contact_id,
                                           Inquiry.channel == channel.value)))
    groups: Groups = []
    last: datetime | None = None
    for message in messages:
        if last is None or message.sent_at - last > gap:
            home = next((row.id for row in existing
                         if row.started_at - gap <= message.sent_at <= row.last_message_at + gap), None)
            groups.append((home, []))
        groups[-1][1].append(message)
        last = message.sent_at
    return groups


def _write(session: Session, draft: InquiryDraft, contact_id: int, inquiry_id: int | None,
           messages: list[MessageDraft], batch_id: int, counts: Counts) -> None:
    first, last = messages[0].sent_at, messages[-1].sent_at
    if inquiry_id is None:
        inquiry = Inquiry(contact_id=contact_id, channel=draft.channel.value,
                          subject=draft.subject[:500], thread_key=draft.thread_key,
                          started_at=first, last_message_at=last, import_batch_id=batch_id)
        session.add(inquiry)
        session.flush()
        counts.inquiries += 1
    else:
        inquiry = session.get_one(Inquiry, inquiry_id)
        if first < inquiry.started_at:  # the conversation began here: its channel is this one
            inquiry.channel = draft.channel.value
        inquiry.started_at = min(inquiry.started_at, first)
        inquiry.last_message_at = max(inquiry.last_message_at, last)
    rows = [{
        "inquiry_id": inquiry.id, "direction": m.direction.value, "sent_at": m.sent_at,
        "author": m.author[:200], "subject": m.subject[:500], "body": m.body,
        "original": m.original, "attachment": (m.attachment or None) and m.attachment[:500],
        "fingerprint": m.fingerprint, "import_batch_id": batch_id,
        "message_id": m.message_id, "in_reply_to": m.references[-1] if m.references else None,
    } for m in messages]
    for start in range(0, len(rows), CHUNK):
        session.execute(insert(Message), rows[start:start + CHUNK])
    counts.messages += len(rows)
    session.flush()
