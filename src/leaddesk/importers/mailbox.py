"""Email files: one .eml or an .mbox archive, streamed, as inquiries (form mails as
site_form inquiries)."""

import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import IO

from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft, Overflow
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile, RowError, fingerprint
from leaddesk.importers.bigmail import BIG, LINE, parse_big_mail
from leaddesk.importers.longtext import TEXT_CAP, Spill, marker
from leaddesk.importers.mail import Mail, UnreadableMail, parse_mail
from leaddesk.importers.siteform import is_form_mail, parse_form_mail
from leaddesk.importers.sources import Source
from leaddesk.job import Job

_FROM_LINE = re.compile(rb"^From \S*")
_ESCAPED_FROM = re.compile(rb"^>(>*From )")
_HEADER_LINE = re.compile(rb"^[\w-]+:")
_SEPARATOR = re.compile(rb"^From (?:-|\S+\s+\S.*\d{4})\s*$")  # From ADDR DATE, or From -
NAME_LENGTH = 200  # characters of a contact's name, as the contacts table keeps them
THREAD_KEY_LENGTH = 500  # characters of a subject threaded by, as the inquiries table keeps them


MailBytes = bytes | IO[bytes]  # a mail in memory, or a big one spooled to a file


def split_mbox(path: Path, options: ImportOptions, job: Job) -> Iterator[tuple[int, MailBytes]]:
    """(line, message) for each message of an mbox, read line by line: its bytes, or a
    mail longer than BIG spooled to a spill file (removed once the next is read).

    A `From ` line starts a message at the top, after a blank line, or when a header
    line follows it (archives that trust Content-Length leave no blank line); `>From `
    lines in bodies are unescaped."""
    total = max(1, path.stat().st_size)
    done = 0
    current = _Spooled(options)
    start = 1
    previous_blank = True
    pending: bytes | None = None  # a `From ` line that is a separator if a header follows
    with path.open("rb") as handle:
        for number, line in enumerate(iter(lambda: handle.readline(LINE), b""), 1):
            done += len(line)
            if number == 1:
                line = line.removeprefix(b"\xef\xbb\xbf")
            if pending is not None:
                if _HEADER_LINE.match(line):
                    if current.size:
                        yield start, current.mail()
                        job.tick(done, total)
                    current, start = current.next(), number
                else:
                    current.add(pending)
                pending = None
            if _FROM_LINE.match(line):
                if number == 1 or (previous_blank and _SEPARATOR.match(line)):
                    if current.size:
                        yield start, current.mail()
                        job.tick(done, total)
                    current, start = current.next(), number + 1
                else:
                    pending = line
            else:
                current.add(_ESCAPED_FROM.sub(rb"\1", line) if line[:1] == b">" else line)
            previous_blank = not line.strip()
    if pending is not None:
        current.add(pending)
    if current.size and current.has_text:
        yield start, current.mail()
    current.next()


class _Spooled:
    """The mail being cut out of an mbox: its lines in memory, or past BIG in a spill file."""

    def __init__(self, options: ImportOptions) -> None:
        self.options, self.size, self.has_text = options, 0, False
        self._lines: list[bytes] = []
        self._file: IO[bytes] | None = None
        self._path: Path | None = None

    def add(self, line: bytes) -> None:
        self.size += len(line)
        self.has_text = self.has_text or bool(line.strip())
        if self._file is not None:
            self._file.write(line)
            return
        self._lines.append(line)
        if self.size > BIG:
            handle, self._path = self.options.spill.create()
            self._file = handle
            handle.write(b"".join(self._lines))
            self._lines = []

    def mail(self) -> MailBytes:
        if self._file is None:
            return b"".join(self._lines)
        self._file.close()
        assert self._path is not None
        self._file = self._path.open("rb")
        return self._file

    def next(self) -> "_Spooled":
        """A fresh one for the next mail; this one's spill file goes."""
        if self._file is not None:
            self._file.close()
        if self._path is not None:
            self._path.unlink(missing_ok=True)
        return _Spooled(self.options)


def read_mail(data: MailBytes, spill: Spill) -> Mail:
    """A mail in memory or spooled, taken apart; a text longer than TEXT_CAP is stored cut,
    the whole mail kept (UnreadableMail for one that cannot be taken apart)."""
    if not isinstance(data, bytes):
        return parse_big_mail(data, spill)
    mail = parse_mail(data)
    if len(mail.text) > TEXT_CAP or (mail.html is not None and len(mail.html) > TEXT_CAP):
        length = len(mail.text)
        mail.text = mail.text[:TEXT_CAP] + marker(length, "mail's text") if length > TEXT_CAP else mail.text
        if mail.html is not None and len(mail.html) > TEXT_CAP:
            mail.html = mail.html[:TEXT_CAP] + marker(len(mail.html), "mail's text")
        handle, path = spill.create()
        with handle:
            handle.write(data)
        mail.overflow = Overflow(path, hashlib.sha256(data).hexdigest(), len(data), ".eml")
    return mail


def mail_draft(mail: Mail, key: str) -> InquiryDraft:
    """An email as a message of an inquiry with its counterpart; the service decides,
    from who is already known, whether it is ours."""
    # a robot's, or an unreadable From's, Reply-To is the buyer
    counterpart = mail.reply_to if mail.reply_to and (mail.from_robot or not mail.sender[1]) else mail.sender
    name, address = counterpart
    moment = mail.sent_at
    assert moment is not None
    message = MessageDraft(
        moment, Direction.IN, mail.text, author=mail.sender[0] or mail.sender[1],
        subject=mail.subject, original=mail.text if not mail.html else mail.html,
        attachment=", ".join(mail.attachments) or None,
        fingerprint=fingerprint("email", mail.message_id or key),
        message_id=mail.message_id, references=mail.references, sender=address,
        recipients=[a for _, a in mail.recipients], overflow=mail.overflow, files=mail.files,
    )
    # a name that holds an address is only text: shown as the author, never the contact's
    contact = ContactDraft(name=name[:NAME_LENGTH] if name and "@" not in name else "",
                           emails=[address] if address else [])
    return InquiryDraft(Channel.EMAIL, contact, [message], subject=mail.subject,
                        thread_key=mail.thread_subject[:THREAD_KEY_LENGTH])


def _drafts(parsed: ParsedFile, mail: Mail, key: str, options: ImportOptions, line: int,
            fallback: datetime | None) -> list[InquiryDraft]:
    """The drafts of one mail; what makes it unusable goes to the file's errors."""
    if mail.sent_at is None:
        if fallback is None:
            parsed.errors.append(RowError(line, "a mail without a date"))
            return []
        mail.sent_at = fallback
        parsed.notes.append(f"line {line}: no Date header; the file's time was used")
    if not mail.sender[1] and not mail.reply_to:
        parsed.errors.append(RowError(line, "a mail without a sender"))
        return []
    if mail.overflow is not None:
        parsed.notes.append(f"line {line}: a mail too long to store whole; its text stored cut, the "
                            "whole mail kept beside the desk")
    if is_form_mail(mail):
        drafts = list(parse_form_mail(mail, parsed.source, options).inquiries)
        for draft in drafts:
            draft.messages[0].overflow = mail.overflow
        return drafts
    return [mail_draft(mail, key)]


def parse_eml(source: Source, options: ImportOptions, modified: datetime) -> ParsedFile:
    """One .eml file (a big one read as it goes)."""
    name = source.name
    try:
        if source.size > BIG:
            with source.reading(), source.open() as stream:
                mail = read_mail(stream, options.spill)
        else:
            mail = read_mail(source.data, options.spill)
    except UnreadableMail as exc:
        raise ImportFileError(name, str(exc), 1) from None
    if not mail.sender[1] and not mail.subject and not mail.text:
        raise ImportFileError(name, "not an email (no sender, subject or text)", 1)
    parsed = ParsedFile(name, Channel.EMAIL)
    drafts = _drafts(parsed, mail, f"{name}|{mail.subject}|{mail.sent_at}", options, 1, modified)
    if not drafts:
        raise ImportFileError(name, parsed.errors[0].message if parsed.errors else "no mail", 1)
    if all(draft.channel is Channel.SITE_FORM for draft in drafts):
        parsed.channel = Channel.SITE_FORM
    parsed.inquiries = drafts
    return parsed


def parse_mbox(path: Path, options: ImportOptions, job: Job) -> ParsedFile:
    """Every message of an mbox archive, each parsed as it is read and handed on."""
    parsed = ParsedFile(path.name, Channel.EMAIL)

    def drafts() -> Iterator[InquiryDraft]:
        found = False
        for line, data in split_mbox(path, options, job):
            try:
                mail = read_mail(data, options.spill)
            except UnreadableMail as exc:  # this mail is reported and skipped, the others import
                parsed.errors.append(RowError(line, str(exc)))
                continue
            for draft in _drafts(parsed, mail, f"{path.name}|{line}|{mail.subject}", options, line, None):
                found = True
                yield draft
        if not found:
            raise ImportFileError(path.name, "no mail in the mbox archive", 1)

    parsed.inquiries = drafts()
    return parsed
