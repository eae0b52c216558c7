"""Writing one file's drafts: the caches that find each contact and inquiry once per
file, and the rows, written a chunk at a time with Core in bulk, so a 100,000-message
export stays quick and takes the memory of one chunk. What joins what is decided
elsewhere: chats and mails in domain.threading, a mail's side in domain.direction, typed
identities in domain.offered."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Column, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from leaddesk.db.bulk import bulk_insert
from leaddesk.db.models import Attachment, Contact, Identity, Inquiry, Message
from leaddesk.db.search_index import index_batch
from leaddesk.domain.direction import mail_side
from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft
from leaddesk.domain.offered import sort_offer, typed_buyer
from leaddesk.domain.threading import CHATS, Threading, chat_home, mail_home, split_chat, threading_of
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import Channel, Direction, IdentityKind
from leaddesk.importers.base import ImportOptions, chunk_full
from leaddesk.services.attachments import Blobs
from leaddesk.services.contacts import (
    add_identities,
    bring_back,
    draft_identities,
    holders_of,
    match_contact,
    note_duplicate,
    note_uses,
    owners_of,
    shared_identity,
)
from leaddesk.services.originals import Keeper

CHUNK = 5000
MESSAGES = cast(Table, Message.__table__)  # Core tables: bulk rows without ORM objects
INQUIRIES = cast(Table, Inquiry.__table__)
ATTACHMENTS = cast(Table, Attachment.__table__)
_NEW_MESSAGE = insert(MESSAGES).returning(MESSAGES.c.id)


@dataclass
class Counts:
    """Running totals for one file."""

    created: int = 0
    matched: int = 0
    inquiries: int = 0
    messages: int = 0
    skipped: int = 0
    identities: int = 0
    filled: int = 0  # fields of contacts that were there, filled (a revert puts them back)
    seen: set[int] = field(default_factory=set)

    def saw_contact(self, contact_id: int, created: bool) -> None:
        """Count a contact once per file, as created or matched."""
        if contact_id in self.seen:
            return
        self.seen.add(contact_id)
        if created:
            self.created += 1
        else:
            self.matched += 1


def stored_homes(session: Session, column: Column[str | None], values: Sequence[str]) -> dict[str, int]:
    """The inquiry of each stored message whose `column` (fingerprint, Message-ID or
    In-Reply-To) is one of these values."""
    homes: dict[str, int] = {}
    for start in range(0, len(values), CHUNK):
        rows = session.execute(select(column, MESSAGES.c.inquiry_id).where(
            column.in_(list(values[start:start + CHUNK]))))
        homes.update((value, inquiry_id) for value, inquiry_id in rows if value is not None)
    return homes


# Statements a mail archive runs once per mail or per inquiry, built once
_SAME_SUBJECT = select(INQUIRIES.c.id).where(
    INQUIRIES.c.contact_id == bindparam("contact"), INQUIRIES.c.channel == bindparam("channel"),
    INQUIRIES.c.thread_key == bindparam("subject"),
    INQUIRIES.c.last_message_at >= bindparam("since")).limit(1)
_THREAD = select(INQUIRIES.c.started_at, INQUIRIES.c.last_message_at, INQUIRIES.c.channel).where(
    INQUIRIES.c.id == bindparam("key"))
_NEW_INQUIRY = insert(INQUIRIES).returning(INQUIRIES.c.id)


@dataclass
class _Thread:
    id: int
    started: datetime
    last: datetime
    channel: str
    changed: bool = False


def _key(contact: ContactDraft) -> tuple[Any, ...]:
    return (contact.name, contact.company, contact.country, tuple(contact.phones),
            tuple(contact.emails), tuple(contact.wechat_ids))


@dataclass
class ContactMemory:
    """The contacts one account's sync resolved, by buyer, across its batches, with the
    identity rows that recognise each: a later batch finds them as a file's later drafts
    do, and records its own use of those identities (what a revert of the batch that
    created them relies on). Only a committed batch's contacts are remembered (`settle`);
    each batch first forgets those merged, deleted or erased since, or whose identities
    moved (another process)."""

    known: dict[tuple[Any, ...], tuple[int, tuple[int, ...]]] = field(default_factory=dict)
    pending: dict[tuple[Any, ...], tuple[int, tuple[int, ...]]] = field(default_factory=dict)

    def begin(self, session: Session) -> None:
        """A batch starts: nothing of an unfinished one, nothing no longer live."""
        self.pending.clear()
        if not self.known:
            return
        contacts = sorted({contact for contact, _ in self.known.values()})
        identities = sorted({row for _, rows in self.known.values() for row in rows})
        live: set[int] = set()
        held: dict[int, int] = {}
        for start in range(0, len(contacts), CHUNK):
            live.update(session.scalars(select(Contact.id).where(
                Contact.id.in_(contacts[start:start + CHUNK]), Contact.merged_into_id.is_(None),
                Contact.deleted_at.is_(None), Contact.erased_at.is_(None))))
        for start in range(0, len(identities), CHUNK):
            held.update(session.execute(select(Identity.id, Identity.contact_id).where(
                Identity.id.in_(identities[start:start + CHUNK]))).all())
        self.known = {key: (contact, rows) for key, (contact, rows) in self.known.items()
                      if contact in live and all(held.get(row) == contact for row in rows)}

    def settle(self) -> None:
        """The batch committed: what it resolved is remembered."""
        self.known.update(self.pending)
        self.pending.clear()


class FileStore:
    """The caches and pending rows of one file's import, in the caller's transaction."""

    def __init__(self, session: Session, *, batch_id: int, options: ImportOptions, actor: str,
                 gap: timedelta, keeper: Keeper, blobs: Blobs | None = None,
                 memory: ContactMemory | None = None) -> None:
        self.session, self.batch_id, self.options, self.keeper = session, batch_id, options, keeper
        self.memory = memory  # contacts earlier batches of a sync resolved
        self._resolved: dict[tuple[Any, ...], tuple[int, ContactDraft]] = {}
        self._uses: set[int] = set()  # identities remembered contacts were recognised by
        self.blobs = blobs  # where attachments' bytes go (None: they are only named)
        self.actor, self.gap = actor, gap
        self.counts = Counts()
        self._stored: set[str] = set()
        self._contacts: dict[tuple[Any, ...], int] = {}
        self._earlier: dict[tuple[Any, ...], str] = {}  # a stored message of each chat
        self._threads: dict[int, _Thread] = {}
        self._by_contact: dict[tuple[int, str], list[int]] = {}
        self._by_message_id: dict[str, int] = {}
        self._by_reply: dict[str, int] = {}
        self._by_subject: dict[tuple[int, str], int] = {}
        self._emails: dict[str, bool] = {}  # whether an address belongs to a contact
        self._rows: list[dict[str, Any]] = []
        self._attached: dict[int, list[dict[str, Any]]] = {}  # a row's attachments, by its index
        self._pending: list[InquiryDraft] = []
        self._pending_messages = self._pending_chars = 0
        self._indexed = 0  # the highest message id in the search index
        self._now = utc_now()
        self.touched: set[int] = set()  # inquiries this file added to, for article linking
        self._sources: dict[int, str] = {}  # pages that joined inquiries were sent from

    def store(self, draft: InquiryDraft) -> None:
        """Take one draft; what is new of the drafts taken is written a chunk at a time."""
        self._pending.append(draft)
        self._pending_messages += len(draft.messages)
        self._pending_chars += sum(len(m.body) + len(m.original) for m in draft.messages)
        # a mail's attachments are in memory until stored: they count as its text does
        self._pending_chars += sum(f.size for m in draft.messages for f in m.files)
        if chunk_full(self._pending_messages, self._pending_chars):
            self._flush()

    def finish(self) -> Counts:
        """Write what is still pending."""
        self._flush()
        note_uses(self.session, self._uses, self.batch_id)
        if self.memory is not None:
            self._remember()
        return self.counts

    def _remember(self) -> None:
        """Hand the contacts this batch resolved to the sync's memory, each with the
        identity rows a later batch's `match_contact` would note as used (one query)."""
        assert self.memory is not None
        found = {key: draft_identities(contact, self.options.default_region)
                 for key, (_, contact) in self._resolved.items()}
        holders = holders_of(self.session, [i for identities in found.values() for i in identities])
        for key, (contact_id, _) in self._resolved.items():
            rows = {holders[i.key][1] for i in found[key]
                    if i.key in holders and holders[i.key][0] == contact_id}
            self.memory.pending[key] = (contact_id, tuple(sorted(rows)))

    def _flush(self) -> None:
        """Store the pending drafts: the ones already stored are looked up once for all
        of them; the rows, their index entries and the inquiries' new times are written,
        so that the next drafts find them in the database, not in memory."""
        drafts, self._pending = self._pending, []
        self._pending_messages = self._pending_chars = 0
        self._stored = set(stored_homes(self.session, MESSAGES.c.fingerprint,
                                        [m.fingerprint for d in drafts for m in d.messages if m.fingerprint]))
        mail = [m for d in drafts if d.channel not in CHATS for m in d.messages]
        self._by_message_id = stored_homes(self.session, MESSAGES.c.message_id,
                                           [ref for m in mail for ref in m.references])
        self._by_reply = stored_homes(self.session, MESSAGES.c.in_reply_to,
                                      [m.message_id for m in mail if m.message_id])
        for draft in drafts:
            self._queue(draft)
        self._write()

    def _queue(self, draft: InquiryDraft) -> None:
        """Queue what is new of one draft."""
        fresh = self._fresh(draft)
        if not fresh:
            return
        if draft.channel is Channel.EMAIL:
            side = mail_side(draft.messages[0], draft.contact, self.options.own.emails,
                             self._known_emails)
            if side.ours:
                draft.messages[0].direction = Direction.OUT
            draft.contact = side.buyer
        contact_id = self._contact(draft)
        fresh.sort(key=lambda m: m.sent_at)
        threading = threading_of(draft, fresh[0])
        if threading is Threading.CHAT:
            self._chat(draft, contact_id, fresh)
        elif threading is Threading.MAIL:
            self._add(draft, contact_id, mail_home(draft, contact_id, self, self.gap), fresh)
        else:
            self._add(draft, contact_id, None, fresh)

    def _write(self) -> None:
        connection = self.session.connection()
        if self._rows:
            plain = [row for index, row in enumerate(self._rows) if index not in self._attached]
            bulk_insert(connection, MESSAGES, plain)
            files: list[dict[str, Any]] = []
            for index, attached in self._attached.items():  # the few with files: each its id
                message_id = connection.execute(_NEW_MESSAGE, self._rows[index]).scalar_one()
                files += [dict(row, message_id=message_id) for row in attached]
            if files:
                connection.execute(insert(ATTACHMENTS), files)
            self._indexed = index_batch(connection, self.batch_id, after=self._indexed)
        changed = [{"key": t.id, "started": t.started, "last": t.last, "channel": t.channel}
                   for t in self._threads.values() if t.changed]
        if changed:
            connection.execute(
                update(INQUIRIES).where(INQUIRIES.c.id == bindparam("key")).values(
                    started_at=bindparam("started"), last_message_at=bindparam("last"),
                    channel=bindparam("channel"), version=INQUIRIES.c.version + 1),
                changed)
        if self._sources:
            connection.execute(
                update(INQUIRIES).where(INQUIRIES.c.id == bindparam("key"),
                                        INQUIRIES.c.source_url.is_(None))
                .values(source_url=bindparam("url")),
                [{"key": key, "url": url} for key, url in self._sources.items()])
        self.counts.messages += len(self._rows)
        self._rows, self._stored, self._sources, self._attached = [], set(), {}, {}
        self._threads.clear()  # read again from the database when needed
        self._by_subject.clear()

    def _fresh(self, draft: InquiryDraft) -> list[MessageDraft]:
        fresh, stored = [], None
        for message in draft.messages:
            key = message.fingerprint
            if key and key in self._stored:
                stored = key
                continue
            if key:
                self._stored.add(key)
            fresh.append(message)
        self.counts.skipped += len(draft.messages) - len(fresh)
        if stored is not None and draft.channel in CHATS:  # the chat is known: remember where
            self._earlier.setdefault(_key(draft.contact), stored)
        return fresh

    def _contact(self, draft: InquiryDraft) -> int:
        contact = typed_buyer(draft)
        key = _key(contact)
        if key in self._contacts:
            return self._contacts[key]
        earlier = self._earlier.get(_key(draft.contact))
        if earlier is not None:  # a longer export of a stored chat: its buyer, even one known by name only
            found = self.session.scalar(select(Inquiry.contact_id).join(
                Message, Message.inquiry_id == Inquiry.id).where(Message.fingerprint == earlier))
            if found is not None:
                bring_back(self.session, found, actor=self.actor, batch_id=self.batch_id)
                self._contacts[key] = found
                self.counts.saw_contact(found, False)
                self._offer(found, draft.offered)
                return found
        remembered = self.memory.known.get(key) if self.memory is not None else None
        if remembered is not None:  # resolved by an earlier batch of this sync
            contact_id, rows = remembered
            self._contacts[key] = contact_id
            self.counts.saw_contact(contact_id, False)
            self._uses.update(rows)  # recorded for this batch, as match_contact would
            return contact_id
        match = match_contact(self.session, contact, actor=self.actor,
                              default_region=self.options.default_region, batch_id=self.batch_id)
        self._contacts[key] = match.contact_id
        self._resolved[key] = (match.contact_id, contact)
        self.counts.saw_contact(match.contact_id, match.created)
        if contact.likely_spam and match.created:
            self.session.get_one(Contact, match.contact_id).likely_spam = True
        self._offer(match.contact_id, draft.offered)
        return match.contact_id

    def _offer(self, contact_id: int, offered: ContactDraft | None) -> None:
        """Write what comes of the identities the buyer typed (domain.offered). Called once
        a contact has been found or made: addresses unknown until now may be known from
        here on."""
        self._emails = {address: True for address, known in self._emails.items() if known}
        if offered is None:
            return
        found = draft_identities(offered, self.options.default_region)
        owners = owners_of(self.session, found)
        offer = sort_offer(found, owners, contact_id)
        add_identities(self.session, contact_id, offer.new, self.batch_id)
        self._emails.update((i.value, True) for i in found if i.kind is IdentityKind.EMAIL)
        for other in offer.elsewhere:
            note_duplicate(self.session, contact_id, other, shared_identity(owners, other).stored())

    def _known_emails(self, addresses: list[str]) -> list[str]:
        """Which of these addresses belong to a contact, each looked up once per file
        (an address unknown so far is asked again once this file has added contacts)."""
        missing = [a for a in addresses if a not in self._emails]
        if missing:
            found = set(self.session.scalars(select(Identity.value).where(
                Identity.kind == "email", Identity.value.in_(missing))))
            self._emails.update((a, a in found) for a in missing)
        return [a for a in addresses if self._emails[a]]

    # What mail threading asks (domain.threading.StoredMail): this file's mails first,
    # then those stored before.
    def inquiry_with(self, message_id: str) -> int | None:
        """The inquiry of the mail with this Message-ID."""
        return self._by_message_id.get(message_id)

    def inquiry_answering(self, message_id: str) -> int | None:
        """The inquiry of a mail replying to the mail with this Message-ID."""
        return self._by_reply.get(message_id)

    def inquiry_about(self, contact_id: int, channel: Channel, thread_key: str,
                      since: datetime) -> int | None:
        """The inquiry this file last gave this contact and subject, else a stored one of
        that channel active since then."""
        key = (contact_id, thread_key)
        if key in self._by_subject:
            return self._by_subject[key]
        return self.session.scalar(_SAME_SUBJECT, {
            "contact": contact_id, "channel": channel.value, "subject": thread_key, "since": since})

    def last_message_at(self, inquiry_id: int) -> datetime:
        """When the inquiry's latest message was sent (this file's included)."""
        return self._load(inquiry_id).last

    def _chat(self, draft: InquiryDraft, contact_id: int, messages: list[MessageDraft]) -> None:
        """Write a chat's parts (domain.threading.split_chat), each to the known inquiry it
        joins or to a new one."""
        key = (contact_id, draft.channel.value)
        if key not in self._by_contact:
            self._by_contact[key] = list(self.session.scalars(select(Inquiry.id).where(
                Inquiry.contact_id == contact_id, Inquiry.channel == draft.channel.value)))
        for part in split_chat(messages, self.gap):
            home = chat_home(part[0].sent_at, (self._load(i) for i in self._by_contact[key]), self.gap)
            self._add(draft, contact_id, home, part)

    def _load(self, inquiry_id: int) -> _Thread:
        if inquiry_id not in self._threads:
            row = self.session.execute(_THREAD, {"key": inquiry_id}).one()
            self._threads[inquiry_id] = _Thread(inquiry_id, row[0], row[1], row[2])
        return self._threads[inquiry_id]

    def _add(self, draft: InquiryDraft, contact_id: int, inquiry_id: int | None,
             messages: list[MessageDraft]) -> None:
        first, last = messages[0].sent_at, messages[-1].sent_at
        if inquiry_id is None:
            inquiry_id = self.session.execute(_NEW_INQUIRY, dict(
                contact_id=contact_id, channel=draft.channel.value, subject=draft.subject[:500],
                thread_key=draft.thread_key, started_at=first, last_message_at=last,
                import_batch_id=self.batch_id, version=1,
                source_url=draft.page_url[:2000] if draft.page_url else None,
            )).scalar_one()
            self._threads[inquiry_id] = _Thread(inquiry_id, first, last, draft.channel.value)
            self._by_contact.setdefault((contact_id, draft.channel.value), []).append(inquiry_id)
            self.counts.inquiries += 1
        else:
            if draft.page_url:
                self._sources.setdefault(inquiry_id, draft.page_url[:2000])
            thread = self._load(inquiry_id)
            if first < thread.started:  # the conversation began here: its channel is this one
                thread.channel, thread.started = draft.channel.value, first
            thread.last = max(thread.last, last)
            thread.changed = True
        self.touched.add(inquiry_id)
        if draft.thread_key:
            self._by_subject[(contact_id, draft.thread_key)] = inquiry_id
        for m in messages:
            if m.message_id:
                self._by_message_id[m.message_id] = inquiry_id
            if m.references:
                self._by_reply[m.references[-1]] = inquiry_id
            self._rows.append({
                "inquiry_id": inquiry_id, "direction": m.direction.value, "sent_at": m.sent_at,
                "author": m.author[:200], "subject": m.subject[:500], "body": m.body,
                "original": m.original, "attachment": m.attachment[:500] if m.attachment else None,
                "fingerprint": m.fingerprint, "import_batch_id": self.batch_id,
                "message_id": m.message_id,
                "in_reply_to": m.references[-1] if m.references else None,
                "created_at": self._now,
                "original_file": self.keeper.keep(m.overflow) if m.overflow else None,
            })
            if m.files:
                self._attached[len(self._rows) - 1] = self._files(m)

    def _files(self, message: MessageDraft) -> list[dict[str, Any]]:
        """A message's attachments as rows, their bytes kept (while the caps allow)."""
        rows = []
        for draft in message.files:
            kept = self.blobs.keep(draft) if self.blobs is not None else None
            rows.append({"name": draft.name[:255], "size": draft.size,
                         "sha256": kept.sha256 if kept else None,
                         "media_type": draft.media_type[:100], "import_batch_id": self.batch_id})
        return rows
