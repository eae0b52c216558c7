"""How an import's messages join inquiries: a chat is split where it goes quiet, each part
joining the known inquiry whose time it falls in; a mail is threaded by its reply headers
either way round, else by subject with the same contact within the conversation gap."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import Enum
from typing import Protocol

from leaddesk.domain.drafts import InquiryDraft, MessageDraft
from leaddesk.domain.vocabulary import Channel

CHATS = (Channel.WHATSAPP, Channel.WECHAT)


class Threading(Enum):
    """How a draft's new messages find their inquiry."""

    CHAT = "chat"  # split where the chat goes quiet, each part joining a known inquiry
    MAIL = "mail"  # by reply headers, else by subject
    ALONE = "alone"  # an inquiry of its own (a site form, a card, a CSV row)


def threading_of(draft: InquiryDraft, first: MessageDraft) -> Threading:
    """How a draft threads, given the first (oldest) of its new messages: anything with a
    Message-ID threads as mail, even a site form sent by mail."""
    if draft.channel in CHATS:
        return Threading.CHAT
    if first.message_id is not None or draft.channel is Channel.EMAIL:
        return Threading.MAIL
    return Threading.ALONE


class Span(Protocol):
    """A known inquiry's time: its first and its last message."""

    @property
    def id(self) -> int: ...
    @property
    def started(self) -> datetime: ...
    @property
    def last(self) -> datetime: ...


def split_chat(messages: Sequence[MessageDraft], gap: timedelta) -> list[list[MessageDraft]]:
    """A chat's messages, in time order, in parts: a new part wherever the chat went quiet
    for longer than the gap."""
    parts: list[list[MessageDraft]] = []
    part: list[MessageDraft] = []
    for message in messages:
        if part and message.sent_at - part[-1].sent_at > gap:
            parts.append(part)
            part = []
        part.append(message)
    if part:
        parts.append(part)
    return parts


def chat_home(moment: datetime, known: Iterable[Span], gap: timedelta) -> int | None:
    """The inquiry a chat's part beginning at `moment` joins: the first of the contact's
    known inquiries on that channel whose time, widened by the gap on both sides, holds
    it; None for a new inquiry. (`known` is read only as far as needed.)"""
    for span in known:
        if span.started - gap <= moment <= span.last + gap:
            return span.id
    return None


class StoredMail(Protocol):
    """What mail threading asks of the mails stored so far (and those being stored)."""

    def inquiry_with(self, message_id: str) -> int | None:
        """The inquiry of the mail with this Message-ID."""

    def inquiry_answering(self, message_id: str) -> int | None:
        """The inquiry of a mail that replies to the mail with this Message-ID."""

    def inquiry_about(self, contact_id: int, channel: Channel, thread_key: str,
                      since: datetime) -> int | None:
        """An inquiry of this contact on this channel with this subject, active since then."""

    def last_message_at(self, inquiry_id: int) -> datetime:
        """When the inquiry's latest message was sent."""


def mail_home(draft: InquiryDraft, contact_id: int, stored: StoredMail, gap: timedelta) -> int | None:
    """The inquiry a mail joins: the one holding a mail it refers to, else the one holding
    a reply to it (a reply may come before the mail it answers), else one with the same
    contact and subject whose last message is within the gap; None for a new inquiry."""
    message = draft.messages[0]
    for ref in message.references:
        found = stored.inquiry_with(ref)
        if found is not None:
            return found
    if message.message_id:
        found = stored.inquiry_answering(message.message_id)
        if found is not None:
            return found
    if not draft.thread_key:
        return None
    found = stored.inquiry_about(contact_id, draft.channel, draft.thread_key, message.sent_at - gap)
    if found is not None and stored.last_message_at(found) < message.sent_at - gap:
        return None
    return found
