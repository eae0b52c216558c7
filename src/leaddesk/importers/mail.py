"""Email: one .eml (any charset, MIME, HTML-only) as a message of an inquiry."""

import email
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header
from email.message import Message
from email.utils import getaddresses, parsedate_to_datetime

from leaddesk.domain.identities import clean_text
from leaddesk.importers.html_text import html_to_text
from leaddesk.importers.sources import charset_alias, decode

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|回复|答复|转发)\s*(?:\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE
)
_ROBOT = re.compile(r"no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?@|wordpress@",
                    re.IGNORECASE)
_MSGID = re.compile(r"<[^<>\s]+>")


@dataclass
class Mail:
    """What LeadDesk needs of one email."""

    subject: str
    sent_at: datetime | None
    sender: tuple[str, str]
    recipients: list[tuple[str, str]]
    reply_to: tuple[str, str] | None
    message_id: str | None
    references: list[str]
    text: str
    html: str | None
    attachments: list[str] = field(default_factory=list)

    @property
    def thread_subject(self) -> str:
        """The subject without Re:/Fwd:/回复: prefixes, for threading by subject."""
        return _SUBJECT_PREFIX.sub("", self.subject).strip().casefold()

    @property
    def from_robot(self) -> bool:
        """Sent by a form, a list or a no-reply address on someone's behalf."""
        name, address = self.sender
        return bool(_ROBOT.search(address)) or " via " in name


def header_text(value: object) -> str:
    """A header as text: encoded words decoded, GB labels read as GB18030, 8-bit detected."""
    if value is None:
        return ""
    raw = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in raw):  # 8-bit bytes with no label
        return clean_text(decode(raw.encode("utf-8", "surrogateescape"), "header"))
    try:  # a Header object keeps 8-bit bytes (charset unknown-8bit) for decode() to read
        pieces = decode_header(value if isinstance(value, email.header.Header) else raw)
    except (ValueError, LookupError, AssertionError):
        return clean_text(raw)
    text = []
    for piece, charset in pieces:
        if isinstance(piece, bytes):
            label = None if charset in (None, "unknown-8bit") else charset
            text.append(decode(piece, "header", label) if piece else "")
        else:
            text.append(piece)
    return clean_text("".join(text))


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    values = [header_text(v) for v in message.get_all(name, [])]  # names decoded first
    try:
        pairs = getaddresses(values)
    except (ValueError, IndexError):
        return []
    return [(clean_text(n), a.strip().lower()) for n, a in pairs if "@" in a]


def _date(message: Message) -> datetime | None:
    candidates = [message.get("Date")] + [r.rsplit(";", 1)[-1] for r in message.get_all("Received", [])]
    for value in candidates:
        if not value:
            continue
        try:
            moment = parsedate_to_datetime(str(value).strip())
        except (TypeError, ValueError, IndexError):
            continue
        if moment is not None:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def _body(message: Message) -> tuple[str, str | None, list[str]]:
    plain: list[str] = []
    html: list[str] = []
    attachments: list[str] = []
    for part in message.walk() if message.is_multipart() else [message]:
        if part.is_multipart():
            continue
        try:
            filename = part.get_filename()
        except (ValueError, LookupError, AttributeError, TypeError):
            filename = "attachment"
        disposition = str(part.get("Content-Disposition") or "").lower()
        kind = part.get_content_type()
        if filename or "attachment" in disposition or not kind.startswith("text/"):
            if filename or "attachment" in disposition:
                attachments.append(header_text(filename) or kind)
            continue
        try:
            payload = part.get_payload(decode=True)
        except (ValueError, AssertionError):
            payload = None
        if not isinstance(payload, bytes):
            payload = str(part.get_payload()).encode("utf-8", "replace")
        try:
            charset = charset_alias(part.get_content_charset()) or None
        except (ValueError, LookupError, AttributeError):
            charset = None
        try:
            text = decode(payload, "body", charset) if payload.strip() else ""
        except ValueError:
            text = payload.decode("latin-1")
        (html if kind == "text/html" else plain).append(text)
    joined_html = "\n".join(html) if html else None
    text = "\n".join(plain).strip() or (html_to_text(joined_html) if joined_html else "")
    return text, joined_html, attachments


def parse_mail(data: bytes) -> Mail:
    """One message's fields; never raises on malformed headers or bodies."""
    message = email.message_from_bytes(data)
    senders = _addresses(message, "From") or _addresses(message, "Sender") or [("", "")]
    reply_to = _addresses(message, "Reply-To")
    recipients = _addresses(message, "To") + _addresses(message, "Cc")
    message_ids = _MSGID.findall(str(message.get("Message-ID") or ""))
    references = _MSGID.findall(" ".join(str(v) for v in message.get_all("References", []))) + \
        _MSGID.findall(" ".join(str(v) for v in message.get_all("In-Reply-To", [])))
    text, html, attachments = _body(message)
    return Mail(
        subject=header_text(message.get("Subject")), sent_at=_date(message), sender=senders[0],
        recipients=recipients, reply_to=reply_to[0] if reply_to else None,
        message_id=message_ids[0] if message_ids else None,
        references=list(dict.fromkeys(references)), text=text, html=html,
        attachments=attachments,
    )
