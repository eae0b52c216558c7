"""The sub-commands: thin over the services, printing text or JSON, one-line errors."""

import argparse
import dataclasses
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from leaddesk import paths
from leaddesk.db.engine import DB_ENV
from leaddesk.errors import InvalidInputError, LeadDeskError
from leaddesk.failures import log_failure, say
from leaddesk.services import desk as desk_service
from leaddesk.settings import Settings


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {key: _jsonable(item) for key, item in dataclasses.asdict(value).items()}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    return value


def _print_json(value: Any) -> None:
    json.dump(_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    """Columns a string takes in a terminal: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(rows: Iterable[Iterable[Any]], header: Iterable[str]) -> None:
    table = [list(map(str, header))] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(_width(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        cells = (cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())


def _open(args: argparse.Namespace) -> desk_service.Desk:
    if getattr(args, "remember", False):
        remember_database(args.db)
    return desk_service.open_desk(args.db or Settings.load().database or None)


def remember_database(db: str | None) -> None:
    """--remember: the --db (or LEADDESK_DB) database becomes the settings' default; a
    password in its URL goes to the keyring, the URL is saved without it."""
    chosen = db or os.environ.get(DB_ENV)
    if not chosen:
        raise InvalidInputError("--remember needs --db URL_OR_PATH (or LEADDESK_DB)")
    settings = Settings.load()
    settings.database = chosen
    settings.save()


def cmd_contacts(args: argparse.Namespace) -> int:
    action = getattr(args, "contacts_command", None)
    if action == "edit":
        return _edit_contact(args)
    if action == "erase":
        from leaddesk.services.personal_data import erase

        with _open(args) as desk:
            contact_id, removed = erase(desk, args.contact, actor=Settings.load().user_name)
        print(f"erased contact #{contact_id}: " + ", ".join(f"{n} {what}" for what, n in removed.items()))
        return 0
    if action is not None:
        from leaddesk.services.contacts import find_contact
        from leaddesk.services.personal_data import personal_data

        with _open(args) as desk, desk.transaction() as session:
            # a deleted contact's data is still held: its owner may still ask for it
            _print_json(personal_data(session, find_contact(session, args.contact, deleted=True)))
        return 0
    from leaddesk.services.contacts import list_contacts

    with _open(args) as desk, desk.transaction() as session:
        contacts = list_contacts(session)
    if args.vcf:
        from leaddesk.importers.vcard import write_vcards

        text = write_vcards((c.name, c.company, c.country, c.phones, c.emails, c.wechat_ids)
                            for c in contacts)
        Path(args.vcf).write_text(text, encoding="utf-8", newline="")
        print(f"{len(contacts)} contacts written to {args.vcf}")
    elif args.json:
        _print_json(contacts)
    else:
        _print_table(((c.id, c.name, c.company, c.country, c.stage, " ".join(c.phones + c.emails))
                      for c in contacts), ("id", "name", "company", "country", "stage", "reach"))
    return 0


def _edit_contact(args: argparse.Namespace) -> int:
    from leaddesk.services.contacts import edit_contact, find_contact

    fields = {name: getattr(args, name) for name in ("name", "company", "country")
              if getattr(args, name) is not None}
    if args.reason is not None and args.stage is None:
        raise InvalidInputError("--reason goes with --stage lost")
    if not fields and args.note is None and args.stage is None:
        raise InvalidInputError("say what to change: --name, --company, --country, --note or --stage")
    with _open(args) as desk, desk.transaction() as session:
        contact = find_contact(session, args.contact)
        summary = edit_contact(session, contact.id, actor=Settings.load().user_name, fields=fields,
                               note=args.note, stage=args.stage, reason=args.reason)
    if args.json:
        _print_json(summary)
    else:
        print(f"contact #{summary.id} {summary.name or '(no name)'}: {summary.company or '-'}, "
              f"{summary.country or '-'}, stage {summary.stage}")
    return 0


def cmd_inquiries(args: argparse.Namespace) -> int:
    from leaddesk.services.inquiries import list_inquiries

    with _open(args) as desk, desk.transaction() as session:
        inquiries = list_inquiries(session, args.limit)
    if args.json:
        _print_json(inquiries)
    else:
        _print_table(((i.id, i.contact, i.channel, i.last_message_at.strftime("%Y-%m-%d %H:%M"),
                       i.messages, i.stage, i.article_url or "") for i in inquiries),
                     ("id", "contact", "channel", "last message", "msgs", "stage", "article"))
    return 0


def cmd_followups(args: argparse.Namespace) -> int:
    from leaddesk.services.followups import Due, list_followups

    with _open(args) as desk, desk.transaction() as session:
        followups = list_followups(session, Due(args.due))
    if args.json:
        _print_json(followups)
    else:
        _print_table(((f.id, f.due_at.astimezone().strftime("%Y-%m-%d %H:%M"), f.kind, f.contact,
                       f.note) for f in followups), ("id", "due", "kind", "contact", "note"))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from leaddesk.services import demo

    with _open(args) as desk:
        if args.messages is not None:
            figures = demo.fill_synthetic(desk.engine, args.messages)
        else:
            with desk.transaction() as session:
                figures = demo.fill_demo(session, actor=Settings.load().user_name)
    print(", ".join(f"{count} {name}" for name, count in figures.items()))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from leaddesk.services import upkeep

    if args.db_command == "upgrade":
        done = upkeep.upgrade(args.db or None)
        print(_jsonable({"schema": done}) if args.json else f"database {done}")
        return 0
    if args.db_command == "restore":
        return _restore(args)
    with _open(args) as desk:
        if args.db_command == "backup":
            print(f"backed up to {upkeep.backup(desk, Path(args.file))}")
            return 0
        problems = upkeep.check(desk)
    if args.json:
        _print_json({"ok": not problems, "problems": problems})
    else:
        print("\n".join(problems) if problems else f"{desk.name}: ok")
    return 1 if problems else 0


def _restore(args: argparse.Namespace) -> int:
    from leaddesk.db.engine import database_url
    from leaddesk.services.restore import restore

    url = database_url(args.db or Settings.load().database or None)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise InvalidInputError("db restore puts back a SQLite desk; restore a PostgreSQL "
                                "database with pg_restore from a `db backup` file")
    done = restore(Path(url.database), Path(args.file))
    print(f"restored {done.source} (schema {done.revision})" +
          (f"; the desk as it was is kept as {done.kept}" if done.kept else ""))
    with desk_service.open_desk(str(done.database)):  # an older schema is upgraded here
        pass
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from leaddesk.cli_import import run_import  # each command imports only what it uses

    settings = Settings.load()
    with _open(args) as desk:
        return run_import(args, desk, settings)


def cmd_articles(args: argparse.Namespace) -> int:
    from leaddesk.cli_articles import run_articles

    with _open(args) as desk:
        return run_articles(args, desk, Settings.load())


def cmd_mail(args: argparse.Namespace) -> int:
    from leaddesk.cli_mail import run_mail

    with _open(args) as desk:
        return run_mail(args, desk, Settings.load())


def cmd_attachments(args: argparse.Namespace) -> int:
    from leaddesk.domain.attachments import readable_size
    from leaddesk.services.attachments import inquiry_attachments, save_attachment

    with _open(args) as desk:
        listed = inquiry_attachments(desk, args.inquiry)
        if args.save:
            wanted, target = args.save
            if not wanted.isdigit() or int(wanted) not in {a.id for a in listed}:
                raise InvalidInputError(f"inquiry #{args.inquiry} has no attachment {wanted}")
            written = save_attachment(desk, int(wanted), Path(target).expanduser())
            print(f"saved {written}")
            return 0
    if args.json:
        _print_json([a.as_json() for a in listed])
    else:
        _print_table(((a.id, a.name, readable_size(a.size), a.media_type,
                       "kept" if a.stored else "over the cap: named only") for a in listed),
                     ("id", "name", "size", "type", "file"))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from leaddesk.services.search import as_json, search

    settings = Settings.load()
    if args.save:
        settings.saved_searches[args.save] = args.query
        settings.save()
    with _open(args) as desk, desk.transaction() as session:
        result = search(session, args.query, limit=args.limit,
                        default_region=settings.default_region,
                        relevance=args.order == "relevance")
    if args.json:
        _print_json([as_json(hit) for hit in result.hits])
    else:
        _print_table(((h.received_at.astimezone().strftime("%Y-%m-%d %H:%M"), h.contact, h.channel,
                       h.snippet) for h in result.hits), ("when", "contact", "channel", "said"))
        print(f"{result.counted} found" + (f", newest {len(result.hits)} shown"
                                           if result.total > len(result.hits) else ""))
    return 0


def _day(value: str | None, option: str) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.combine(date.fromisoformat(value), time(), UTC)
    except ValueError:
        raise InvalidInputError(f"{option} {value!r}: write a date as YYYY-MM-DD") from None


def cmd_report(args: argparse.Namespace) -> int:
    from leaddesk.reports.build import build_report
    from leaddesk.reports.rows import Period

    period = Period(since=_day(args.since, "--since"), until=_day(args.until, "--until"),
                    channel=args.channel)
    with _open(args) as desk, desk.transaction() as session:
        done = build_report(session, args.format, Path(args.output), period, args.by)
    if args.json:
        _print_json({"file": str(done.path), "format": done.format, "rows": done.rows})
    else:
        print(f"{done.rows} rows ({args.by}) written to {done.path}")
    return 0


def cmd_window(args: argparse.Namespace) -> int:
    from leaddesk.ui.app import run_window

    return run_window(args.db)


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_window,
    "import": cmd_import,
    "report": cmd_report,
    "search": cmd_search,
    "articles": cmd_articles,
    "mail": cmd_mail,
    "attachments": cmd_attachments,
    "contacts": cmd_contacts,
    "inquiries": cmd_inquiries,
    "followups": cmd_followups,
    "demo": cmd_demo,
    "db": cmd_db,
}


def run(args: argparse.Namespace) -> int:
    """Run one parsed command; expected failures become one line on stderr and exit 1.
    Every failure is also written to the log, scrubbed of passwords."""
    paths.set_data_dir(args.data_dir)
    try:
        return COMMANDS[args.command](args)
    except LeadDeskError as exc:
        say(f"leaddesk: {exc}")
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        say(f"leaddesk: database error: {reason}")
    except BrokenPipeError:  # `leaddesk contacts | head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        say(f"leaddesk: {exc.filename or ''}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        print("leaddesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback in the log
        log = log_failure(exc, traceback=True)
        say(f"leaddesk: unexpected error: {type(exc).__name__}: {exc} (details in {log})",
            log=False)
    return 1
