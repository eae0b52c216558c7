"""Reading files safely: size limits, zip archives without bombs or escapes, text decoding."""

import codecs
import csv
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Protocol, TypeVar

from leaddesk.importers.base import ImportFileError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

MAX_FILE = 512 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
HEAD = 65536  # bytes read to tell what a file is
LONGEST_LINE = 1_000_000  # characters
# What zipfile raises for a damaged, encrypted or oddly compressed archive (a member
# name that is not UTF-8 although its flag says so is a UnicodeDecodeError)
ZIP_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError,
              NotImplementedError, RuntimeError)
# ... and while a member is read (a UnicodeDecodeError there is the text's, not the zip's)
ZIP_READING = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError, RuntimeError)
# Labels that mean "some GB encoding": GB18030 reads all of them.
_GB = {"gb2312", "gbk", "euc-cn", "eucgb2312_cn", "gb18030", "x-gbk", "cp936", "hz-gb-2312"}
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
# NUL and the other C0 control characters but tab, line feed and carriage return: never
# part of a message (PostgreSQL refuses NUL in text), so they never reach stored text.
_CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32)])
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PAD_BYTES = _CONTROL_BYTES + b" \t\r\n"
_PAD = _PAD_BYTES.decode("ascii")
BINARY_SHARE = 0.05  # more control characters than this, and a file is binary, not text


# What buyers' files are written in; limiting detection to these keeps short texts
# from being "detected" as an exotic code page.
_LIKELY = ["utf_8", "gb18030", "big5", "cp1252", "shift_jis", "euc_jp", "euc_kr",
           "cp1251", "koi8_r", "utf_16"]


class Source:
    """A file's name and content: read whole for the small formats (`data`), or as a
    stream for the big ones (`open`, `TextLines`), so a long chat never sits in memory.
    For a zip, the content is its chat text and `members` names the other files."""

    def __init__(self, name: str, data: bytes | None = None, members: tuple[str, ...] = (), *,
                 opener: Callable[[], IO[bytes]] | None = None, size: int = 0,
                 archive: Path | None = None) -> None:
        self.name, self.members = name, members
        self.archive = archive  # the zip the members are in (read by importers.attached)
        self._data, self._opener = data, opener
        self.size = len(data) if data is not None else size
        with self.reading(), self.open() as stream:
            self.head = stream.read(HEAD)  # enough to tell what the file is

    @property
    def data(self) -> bytes:
        """The whole content (read once, when first asked for)."""
        if self._data is None:
            with self.reading(), self.open() as stream:
                self._data = stream.read()
        return self._data

    def open(self) -> IO[bytes]:
        """The content from its beginning, as a binary stream."""
        if self._data is not None or self._opener is None:
            return io.BytesIO(self._data or b"")
        return self._opener()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Damage found only while reading (a zip member cut short, a file gone) as the
        one-line error that names the file."""
        try:
            yield
        except ZIP_READING as exc:
            raise ImportFileError(self.name, f"damaged zip archive: {exc}") from None
        except OSError as exc:
            raise ImportFileError(self.name, exc.strerror or str(exc)) from None


def charset_alias(label: str | None) -> str | None:
    """A Python codec for a declared charset, GB labels widened to GB18030."""
    if not label:
        return None
    label = label.strip().strip('"').lower()
    if label in _GB:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _western(data: bytes) -> str | None:
    """Windows-1252 text whose accented letters stand alone between plain letters, as in
    "Café crème"; Chinese or Cyrillic bytes come in runs and fail this."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = {i for i, ch in enumerate(text) if ord(ch) > 127}
    if not high or any("LATIN" not in unicodedata.name(text[i], "") for i in high):
        return None
    runs = sum(1 for i in high if i + 1 in high or i - 1 in high)
    return text if runs <= len(high) // 3 else None


def _mainland(data: bytes) -> str | None:
    """GB18030 text that reads as Chinese: the likeliest 8-bit encoding on this desk, and
    the one detection guesses worst on a few characters (你好 comes out as Big5)."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    common = sum(1 for ch in high if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef")
    return text if high and common >= 0.9 * len(high) else None


def utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` for UTF-16 text without a byte order mark, as some
    Windows tools write CSVs and chat exports: mostly-ASCII text has a NUL in every other
    byte (digits, separators and line ends are ASCII even in a Chinese chat), and reads
    cleanly in that byte order."""
    sample = data[:4096]
    sample = sample[:len(sample) // 2 * 2]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # A NUL in the other half of a pair is a CJK character such as 一 (U+4E00): rare.
    if odd >= pairs * 0.3 and even <= odd * 0.1:
        encoding = "utf-16-le"
    elif even >= pairs * 0.3 and odd <= even * 0.1:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # more than a character cut by the sample's end
            return None
        text = sample[:exc.start].decode(encoding)
    return None if len(_CONTROLS.findall(text)) > len(text) * BINARY_SHARE else encoding


def strip_controls(text: str) -> tuple[str, int]:
    """The text without NUL and the other C0 control characters (tab, line feed and
    carriage return stay), and how many were taken out."""
    return _CONTROLS.subn("", text)


def controls_note(removed: int) -> str:
    """The import note that says how many control characters a file lost."""
    return (f"{removed:,} control character{'s' if removed != 1 else ''} (NUL and the like) "
            "removed from the text")


def _binary(removed: int, read: int, padding: int) -> bool:
    """Whether `removed` control characters in `read` make a file binary. A run of them
    at its end (`padding`, as some tools fill a file up with NUL) does not count."""
    return removed - padding > max(read - padding, 64) * BINARY_SHARE


def _padding(text: str) -> int:
    """How many control characters the run of them (and white space) that ends a text holds."""
    run = text[len(text.rstrip(_PAD)):]
    return len(_CONTROLS.findall(run))


def file_text(source: Source) -> tuple[str, int]:
    """A small file's whole text, decoded, without control characters, and how many were
    taken out. A file that is binary, at its head or further on, is refused."""
    if looks_binary(source.head):
        raise ImportFileError(source.name, "not a text file")
    decoded = decode(source.data, source.name)
    text, removed = strip_controls(decoded)
    if _binary(removed, len(decoded), _padding(decoded)):
        raise ImportFileError(source.name, f"not a text file ({removed:,} control characters)")
    return text, removed


Row = TypeVar("Row", covariant=True)


class CsvReader(Protocol[Row]):
    """What csv.reader gives: rows, and the line it has read to."""

    @property
    def line_num(self) -> int: ...

    def __next__(self) -> Row: ...


def csv_rows(reader: CsvReader[Row], source: str) -> Iterator[Row]:
    """A CSV reader's rows, its errors (a field past csv's size limit, a quote never
    closed) as the one-line error that names the file and line. Make the reader over
    `io.StringIO(text, newline="")`: a carriage return alone is then a line end, not an
    error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(source, f"not a readable CSV: {exc}", max(1, reader.line_num)) from None
        yield row


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes as text: a BOM, then the declared charset, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    if declared is None and (utf16 := utf16_without_bom(data)):
        return data.decode(utf16, errors="replace")
    for encoding in filter(None, (charset_alias(declared), "utf-8")):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= len(data) - 3 and encoding == "utf-8":  # a sample cut mid-character
                return data[:exc.start].decode(encoding)
        except LookupError:
            continue
    latin = _western(data)
    if latin is not None:
        return latin
    chinese = _mainland(data)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes  # slow to load: only when a guess is needed

    guess = from_bytes(data[:200_000], cp_isolation=_LIKELY).best()
    if guess is None or guess.encoding is None:
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > len(text) // 20:
            raise ImportFileError(source, "not a text file (no encoding reads it)")
        return text
    return data.decode(charset_alias(guess.encoding) or guess.encoding, errors="replace")


class TextLines:
    """A source's text line by line (without the line ends), decoded as it is read: what
    chat apps write (UTF-8, or UTF-16 with its mark or without) is streamed; anything
    else, or UTF-8 that breaks further on, is decoded whole by `decode` once `encoding` is
    set to None. Control characters are taken out (`removed` counts them in a reading);
    a file that turns out to be binary further on is refused. `done` is how far the
    reading has got, in bytes of `source.size`. A line longer than LONGEST_LINE comes in
    pieces: `continued` says the piece just given does not end its line."""

    def __init__(self, source: Source) -> None:
        self.source, self.done, self.removed = source, 0, 0
        self.encoding = _stream_encoding(source.head)
        self.continued = False

    def __iter__(self) -> Iterator[str]:
        self.done = self.removed = 0
        with self.source.reading():
            if self.encoding is None:  # read in the encoding the whole file is in, as it goes
                from leaddesk.importers.textstream import TextStream

                whole = TextStream(self.source)
                for piece in whole.lines():
                    self.done, self.removed, self.continued = whole.done, whole.removed, not piece.ends
                    yield piece.text
                self.removed = whole.removed
            elif self.encoding.startswith("utf-16"):  # a NUL byte may be half a character
                yield from self._utf16()
            else:  # UTF-8, the common case, inline: the control bytes go before decoding
                number = 0  # (at C speed: no such byte is part of a longer UTF-8 sequence)
                with self.source.open() as raw:
                    kept = _WithoutControls(raw)
                    with io.TextIOWrapper(io.BufferedReader(kept), self.encoding, newline=None) as stream:
                        for number, line in enumerate(self._lines(stream), 1):
                            if not number & 1023:
                                self.done, self.removed = raw.tell(), kept.removed
                                self._check(self.done, number)
                            yield line.removesuffix("\n")
                    self.removed = kept.removed
                    self._check(raw.tell(), number, kept.run)
        self.done = self.source.size

    def _utf16(self) -> Iterator[str]:
        assert self.encoding is not None
        number = 0
        with self.source.open() as raw, io.TextIOWrapper(raw, self.encoding, newline=None) as stream:
            for number, line in enumerate(self._lines(stream), 1):
                if not number & 1023:
                    self.done = raw.tell()
                    self._check(self.done // 2, number)
                text, removed = strip_controls(line)
                self.removed += removed
                yield text.removesuffix("\n")
            self._check(raw.tell() // 2, number)

    def _check(self, read: int, line: int, padding: int = 0) -> None:
        """Refuse a file whose text so far (`read` characters, about) is more control
        characters than a text file ever has: binary data after a text-like head."""
        if _binary(self.removed, read, padding):
            raise ImportFileError(self.source.name, f"not a text file: binary data "
                                  f"({self.removed:,} control characters)", line or None)

    def _lines(self, stream: IO[str]) -> Iterator[str]:
        """Lines of at most LONGEST_LINE characters (with their line end): a longer one,
        which no chat app writes, comes in pieces rather than whole into memory."""
        for line in iter(lambda: stream.readline(LONGEST_LINE), ""):
            self.continued = line[-1] != "\n"
            yield line


class _WithoutControls(io.RawIOBase):
    """A byte stream without the C0 control bytes but tab, line feed and carriage
    return, counted in `removed`."""

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self.raw, self.removed = raw, 0
        self.run = 0  # control bytes since the last other byte: padding, at the end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: "WriteableBuffer") -> int:
        view = memoryview(buffer).cast("B")
        while True:
            chunk = self.raw.read(len(view))
            if not chunk:
                return 0
            kept = chunk.translate(None, _CONTROL_BYTES)
            self.removed += len(chunk) - len(kept)
            rest = chunk.rstrip(_PAD_BYTES)
            tail = chunk[len(rest):]
            controls = len(tail) - len(tail.translate(None, _CONTROL_BYTES))
            self.run = controls if rest else self.run + controls
            if kept:
                view[:len(kept)] = kept
                return len(kept)


def _stream_encoding(head: bytes) -> str | None:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), *_BOMS[1:]):
        if head.startswith(bom):
            return encoding
    if utf16 := utf16_without_bom(head):
        return utf16
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut by the head's end
            return None
    return "utf-8"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text export (UTF-16 excepted, with
    its byte order mark or without, and a text padded with NUL to its end)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(head):
        return False
    text = data.rstrip(b"\x00")
    if len(data) - len(text) >= 16:  # NUL padding to the end (a run, not a C string's one)
        head = text[:8192] or head
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or controls > len(head) * 0.05


def _safe_members(archive: zipfile.ZipFile, source: str) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    unpacked = sum(info.file_size for info in members)
    packed = max(1, sum(info.compress_size for info in members))
    if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
        raise ImportFileError(source, f"zip unpacks to {unpacked:,} bytes; refused as a zip bomb")
    for info in members:
        path = PurePosixPath(info.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            raise ImportFileError(source, f"zip member {info.filename!r} points outside the archive")
    return members


def read_source(path: Path) -> Source:
    """A file to import; for a zip, its chat text (`_chat.txt` or the one .txt) and the
    names of its attachments. Nothing is read whole yet, nothing is extracted to disk."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise ImportFileError(name, f"file is {size:,} bytes; the limit is {MAX_FILE:,}")
    except OSError as exc:
        raise ImportFileError(name, exc.strerror or str(exc)) from None
    source = Source(name, opener=lambda: path.open("rb"), size=size)
    if source.head.startswith(b"PK\x03\x04"):
        return _zip_source(path)
    if not source.head.strip() and not source.data.strip():
        raise ImportFileError(name, "the file is empty")
    return source


def _zip_source(path: Path) -> Source:
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = _safe_members(archive, name)
    except ZIP_DAMAGE as exc:
        raise ImportFileError(name, f"damaged zip archive: {exc}") from None
    texts = [m for m in members if m.filename.lower().endswith(".txt")]
    tables = [m for m in members if m.filename.lower().endswith(".csv")]
    chat = next((m for m in texts if m.filename.endswith("_chat.txt")), None)
    # WhatsApp's one chat text, else a WeChat backup's one message table beside its media
    chat = chat or (texts[0] if len(texts) == 1 else tables[0] if not texts and len(tables) == 1 else None)
    if chat is None:
        raise ImportFileError(name, "zip holds no chat export (_chat.txt, or a WeChat backup's .csv)")
    others = tuple(m.filename for m in members if m is not chat)
    return Source(name, None, others, opener=lambda: _member(path, chat), size=chat.file_size,
                  archive=path)


def _member(path: Path, info: zipfile.ZipInfo) -> IO[bytes]:
    """One member of a zip as a stream; the archive's file stays open as long as it."""
    with zipfile.ZipFile(path) as archive:
        return open_member(archive, info)


def open_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    """A member as a stream. The name in its own header is read again here, and one whose
    flag says UTF-8 when it is not is the archive's damage (found by fuzzing)."""
    try:
        return archive.open(info)
    except UnicodeDecodeError:
        raise zipfile.BadZipFile(f"the name of {info.filename!r} in its header is not UTF-8") from None
