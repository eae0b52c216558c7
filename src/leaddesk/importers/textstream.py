"""A text file read as it goes: decoded a block at a time in the encoding it is written
in, and handed on in lines of bounded length (a longer line comes in pieces), so a file of
any size, or one line of any length, takes the memory of a block."""

import codecs
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.sources import (
    _BOMS,
    _LIKELY,
    _PAD,
    Source,
    _binary,
    _mainland,
    _padding,
    _western,
    charset_alias,
    controls_note,
    strip_controls,
    utf16_without_bom,
)

BLOCK = 1 << 20  # bytes read at a time
PIECE = 1_000_000  # characters of a line handed on at once
SAMPLE = 1 << 16  # bytes looked at to tell an encoding


def encoding_of(sample: bytes, *, whole: bool = False) -> str | None:
    """The codec a sample of a file reads in: a BOM's, UTF-8, Windows-1252 for Western
    text, GB18030 for Chinese, else what detection finds; None when nothing reads it.
    A sample cut from a file may end inside a character (`whole` says it does not)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), *_BOMS[1:]):
        if sample.startswith(bom):
            return encoding
    if utf16 := utf16_without_bom(sample):
        return utf16
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if not whole and exc.start >= len(sample) - 3:
            return "utf-8"
    for name, reads in (("cp1252", _western), ("gb18030", _mainland)):
        if reads(sample) is not None:
            return name
    from charset_normalizer import from_bytes  # slow to load: only when a guess is needed

    guess = from_bytes(sample, cp_isolation=_LIKELY).best()
    if guess is None or guess.encoding is None:
        return None
    return charset_alias(guess.encoding) or guess.encoding


@dataclass
class Line:
    """A line, or a piece of a long one: `ends` is False while more of the line follows."""

    number: int
    text: str
    ends: bool = True


class TextStream:
    """One source's text. The encoding is told from the beginning and checked over the
    whole file before any text is handed on (a file that turns out not to be in it is
    read in the encoding of the part that broke it), so what is handed on never changes
    its mind halfway. NUL and the other control characters (but tab, line feed and
    carriage return) are taken out and counted in `removed`; a file that turns out to be
    mostly them is refused as binary. `done` is how far the reading has got, in bytes."""

    def __init__(self, source: Source, encoding: str | None = None) -> None:
        self.source, self.done, self.removed = source, 0, 0
        self._encoding = encoding
        self.replaced = False  # some bytes read in no encoding, shown as U+FFFD

    @property
    def note(self) -> str | None:
        """The import note about the control characters taken out, if any were."""
        return controls_note(self.removed) if self.removed else None

    @property
    def encoding(self) -> str:
        """The file's encoding, settled on first use."""
        if self._encoding is None:
            self._encoding = self._settle()
        return self._encoding

    def _settle(self) -> str:
        head = self.source.head
        encoding = encoding_of(head, whole=len(head) >= self.source.size)
        if encoding is None:
            raise ImportFileError(self.source.name, "not a text file (no encoding reads it)")
        for _attempt in range(3):
            broken = self._first_break(encoding)
            if broken is None:
                return encoding
            other = encoding_of(broken)
            if other is None or other == encoding:
                break
            encoding = other
        self.replaced = True  # mostly readable: the bytes no encoding reads become U+FFFD
        return encoding

    def _first_break(self, encoding: str) -> bytes | None:
        """A sample around the first bytes `encoding` cannot read, or None."""
        decoder = codecs.getincrementaldecoder(encoding)()
        offset = 0
        with self.source.reading(), self.source.open() as raw:
            for block in iter(lambda: raw.read(BLOCK), b""):
                try:
                    decoder.decode(block)
                except UnicodeDecodeError as exc:
                    start = max(0, exc.start - 1024)
                    return block[start:start + SAMPLE]
                offset += len(block)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                return None  # only the last character is cut: read with a replacement
        return None

    def chunks(self) -> Iterator[str]:
        """The text, a block at a time, line ends as written."""
        decoder = codecs.getincrementaldecoder(self.encoding)(errors="replace")
        self.done = self.removed = 0
        read = run = 0  # characters decoded; control characters in the run that ends them
        with self.source.reading(), self.source.open() as raw:
            first = True
            for block in itertools.chain(iter(lambda: raw.read(BLOCK), b""), [None]):
                text = decoder.decode(block, final=False) if block is not None else \
                    decoder.decode(b"", final=True)
                self.done += len(block or b"")
                if first:
                    text, first = text.removeprefix("\ufeff"), False
                kept, removed = strip_controls(text)
                read += len(text)
                self.removed += removed
                if text:  # NUL padding to the end of a file is no binary data
                    padding = _padding(text) if removed else 0
                    run = padding if text.rstrip(_PAD) else run + padding
                if _binary(self.removed, read, run):
                    raise ImportFileError(self.source.name, f"not a text file: binary data "
                                          f"({self.removed:,} control characters)")
                if kept:
                    yield kept
        self.done = self.source.size

    def lines(self) -> Iterator[Line]:
        """The text line by line (\\n, \\r\\n or \\r ends one; the end is not included),
        each at most PIECE characters: a longer line comes in pieces, the last with `ends`."""
        number, carry, pending_cr = 1, "", False
        for chunk in self.chunks():
            if pending_cr:
                chunk = "\r" + chunk
            pending_cr = chunk.endswith("\r")
            if pending_cr:
                chunk = chunk[:-1]
            parts = chunk.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            parts[0] = carry + parts[0]
            carry = parts.pop()
            for part in parts:
                yield from _pieces(number, part)
                number += 1
            while len(carry) > PIECE:
                yield Line(number, carry[:PIECE], ends=False)
                carry = carry[PIECE:]
        if pending_cr:
            yield from _pieces(number, carry)
            number, carry = number + 1, ""
        if carry:
            yield from _pieces(number, carry)


def _pieces(number: int, text: str) -> Iterator[Line]:
    while len(text) > PIECE:
        yield Line(number, text[:PIECE], ends=False)
        text = text[PIECE:]
    yield Line(number, text)
