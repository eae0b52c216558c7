"""What a synced mail from an unknown sender is, read from its headers alone: obviously not
an inquiry (a newsletter, an auto-reply, a bounce, our own domain's internal mail, spam),
or a candidate that waits in triage; and whether the receiving server verified its sender
(the topmost Authentication-Results, which the account's own server adds)."""

import re
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32
from enum import StrEnum

_DMARC = re.compile(r"\bdmarc\s*=\s*(\w+)", re.IGNORECASE)
_BOUNCER = re.compile(r"^(?:mailer-daemon|postmaster)@", re.IGNORECASE)
_AUTO_SUBJECT = re.compile(r"^\s*(?:auto(?:matic)?[ -]?reply|out of (?:the )?office|自动回复)",
                           re.IGNORECASE)


class Kind(StrEnum):
    """What a mail from an unknown sender is."""

    CANDIDATE = "candidate"  # may be an inquiry: waits in triage
    NEWSLETTER = "newsletter"
    AUTO_REPLY = "auto-reply"
    BOUNCE = "bounce"
    INTERNAL = "internal"
    SPAM = "spam"


@dataclass(frozen=True)
class Verdict:
    """A mail's kind and whether its sender was verified (None: the server did not say)."""

    kind: Kind
    sender_verified: bool | None


def _header(headers: Message, name: str) -> str:
    return str(headers.get(name) or "").strip()


def _subject(headers: Message) -> str:
    raw = _header(headers, "Subject")
    try:  # an encoded word (=?utf-8?b?...?=) as its text
        return str(make_header(decode_header(raw)))
    except (ValueError, LookupError, UnicodeError):
        return raw


def subject_of(data: bytes) -> str:
    """A mail's Subject as text, from its headers alone."""
    return _subject(BytesHeaderParser(policy=compat32).parsebytes(data, headersonly=True))


def verdict(data: bytes, sender: str, own_domains: set[str]) -> Verdict:
    """The verdict on one mail (`sender`: its From address as the importer read it;
    `own_domains`: the domains of our own accounts, lower-case)."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(data, headersonly=True)
    results = headers.get_all("Authentication-Results") or []
    verified: bool | None = None
    if results:  # the topmost is the receiving server's; any below it the sender could write
        found = _DMARC.search(str(results[0]))
        if found:
            verified = found[1].lower() == "pass"
    return Verdict(_kind(headers, sender, own_domains), verified)


def _kind(headers: Message, sender: str, own_domains: set[str]) -> Kind:
    if _header(headers, "X-Spam-Flag").upper() == "YES" or \
            _header(headers, "X-Spam-Status").upper().startswith("YES"):
        return Kind.SPAM
    content = _header(headers, "Content-Type").lower()
    if _BOUNCER.match(sender) or (content.startswith("multipart/report") and \
            "delivery-status" in content):
        return Kind.BOUNCE
    submitted = _header(headers, "Auto-Submitted").lower()
    if (submitted and submitted != "no") or _header(headers, "X-Autoreply") or \
            _header(headers, "X-Autorespond") or _AUTO_SUBJECT.match(_subject(headers)):
        return Kind.AUTO_REPLY
    if _header(headers, "List-Unsubscribe") or _header(headers, "List-Id") or \
            _header(headers, "Precedence").lower() in ("bulk", "list", "junk"):
        return Kind.NEWSLETTER
    if sender.rpartition("@")[2].lower() in own_domains:
        return Kind.INTERNAL
    return Kind.CANDIDATE
