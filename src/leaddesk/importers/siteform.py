"""The website's inquiry form: its notification mail and its CSV export of entries."""

import itertools
import re
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft
from leaddesk.domain.identities import MAX_IDENTITY_LENGTH, normalize_email, normalize_phone, region_hints
from leaddesk.domain.vocabulary import Channel, Direction, Validity
from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile, RowError, fingerprint
from leaddesk.importers.csvstream import CsvReader, Row, sniff
from leaddesk.importers.fields import clean_cell, field_for
from leaddesk.importers.longtext import marker
from leaddesk.importers.mail import Mail
from leaddesk.importers.mail_addresses import mailboxes
from leaddesk.importers.mail_headers import printable
from leaddesk.importers.sources import Source
from leaddesk.importers.textstream import TextStream
from leaddesk.job import Job

_LINE = re.compile(r"^\s*(?P<label>[^:：\n]{1,40})[:：]\s*(?P<value>.*)$")
_SPAM_WORDS = re.compile(r"^\s*(?:test|testing|asdf|qwerty|123)\s*$", re.IGNORECASE)
_NOT_BARE = re.compile(r'[\s<>"(),;:\\]|=\?')  # what an address typed alone never holds
NAME_LENGTH = 200  # characters of a contact's name or company, as the contacts table keeps them


def form_fields(text: str) -> dict[str, str]:
    """Fields from "Label: value" lines; a value runs on until the next known label."""
    fields: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        match = _LINE.match(line)
        field = field_for(match["label"]) if match else None
        if match and field:
            current = field
            fields.setdefault(field, match["value"].strip())
        elif current == "message" and line.strip():
            fields[current] += "\n" + line.strip()
        elif current and line.strip() and fields.get(current, "").endswith("-"):
            fields[current] += line.strip()  # a URL wrapped by the mail client
        else:
            current = None if not line.strip() else current
    return fields


def is_form_mail(mail: Mail) -> bool:
    """A notification from the site form: at least a name or email, and a message."""
    fields = form_fields(mail.text)
    return len(fields) >= 3 and "message" in fields and bool({"email", "phone", "name"} & set(fields))


def likely_spam(fields: dict[str, str], hints: list[str]) -> bool:
    """Invalid email and phone together, or a "test" entry."""
    email_bad = normalize_email(fields.get("email", "")).validity is Validity.INVALID
    phone_bad = normalize_phone(fields.get("phone", ""), hints).validity is not Validity.VALID
    testing = any(_SPAM_WORDS.match(fields.get(k, "")) for k in ("name", "message", "company"))
    return (email_bad and phone_bad) or testing or fields.get("message", "").startswith("=")


def form_email(value: str) -> str:
    """The address an Email field holds: the parsed mailbox's when it holds one (a field
    written `"l.becker@aero.example" <attacker@evil.example>` is attacker's, as the From
    header would be); the value as typed when it is one bare word (kept, if invalid, as an
    invalid address); else none: an address is never read out of other text."""
    found = mailboxes(value)
    if len(found) == 1:
        return found[0][1]
    return value.strip() if not _NOT_BARE.search(value.strip()) else ""


def _identity(value: str | None) -> list[str]:
    """A field as an identity: longer than any identity, it is none."""
    return [value] if value and len(value) <= MAX_IDENTITY_LENGTH else []


def entry_draft(fields: dict[str, str], sent_at: datetime, key: str,
                default_region: str) -> InquiryDraft:
    """One form entry as a site_form inquiry from the buyer. A name that holds an address is
    the message's author only, never the contact's name."""
    fields = dict(fields)
    if fields.get("email"):
        fields["email"] = form_email(fields["email"])
    author = printable(fields.get("name", ""))
    hints = region_hints(fields.get("country"), default_region)
    contact = ContactDraft(
        name=author[:NAME_LENGTH] if "@" not in author else "",
        company=fields.get("company", "")[:NAME_LENGTH], country=fields.get("country", ""),
        phones=_identity(fields.get("phone")), emails=_identity(fields.get("email")),
        wechat_ids=_identity(fields.get("wechat")), likely_spam=likely_spam(fields, hints),
    )
    text = fields.get("message", "").strip()
    message = MessageDraft(sent_at, Direction.IN, text, author=author,
                           subject=fields.get("subject", ""), original=text,
                           fingerprint=fingerprint("site_form", key))
    return InquiryDraft(Channel.SITE_FORM, contact, [message], subject=fields.get("subject", ""),
                        page_url=fields.get("page") or None)


def parse_form_mail(mail: Mail, source: str, options: ImportOptions) -> ParsedFile:
    """The form's notification mail, as an inquiry from the buyer (not the no-reply sender)."""
    fields = form_fields(mail.text)
    if fields.get("email"):
        fields["email"] = form_email(fields["email"])
    if mail.reply_to and not fields.get("email"):  # the form's Reply-To, parsed as a header
        fields["email"] = mail.reply_to[1]
    if mail.sent_at is None:
        raise ImportFileError(source, "the form mail has no date")
    key = mail.message_id or f"{mail.sent_at.isoformat()}|{fields.get('email')}"
    draft = entry_draft(fields, mail.sent_at, key, options.default_region)
    draft.messages[0].message_id = mail.message_id
    draft.messages[0].subject = draft.subject = mail.subject
    return ParsedFile(source, Channel.SITE_FORM, [draft])


_DATE_LAYOUTS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M",
                 "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%Y/%m/%d")


def _submitted(value: str, zone: ZoneInfo) -> datetime:
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    except ValueError:
        pass
    for layout in _DATE_LAYOUTS:
        try:
            return datetime.strptime(text, layout).replace(tzinfo=zone)
        except ValueError:
            continue
    raise ValueError(value)


def parse_form_csv(source: Source, options: ImportOptions, zone: ZoneInfo, job: Job) -> ParsedFile:
    """The site's CSV export of entries: encoding detected, delimiter sniffed, columns
    mapped from English or Chinese headers (or --map). Read as it is stored; bad rows are
    reported by line, and a cell too long to store whole is stored cut, the entry kept
    whole beside the desk."""
    stream = TextStream(source)
    chunks = stream.chunks()
    first = next(chunks, "")
    delimiter, quote = sniff(first)
    rows = iter(CsvReader(itertools.chain([first], chunks), options.spill, delimiter=delimiter,
                          quotechar=quote))
    header = next(rows, Row(1, [])).cells
    header_set = "|".join(h.strip().lower() for h in header)
    mapping = options.column_map or options.remembered_maps.get(header_set, {})
    columns = [field_for(h, mapping) for h in header]
    if not {"message"} & set(columns) or not {"email", "phone", "name"} & set(columns):
        raise ImportFileError(source.name, "no form columns (name, email, phone, message) in the "
                              "header; map them with --map \"LABEL=field\"", 1)
    parsed = ParsedFile(source.name, Channel.SITE_FORM, header_set=header_set)
    if mapping and not options.column_map:
        parsed.notes.append("columns mapped as remembered for these headers")

    def drafts() -> Iterator[InquiryDraft]:
        found = False
        for count, row in enumerate(rows):
            if not count % 1000:
                job.tick(stream.done, max(1, source.size))
            draft = _entry(parsed, row, header, columns, zone, options)
            if draft is not None:
                found = True
                yield draft
        if stream.note:
            parsed.notes.append(stream.note)
        if not found and not parsed.errors:
            raise ImportFileError(source.name, "the CSV holds no entries", 2)

    parsed.inquiries = drafts()
    return parsed


def _entry(parsed: ParsedFile, row: Row, header: list[str], columns: list[str | None],
           zone: ZoneInfo, options: ImportOptions) -> InquiryDraft | None:
    """One row as an entry, or None with the reason in the file's errors."""
    cells, number = row.cells, row.line
    if not any(cell.strip() for cell in cells):
        return None
    if len(cells) > len(header) + 2:
        parsed.errors.append(RowError(number, f"{len(cells)} cells under {len(header)} columns"))
        return None
    fields = {c: clean_cell(v) for c, v in zip(columns, cells, strict=False) if c and v.strip()}
    try:
        sent_at = _submitted(fields.get("submitted", ""), zone)
    except ValueError:
        parsed.errors.append(RowError(number, f"unreadable date {fields.get('submitted', '')[:100]!r}"))
        return None
    if not fields.get("message") and not fields.get("email") and not fields.get("phone"):
        parsed.errors.append(RowError(number, "an entry with no message, email or phone"))
        return None
    key = fields.get("id") or "|".join(cells)
    draft = entry_draft(fields, sent_at, f"{parsed.source}|{key}|{sent_at}"
                        if not fields.get("id") else f"entry|{key}|{sent_at}", options.default_region)
    if row.cut:
        message = draft.messages[0]
        message.body += marker(row.overflow.length if row.overflow else 0, "entry")
        message.overflow = row.overflow
        parsed.notes.append(f"line {number}: an entry too long to store whole; stored cut, the whole "
                            "entry kept beside the desk")
    return draft
