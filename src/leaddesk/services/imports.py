"""Importing files: each file's drafts stored in one transaction as one ImportBatch,
adding only what is new; a batch can be listed and reverted whole."""

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.engine import refresh_statistics, sqlite_pragmas
from leaddesk.db.models import Contact, ImportBatch
from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile
from leaddesk.importers.detect import parse_file
from leaddesk.job import Cancelled, Job
from leaddesk.locks import FileLock
from leaddesk.paths import beside
from leaddesk.services.activity import record
from leaddesk.services.attachments import Blobs
from leaddesk.services.attribution import link_inquiries
from leaddesk.services.contacts import match_contact
from leaddesk.services.desk import Desk
from leaddesk.services.originals import Keeper, incoming
from leaddesk.services.storing import ContactMemory, Counts, FileStore

STATISTICS_AFTER = 1000  # messages an import adds before the planner's statistics are renewed


@dataclass
class ImportReport:
    """What one file's import did, as `import --json` prints it."""

    file: str
    channel: str
    batch: int | None = None
    contacts_created: int = 0
    contacts_matched: int = 0
    inquiries_created: int = 0
    messages_created: int = 0
    messages_skipped: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_set: str | None = None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_file(
    desk: Desk,
    path: Path,
    options: ImportOptions,
    *,
    actor: str,
    job: Job | None = None,
    channel: str = "auto",
    strict: bool = False,
    gap_days: int = 30,
    zone: ZoneInfo | None = None,
) -> ImportReport:
    """Import one file, all or nothing. A file that cannot be read raises ImportFileError
    and leaves the database unchanged; bad rows of a good file are reported (or, with
    `strict`, fail the file). `job` hears the progress and stops the import on Cancel."""
    zone = zone or ZoneInfo("UTC")
    job = job or Job()
    keeper = Keeper(desk.originals)
    blobs = Blobs(desk.attachments, options.attachment_file_cap, options.attachment_desk_cap)
    options.spill.folder = incoming(desk.originals)
    try:
        return _import(desk, path, options, job, actor, channel, strict, timedelta(days=gap_days),
                       zone, keeper, blobs)
    except BaseException:
        keeper.undo()
        blobs.undo()
        raise
    finally:
        options.spill.clean()


def _import(desk: Desk, path: Path, options: ImportOptions, job: Job, actor: str, channel: str,
            strict: bool, gap: timedelta, zone: ZoneInfo, keeper: Keeper,
            blobs: Blobs) -> ImportReport:
    parsed = parse_file(path, channel, options, zone, job)
    with import_turn(desk, job):
        return _import_parsed(desk, path, parsed, options, job, actor, strict, gap, keeper, blobs)


WAITING = "waiting for another import"


@contextmanager
def import_turn(desk: Desk, job: Job) -> Iterator[None]:
    """One import at a time on a SQLite desk, across processes: a second one waits for the
    first to commit instead of failing with "database is locked" after the busy timeout.
    A lock on a file beside the desk, which the OS drops if its holder dies; Cancel still
    works while waiting. (A server database lets imports run side by side.)"""
    if desk.path is None:
        yield
        return
    lock = FileLock(beside(desk.path, ".import-lock"))
    waited: list[bool] = []

    def waiting() -> None:
        waited.append(True)
        job.say(WAITING)

    if not lock.acquire(cancel=job.cancel, waiting=waiting):
        lock.release()
        raise Cancelled("import cancelled while waiting for another import; nothing was written")
    try:
        if waited:
            job.say("")  # its turn: the progress bar counts again
        yield
    finally:
        lock.release()


def _import_parsed(desk: Desk, path: Path, parsed: ParsedFile, options: ImportOptions, job: Job,
                   actor: str, strict: bool, gap: timedelta, keeper: Keeper,
                   blobs: Blobs | None = None) -> ImportReport:
    report = ImportReport(path.name, parsed.channel.value, header_set=parsed.header_set)
    with desk.transaction() as session:
        batch = ImportBatch(source=str(path), channel=parsed.channel.value, sha256=_sha256(path),
                            actor=actor)
        session.add(batch)
        session.flush()
        counts = store_parsed(session, parsed, batch.id, options, job, actor, gap, keeper, blobs)
        if strict and parsed.errors:  # known only once a streamed file has been read whole
            first = parsed.errors[0]
            raise ImportFileError(path.name, f"{first.message} (--strict)", first.line)
        report.notes = parsed.notes
        if blobs is not None and (over := blobs.note()):
            report.notes.append(over)
        report.errors = [{"line": e.line, "message": e.message} for e in parsed.errors]
        report.contacts_created, report.contacts_matched = counts.created, counts.matched
        report.inquiries_created = counts.inquiries
        report.messages_created, report.messages_skipped = counts.messages, counts.skipped
        if counts.created or counts.inquiries or counts.messages or counts.identities or counts.filled:
            batch.summary = json.dumps(asdict(report), ensure_ascii=False)
            report.batch = batch.id
            record(session, "import", actor, import_batch_id=batch.id, batch=batch.id, file=path.name,
                   messages=counts.messages)
        else:
            session.delete(batch)  # nothing new: no batch to list or revert
    if report.messages_created >= STATISTICS_AFTER:
        refresh_statistics(desk.engine)
    return report


def store_parsed(session: Session, parsed: ParsedFile, batch_id: int, options: ImportOptions,
                 job: Job, actor: str, gap: timedelta, keeper: Keeper, blobs: Blobs | None = None,
                 memory: ContactMemory | None = None) -> Counts:
    """Contacts first, then the inquiries' drafts as they come. A list knows its length
    and progress is counted here; a file read as it is stored reports its own progress.
    `memory`: the contacts earlier batches of the same sync resolved."""
    if memory is not None:
        memory.begin(session)
    store = FileStore(session, batch_id=batch_id, options=options, actor=actor, gap=gap,
                      keeper=keeper, blobs=blobs, memory=memory)
    listed = parsed.inquiries if isinstance(parsed.inquiries, list) else []
    contacts = parsed.contacts if isinstance(parsed.contacts, list) else []
    total = len(contacts) + len(listed)
    for done, draft in enumerate(parsed.contacts, 1):
        match = match_contact(session, draft, actor=actor, default_region=options.default_region,
                              batch_id=batch_id)
        store.counts.saw_contact(match.contact_id, match.created)
        store.counts.identities += match.identities_added  # all an import adds is its batch's
        store.counts.filled += len(match.filled)
        if draft.overflow is not None:
            contact = session.get_one(Contact, match.contact_id)
            contact.original_file = contact.original_file or keeper.keep(draft.overflow)
        if contacts:
            job.tick(done, total)
    with sqlite_pragmas(session.connection(), cache_size=-64 * 1024):  # 64 MiB of pages
        for done, inquiry in enumerate(parsed.inquiries, len(contacts) + 1):
            store.store(inquiry)
            if listed and (done % 100 == 0 or done == total):
                job.tick(done, total)
        counts = store.finish()
    link_inquiries(session, store.touched)
    return counts


@dataclass(frozen=True)
class BatchSummary:
    """One import batch as `import --list` shows it."""

    id: int
    source: str
    channel: str
    created_at: str
    actor: str
    reverted_at: str | None
    messages_created: int


def list_batches(session: Session) -> list[BatchSummary]:
    """Every import batch, newest first."""
    batches = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc()))
    return [
        BatchSummary(b.id, b.source, b.channel, b.created_at.isoformat(), b.actor,
                     b.reverted_at.isoformat() if b.reverted_at else None,
                     int(json.loads(b.summary or "{}").get("messages_created", 0)))
        for b in batches
    ]
