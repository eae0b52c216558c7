"""Which importer reads a file: decided from the content, not only the name."""

import re
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile
from leaddesk.importers.mailbox import parse_eml, parse_mbox
from leaddesk.importers.siteform import parse_form_csv
from leaddesk.importers.sources import Source, decode, looks_binary, read_source
from leaddesk.importers.vcard import parse_vcards
from leaddesk.importers.wechat import BACKUP, COPIED, CSV_HEADERS, parse_wechat_csv, parse_wechat_text
from leaddesk.importers.whatsapp import is_header, parse_whatsapp
from leaddesk.job import Job

_MAIL_HEADER = re.compile(rb"^(?:From|To|Subject|Date|Message-ID|Received|Return-Path|MIME-Version|"
                          rb"Delivered-To|Reply-To|X-[\w-]+|Content-Type):", re.IGNORECASE | re.M)


def _wechat_table(first: str) -> bool:
    """Whether a file's first line is the header of a WeChat backup tool's CSV."""
    return tuple(cell.strip() for cell in first.split(",")[:9]) in CSV_HEADERS


def _first_line(source: Source) -> str:
    """The first line of a zip's chat, in whatever encoding it is written."""
    try:
        text = decode(source.head, source.name)
    except ImportFileError:
        return ""
    return next((line.lstrip("\ufeff") for line in text.splitlines() if line.strip()), "")


def _kind(source: Source) -> str:
    data = source.head.lstrip(b"\xef\xbb\xbf").lstrip()
    if source.members or source.name.lower().endswith(".zip"):  # a chat and its media
        return "wechat_csv" if _wechat_table(_first_line(source)) else "whatsapp"
    if data[:11].upper() == b"BEGIN:VCARD":
        return "vcard"
    if data.startswith(b"From ") and _MAIL_HEADER.search(data[:4000]):
        return "mbox"
    head = data[:4000].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if len(_MAIL_HEADER.findall(head)) >= 2:
        return "email"
    if looks_binary(source.head):
        raise ImportFileError(source.name, "not a chat, mail, form export or vCard (binary data)")
    text = decode(source.head, source.name)
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    first = lines[0].lstrip("\ufeff") if lines else ""
    if first.strip()[:11].upper() == "BEGIN:VCARD":  # in UTF-16, say
        return "vcard"
    if _wechat_table(first):
        return "wechat_csv"
    # a chat's first line is a message's header (one long message may fill the head)
    if is_header(first) or sum(1 for line in lines if is_header(line)) >= max(1, len(lines) // 4):
        return "whatsapp"
    if sum(1 for line in lines if COPIED.match(line.strip()) or BACKUP.match(line.strip())) >= 1:
        return "wechat"
    if first.count(",") + first.count(";") + first.count("\t") >= 2:
        return "form_csv"
    raise ImportFileError(source.name, "not a WhatsApp or WeChat chat, mail, form export or vCard")


def parse_file(path: Path, channel: str, options: ImportOptions, zone: ZoneInfo,
               job: Job | None = None) -> ParsedFile:
    """Read one file with the importer its content (or --channel) calls for; `job` hears
    how far the reading is, and stops it on Cancel."""
    job = job or Job()
    source = read_source(path)
    try:
        kind = _kind(source)
    except ImportFileError:
        if channel == "auto":
            raise
        kind = "unknown"  # --channel says what it is; that importer will judge
    forced = {"whatsapp": "whatsapp", "vcard": "vcard"}.get(channel)
    if channel == "email" and kind not in ("mbox", "email"):
        kind = "mbox" if source.head.lstrip().startswith(b"From ") else "email"
    elif channel == "wechat" and kind not in ("wechat", "wechat_csv"):
        kind = "wechat"
    elif channel == "site_form" and kind not in ("email", "form_csv"):
        if looks_binary(source.head):
            raise ImportFileError(source.name, "not a form export (binary data)")
        kind = "form_csv"
    elif forced:
        kind = forced
    if kind == "mbox":
        return parse_mbox(path, options, job)
    if kind == "email":
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        return parse_eml(source, options, modified)
    readers = {
        "whatsapp": lambda: parse_whatsapp(source, options, zone, job),
        "wechat": lambda: parse_wechat_text(source, options, zone, job),
        "wechat_csv": lambda: parse_wechat_csv(source, options, zone, job),
        "form_csv": lambda: parse_form_csv(source, options, zone, job),
        "vcard": lambda: parse_vcards(source, options, job),
    }
    return readers[kind]()
