"""What a person does to the desk, one function each: a session of its own, the work, and
the `Changes` it made, so that every view can tell whether what it shows is still so.
The window runs these off its GUI thread (ui/operations.py); scripts may call them as
they are."""

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select

from leaddesk.db.models import Contact, FollowUp, Inquiry, MergeRecord
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import FollowUpKind
from leaddesk.importers.base import ImportOptions
from leaddesk.job import Cancelled, Job
from leaddesk.services import contacts, deletions, followups, inquiries, merge
from leaddesk.services.apart import Hooks
from leaddesk.services.changes import EVERYTHING, NOTHING, TRIAGE, Changes
from leaddesk.services.desk import Desk
from leaddesk.services.revert import RevertPlan, revert_import

if TYPE_CHECKING:  # the importers and reports load when first used, not with the window
    from zoneinfo import ZoneInfo

    from leaddesk.reports.build import ReportDone
    from leaddesk.reports.rows import Period
    from leaddesk.reports.summary import Summary
    from leaddesk.services.article_files import ArticlesImported
    from leaddesk.services.imports import ImportReport
    from leaddesk.services.mail.accounts import AccountSpec, AccountView
    from leaddesk.services.mail.send import Outgoing, Sent
    from leaddesk.services.mail.templates import Signer
    from leaddesk.services.storing import Counts

T = TypeVar("T")


@dataclass(frozen=True)
class Undo:
    """How an operation that can be undone is taken back: what it was (`kind`: import,
    merge, stage, owner, edit, follow-up done), what it was about (a file, a contact, a
    stage), and the operation that reverses it, called as `reverse(desk, actor=...)`.
    `confirm`: asked before (an import's undo removes what came with it)."""

    kind: str
    subject: str
    reverse: Callable[..., "Outcome[Any]"]
    confirm: bool = False


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an operation gives back, what it changed, and how to undo it (if it can be)."""

    value: T
    changes: Changes
    undo: Undo | None = None


def set_stage(desk: Desk, contact_id: int, stage: str, *, actor: str, reason: str | None = None,
              expected_version: int | None = None) -> Outcome[contacts.ContactSummary]:
    """Move a lead along the pipeline (a lost one needs a reason); undone by moving it back."""
    with desk.transaction() as session:
        before = session.get(Contact, contact_id)
        was = (before.stage, before.lost_reason) if before is not None else None
        summary = contacts.set_stage(session, contact_id, stage, actor=actor, reason=reason,
                                     expected_version=expected_version)
    undo = None if was is None else Undo("stage", summary.stage, partial(
        set_stage, contact_id=contact_id, stage=was[0], reason=was[1]))
    return Outcome(summary, Changes.of(contacts=[contact_id]), undo)


def edit_contact(desk: Desk, contact_id: int, expected_version: int, *, actor: str,
                 **fields: str) -> Outcome[contacts.ContactSummary]:
    """Save a person's edits of a contact's fields (owner, name, notes...); undone by
    putting back what they were."""
    with desk.transaction() as session:
        before = session.get(Contact, contact_id)
        was = {key: getattr(before, key) for key in fields if hasattr(before, key)}
        summary = contacts.update_contact(session, contact_id, expected_version, actor=actor, **fields)
    kind = "owner" if set(fields) == {"owner"} else "edit"
    undo = Undo(kind, summary.name or f"#{contact_id}", partial(
        edit_contact, contact_id=contact_id, expected_version=summary.version, **was))
    return Outcome(summary, Changes.of(contacts=[contact_id]), undo)


def save_contact(desk: Desk, contact_id: int, expected_version: int, *, actor: str,
                 fields: Mapping[str, str], added: Sequence[str] = (), removed: Sequence[int] = (),
                 default_region: str = "") -> Outcome[contacts.ContactSummary]:
    """The contact editor's Save, in one transaction on the version the person read: the
    fields changed, identities taken off, new ones added (one another contact holds is an
    IdentityHeldError, and nothing is saved). A stale edit is a ConflictError."""
    with desk.transaction() as session:
        contact = contacts.load_for_edit(session, contact_id, expected_version)
        cleared = {key: (value.strip() or None) if key in ("country", "language") else value.strip()
                   for key, value in fields.items()}
        if cleared:
            contacts.update_contact(session, contact_id, expected_version, actor=actor, **cleared)
        for identity_id in removed:
            contacts.remove_identity(session, contact_id, identity_id, actor=actor)
        for raw in added:
            contacts.add_identity(session, contact_id, raw, actor=actor, default_region=default_region)
        if added or removed:  # a colleague holding the old version must see the change
            contact.updated_at = utc_now()
        session.flush()
        summary = contacts.get_contact(session, contact_id)
    return Outcome(summary, Changes.of(contacts=[contact_id]))


def delete_contact(desk: Desk, contact_id: int, *, actor: str) -> Outcome[str]:
    """Delete a contact softly (restore_contact undoes it); its name."""
    with desk.transaction() as session:
        name = deletions.delete_contact(session, contact_id, actor=actor)
        gone = deletions.inquiries_of(session, contact_id)
    # everything: the inbox cannot tell from ids alone that rows it shows have left it
    return Outcome(name, Changes.of(contacts=[contact_id], inquiries=gone) | EVERYTHING,
                   Undo("delete", name or f"#{contact_id}", partial(restore_contact, contact_id=contact_id)))


def restore_contact(desk: Desk, contact_id: int, *, actor: str) -> Outcome[str]:
    """Undo a delete: the contact and its inquiries are back; its name."""
    with desk.transaction() as session:
        name = deletions.restore_contact(session, contact_id, actor=actor)
        back = deletions.inquiries_of(session, contact_id)
    return Outcome(name, Changes.of(contacts=[contact_id], inquiries=back))


def link_article(desk: Desk, inquiry_id: int, article_id: int | None, *, actor: str) -> Outcome[None]:
    """A person's link of an inquiry to the article that brought it (or to none)."""
    from leaddesk.services.attribution import set_article

    with desk.transaction() as session:
        set_article(session, inquiry_id, article_id, actor=actor)
    return Outcome(None, Changes.of(inquiries=[inquiry_id], articles=[article_id]))


def add_followup(desk: Desk, contact_id: int, due_at: datetime, kind: FollowUpKind | str, *,
                 actor: str, note: str = "", inquiry_id: int | None = None) -> Outcome[int]:
    """Plan the next step with a buyer."""
    with desk.transaction() as session:
        followup = followups.schedule_followup(session, contact_id, due_at, kind, actor=actor,
                                               note=note, inquiry_id=inquiry_id)
    return Outcome(followup, Changes.of(contacts=[contact_id], followups=[followup]))


def _followup_contact(desk: Desk, followup_id: int) -> int | None:
    with desk.transaction() as session:
        return session.scalar(select(FollowUp.contact_id).where(FollowUp.id == followup_id))


def complete_followup(desk: Desk, followup_id: int, outcome: str, *, actor: str) -> Outcome[None]:
    """Say what came of a follow-up; undone by opening it again."""
    with desk.transaction() as session:
        followups.complete_followup(session, followup_id, outcome, actor=actor)
        followup = session.get(FollowUp, followup_id)
        contact = session.get(Contact, followup.contact_id) if followup is not None else None
        name = contact.name if contact is not None else ""
    undo = Undo("follow-up done", name, partial(reopen_followup, followup_id=followup_id))
    return Outcome(None, Changes.of(contacts=[_followup_contact(desk, followup_id)],
                                    followups=[followup_id]), undo)


def reopen_followup(desk: Desk, followup_id: int, *, actor: str) -> Outcome[None]:
    """Open a follow-up marked done again (its outcome forgotten; the audit keeps both)."""
    from leaddesk.errors import NotFoundError
    from leaddesk.services.activity import record

    with desk.transaction() as session:
        followup = session.get(FollowUp, followup_id)
        if followup is None or followup.done_at is None:
            raise NotFoundError(f"no done follow-up #{followup_id} to open again")
        outcome, followup.done_at, followup.outcome = followup.outcome, None, None
        record(session, "followup_reopened", actor, contact_id=followup.contact_id,
               followup=followup_id, outcome=outcome)
        contact_id = followup.contact_id
    return Outcome(None, Changes.of(contacts=[contact_id], followups=[followup_id]))


def snooze_followup(desk: Desk, followup_id: int, delay: timedelta, *, actor: str) -> Outcome[datetime]:
    """Put a follow-up off by `delay`; its new due time."""
    with desk.transaction() as session:
        due = followups.snooze_followup(session, followup_id, delay, actor=actor)
    return Outcome(due, Changes.of(contacts=[_followup_contact(desk, followup_id)],
                                   followups=[followup_id]))


def log_inquiry(desk: Desk, form: inquiries.LogInquiry, *, actor: str,
                default_region: str = "") -> Outcome[inquiries.InquirySummary]:
    """A hand-logged inquiry (its contact found or made, its follow-up planned)."""
    with desk.transaction() as session:
        logged = inquiries.log_inquiry(session, form, actor=actor, default_region=default_region)
    return Outcome(logged, Changes.of(contacts=[logged.contact_id], inquiries=[logged.id]))


def send_mail(desk: Desk, outgoing: "Outgoing", options: ImportOptions, *, actor: str,
              signer: "Signer", gap_days: int = 30) -> "Outcome[Sent]":
    """A mail sent, copied to Sent and stored as `out` (services/mail/send.py)."""
    from leaddesk.services.mail.send import send_mail as send

    sent = send(desk, outgoing, options, actor=actor, signer=signer, gap=timedelta(days=gap_days))
    return Outcome(sent, Changes.of(contacts=[sent.contact_id], inquiries=[sent.inquiry_id]))


def log_reply(desk: Desk, inquiry_id: int, text: str, *, actor: str) -> Outcome[None]:
    """A reply the person sent outside LeadDesk (WhatsApp, WeChat), stored as `out` now."""
    with desk.transaction() as session:
        inquiries.add_message(session, inquiry_id, text, actor=actor)
        contact = session.scalar(select(Inquiry.contact_id).where(Inquiry.id == inquiry_id))
    return Outcome(None, Changes.of(contacts=[contact], inquiries=[inquiry_id]))


def accept_mail(desk: Desk, pending_id: int, options: ImportOptions, *, actor: str,
                gap_days: int = 30) -> "Outcome[Counts]":
    """A mail waiting in "New senders" stored as an inquiry (its sender a contact)."""
    from leaddesk.services.mail.sync import accept

    counts = accept(desk, pending_id, options, actor=actor, gap=timedelta(days=gap_days))
    return Outcome(counts, TRIAGE | EVERYTHING)  # a new contact and inquiry, wherever they sort


def ignore_mails(desk: Desk, pending_id: int, kind: str, *, actor: str) -> Outcome[tuple[str, int]]:
    """Ignore a waiting mail's sender or domain from now on; the rule and the mails dropped."""
    from leaddesk.services.mail.pending import ignore

    with desk.transaction() as session:
        ignored = ignore(session, pending_id, kind, actor)
    return Outcome(ignored, TRIAGE)


def add_mail_account(desk: Desk, spec: "AccountSpec", password: str | None) -> "Outcome[AccountView]":
    """A mail account stored, its password in the keyring (services/mail/accounts.py); no
    view shows accounts but Settings, which reads them again itself."""
    from leaddesk.services.mail.accounts import add_account

    with desk.transaction() as session:
        view = add_account(session, spec, password)
    return Outcome(view, NOTHING)


def remove_mail_account(desk: Desk, name: str) -> Outcome[None]:
    """A mail account and its password forgotten; the mails it brought stay, the ones
    waiting in "New senders" go with it."""
    from leaddesk.services.mail.accounts import remove_account

    with desk.transaction() as session:
        remove_account(session, name)
    return Outcome(None, TRIAGE)


def merge_contacts(desk: Desk, survivor_id: int, merged_id: int, *, actor: str,
                   choices: Mapping[str, merge.Side] | None = None) -> Outcome[int]:
    """Merge two records of one buyer; the merge's id (to undo it)."""
    with desk.transaction() as session:
        pair = [session.get(Contact, survivor_id), session.get(Contact, merged_id)]
        names = " + ".join(dict.fromkeys(c.name or f"#{c.id}" for c in pair if c is not None))
        merge_id = merge.merge_contacts(session, survivor_id, merged_id, actor=actor, choices=choices)
    return Outcome(merge_id, Changes.of(contacts=[survivor_id, merged_id]),
                   Undo("merge", names, partial(undo_merge, merge_id=merge_id)))


def undo_merge(desk: Desk, merge_id: int, *, actor: str) -> Outcome[None]:
    """Put two merged contacts back as they were."""
    with desk.transaction() as session:
        record = session.get(MergeRecord, merge_id)
        pair = [record.survivor_id, record.merged_id] if record else []
        merge.undo_merge(session, merge_id, actor=actor)
    return Outcome(None, Changes.of(contacts=pair))


@dataclass(frozen=True)
class Imported:
    """What an import of several files did."""

    reports: list["ImportReport"]
    errors: list[str]  # a line for each file that was refused
    cancelled: bool = False  # the person pressed Cancel: the files before it stay imported


def import_files(desk: Desk, paths: list[Path], options: ImportOptions, *, actor: str,
                 job: Callable[[int], Job] | None = None, gap_days: int = 30,
                 zone: "ZoneInfo | None" = None) -> Outcome[Imported]:
    """Import files one after the other, each followed by its own job (`job(n)` gives the
    n-th file's: its share of one progress bar, the same Cancel); `gap_days` and `zone`
    as the settings say (services/import_settings.py)."""
    from leaddesk.errors import LeadDeskError
    from leaddesk.services.imports import import_file

    reports: list[ImportReport] = []
    errors: list[str] = []
    cancelled = False
    for number, path in enumerate(paths):
        try:
            reports.append(import_file(desk, path, options, actor=actor,
                                       job=None if job is None else job(number),
                                       gap_days=gap_days, zone=zone))
        except Cancelled:
            cancelled = True
            break
        except LeadDeskError as exc:  # one bad file does not stop the others
            errors.append(str(exc))
    changed = [r.batch for r in reports if r.batch is not None]
    named = [r.file for r in reports if r.batch is not None]
    undo = Undo("import", named[0] if len(named) == 1 else ", ".join(named),
                partial(revert_batches, batch_ids=changed), confirm=True) if changed else None
    # a file that only added to known contacts (a vCard) may record no batch, yet it
    # changed them and may have paired two as likely duplicates
    touched = changed or any(r.contacts_created or r.contacts_matched for r in reports)
    return Outcome(Imported(reports, errors, cancelled),
                   Changes.of(batches=changed) | EVERYTHING if touched else NOTHING, undo)


def revert_batches(desk: Desk, batch_ids: list[int], *, actor: str) -> Outcome[list[RevertPlan]]:
    """Revert import batches, the newest first; the inquiries they took away are named
    in the `Changes`, so that lists leave them out at once."""
    plans = [revert_import(desk, batch_id, actor=actor) for batch_id in sorted(batch_ids, reverse=True)]
    removed = [inquiry for plan in plans for inquiry in plan.inquiries]
    return Outcome(plans, Changes.of(batches=batch_ids, removed=removed) | EVERYTHING)


def files_jobs(count: int, progress: Callable[[int, int], None] | None,
               say: Callable[[str], None] | None, cancel: threading.Event) -> Callable[[int], Job]:
    """The job of each of `count` files imported together: one progress from 0 to 1000
    per file, so a bar runs forward once over all of them; the same Cancel."""
    def job(number: int) -> Job:
        def overall(done: int, total: int) -> None:
            if progress is not None:
                progress(number * 1000 + 1000 * done // max(total, 1), 1000 * count)

        return Job(progress=overall, cancel=cancel, status=say)

    return job


def import_files_apart(paths: list[Path], region: str, actor: str, hooks: Hooks) -> Outcome[Imported]:
    """`import_files` in a process of its own (services/apart.py): a big import there
    leaves the window's thread alone. The settings are read there, as saved (the data
    folder is the window's); `region`, when given, is the default country."""
    from leaddesk.services.import_settings import import_setup
    from leaddesk.settings import Settings

    setup = import_setup(Settings.load())
    if region:
        setup.options.default_region = region
    with _desk_at(hooks.url) as desk:
        return import_files(desk, paths, setup.options, actor=actor,
                            job=files_jobs(len(paths), hooks.progress, hooks.say, hooks.cancel),
                            gap_days=setup.gap_days, zone=setup.zone)


def undo_import(desk: Desk, *, actor: str) -> Outcome[tuple[str, RevertPlan] | None]:
    """Revert the newest import that is not reverted yet: its file's name and the plan
    carried out, or None when there is none."""
    with desk.transaction() as session:
        from leaddesk.services.imports import list_batches

        batch = next((b for b in list_batches(session) if b.reverted_at is None), None)
    if batch is None:
        return Outcome(None, NOTHING)
    plan = revert_import(desk, batch.id, actor=actor)
    return Outcome((Path(batch.source).name, plan),
                   Changes.of(batches=[batch.id], removed=plan.inquiries) | EVERYTHING)


def revert_batches_apart(batch_ids: list[int], actor: str, hooks: Hooks) -> Outcome[list[RevertPlan]]:
    """`revert_batches` in a process of its own: a big revert there leaves the window alone."""
    with _desk_at(hooks.url) as desk:
        return revert_batches(desk, batch_ids, actor=actor)


def undo_import_apart(actor: str, hooks: Hooks) -> Outcome[tuple[str, RevertPlan] | None]:
    """`undo_import` in a process of its own: a big revert there leaves the window alone."""
    with _desk_at(hooks.url) as desk:
        return undo_import(desk, actor=actor)


def export_report_apart(fmt: str, target: Path, period: "Period", hooks: Hooks) -> "ReportDone":
    """Write a report in a process of its own: a 300,000-row XLSX is seconds of Python
    that would otherwise hold the GIL over the window's thread."""
    from leaddesk.reports.build import build_report

    with _desk_at(hooks.url) as desk, desk.transaction() as session:
        return build_report(session, fmt, target, period)


def summarise_apart(period: "Period", hooks: Hooks) -> "Summary":
    """A big period's figures in a process of its own: reading 300,000 inquiries holds
    the GIL, and SQLite's sort of them leaves the window's process hundreds of MB larger."""
    from leaddesk.reports.rows import lead_rows
    from leaddesk.reports.summary import summarise

    with _desk_at(hooks.url) as desk, desk.transaction() as session:
        return summarise(lead_rows(session, period))


def _desk_at(url: str) -> Desk:
    from sqlalchemy import make_url

    from leaddesk.db.engine import make_engine

    return Desk(make_engine(make_url(url)))


def import_articles(desk: Desk, paths: list[Path]) -> "Outcome[ArticlesImported]":
    """The site's pages from a sitemap, saved pages or a CSV, and the inquiries that name
    them linked; inquiries linked by the rules are not named, so every view looks again."""
    from leaddesk.services.article_files import import_article_files

    imported = import_article_files(desk, paths)
    return Outcome(imported, EVERYTHING if imported.linked else Changes.of(articles=imported.articles))


def fill_demo(desk: Desk, *, actor: str) -> Outcome[dict[str, int]]:
    """A realistic demo desk, on an empty one."""
    from leaddesk.services.demo import fill_demo as fill

    with desk.transaction() as session:
        figures = fill(session, actor=actor)
    return Outcome(figures, EVERYTHING)
