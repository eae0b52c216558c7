"""A mail too big to hold whole (a 400 MB .eml, a huge one inside an mbox): its headers
read as any mail's, its body walked part by part as it is read, each text part decoded a
line at a time and kept up to TEXT_CAP, each attachment decoded into a spill file of its
own as it comes (kept as any mail's when it is stored), and the whole mail copied to a
spill file as it goes, so that what is stored cut is kept whole beside the desk."""

import binascii
import codecs
import email
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import IO

from leaddesk.domain.attachments import safe_name
from leaddesk.domain.drafts import AttachmentDraft, Overflow
from leaddesk.importers.attached import media_type
from leaddesk.importers.html_text import html_to_text
from leaddesk.importers.longtext import TEXT_CAP, LongText, Spill, marker
from leaddesk.importers.mail import (
    MAX_DEPTH,
    Mail,
    UnreadableMail,
    _storable,
    guarded,
    mail_of,
    raw_headers,
)
from leaddesk.importers.mail_headers import header_text
from leaddesk.importers.sources import charset_alias
from leaddesk.importers.textstream import SAMPLE, encoding_of

BIG = 8 * 2**20  # bytes: a mail longer than this is read as it goes
MAX_HEADERS = 4 * 2**20  # bytes of one header block; a real one is a few kilobytes
LINE = 2**20  # bytes read at most at a time


class _Copy:
    """The mail's lines as read, each also written to a spill file (with its SHA-256)."""

    def __init__(self, stream: IO[bytes], spill: Spill) -> None:
        self._stream = stream
        self._file, self.path = spill.create()
        self._digest = hashlib.sha256()
        self.size = 0

    def __iter__(self) -> Iterator[bytes]:
        """Lines of at most a mebibyte (a longer one, such as base64 with no line breaks,
        comes in pieces: only a piece that starts a line can be a boundary)."""
        for line in iter(lambda: self._stream.readline(LINE), b""):
            self._file.write(line)
            self._digest.update(line)
            self.size += len(line)
            yield line

    def close(self) -> None:
        self._file.close()

    def finish(self) -> Overflow:
        self._file.close()
        return Overflow(self.path, self._digest.hexdigest(), self.size, ".eml")


@dataclass
class _Leaf:
    """One part that is not a container, as its lines come. Its charset is settled on its
    first 64 KiB, as `decode` settles a small mail's: the declared one if it reads them,
    else the one they are written in."""

    kind: str
    encoding: str  # Content-Transfer-Encoding
    text: LongText | None  # None: an attachment or other non-text, only named
    charset: str | None = None  # as declared
    decoder: codecs.IncrementalDecoder | None = None
    pending: bytes = b""  # base64 not yet a multiple of four characters
    sample: list[bytes] = field(default_factory=list)  # decoded bytes before the charset is settled
    sampled: int = 0

    name: str = ""  # an attachment's, as the mail names it
    out: IO[bytes] | None = None  # an attachment's bytes, decoded into a spill file as they come
    path: Path | None = None
    size: int = 0
    held: bytes = b""  # the last line break written, until a next line shows it is the file's

    def _decoded(self, line: bytes) -> bytes | None:
        if self.encoding == "base64":
            data = self.pending + b"".join(line.split())
            cut = len(data) - len(data) % 4
            self.pending, data = data[cut:], data[:cut]
            try:
                return binascii.a2b_base64(data)
            except binascii.Error:
                return None
        if self.encoding == "quoted-printable":
            return binascii.a2b_qp(line)
        return line

    def feed(self, line: bytes) -> None:
        if self.out is not None:
            data = self._decoded(line)
            if data and self.encoding != "base64":  # the line break before a boundary is the boundary's
                data = self.held + data
                ending = b"\r\n" if data.endswith(b"\r\n") else b"\n" if data.endswith(b"\n") else b""
                data, self.held = data[:len(data) - len(ending)], ending
            if data:
                self.out.write(data)
                self.size += len(data)
            return
        if self.text is None:
            return
        data = self._decoded(line)
        if data is None:
            return
        if self.decoder is None:
            self.sample.append(data)
            self.sampled += len(data)
            if self.sampled < SAMPLE:
                return
            data = self._settle(whole=False)
        assert self.decoder is not None
        self.text.add(self.decoder.decode(data).replace("\r\n", "\n"))

    def _settle(self, *, whole: bool) -> bytes:
        """Choose the charset from the sample; the sample, to be decoded with it."""
        data = b"".join(self.sample)
        self.sample = []
        chosen = None
        if self.charset:
            try:
                data.decode(self.charset)
                chosen = self.charset
            except UnicodeDecodeError as exc:
                chosen = self.charset if not whole and exc.start >= len(data) - 4 else None
            except LookupError:
                chosen = None
        chosen = chosen or encoding_of(data, whole=whole) or "utf-8"
        self.decoder = codecs.getincrementaldecoder(chosen)(errors="replace")
        return data

    def attached(self) -> AttachmentDraft | None:
        """An attachment's file, once its part ended."""
        if self.out is None or self.path is None:
            return None
        if self.pending:  # base64 cut short of a multiple of four, read as the email package does
            try:
                tail = binascii.a2b_base64(self.pending + b"=" * (-len(self.pending) % 4))
            except binascii.Error:
                tail = b""
            self.out.write(tail)
            self.size += len(tail)
        self.out.close()
        shown, path = safe_name(self.name), self.path

        def opener() -> IO[bytes]:
            return path.open("rb")

        return AttachmentDraft(shown, self.size, media_type(shown, self.kind), opener)

    def finish(self) -> str:
        if self.text is None:
            return ""
        if self.decoder is None:  # a short part: settled on all of it
            data = self._settle(whole=True)
            assert self.decoder is not None
            self.text.add(self.decoder.decode(data, final=True).replace("\r\n", "\n"))
        else:
            self.text.add(self.decoder.decode(b"", final=True))
        return _storable(self.text.head().strip())


@dataclass
class _Body:
    plain: list[_Leaf] = field(default_factory=list)
    html: list[_Leaf] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    files: list[_Leaf] = field(default_factory=list)  # the attachments' parts, their bytes spilled
    hint: str | None = None


def _leaf(part: Message, body: _Body, spill: Spill) -> _Leaf:
    """Start reading one part: text parts are kept (up to the cap), others named."""
    try:
        filename = part.get_filename()
    except (ValueError, LookupError, AttributeError, TypeError):
        filename = "attachment"
    disposition = str(part.get("Content-Disposition") or "").lower()
    kind = part.get_content_type()
    encoding = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
    if filename or "attachment" in disposition or not kind.startswith("text/"):
        if not (filename or "attachment" in disposition):
            return _Leaf(kind, encoding, None)
        name = header_text(filename) or kind
        body.attachments.append(name)
        if not filename or part.get_content_disposition() == "inline":  # as a mail read whole
            return _Leaf(kind, encoding, None)
        out, path = spill.create()  # decoded as it comes: kept, never held whole
        leaf = _Leaf(kind, encoding, None, name=name, out=out, path=path)
        body.files.append(leaf)
        return leaf
    try:
        charset = charset_alias(part.get_content_charset()) or None
    except (ValueError, LookupError, AttributeError):
        charset = None
    body.hint = body.hint or charset
    leaf = _Leaf(kind, encoding, LongText(spill, TEXT_CAP, keep=False), charset)
    (body.html if kind == "text/html" else body.plain).append(leaf)
    return leaf


def _boundary(part: Message) -> bytes | None:
    if part.get_content_maintype() != "multipart":
        return None
    value = part.get_param("boundary")
    if not isinstance(value, str) or not value:
        return None
    return email.utils.collapse_rfc2231_value(value).encode("utf-8", "surrogateescape").rstrip()


def _headers(lines: Iterator[bytes]) -> bytes:
    """The header block that starts here, up to and with its blank line (blank lines
    before it are skipped, as the email package does)."""
    block: list[bytes] = []
    size = 0
    for line in lines:
        if not block and not line.strip() and line.endswith(b"\n"):
            continue
        block.append(line)
        size += len(line)
        if size > MAX_HEADERS:
            raise UnreadableMail(f"a header block of more than {MAX_HEADERS:,} bytes")
        if not line.rstrip(b"\r\n"):  # an empty line ends it (one of spaces goes on)
            break
    return b"".join(block)


def _open(part: Message, lines: Iterator[bytes], stack: list[bytes], body: _Body,
          spill: Spill) -> _Leaf | None:
    """Begin a part whose headers were read: a container pushes its boundary; a message
    inside the mail (message/rfc822, as the email package reads any message/*) is read on
    as a mail of its own; anything else is a leaf."""
    nested = 0
    while part.get_content_maintype() == "message" and part.get_content_subtype() != "delivery-status":
        nested += 1
        if len(stack) + nested > MAX_DEPTH:
            raise UnreadableMail(f"MIME parts nested more than {MAX_DEPTH} levels deep")
        part = email.message_from_bytes(_headers(lines))
    boundary = _boundary(part)
    if boundary is None:
        return _leaf(part, body, spill)
    if len(stack) >= MAX_DEPTH:
        raise UnreadableMail(f"MIME parts nested more than {MAX_DEPTH} levels deep")
    stack.append(boundary)
    return None


def _walk(lines: Iterator[bytes], top: Message, body: _Body, spill: Spill) -> None:
    """Every part of the body, line by line, with a stack of the open boundaries."""
    stack: list[bytes] = []
    leaf = _open(top, lines, stack, body, spill)
    starts = True  # the piece read starts a line
    for line in lines:
        fresh, starts = starts, line.endswith(b"\n")
        if stack and fresh and line.startswith(b"--"):
            marked = line.rstrip()
            found = next((i for i in range(len(stack) - 1, -1, -1)
                          if marked in (b"--" + stack[i], b"--" + stack[i] + b"--")), None)
            if found is not None:
                leaf = None
                if marked == b"--" + stack[found] + b"--":
                    del stack[found:]  # that container ends; its epilogue is skipped
                    continue
                del stack[found + 1:]
                leaf = _open(email.message_from_bytes(_headers(lines)), lines, stack, body, spill)
                continue
        if leaf is not None:
            leaf.feed(line)


def parse_big_mail(stream: IO[bytes], spill: Spill) -> Mail:
    """One mail read from `stream` as it goes; its `overflow` holds the whole mail."""
    copy = _Copy(stream, spill)

    def read() -> Mail:
        lines = iter(copy)
        top = email.message_from_bytes(_headers(lines))
        body = _Body()
        _walk(lines, top, body, spill)
        plain = [leaf.finish() for leaf in body.plain]
        html_parts = [leaf.finish() for leaf in body.html]
        html = "\n".join(html_parts) if html_parts else None
        text = "\n".join(part for part in plain if part).strip() or (html_to_text(html) if html else "")
        lengths = [leaf.text.length for leaf in body.plain + body.html if leaf.text is not None]
        overflow = copy.finish()
        cut = any(length > TEXT_CAP for length in lengths) or len(text) > TEXT_CAP
        if cut:  # stored cut; the mail itself kept whole beside the desk
            text = text[:TEXT_CAP] + marker(sum(lengths), "mail's text")
            html = html[:TEXT_CAP] + marker(sum(lengths), "mail's text") if html and len(html) > TEXT_CAP \
                else html
        else:  # only its attachments were big: nothing of the mail's own words is lost
            overflow.path.unlink(missing_ok=True)
        mail = mail_of(raw_headers(top), text, html, body.attachments, body.hint)
        mail.overflow = overflow if cut else None
        mail.files = [found for leaf in body.files if (found := leaf.attached()) is not None]
        return mail

    try:
        return guarded(read)
    finally:
        copy.close()
        # (an attachment's spill file is read when it is stored, then cleaned with the spill)
