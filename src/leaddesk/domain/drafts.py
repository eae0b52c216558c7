"""Drafts: what an importer or a form says about a contact or an inquiry, before storing."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

from leaddesk.domain.vocabulary import Channel, Direction


@dataclass(frozen=True)
class Overflow:
    """A value too long to store whole: the spill file holding all of it (UTF-8), its
    SHA-256 and its length in characters. The stored text is its beginning."""

    path: Path
    sha256: str
    length: int
    suffix: str = ".txt"  # what the kept file is: text (UTF-8), or a whole mail (.eml)


@dataclass(frozen=True)
class AttachmentDraft:
    """A file that came with a message: its (safe) name, its size and media type, and how
    to read its bytes, opened only when it is stored, so a big zip is never held whole."""

    name: str
    size: int
    media_type: str
    opener: Callable[[], IO[bytes]]


@dataclass
class ContactDraft:
    """A buyer as a source describes them; identities as written, not yet normalised."""

    name: str = ""
    company: str = ""
    country: str = ""
    language: str = ""
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    wechat_ids: list[str] = field(default_factory=list)
    notes: str = ""
    likely_spam: bool = False
    overflow: Overflow | None = None  # the whole card, when a field of it was cut


@dataclass
class MessageDraft:
    """One message as the source gave it."""

    sent_at: datetime
    direction: Direction
    body: str
    author: str = ""
    subject: str = ""
    original: str = ""
    attachment: str | None = None
    fingerprint: str | None = None
    message_id: str | None = None
    references: list[str] = field(default_factory=list)
    line: int | None = None
    sender: str | None = None  # email: the From address
    recipients: list[str] = field(default_factory=list)  # email: To and Cc addresses
    overflow: Overflow | None = None  # the whole original, when body or original was cut
    files: list[AttachmentDraft] = field(default_factory=list)  # the attachments' bytes


@dataclass
class InquiryDraft:
    """One conversation on one channel with its messages."""

    channel: Channel
    contact: ContactDraft
    messages: list[MessageDraft] = field(default_factory=list)
    subject: str = ""
    thread_key: str | None = None
    article_id: int | None = None
    page_url: str | None = None
    offered: ContactDraft | None = None  # identities the buyer typed into a message
