"""Sending a mail from the desk: a reply to an inquiry's last buyer mail (threaded by
In-Reply-To and References, `Re:`, the buyer's words quoted) or a new mail to a contact,
sent over the account's SMTP server with verified TLS, copied to its Sent folder, and
stored at once as `out` through the same importer a synced mail goes through, so the
Sent folder's next sync finds it stored. A send that failed is never stored as sent."""

import copy
import email.policy
import mimetypes
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Contact, Identity, Inquiry, MailAccount, Message
from leaddesk.domain.identities import normalize_email
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import Channel, Direction, IdentityKind, Validity
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.importers.base import ImportOptions
from leaddesk.importers.mailbox import parse_eml
from leaddesk.importers.sources import Source
from leaddesk.job import Job
from leaddesk.services.contacts import find_contact
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_turn
from leaddesk.services.mail.accounts import Login, find_accounts, password_of
from leaddesk.services.mail.imap import MailError, connected, folders, quoted
from leaddesk.services.mail.smtp import smtp_connected
from leaddesk.services.mail.templates import Signer, filled
from leaddesk.services.originals import Keeper, incoming

NO_ACCOUNT = "no mail account: add one with `leaddesk mail add`"
ATTACHMENTS_CAP = 20 * 1024 * 1024  # bytes of files in one mail: most servers refuse 25 MB
QUOTED_LINES = 200  # of the buyer's mail, below a reply


@dataclass
class Outgoing:
    """What a person sends: to whom, about what, and the files with it."""

    target: str  # an inquiry's id (a reply), or a contact: contact:ID, an email, a phone
    body: str | None  # None: the template's text
    subject: str | None = None  # default: "Re: " and the inquiry's subject, or the template's
    template: str | None = None  # a template's name (services/mail/templates.py)
    attachments: list[Path] = field(default_factory=list)
    account: str | None = None  # default: the only account
    quoted: bool = True  # the buyer's mail quoted below the text (the window's text has it already)


@dataclass
class Sent:
    """A mail that went out, as `mail send --json` prints it."""

    account: str
    to: str
    subject: str
    message_id: str
    inquiry_id: int | None  # where the stored copy is
    copied_to_sent: bool
    contact_id: int | None = None
    warnings: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The report as printed."""
        return asdict(self)


@dataclass(frozen=True)
class Preview:
    """What the mail will be, for a person to read and change before it goes (the window)."""

    account: str
    sender: str  # Name <address>, as the buyer will read it
    to: str
    subject: str
    text: str  # the body, the buyer's mail quoted below it


@dataclass(frozen=True)
class _Draft:
    login: Login
    contact_id: int
    to: str
    name: str
    subject: str
    in_reply_to: str | None
    references: list[str]
    quote: str
    body: str


def send_mail(desk: Desk, outgoing: Outgoing, options: ImportOptions, *, actor: str,
              signer: Signer, gap: timedelta = timedelta(days=30)) -> Sent:
    """Send, copy to Sent, store as `out`; MailError (one line) when the server refused
    it, and then nothing is stored."""
    files = _files(outgoing.attachments)
    with desk.transaction() as session:
        draft = _draft(session, outgoing, signer)
    if not draft.body.strip():
        raise InvalidInputError("nothing to send: write the text (or give --body-file or --template)")
    if not draft.subject:
        raise InvalidInputError("a new mail needs a subject (--subject)")
    password = password_of(draft.login)
    if password is None:
        raise MailError(f"{draft.login.name}: no password in the keyring; add the account again "
                        "with --password-stdin")
    mail = _message(draft, files, signer.name)
    data = mail.as_bytes(policy=email.policy.SMTP)  # CRLF line ends, as IMAP and SMTP carry it
    _submit(draft, password, mail)
    sent = Sent(draft.login.name, draft.to, draft.subject, str(mail["Message-ID"]), None, False,
                draft.contact_id)
    try:  # first: once it is in Sent, the next sync stores it even if storing here fails
        _copy_to_sent(draft.login, password, data)
        sent.copied_to_sent = True
    except MailError as exc:
        sent.warnings.append(f"sent, but not copied to the Sent folder: {exc}")
    try:
        sent.inquiry_id = _store(desk, draft.login, data, copy.deepcopy(options), actor, gap)
    except Exception as exc:  # it went out; where it will be found is said
        later = ("the next sync of the Sent folder stores it" if sent.copied_to_sent
                 else "it is in no folder of the desk: import it from the mail program's Sent folder")
        sent.warnings.append(f"sent, but not stored ({exc}); {later}")
    return sent


def preview(desk: Desk, outgoing: Outgoing, signer: Signer) -> Preview:
    """The mail as it would go: to whom, its subject and its text (the template's, if one
    is named), with the buyer's last mail quoted; the same errors as a send."""
    with desk.transaction() as session:
        draft = _draft(session, outgoing, signer)
    return Preview(draft.login.name, _person(signer.name, draft.login.email), draft.to, draft.subject,
                   _text(draft))


def _text(draft: "_Draft") -> str:
    return draft.body.rstrip() + ("\n\n" + draft.quote if draft.quote else "") + "\n"


def _files(paths: list[Path]) -> list[tuple[str, bytes]]:
    """The attachments' names and bytes; InvalidInputError for one that cannot be read or
    files over the cap, before anything is sent."""
    files: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            files.append((path.name, path.read_bytes()))
        except OSError as exc:
            raise InvalidInputError(f"--attach {path}: cannot be read ({exc.strerror or exc})") from None
    total = sum(len(data) for _, data in files)
    if total > ATTACHMENTS_CAP:
        raise InvalidInputError(f"the attachments are {total / 1024 / 1024:.1f} MB; mail servers "
                                f"refuse more than {ATTACHMENTS_CAP // 1024 // 1024} MB")
    return files


def contact_address(desk: Desk, target: str) -> str:
    """The address a mail to this inquiry or contact goes to (for the mail program)."""
    with desk.transaction() as session:
        return _address(session, _target(session, target)[0])


def _target(session: Session, text: str) -> tuple[Contact, Inquiry | None]:
    """The contact (and inquiry) a mail is for: an inquiry's id, or a contact."""
    target = text.strip()
    if target.removeprefix("inquiry:").isdigit():
        inquiry = session.get(Inquiry, int(target.removeprefix("inquiry:")))
        if inquiry is None:
            raise NotFoundError(f"no inquiry {target} (see `leaddesk inquiries`)")
        return find_contact(session, str(inquiry.contact_id)), inquiry
    return find_contact(session, target.removeprefix("contact:")), None


def _draft(session: Session, outgoing: Outgoing, signer: Signer) -> _Draft:
    contact, inquiry = _target(session, outgoing.target)
    to = _address(session, contact)
    last = _last_mail(session, inquiry) if inquiry is not None else None
    body, proposed = outgoing.body, ""
    if outgoing.template:
        proposed, body = filled(session, outgoing.template, contact, inquiry, signer)
    subject = ((outgoing.subject or "").strip() or _reply_subject(inquiry.subject if inquiry else "")
               or proposed)
    if "\n" in subject or "\r" in subject:
        raise InvalidInputError("--subject is one line")
    account = _account(session, outgoing.account)
    if not account.smtp_host or not account.smtp_port:
        raise InvalidInputError(f"mail account {account.name!r} has no SMTP server; add it again "
                                "with --smtp HOST[:PORT]")
    references = [m for m in session.scalars(
        select(Message.message_id).where(Message.inquiry_id == inquiry.id,
                                          Message.message_id.is_not(None))
        .order_by(Message.sent_at, Message.id))] if inquiry is not None else []
    return _Draft(Login.of(account), contact.id, to, contact.name, subject,
                  last.message_id if last is not None else None, [r for r in references if r][-20:],
                  _quote(last) if last is not None and outgoing.quoted else "", body or "")


def _address(session: Session, contact: Contact) -> str:
    found = session.scalar(select(Identity.value).where(
        Identity.contact_id == contact.id, Identity.kind == IdentityKind.EMAIL.value,
        Identity.validity == Validity.VALID.value).order_by(Identity.id))
    if found is None:
        raise InvalidInputError(f"contact {contact.id} ({contact.name or 'no name'}) has no email "
                                "address; add one in the contact's editor")
    return found


def _last_mail(session: Session, inquiry: Inquiry) -> Message | None:
    if inquiry.channel not in (Channel.EMAIL.value, Channel.SITE_FORM.value):
        return None
    return session.scalar(select(Message).where(
        Message.inquiry_id == inquiry.id, Message.direction == Direction.IN.value)
        .order_by(Message.sent_at.desc(), Message.id.desc()))


def _reply_subject(subject: str) -> str:
    text = " ".join(subject.split())
    if not text:
        return ""
    return text if text.lower().startswith(("re:", "回复:", "回复：")) else f"Re: {text}"


def _quote(message: Message) -> str:
    lines = message.body.splitlines()[:QUOTED_LINES]
    moment = message.sent_at.astimezone().strftime("%Y-%m-%d %H:%M")  # the reader's time
    said = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"On {moment}, {message.author or 'the buyer'} wrote:\n{said}"


def _account(session: Session, name: str | None) -> MailAccount:
    accounts = find_accounts(session, [name] if name else [])
    if not accounts:
        raise NotFoundError(NO_ACCOUNT)
    if len(accounts) > 1 and not name:
        names = ", ".join(a.name for a in accounts)
        raise InvalidInputError(f"several mail accounts ({names}): name one with --account")
    return accounts[0]


def _message(draft: _Draft, files: list[tuple[str, bytes]], sender_name: str) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = _person(sender_name, draft.login.email)
    mail["To"] = _person(draft.name, draft.to)
    mail["Subject"] = draft.subject
    mail["Date"] = format_datetime(utc_now().astimezone())
    mail["Message-ID"] = make_msgid(domain=draft.login.email.rpartition("@")[2] or None)
    if draft.in_reply_to:
        mail["In-Reply-To"] = draft.in_reply_to
    if draft.references:
        mail["References"] = " ".join(draft.references)
    mail.set_content(_text(draft))
    for name, data in files:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        main, _, sub = kind.partition("/")
        mail.add_attachment(data, maintype=main, subtype=sub, filename=name)
    return mail


def _person(name: str, address: str) -> str:
    """Name <address>, the name on one line whatever it holds."""
    return formataddr((" ".join(name.split()), address))


def _submit(draft: _Draft, password: str, mail: EmailMessage) -> None:
    """Hand the mail to the SMTP server; MailError naming the server for any refusal."""
    try:
        with smtp_connected(draft.login, password) as server:
            server.send_message(mail)
    except MailError as exc:
        raise MailError(f"{exc}; not sent") from None


def _store(desk: Desk, login: Login, data: bytes, options: ImportOptions, actor: str,
           gap: timedelta) -> int | None:
    """The sent mail stored as the Sent folder's sync would store it; the inquiry it is in."""
    from leaddesk.services.mail.sync import blobs_for, store_drafts

    options.own.emails.add(normalize_email(login.email).value)  # what it sent is `out`
    keeper, blobs = Keeper(desk.originals), blobs_for(desk, options)
    options.spill.folder = incoming(desk.originals)
    try:
        drafts = list(parse_eml(Source(f"imap:{login.email}", data), options, utc_now()).inquiries)
        job = Job(name="mail send")
        with import_turn(desk, job), desk.transaction() as session:
            store_drafts(session, f"smtp://{login.username}@{login.imap_host}", drafts, options, job,
                         actor, gap, keeper, blobs)
            message_id = drafts[0].messages[0].message_id if drafts and drafts[0].messages else None
            return session.scalar(select(Message.inquiry_id).where(Message.message_id == message_id)
                                  .order_by(Message.id)) if message_id else None
    except BaseException:
        keeper.undo()
        blobs.undo()
        raise
    finally:
        options.spill.clean()


def _copy_to_sent(login: Login, password: str, data: bytes) -> None:
    """APPEND the mail to the account's Sent folder, marked \\Seen, as a mail client does."""
    import imaplib
    import time

    with connected(login, password) as connection:
        found = folders(connection, login.name)
        if "sent" not in found:
            raise MailError(f"{login.name}: no folder is marked as the Sent folder (\\Sent)")
        where = f"{login.name}/{found['sent']}"
        try:
            status, answer = connection.append(quoted(found["sent"]), r"(\Seen)",
                                               imaplib.Time2Internaldate(time.time()), data)
        except (imaplib.IMAP4.error, OSError) as exc:
            raise MailError(f"{where}: {exc}") from None
        if status != "OK":
            said = b" ".join(a for a in answer if isinstance(a, bytes)).decode("utf-8", "replace")
            raise MailError(f"{where}: the server said {status} {said}".rstrip())
