"""Syncing an account: what is new in its INBOX and Sent folder since the last sync, each
mail through the same importer as a dropped .eml, stored a batch at a time together with
how far the folder is synced, so a failure leaves nothing half-stored or fetched twice."""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from imaplib import IMAP4
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import ImportBatch, MailAccount, MailFolder
from leaddesk.domain.drafts import InquiryDraft
from leaddesk.domain.identities import normalize_email
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import InvalidInputError
from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile, fingerprint
from leaddesk.importers.mailbox import parse_eml
from leaddesk.importers.sources import Source
from leaddesk.job import Cancelled, Job
from leaddesk.services.activity import record
from leaddesk.services.attachments import Blobs
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_turn, store_parsed
from leaddesk.services.mail.accounts import Login, find_accounts, password_of
from leaddesk.services.mail.imap import (
    Fetched,
    MailError,
    connected,
    examine,
    fetch,
    folders,
    mark_seen,
    sizes,
    uids_after,
)
from leaddesk.services.mail.pending import Route, hold, known, pending, policy, route, sender_of
from leaddesk.services.originals import Keeper, incoming
from leaddesk.services.storing import ContactMemory, Counts

BATCH_MAILS = 500  # mails stored per transaction (and at most lost to a dropped connection)
BATCH_BYTES = 32 * 1024 * 1024  # and at most this much mail in memory at once
ROLES = ("inbox", "sent")


@dataclass
class SyncReport:
    """What one account's sync did, as `mail sync --json` prints it: mails fetched; new
    messages created, and of those how many joined a conversation already there
    (threaded); mails that wait in triage; mails already stored (skipped); one line per
    thing that went wrong."""

    account: str
    fetched: int = 0
    created: int = 0
    threaded: int = 0
    triaged: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    failed: bool = False  # the account could not be synced to the end

    def as_json(self) -> dict[str, Any]:
        """The report as printed."""
        return asdict(self)


def sync_accounts(desk: Desk, names: list[str], options: ImportOptions, *, actor: str,
                  since: date | None = None, job: Job | None = None,
                  gap_days: int = 30,
                  form_senders: set[str] | None = None, mark_read: bool = False) -> Iterator[SyncReport]:
    """Sync the named accounts (all when none is named), one report each as it finishes.
    `form_senders`: the addresses the site form's notifications come from (only theirs
    become inquiries at once); `mark_read`: INBOX mails the desk took are marked \\Seen on
    the server (asked for by the person; otherwise nothing on the server changes)."""
    with desk.transaction() as session:
        logins = [Login.of(account) for account in find_accounts(session, names)]
    for login in logins:
        yield sync_account(desk, login, options, actor=actor, since=since, job=job,
                           gap=timedelta(days=gap_days), form_senders=form_senders, mark_read=mark_read)


def sync_account(desk: Desk, login: Login, options: ImportOptions, *, actor: str,
                 since: date | None, job: Job | None, gap: timedelta,
                 form_senders: set[str] | None = None, mark_read: bool = False) -> SyncReport:
    """Sync one account's INBOX and Sent folder; a failure is the report's error line."""
    report = SyncReport(login.name)
    form_senders = form_senders or set()
    job = job or Job(name="mail sync")
    password = password_of(login)
    if password is None:
        report.errors.append(f"{login.name}: no password in the keyring; add the account again "
                             "with --password-stdin")
        report.failed = True
        return report
    own = normalize_email(login.email).value
    options.own.emails.add(own)  # its own address is ours: what it sent is `out`
    memory = ContactMemory()  # the contacts this sync's committed batches resolved
    try:
        with connected(login, password) as connection:
            found = folders(connection, login.name)
            for role in ROLES:
                if role not in found:
                    report.errors.append(f"{login.name}: no folder is marked as the Sent folder "
                                         "(\\Sent); only INBOX synced")
                    continue
                _sync_folder(desk, connection, login, role, found[role], options, report,
                             since=since, job=job, actor=actor, gap=gap,
                             form_senders=form_senders, memory=memory,
                             mark_read=mark_read and role == "inbox")
    except MailError as exc:  # it names the account and the server or the folder
        report.errors.append(str(exc))
        report.failed = True
    except Cancelled:  # the batches stored so far stay, with how far each folder got
        report.errors.append(f"{login.name}: sync stopped; {report.created} new messages kept, "
                             "the rest comes with the next sync")
        report.failed = True
    return report


def _sync_folder(desk: Desk, connection: IMAP4, login: Login, role: str, name: str,
                 options: ImportOptions, report: SyncReport, *, since: date | None, job: Job,
                 actor: str, gap: timedelta, form_senders: set[str],
                 memory: ContactMemory, mark_read: bool = False) -> None:
    where = f"{login.name}/{name}"
    state = examine(connection, name, where, writable=mark_read)
    with desk.transaction() as session:
        row = session.scalar(select(MailFolder).where(MailFolder.account_id == login.id,
                                                      MailFolder.role == role))
        stored = (row.uidvalidity, row.last_uid) if row is not None else None
    last = 0
    if stored is not None and stored[0] == state.uidvalidity:
        last = stored[1]
    elif stored is not None:
        report.errors.append(f"{where}: the folder's UIDVALIDITY changed ({stored[0]} -> "
                             f"{state.uidvalidity}); it is read again, mails already stored are "
                             "skipped")
    uids = uids_after(connection, last, since, where)
    if not uids:
        if stored != (state.uidvalidity, last):
            _store(desk, login, role, name, state.uidvalidity, last, [], options, report, job,
                   actor, gap, form_senders, memory)
        return
    done = 0
    for chunk in _chunks(uids, sizes(connection, uids, where)):
        mails = fetch(connection, chunk, where)
        report.fetched += len(mails)
        _store(desk, login, role, name, state.uidvalidity, chunk[-1], mails, options, report,
               job, actor, gap, form_senders, memory)
        if mark_read:  # once the batch is stored: a mail marked read is in the desk
            mark_seen(connection, [mail.uid for mail in mails], where)
        done += len(chunk)
        job.tick(done, len(uids))


def _chunks(uids: list[int], size: dict[int, int]) -> Iterator[list[int]]:
    """The UIDs in batches of at most BATCH_MAILS mails and BATCH_BYTES (a bigger mail alone)."""
    chunk: list[int] = []
    total = 0
    for uid in uids:
        length = size.get(uid, 0)
        if chunk and (len(chunk) >= BATCH_MAILS or total + length > BATCH_BYTES):
            yield chunk
            chunk, total = [], 0
        chunk.append(uid)
        total += length
    if chunk:
        yield chunk


def _store(desk: Desk, login: Login, role: str, name: str, uidvalidity: int, last_uid: int,
           mails: list[Fetched], options: ImportOptions, report: SyncReport, job: Job,
           actor: str, gap: timedelta, form_senders: set[str],
           memory: ContactMemory | None = None) -> None:
    """One batch, all or nothing: its mails' drafts (an INBOX mail only when triage lets it
    through; the others wait in triage or are dropped), the batch that lets it be
    reverted, and how far the folder is synced."""
    source = f"imap://{login.username}@{login.imap_host}/{name}"
    keeper, blobs = Keeper(desk.originals), blobs_for(desk, options)
    options.spill.folder = incoming(desk.originals)
    errors: list[str] = []
    held = dropped = 0
    try:
        parsed = [(mail, _drafts(login, name, mail, options, errors)) for mail in mails]
        with import_turn(desk, job), desk.transaction() as session:
            drafts: list[InquiryDraft] = []
            rules = policy(session, set(options.own.emails), form_senders)
            senders = [sender_of(mail.data) if role == "inbox" and found else ""
                       for mail, found in parsed]
            contacts = known(session, {s for s in senders if s})
            for (mail, found), sender in zip(parsed, senders, strict=True):
                if not found:
                    continue
                way, reason = (Route.STORE, "") if role != "inbox" else route(
                    mail.data, sender, all(d.channel is Channel.SITE_FORM for d in found), rules,
                    contacts)
                if way is Route.STORE:
                    drafts += found
                elif way is Route.SKIP:
                    dropped += 1
                elif hold(session, login.id, name, mail.uid, mail.data, sender,
                          found[0].messages[0].message_id if found[0].messages else None,
                          mail.received or utc_now(), reason):
                    held += 1
                else:
                    dropped += 1  # it waits in triage already
            # the batch's own counting stays out of the sync's progress; Cancel reaches it
            quiet = Job(cancel=job.cancel, name=job.name)
            counts = store_drafts(session, source, drafts, options, quiet, actor, gap,
                                  keeper, blobs, memory) if drafts else None
            _advance(session, login.id, role, name, uidvalidity, last_uid)
        if memory is not None:  # committed: its contacts are known to the next batches
            memory.settle()
    except BaseException:
        if memory is not None:
            memory.pending.clear()  # a batch rolled back: the ids it made are no one's
        keeper.undo()
        blobs.undo()
        raise
    finally:
        options.spill.clean()
    report.errors += errors + [f"{login.name}/{name}: {over}" for over in [blobs.note()] if over]
    report.triaged += held
    report.skipped += dropped
    if counts is not None:
        report.created += counts.messages
        report.threaded += counts.messages - counts.inquiries
        report.skipped += counts.skipped


def blobs_for(desk: Desk, options: ImportOptions) -> Blobs:
    """Where a mail's attached files go, under the caps a file import has."""
    return Blobs(desk.attachments, options.attachment_file_cap, options.attachment_desk_cap)


def store_drafts(session: Session, source: str, drafts: list[InquiryDraft],
                 options: ImportOptions, job: Job, actor: str, gap: timedelta,
                 keeper: Keeper, blobs: Blobs | None = None,
                 memory: ContactMemory | None = None) -> Counts:
    """Mails' drafts stored as a file import stores them (their attached files kept in
    `blobs`), under a batch of their own that lets them be reverted (none when nothing
    was new); `memory`: the contacts the sync's earlier batches resolved."""
    batch = ImportBatch(source=source, channel=Channel.EMAIL.value, sha256=None, actor=actor)
    session.add(batch)
    session.flush()
    parsed = ParsedFile(source, Channel.EMAIL, inquiries=drafts)
    counts = store_parsed(session, parsed, batch.id, options, job, actor, gap, keeper, blobs,
                          memory)
    if counts.created or counts.inquiries or counts.messages or counts.identities:
        batch.summary = json.dumps({"file": source, "messages_created": counts.messages,
                                    "inquiries_created": counts.inquiries,
                                    "contacts_created": counts.created}, ensure_ascii=False)
        record(session, "import", actor, import_batch_id=batch.id, batch=batch.id,
               file=source, messages=counts.messages)
    else:
        session.delete(batch)  # nothing new: no batch to list or revert
    return counts


def accept(desk: Desk, pending_id: int, options: ImportOptions, *, actor: str,
           gap: timedelta) -> Counts:
    """A mail that waits in triage, stored exactly as the sync would have stored it (the
    same importer, the same batch source; its sender becomes a contact)."""
    keeper, blobs = Keeper(desk.originals), blobs_for(desk, options)
    options.spill.folder = incoming(desk.originals)
    try:
        with import_turn(desk, Job(name="mail triage")), desk.transaction() as session:
            row = pending(session, pending_id)
            account = session.get(MailAccount, row.account_id)
            assert account is not None  # the account's pending mails go with it
            login = Login.of(account)
            options.own.emails.add(normalize_email(login.email).value)
            errors: list[str] = []
            drafts = _drafts(login, row.folder, Fetched(row.uid, row.data, row.received),
                             options, errors)
            if errors:
                raise InvalidInputError(errors[0])
            source = f"imap://{login.username}@{login.imap_host}/{row.folder}"
            counts = store_drafts(session, source, drafts, options, Job(name="mail triage"),
                                  actor, gap, keeper, blobs)
            record(session, "mail_accept", actor, sender=row.sender, reason=row.reason)
            session.delete(row)
    except BaseException:
        keeper.undo()
        blobs.undo()
        raise
    finally:
        options.spill.clean()
    return counts


def _drafts(login: Login, name: str, mail: Fetched, options: ImportOptions,
            errors: list[str]) -> list[InquiryDraft]:
    """A mail's drafts from the .eml importer. A mail without a Message-ID is known by its
    bytes (a file's is known by the file's name, which a mailbox has not): two such mails
    that arrive in the same second stay two, and a UIDVALIDITY change that renumbers one
    finds it stored."""
    try:
        parsed = parse_eml(Source(f"imap:{login.email}", mail.data), options,
                           mail.received or utc_now())
    except ImportFileError as exc:
        errors.append(f"{login.name}/{name} UID {mail.uid}: {exc.reason}; not stored")
        return []
    drafts = list(parsed.inquiries)
    digest = ""
    for message in (m for draft in drafts for m in draft.messages if not m.message_id):
        digest = digest or hashlib.sha256(mail.data).hexdigest()
        message.fingerprint = fingerprint("email", "imap", digest, message.subject)
    return drafts


def _advance(session: Any, account_id: int, role: str, name: str, uidvalidity: int,
             last_uid: int) -> None:
    row = session.scalar(select(MailFolder).where(MailFolder.account_id == account_id,
                                                  MailFolder.role == role))
    if row is None:
        row = MailFolder(account_id=account_id, role=role)
        session.add(row)
    row.name, row.uidvalidity, row.last_uid = name, uidvalidity, last_uid
    row.synced_at = datetime.now().astimezone()
