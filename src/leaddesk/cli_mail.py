"""The `mail` sub-command: accounts (add, list, remove, test), `mail sync`, `mail triage`
and `mail send`."""

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from datetime import date

from leaddesk.errors import InvalidInputError
from leaddesk.failures import say
from leaddesk.services.desk import Desk
from leaddesk.services.mail.accounts import AccountSpec, add_account, list_accounts, remove_account
from leaddesk.settings import Settings


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n") or None
    if sys.stdin.isatty():
        return getpass.getpass(f"password of {args.user or args.email}: ") or None
    return None


def run_mail(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """One `mail` action."""
    if args.mail_command == "add":
        spec = AccountSpec(args.name, args.email, args.imap, args.smtp, args.user, args.security,
                           args.ca_file, args.provider)
        password = _password(args)
        with desk.transaction() as session:
            view = add_account(session, spec, password)
        for warning in view.warnings:
            say(f"leaddesk: warning: {warning}")
        if not view.password_stored:
            say(f"leaddesk: warning: no password stored for {view.name}; "
                "add it again with --password-stdin to sync")
        if args.json:
            print(json.dumps(asdict(view), ensure_ascii=False))
        else:
            print(f"added {view.name}: {view.email}, IMAP {view.imap} ({view.security})"
                  + (f", SMTP {view.smtp} ({view.smtp_security})" if view.smtp else ""))
        return 0
    if args.mail_command == "list":
        with desk.transaction() as session:
            views = list_accounts(session)
        if args.json:
            print(json.dumps([asdict(v) for v in views], ensure_ascii=False, indent=2))
        for v in views if not args.json else []:
            print(f"{v.name}  {v.email}  IMAP {v.imap} ({v.security})"
                  + (f"  SMTP {v.smtp}" if v.smtp else "")
                  + ("" if v.password_stored else "  (no password stored)"))
        return 0
    if args.mail_command == "remove":
        with desk.transaction() as session:
            remove_account(session, args.name)
        print(f"removed {args.name}; its mails stay in the desk")
        return 0
    if args.mail_command == "test":
        return _test(args, desk)
    if args.mail_command == "sync":
        return _sync(args, desk, settings)
    if args.mail_command == "triage":
        return _triage(args, desk, settings)
    if args.mail_command == "send":
        return _send(args, desk, settings)
    if args.mail_command == "templates":
        return _templates(args)
    raise InvalidInputError(f"mail {args.mail_command}: not an action")


def _test(args: argparse.Namespace, desk: Desk) -> int:
    """Log in to the account's servers and say what each answered; exit 1 when one failed."""
    from leaddesk.services.mail.check import check_account

    checked = check_account(desk, args.name)
    print(json.dumps(checked.as_json(), ensure_ascii=False) if args.json else checked.line)
    return 1 if checked.failed else 0


def _sync(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """Each account's report as it finishes; exit 1 when an account could not be synced
    (a mail refused or a renumbered folder is reported, the others are stored)."""
    from leaddesk.services.import_settings import import_setup
    from leaddesk.services.mail.sync import sync_accounts

    since = None
    if args.since:
        try:
            since = date.fromisoformat(args.since)
        except ValueError:
            raise InvalidInputError(f"--since {args.since!r}: write a date as YYYY-MM-DD") from None
    setup = import_setup(settings, extra_own=args.me)  # who we are, as a file import reads it
    failed = False
    for report in sync_accounts(desk, args.names, setup.options, actor=settings.user_name, since=since,
                                gap_days=setup.gap_days, form_senders=set(settings.form_senders),
                                mark_read=args.mark_read or settings.mail_mark_read):
        failed = failed or report.failed
        for error in report.errors:
            say(f"leaddesk: {error}")
        if args.json:
            data = report.as_json()
            data.pop("failed")
            print(json.dumps(data, ensure_ascii=False), flush=True)
        else:
            print(f"{report.account}: {report.fetched} fetched, {report.created} new messages "
                  f"({report.threaded} into conversations already there), {report.triaged} waiting "
                  f"in triage, {report.skipped} skipped, {len(report.errors)} errors", flush=True)
    return 1 if failed else 0


def _send(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """Send one mail; it is stored as `out` only once the server took it."""
    from datetime import timedelta
    from pathlib import Path

    from leaddesk.services.import_settings import import_setup
    from leaddesk.services.mail.send import Outgoing, send_mail
    from leaddesk.services.mail.templates import Signer

    if (args.body_file is None) == (args.template is None):
        raise InvalidInputError("mail send: give either --body-file or --template")
    body = _body(args.body_file) if args.body_file is not None else None
    setup = import_setup(settings)
    outgoing = Outgoing(args.target, body, args.subject, args.template,
                        [Path(a) for a in args.attach], args.account)
    signer = Signer(settings.user_name, settings.signature, next(iter(settings.own_phones), ""))
    sent = send_mail(desk, outgoing, setup.options, actor=settings.user_name, signer=signer,
                     gap=timedelta(days=setup.gap_days))
    for warning in sent.warnings:
        say(f"leaddesk: warning: {warning}")
    if args.json:
        print(json.dumps(sent.as_json(), ensure_ascii=False))
    else:
        print(f"sent to {sent.to} from {sent.account}: {sent.subject}"
              + (f" (inquiry {sent.inquiry_id})" if sent.inquiry_id else ""))
    return 0


def _templates(args: argparse.Namespace) -> int:
    """Every template with its language and subject, and what is wrong with a broken one."""
    from leaddesk.domain.templates import read_template
    from leaddesk.services.mail.templates import templates, user_templates

    shown: list[dict[str, str | None]] = []
    for (name, language), text in sorted(templates().items()):
        try:
            subject, problem = read_template(name, language, text).subject, None
        except InvalidInputError as exc:
            subject, problem = "", str(exc)
        shown.append({"name": name, "language": language, "subject": subject, "problem": problem})
    if args.json:
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    for item in shown:
        print(f"{item['name']}  {item['language']}  {item['problem'] or item['subject']}")
    print(f"your own: {user_templates()}/NAME.LANG.txt (a first line 'Subject: ...', then the text)")
    return 0


def _body(name: str) -> str:
    """The text to send, from a file or standard input; InvalidInputError for one that is
    missing, not UTF-8 or empty."""
    from pathlib import Path

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"--body-file {name}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InvalidInputError(f"--body-file {name}, line {line}: not UTF-8 text") from None
    if not text.strip():
        raise InvalidInputError(f"--body-file {name}: empty; nothing to send")
    return text


def _triage(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """List the waiting mails, or decide on one: accept it (stored as the sync would have),
    or ignore its sender or its domain in every later sync."""
    from datetime import timedelta

    from leaddesk.services.import_settings import import_setup
    from leaddesk.services.mail.pending import ignore, list_pending
    from leaddesk.services.mail.sync import accept

    if args.decision is None:
        with desk.transaction() as session:
            waiting = list_pending(session)
        if args.json:
            print(json.dumps(waiting, ensure_ascii=False, indent=2))
        for item in waiting if not args.json else []:
            print(f"{item['id']}  {item['received'][:16]}  {item['from']}  {item['subject']}"
                  f"  ({item['reason']})")
        return 0
    if args.id is None:
        raise InvalidInputError(f"mail triage {args.decision}: name the waiting mail's ID")
    if args.decision == "accept":
        setup = import_setup(settings)  # stored as the sync would have stored it
        counts = accept(desk, args.id, setup.options, actor=settings.user_name,
                        gap=timedelta(days=setup.gap_days))
        result = {"id": args.id, "messages": counts.messages, "inquiries": counts.inquiries,
                  "contacts": counts.created}
        text = f"accepted {args.id}: {counts.messages} new messages, {counts.created} new contacts"
    else:
        kind = args.decision.removeprefix("ignore-")
        with desk.transaction() as session:
            value, dropped = ignore(session, args.id, kind, settings.user_name)
        result = {"id": args.id, kind: value, "dropped": dropped}
        text = f"ignoring {kind} {value} from now on; {dropped} waiting mails dropped"
    print(json.dumps(result, ensure_ascii=False) if args.json else text)
    return 0
