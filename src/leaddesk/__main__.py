"""The `leaddesk` entry point: argument parsing only; the work is in cli.py and ui/."""

import argparse
import gc
import sys
from collections.abc import Sequence

from leaddesk import __version__

CHANNELS = ("auto", "whatsapp", "wechat", "email", "site_form", "vcard")


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """--db and --data-dir, accepted before or after a sub-command's name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--db", metavar="URL_OR_PATH", default=default,
                        help="SQLite file or postgresql+psycopg:// URL (also LEADDESK_DB)")
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="folder for the default database and settings")
    parser.add_argument("--remember", action="store_true", default=default,
                        help="make --db the default database; its password goes to the keyring")


def _mail(mail: argparse.ArgumentParser) -> None:
    """`leaddesk mail ...`: its actions and their options."""
    actions = mail.add_subparsers(dest="mail_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        _common(sub, top=False)
        return sub

    add = action("add", "add an IMAP account (its password goes to the system keyring)")
    add.add_argument("name", metavar="NAME", help="what the desk calls it, e.g. sales")
    add.add_argument("--email", required=True, metavar="ADDR", help="the account's address")
    add.add_argument("--imap", metavar="HOST[:PORT]", help="default: the provider's, where known")
    add.add_argument("--smtp", metavar="HOST[:PORT]", help="default: the provider's, where known")
    add.add_argument("--user", metavar="U", help="the login (default: the address)")
    add.add_argument("--security", choices=["tls", "starttls", "none"], default="tls",
                     help="tls (implicit, the default), starttls, or none (unencrypted)")
    add.add_argument("--provider", metavar="P",
                     help="a company domain's host: exmail, netease-qiye, aliyun-qiye, ...")
    add.add_argument("--ca-file", metavar="FILE",
                     help="a certificate (PEM) to trust for this server instead of the system's")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input (never from an argument)")
    add.add_argument("--json", action="store_true", help="print the account as JSON")
    listing = action("list", "list the mail accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = action("remove", "forget an account and its password (its mails stay)")
    remove.add_argument("name", metavar="NAME")
    test = action("test", "log in to an account's IMAP and SMTP servers, sending nothing")
    test.add_argument("name", metavar="NAME")
    test.add_argument("--json", action="store_true", help="print what each server said as JSON")
    sync = action("sync", "fetch what is new in the accounts' INBOX and Sent folders")
    sync.add_argument("names", nargs="*", metavar="NAME", help="default: every account")
    sync.add_argument("--since", metavar="DATE", help="a first sync reads mail from this day on")
    sync.add_argument("--json", action="store_true", help="print one JSON object per account")
    sync.add_argument("--mark-read", action="store_true",
                      help="mark the INBOX mails the desk took as read on the server (else none change)")
    sync.add_argument("--me", action="append", default=[], metavar="NAME_NUMBER_OR_EMAIL",
                      help="one of our own staff, for this run (repeatable)")
    send = action("send", "send a mail: a reply to an inquiry, or a new mail to a contact")
    send.add_argument("target", metavar="INQUIRY_OR_CONTACT",
                      help="an inquiry's id (a reply to its last buyer mail), or a contact: "
                           "contact:ID, an email address, a phone or a WeChat ID (a new mail)")
    send.add_argument("--body-file", metavar="F", help="the text to send (UTF-8; - reads standard input)")
    send.add_argument("--template", metavar="NAME",
                      help="or a template's text in the contact's language (see `mail templates`)")
    send.add_argument("--subject", metavar="S", help="default for a reply: Re: and the inquiry's subject")
    send.add_argument("--attach", action="append", default=[], metavar="FILE",
                      help="a file to attach (repeatable)")
    send.add_argument("--account", metavar="NAME", help="the account to send from (default: the only one)")
    send.add_argument("--json", action="store_true", help="print what was sent as JSON")
    shown = action("templates", "the reply templates: shipped and your own (NAME.LANG.txt)")
    shown.add_argument("--json", action="store_true", help="print JSON")
    triage = action("triage", "the mails that wait for a decision: list, accept, ignore")
    triage.add_argument("decision", nargs="?", choices=["accept", "ignore-sender", "ignore-domain"],
                        help="accept as an inquiry, or ignore its sender or domain from now on")
    triage.add_argument("id", nargs="?", type=int, metavar="ID", help="the waiting mail's id")
    triage.add_argument("--json", action="store_true", help="print JSON")


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, as PRODUCT.md describes it."""
    parser = argparse.ArgumentParser(prog="leaddesk", description="The sales desk's inquiry log.")
    parser.add_argument("--version", action="version", version=f"leaddesk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation end to end and exit")
    _common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _common(sub, top=False)
        return sub

    demo = command("demo", "fill an empty desk with a realistic demo, or a big synthetic one")
    demo.add_argument("--messages", type=int, metavar="N",
                      help="generate a synthetic desk of N messages (for benchmarks)")

    imports = command("import", "import WhatsApp, WeChat, email, form and vCard files")
    imports.add_argument("files", nargs="*", metavar="FILE")
    imports.add_argument("--channel", choices=CHANNELS, default="auto")
    imports.add_argument("--json", action="store_true", help="print one JSON object per file")
    imports.add_argument("--me", action="append", default=[], metavar="NAME_NUMBER_OR_EMAIL",
                         help="one of our own staff, for this run (repeatable)")
    imports.add_argument("--strict", action="store_true", help="any bad row fails the whole file")
    imports.add_argument("--map", action="append", default=[], metavar="LABEL=field",
                         help="map a CSV column to a field (name, email, phone, company, ...)")
    imports.add_argument("--list", action="store_true", help="list import batches")
    imports.add_argument("--revert", type=int, metavar="BATCH", help="undo one import batch")
    imports.add_argument("--dry-run", action="store_true",
                         help="with --revert: list what would go and what stays, change nothing")

    attached = command("attachments", "the files buyers sent with an inquiry: list, save one")
    attached.add_argument("inquiry", type=int, metavar="INQUIRY", help="the inquiry's id")
    attached.add_argument("--json", action="store_true", help="print JSON")
    attached.add_argument("--save", nargs=2, metavar=("ID", "PATH"),
                          help="write attachment ID to PATH (a file, or a folder to put it in)")

    articles = command("articles", "the site's articles: list, import, relink, links")
    articles.add_argument("--json", action="store_true", help="print JSON")
    article_commands = articles.add_subparsers(dest="articles_command", metavar="ACTION")
    article_import = article_commands.add_parser("import", help="sitemap.xml, saved pages, CSV")
    _common(article_import, top=False)
    article_import.add_argument("files", nargs="+", metavar="FILE")
    relink = article_commands.add_parser("relink", help="link inquiries to articles again")
    _common(relink, top=False)
    relink.add_argument("--json", action="store_true", help="print JSON")
    for name, help_text in (("add", "add an article by hand"), ("edit", "change an article")):
        sub = article_commands.add_parser(name, help=help_text)
        _common(sub, top=False)
        sub.add_argument("target", metavar="URL" if name == "add" else "ARTICLE")
        sub.add_argument("--title")
        sub.add_argument("--author")
        sub.add_argument("--published", metavar="DATE", help="e.g. 2021-04-13")
        sub.add_argument("--json", action="store_true", help="print JSON")
    links = article_commands.add_parser("links", help="WhatsApp/mailto links and QR codes")
    _common(links, top=False)
    links.add_argument("article", metavar="ARTICLE", help="id, code (A12) or URL")
    links.add_argument("--qr", metavar="DIR", help="write QR codes (PNG and SVG) to DIR")
    links.add_argument("--phone", help="our WhatsApp number (default: the settings)")
    links.add_argument("--email", help="our email address (default: the settings)")
    links.add_argument("--json", action="store_true", help="print JSON")

    search = command("search", "find messages, contacts and numbers (see README: query language)")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=50, metavar="N")
    search.add_argument("--order", choices=["newest", "relevance"], default="newest")
    search.add_argument("--save", metavar="NAME", help="keep this query as a saved search")
    search.add_argument("--json", action="store_true", help="print JSON")

    report = command("report", "write the lead report (csv, xlsx) or the summary (pdf)")
    report.add_argument("--format", choices=["csv", "xlsx", "pdf"], required=True)
    report.add_argument("--output", required=True, metavar="FILE")
    report.add_argument("--since", metavar="DATE", help="first day, e.g. 2021-04-01")
    report.add_argument("--until", metavar="DATE", help="day after the last one")
    report.add_argument("--by", choices=["inquiry", "contact", "article"], default="inquiry")
    report.add_argument("--channel", help="only this channel")
    report.add_argument("--json", action="store_true", help="print JSON")

    contacts = command("contacts", "list contacts")
    contacts.add_argument("--json", action="store_true", help="print JSON")
    contacts.add_argument("--vcf", metavar="FILE", help="write the contacts as vCards to FILE")
    contact_actions = contacts.add_subparsers(dest="contacts_command", metavar="ACTION")
    for name, help_text in (("export-personal-data", "print everything held on one person (JSON)"),
                            ("erase", "erase one person's personal data"),
                            ("edit", "change a contact's fields, add a note, move its stage")):
        sub = contact_actions.add_parser(name, help=help_text)
        _common(sub, top=False)
        sub.add_argument("contact", metavar="CONTACT", help="id, phone, email or WeChat ID")
    edit = contact_actions.choices["edit"]
    for option in ("name", "company", "country"):
        edit.add_argument(f"--{option}", metavar=option.upper()[0])
    edit.add_argument("--note", metavar="TEXT", help="add a note below the contact's notes")
    edit.add_argument("--stage", metavar="S", help="new, contacted, qualified, quoted, won or lost")
    edit.add_argument("--reason", metavar="R", help="why a lead was lost (with --stage lost)")
    edit.add_argument("--json", action="store_true", help="print the contact as JSON")

    inquiries = command("inquiries", "list inquiries")
    inquiries.add_argument("--json", action="store_true", help="print JSON")
    inquiries.add_argument("--limit", type=int, metavar="N")

    followups = command("followups", "list open follow-ups")
    followups.add_argument("--due", choices=["today", "overdue", "week", "all"], default="all")
    followups.add_argument("--json", action="store_true", help="print JSON")

    _mail(command("mail", "mail accounts synced by IMAP: add, list, remove, test, sync, triage"))

    db = command("db", "database upkeep")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    for name, help_text in (("upgrade", "bring the schema up to date"),
                            ("check", "check integrity and consistency")):
        sub = db_commands.add_parser(name, help=help_text)
        _common(sub, top=False)
        sub.add_argument("--json", action="store_true", help="print JSON")
    backup = db_commands.add_parser("backup", help="write a consistent copy to FILE")
    _common(backup, top=False)
    backup.add_argument("file", metavar="FILE")
    restore = db_commands.add_parser(
        "restore", help="put a backup (a copy, or a compressed automatic backup) back in place")
    _common(restore, top=False)
    restore.add_argument("file", metavar="FILE")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the command (or the window)."""
    # Start-up makes tens of thousands of objects that live as long as the process (the
    # SQLAlchemy models, the parser): collecting garbage while they are made frees next to
    # nothing and was a sixth of a shell search's time. Once made, they are set aside.
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            from leaddesk.selftest import run_self_test

            gc.enable()
            return run_self_test()
        from leaddesk import cli
    finally:
        gc.freeze()
        gc.enable()
    return cli.run(args)


if __name__ == "__main__":
    sys.exit(main())
