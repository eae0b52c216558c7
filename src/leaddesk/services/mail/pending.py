"""Triage wired into sync: which synced mails are stored at once, which wait in the
"New senders" list (an unknown sender, a sender the receiving server did not verify, a
form mail from an address that is not the form's), which are dropped (not an inquiry, or
a sender or domain the user ignores); and the list itself, its rules remembered."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact, Identity, MailAccount, MailPending, MailRule
from leaddesk.domain.identities import normalize_email
from leaddesk.errors import InvalidInputError
from leaddesk.importers.mail_addresses import mailboxes
from leaddesk.importers.mail_headers import printable
from leaddesk.services.activity import record
from leaddesk.services.mail.triage import Kind, subject_of, verdict

NOT_VERIFIED = "sender not verified"
NEW_SENDER = "new sender"
NOT_THE_FORM = "form mail from another sender"
DECISIONS = ("accept", "ignore-sender", "ignore-domain")


class Route(StrEnum):
    """What the sync does with one mail."""

    STORE = "store"
    PENDING = "pending"
    SKIP = "skip"


@dataclass(frozen=True)
class Policy:
    """What the sync judges an INBOX mail by: our own addresses and domains, the form's
    sender addresses, and the user's ignore rules (all lower-case)."""

    own: frozenset[str]
    own_domains: frozenset[str]
    form_senders: frozenset[str]
    ignored_senders: frozenset[str]
    ignored_domains: frozenset[str]


def policy(session: Session, own: set[str], form_senders: set[str]) -> Policy:
    """The policy of one batch, with the rules as they are stored now."""
    rules = session.execute(select(MailRule.kind, MailRule.value)).all()
    return Policy(frozenset(own), frozenset(a.rpartition("@")[2] for a in own if "@" in a),
                  frozenset(normalize_email(a).value for a in form_senders),
                  frozenset(v for k, v in rules if k == "sender"),
                  frozenset(v for k, v in rules if k == "domain"))


def sender_of(data: bytes) -> str:
    """The From address of a mail, normalised ("" when it has none the parser can read)."""
    headers = BytesHeaderParser(policy=compat32).parsebytes(data, headersonly=True)
    found = mailboxes(str(headers.get("From") or ""))
    return normalize_email(found[0][1]).value if found else ""


def known(session: Session, senders: set[str]) -> set[str]:
    """Those of the addresses a contact (not erased) has as a usable identity: one query
    per batch of mails, not one per mail."""
    if not senders:
        return set()
    return set(session.scalars(
        select(Identity.value).join(Contact, Contact.id == Identity.contact_id)
        .where(Identity.kind == "email", Identity.value.in_(senders),
               Identity.validity != "invalid", Contact.erased_at.is_(None))))


def route(data: bytes, sender: str, form_mail: bool, rules: Policy,
          contacts: set[str]) -> tuple[Route, str]:
    """Where one INBOX mail goes, and why. The receiving server's dmarc=fail comes before
    everything that trusts the From header: a forged known contact or form sender waits.
    `contacts`: the senders of the batch that are known contacts."""
    domain = sender.rpartition("@")[2]
    if sender in rules.ignored_senders or domain in rules.ignored_domains:
        return Route.SKIP, "ignored"
    found = verdict(data, sender, set(rules.own_domains))
    if found.sender_verified is False:
        return Route.PENDING, NOT_VERIFIED
    if form_mail:
        return (Route.STORE, "") if sender in rules.form_senders else (Route.PENDING, NOT_THE_FORM)
    if sender in rules.own or sender in contacts:
        return Route.STORE, ""
    if found.kind is not Kind.CANDIDATE:
        return Route.SKIP, found.kind.value
    return Route.PENDING, NEW_SENDER


def hold(session: Session, account_id: int, folder: str, uid: int, data: bytes, sender: str,
         message_id: str | None, received: datetime, reason: str) -> bool:
    """Put a mail in the list; False when it waits there already (a folder read again)."""
    digest = hashlib.sha256(data).hexdigest()
    if session.scalar(select(MailPending.id).where(MailPending.sha256 == digest)) is not None:
        return False
    session.add(MailPending(account_id=account_id, folder=folder, uid=uid,
                            message_id=message_id, sha256=digest, sender=sender,
                            subject=printable(subject_of(data))[:2000], received=received, reason=reason,
                            data=data))
    session.flush()
    return True


def list_pending(session: Session) -> list[dict[str, Any]]:
    """The waiting mails, oldest first, as `mail triage --json` prints them."""
    rows = session.execute(select(MailPending, MailAccount.name)
                           .join(MailAccount, MailAccount.id == MailPending.account_id)
                           .order_by(MailPending.id))
    return [{"id": p.id, "account": name, "folder": p.folder, "uid": p.uid,
             "message_id": p.message_id, "from": p.sender, "subject": p.subject,
             "received": p.received.isoformat(), "reason": p.reason} for p, name in rows]


def pending_text(session: Session, pending_id: int, limit: int = 20_000) -> str:
    """What a waiting mail says (its text, cut at `limit` characters), to decide on it."""
    from leaddesk.importers.mail import UnreadableMail, parse_mail

    row = pending(session, pending_id)
    try:
        text = parse_mail(row.data).text
    except UnreadableMail:  # decided on by its sender and subject
        return ""
    return text if len(text) <= limit else text[:limit] + " …"


def pending(session: Session, pending_id: int) -> MailPending:
    """One waiting mail, or a clear error."""
    row = session.get(MailPending, pending_id)
    if row is None:
        raise InvalidInputError(f"mail triage: no waiting mail {pending_id} (see mail triage)")
    return row


def ignore(session: Session, pending_id: int, kind: str, actor: str) -> tuple[str, int]:
    """Remember to ignore the mail's sender (kind "sender") or its domain ("domain"), and
    drop every waiting mail the rule covers: the rule and how many mails went."""
    row = pending(session, pending_id)
    value = row.sender if kind == "sender" else row.sender.rpartition("@")[2]
    if not value:
        raise InvalidInputError(f"mail triage: mail {pending_id} names no sender to ignore")
    if session.scalar(select(MailRule.id).where(MailRule.kind == kind,
                                                MailRule.value == value)) is None:
        session.add(MailRule(kind=kind, value=value, actor=actor))
    covered = (MailPending.sender == value if kind == "sender"
               else MailPending.sender.like(f"%@{value}"))
    dropped = len(session.scalars(delete(MailPending).where(covered)
                                  .returning(MailPending.id)).all())
    record(session, "mail_ignore", actor, rule=kind, value=value, dropped=dropped)
    return value, dropped
