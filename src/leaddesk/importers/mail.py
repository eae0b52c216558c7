"""Email: one .eml (any charset, MIME, HTML-only) as a message of an inquiry."""

import email
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from email.utils import parsedate_to_datetime

from leaddesk.domain.drafts import AttachmentDraft, Overflow
from leaddesk.importers.base import ImportFileError
from leaddesk.importers.html_text import html_to_text
from leaddesk.importers.mail_addresses import mailboxes
from leaddesk.importers.mail_headers import header_text
from leaddesk.importers.sources import charset_alias, decode

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|回复|答复|转发)\s*(?:\[\d+\])?\s*[:：]\s*)+", re.IGNORECASE
)
_ROBOT = re.compile(r"no-?reply|do-?not-?reply|mailer-daemon|postmaster|notifications?@|wordpress@",
                    re.IGNORECASE)
_MSGID = re.compile(r"<[!-;=?-~]+>")  # printable ASCII but < and >


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
    overflow: Overflow | None = None  # the whole mail as it came, when its text was cut
    files: list[AttachmentDraft] = field(default_factory=list)  # the attached parts' bytes

    @property
    def thread_subject(self) -> str:
        """The subject without Re:/Fwd:/回复: prefixes, for threading by subject."""
        return _SUBJECT_PREFIX.sub("", self.subject).strip().casefold()

    @property
    def from_robot(self) -> bool:
        """Sent by a form, a list or a no-reply address on someone's behalf."""
        name, address = self.sender
        return bool(_ROBOT.search(address)) or " via " in name


MAX_DEPTH = 100  # MIME parts inside parts: no real mail nests deeper than a few levels
MAX_MESSAGE_ID = 500  # characters, as the messages table keeps them
_ADDRESS_HEADERS = 20  # headers of one name read for addresses (one From is the rule)
_REFERENCES = 100  # the newest ancestors a reply names are enough to thread it
_EARLIEST, _LATEST = 1900, 2999  # a Date outside these years is no mail's
_SURROGATES = re.compile("[\ud800-\udfff]")


class UnreadableMail(Exception):
    """A mail that cannot be taken apart; the importer names the file and the line."""


def _addresses(headers: dict[str, list[str]], name: str, hint: str | None) -> list[tuple[str, str]]:
    """The mailboxes of one address header, from its parsed structure (see `mailboxes`)."""
    found: list[tuple[str, str]] = []
    for raw in headers.get(name, [])[:_ADDRESS_HEADERS]:
        found += mailboxes(raw, hint)
    return found


def _date(headers: dict[str, list[str]]) -> datetime | None:
    """The Date header, else the newest Received header's time; read from the raw values
    (8-bit bytes in a Received header made the email package hand over a Header object)."""
    candidates = headers.get("date", [])[:1] + [r.rsplit(";", 1)[-1] for r in headers.get("received", [])]
    for value in candidates:
        if not value.strip():
            continue
        try:
            moment = parsedate_to_datetime(value.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if moment is not None and _EARLIEST <= moment.year <= _LATEST:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def _leaves(message: Message) -> Iterator[Message]:
    """The parts that are not containers, in order, walked without recursion and no deeper
    than MAX_DEPTH (the email package's own walk recurses once per level)."""
    stack: list[tuple[Message, int]] = [(message, 0)]
    while stack:
        part, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UnreadableMail(f"MIME parts nested more than {MAX_DEPTH} levels deep")
        if part.is_multipart():  # its payload is the list of its parts, nothing to decode
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children) if isinstance(c, Message))
        else:
            yield part


def _storable(text: str) -> str:
    """Text a database keeps: no NUL (PostgreSQL refuses it), no lone surrogates (what a
    codec such as unicode_escape, named by a mail, may give)."""
    return _SURROGATES.sub("\ufffd", text.replace("\x00", ""))


def _attached(part: Message, name: str) -> list[AttachmentDraft]:
    """A part with a file name that is not shown inline, as an attachment with its bytes."""
    from leaddesk.importers.attached import from_bytes

    if part.get_content_disposition() == "inline" or part.is_multipart():
        return []
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError, AssertionError):
        return []
    if not isinstance(payload, bytes):
        return []
    return [from_bytes(name, payload, part.get_content_type())]


def _body(message: Message, files: list[AttachmentDraft] | None = None,
          ) -> tuple[str, str | None, list[str], str | None]:
    """The text, the HTML, the attachments' names and the first charset a text part
    declares; the attached files themselves go to `files`, if given."""
    plain: list[str] = []
    html: list[str] = []
    attachments: list[str] = []
    declared: str | None = None
    for part in _leaves(message):
        try:
            filename = part.get_filename()
        except (ValueError, LookupError, AttributeError, TypeError):
            filename = "attachment"
        disposition = str(part.get("Content-Disposition") or "").lower()
        kind = part.get_content_type()
        if filename or "attachment" in disposition or not kind.startswith("text/"):
            if filename or "attachment" in disposition:
                attachments.append(header_text(filename) or kind)
                if filename and files is not None:
                    files += _attached(part, header_text(filename))
            continue
        try:  # the email package decodes with the part's charset: a label holding NUL fails
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                payload = str(part.get_payload()).encode("utf-8", "replace")
        except (ValueError, LookupError, AssertionError):
            payload = b""
        try:
            charset = charset_alias(part.get_content_charset()) or None
        except (ValueError, LookupError, AttributeError):
            charset = None
        declared = declared or charset
        try:
            text = decode(payload, "body", charset) if payload.strip() else ""
        except (ValueError, ImportFileError):  # no encoding reads it: what reads is kept
            text = payload.decode("utf-8", errors="replace")
        (html if kind == "text/html" else plain).append(_storable(text))
    joined_html = "\n".join(html) if html else None
    text = "\n".join(plain).strip() or (html_to_text(joined_html) if joined_html else "")
    return text, joined_html, attachments, declared


def _message_ids(values: list[str]) -> list[str]:
    """The Message-IDs written in these header values (printable ASCII, of a length a
    database keeps)."""
    return [found for found in _MSGID.findall(" ".join(values)) if len(found) <= MAX_MESSAGE_ID]


def parse_mail(data: bytes) -> Mail:
    """One message's fields. Malformed headers and bodies are read as far as they go; a mail
    the email package cannot take apart at all raises UnreadableMail."""
    return guarded(lambda: _parse(data))


def guarded(read: Callable[[], Mail]) -> Mail:
    """A mail as `read` takes it apart, whatever it throws as UnreadableMail."""
    try:
        return read()
    except UnreadableMail:
        raise
    except RecursionError:  # the email package's parser recurses once per nested part
        raise UnreadableMail(f"MIME parts nested more than {MAX_DEPTH} levels deep") from None
    except MemoryError:
        raise
    except Exception as exc:  # the email package fails in many ways on hostile mail: one
        # mail's failure is reported as that mail's, never as the import's
        raise UnreadableMail(f"unreadable mail ({type(exc).__name__})") from None


def raw_headers(message: Message) -> dict[str, list[str]]:
    """Each header's raw values, by lower-cased name."""
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        headers.setdefault(name.lower(), []).append(value)
    return headers


def _parse(data: bytes) -> Mail:
    message = email.message_from_bytes(data)
    files: list[AttachmentDraft] = []
    mail = mail_of(raw_headers(message), *_body(message, files))
    mail.files = files
    return mail


def mail_of(headers: dict[str, list[str]], text: str, html: str | None, attachments: list[str],
            hint: str | None) -> Mail:
    """A mail from its raw headers and its body as read (`hint`: the charset its text
    declares, for 8-bit bytes in its headers)."""
    senders = _addresses(headers, "from", hint) or _addresses(headers, "sender", hint) or [("", "")]
    reply_to = _addresses(headers, "reply-to", hint)
    recipients = _addresses(headers, "to", hint) + _addresses(headers, "cc", hint)
    message_ids = _message_ids(headers.get("message-id", [])[:1])
    references = _message_ids(headers.get("references", []))[-_REFERENCES:] + \
        _message_ids(headers.get("in-reply-to", []))
    subject = headers.get("subject", [""])[0]
    return Mail(
        subject=header_text(subject, hint), sent_at=_date(headers), sender=senders[0],
        recipients=recipients, reply_to=reply_to[0] if reply_to else None,
        message_id=message_ids[0] if message_ids else None,
        references=list(dict.fromkeys(references)), text=text, html=html,
        attachments=attachments,
    )
