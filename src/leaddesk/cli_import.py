"""The `import` sub-command: files in, one report per file; --list and --revert."""

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from leaddesk.domain.identities import looks_like_phone, normalize_email, normalize_phone
from leaddesk.domain.timeutil import local_zone
from leaddesk.errors import InvalidInputError, LeadDeskError
from leaddesk.failures import say
from leaddesk.importers.base import ImportOptions, Own
from leaddesk.job import Job
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file, list_batches
from leaddesk.services.revert import RevertPlan, revert_import
from leaddesk.settings import Settings


def own_staff(settings: Settings, extra: list[str]) -> Own:
    """Our staff from the settings plus --me: names, numbers as E.164, addresses."""
    own = Own()
    region = [settings.default_region] if settings.default_region else []
    for item in [*settings.own_names, *settings.own_phones, *settings.own_emails, *extra]:
        if "@" in item:
            own.emails.add(normalize_email(item).value)
        elif looks_like_phone(item):
            own.phones.add(normalize_phone(item, region).value)
        elif item.strip():
            own.names.add(item.strip())
    return own


def _column_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        label, sep, field = pair.partition("=")
        if not sep or not label.strip() or not field.strip():
            raise InvalidInputError(f"--map {pair!r}: write LABEL=field, e.g. 手机=phone")
        mapping[label.strip()] = field.strip()
    return mapping


def _print_revert(plan: RevertPlan, as_json: bool) -> None:
    if as_json:
        print(json.dumps(plan.as_json(), ensure_ascii=False, indent=2))
        return
    removed = ", ".join(f"{n} {what}" for what, n in plan.removed.items())
    print(f"dry run, nothing changed; would remove: {removed}" if plan.dry_run else f"reverted: {removed}")
    for item in plan.kept:
        print(f"  {'would keep' if plan.dry_run else 'kept'} {item.kind} #{item.id} {item.label}: "
              + "; ".join(item.reasons))


def run_import(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """Import each file; a file that fails is reported and the others still import."""
    if args.list:
        with desk.transaction() as session:
            batches = list_batches(session)
        if args.json:
            print(json.dumps([asdict(b) for b in batches], ensure_ascii=False, indent=2))
        for b in batches if not args.json else []:
            state = f"reverted {b.reverted_at[:16]}" if b.reverted_at else ""
            print(f"{b.id:>5}  {b.created_at[:16]}  {b.channel:<9} {b.messages_created:>6} messages  "
                  f"{Path(b.source).name}  {state}".rstrip())
        return 0
    if args.revert is not None:
        plan = revert_import(desk, args.revert, actor=settings.user_name, dry_run=args.dry_run)
        _print_revert(plan, args.json)
        return 0
    if args.dry_run:
        raise InvalidInputError("--dry-run goes with --revert BATCH")
    if not args.files:
        raise InvalidInputError("name the files to import (or use --list / --revert BATCH)")
    said: set[str] = set()

    def status(text: str) -> None:  # each thing said once, however many files wait
        if text and text not in said:
            said.add(text)
            print(f"leaddesk: {text}…", file=sys.stderr, flush=True)

    options = ImportOptions(own=own_staff(settings, args.me), default_region=settings.default_region,
                            attachment_desk_cap=max(0, settings.attachments_cap_mb) * 1024 * 1024,
                            column_map=_column_map(args.map),
                            remembered_maps=settings.column_maps)
    job = Job(status=status)
    failed = 0
    for name in args.files:
        path = Path(name)
        try:
            report = import_file(desk, path, options, actor=settings.user_name, job=job,
                                 channel=args.channel,
                                 strict=args.strict, gap_days=settings.conversation_gap_days,
                                 zone=local_zone())
        except LeadDeskError as exc:
            failed += 1
            say(f"leaddesk: {exc}")
            if args.json:
                line = getattr(exc, "line", None)
                print(json.dumps({"file": path.name, "channel": args.channel, "batch": None,
                                  "errors": [{"line": line, "message": str(exc)}]},
                                 ensure_ascii=False))
            continue
        if options.column_map and report.header_set:  # the next export with these headers
            settings.column_maps[report.header_set] = options.column_map
            settings.save()
        if args.json:
            data = asdict(report)
            data.pop("header_set")
            print(json.dumps(data, ensure_ascii=False))
        else:
            print(f"{report.file}: {report.channel}, {report.messages_created} new messages "
                  f"({report.messages_skipped} already there), {report.contacts_created} new contacts, "
                  f"{report.inquiries_created} new inquiries" + (f", batch {report.batch}"
                                                                 if report.batch else ""))
            for error in report.errors:
                print(f"  {report.file}:{error['line']}: {error['message']}")
            for note in report.notes:
                print(f"  note: {note}")
    return 1 if failed else 0
