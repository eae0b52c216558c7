"""Reading files safely: size limits, zip archives without bombs or escapes, text decoding."""

import codecs
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from charset_normalizer import from_bytes

from leaddesk.importers.base import ImportFileError

MAX_FILE = 512 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_RATIO = 100
# Labels that mean "some GB encoding": GB18030 reads all of them.
_GB = {"gb2312", "gbk", "euc-cn", "eucgb2312_cn", "gb18030", "x-gbk", "cp936", "hz-gb-2312"}
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]


# What buyers' files are written in; limiting detection to these keeps short texts
# from being "detected" as an exotic code page.
_LIKELY = ["utf_8", "gb18030", "big5", "cp1252", "shift_jis", "euc_jp", "euc_kr",
           "cp1251", "koi8_r", "utf_16"]


@dataclass
class Source:
    """A file's name and bytes, and for a zip the names of the other members."""

    name: str
    data: bytes
    members: tuple[str, ...] = ()


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


def decode(data: bytes, source: str, declared: str | None = None) -> str:
    """Bytes as text: a BOM, then the declared charset, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
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
    guess = from_bytes(data[:200_000], cp_isolation=_LIKELY).best()
    if guess is None or guess.encoding is None:
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > len(text) // 20:
            raise ImportFileError(source, "not a text file (no encoding reads it)")
        return text
    return data.decode(charset_alias(guess.encoding) or guess.encoding, errors="replace")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text export (UTF-16 excepted)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
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
    """A file's content; for a zip, its chat text (`_chat.txt` or the one .txt) and the
    names of its attachments. Nothing is ever extracted to disk."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise ImportFileError(name, f"file is {size:,} bytes; the limit is {MAX_FILE:,}")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(name, exc.strerror or str(exc)) from None
    if not data.strip():
        raise ImportFileError(name, "the file is empty")
    if not data.startswith(b"PK\x03\x04"):
        return Source(name, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = _safe_members(archive, name)
            texts = [m for m in members if m.filename.lower().endswith(".txt")]
            chat = next((m for m in texts if m.filename.endswith("_chat.txt")), None)
            chat = chat or (texts[0] if len(texts) == 1 else None)
            if chat is None:
                raise ImportFileError(name, "zip holds no chat export (_chat.txt)")
            others = tuple(m.filename for m in members if m is not chat)
            return Source(name, archive.read(chat), others)
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
        raise ImportFileError(name, f"damaged zip archive: {exc}") from None
