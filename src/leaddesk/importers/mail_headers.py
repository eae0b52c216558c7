"""Mail headers as text: encoded words and 8-bit bytes decoded (a header that mixes UTF-8
and GBK read word by word), control characters removed."""

import codecs
import itertools
import re
from email import errors
from email.header import decode_header

from leaddesk.domain.identities import clean_text
from leaddesk.importers.sources import _LIKELY, _western, charset_alias

MAX_HEADER = 32_768  # characters of a header shown (a subject is stored with 500)
# C0 and C1 controls (CR/LF included), DEL, the Unicode line separators, and lone surrogates
# (undecodable bytes, or what a hostile codec label yields): never part of a shown header.
UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_WORD = re.compile(rb"[^ \t]+|[ \t]+")
_ENCODED_WORD = re.compile(r"=\?[^?]*?\?[qQbB]\?.*?\?=")  # as email.header finds them


def printable(text: str) -> str:
    """Header text as it may be shown: control characters removed (a tab is a space)."""
    return clean_text(UNPRINTABLE.sub("", text.replace("\t", " ")))


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _splits(word: bytes) -> list[int]:
    """Where a word's legacy part may begin: at 0, or at one of the last few character ends
    of its UTF-8 start (legacy bytes may begin with what UTF-8 reads too), latest first."""
    try:
        start = word.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = word[:exc.start].decode("utf-8")
    ends = list(itertools.accumulate(len(ch.encode("utf-8")) for ch in start[-5:]))
    offset = len(start.encode("utf-8")) - (ends[-1] if ends else 0)
    return [offset + end for end in reversed(ends) if end + offset < len(word)] + [0]


def _reads(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeError, LookupError):
        return False
    return True


def _decoded(data: bytes, codec: str) -> str | None:
    """Bytes read strictly by a codec, but for a character cut short at their end (where a
    long header was cut), which is replaced; None when the codec does not read them."""
    decoder = codecs.getincrementaldecoder(codec)()
    try:
        text = decoder.decode(data, final=False)
    except (UnicodeError, LookupError):
        return None
    return text + "\ufffd" if decoder.getstate()[0] else text


def _chinese(data: bytes) -> bool:
    """Whether bytes read as Chinese in GB18030, judged as `decode` judges a file (a
    character cut short at their end aside, as where a long header was cut)."""
    text = _decoded(data, "gb18030")
    if text is None:
        return False
    high = [ch for ch in text if ord(ch) > 127]
    common = sum(1 for ch in high if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                 or "\uff00" <= ch <= "\uffef")
    return bool(high) and common >= 0.9 * len(high)


def _multibyte(codec: str) -> bool:
    """Whether a codec reads two high bytes as one character (GBK, Big5...), unlike a
    single-byte code page, which reads any bytes and so proves nothing by reading them."""
    try:
        return len(b"\xb0\xa1".decode(codec, errors="replace")) == 1
    except (UnicodeError, LookupError):
        return False


def _header_codec(label: str | None) -> str | None:
    """A codec for header bytes: one that reads ASCII as ASCII (never UTF-16 or -32, which
    a mail may declare for its body and detection may guess from a stray \\xff\\xfe)."""
    try:  # a label may hold 8-bit bytes or NUL too
        codec = charset_alias(label)
        return codec if codec is not None and b"Re: ab".decode(codec) == "Re: ab" else None
    except (ValueError, LookupError):  # UnicodeError is a ValueError
        return None


def _legacy_codec(foreign: list[bytes], hint: str | None) -> str | None:
    """The one 8-bit encoding for a header's words that UTF-8 does not read: the mail's
    own multi-byte charset if it reads them; else Latin or GB by how the bytes look (as
    `decode` tells them; GB judged on what of each word it reads, after a UTF-8 start);
    else the mail's charset if it reads any; else detection."""
    declared = _header_codec(hint)
    if declared is not None and _multibyte(declared) and all(_reads(w, declared) for w in foreign):
        return declared
    joined = b" ".join(foreign)
    if _western(joined) is not None:
        return "cp1252"
    chinese = [next((w[end:] for end in _splits(w) if _chinese(w[end:])), b"") for w in foreign]
    if any(chinese) and _chinese(b" ".join(chinese)):
        return "gb18030"
    if declared is not None and any(_reads(w, declared) for w in foreign):
        return declared
    from charset_normalizer import from_bytes  # slow to load: only when a guess is needed

    guess = from_bytes(joined[:20_000], cp_isolation=_LIKELY).best()
    return _header_codec(guess.encoding) if guess is not None else None


def _unlikely(text: str) -> tuple[int, bool]:
    """How unlikely a reading of some bytes is: how many of its characters are none of
    ASCII, Latin-1 letters, GB2312's symbols, kana, Greek and Cyrillic (rows 1-9) or its
    3,755 common hanzi (level 1), what bytes read in the wrong encoding mostly turn into;
    then whether it mixes Chinese with other scripts (`ü送`)."""
    count, chinese, other = 0, False, False
    for ch in text:
        if ch.isascii():
            continue
        if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef":
            chinese = True
        else:
            other = True
        if "\u00c0" <= ch <= "\u00ff":
            continue
        try:
            lead = ch.encode("gb2312")[0]
        except UnicodeEncodeError:
            lead = 0
        count += not (0xA1 <= lead <= 0xA9 or 0xB0 <= lead <= 0xD7)
    return count, chinese and other


def _word_text(word: bytes, legacy: str | None) -> str:
    """One word of a header that is not all UTF-8, read as UTF-8, in the legacy encoding,
    or as a UTF-8 start and a legacy rest (`回复：` before GBK), whichever reads as the
    likelier text (on a tie, the longest UTF-8 start: in a header that mixes them). Only
    bytes that nothing reads are replaced."""
    readings = [] if (utf8 := _utf8(word)) is None else [utf8]
    if legacy is None or word.isascii():
        return readings[0] if readings else word.decode("utf-8", errors="replace")
    for end in _splits(word):
        if end and word[:end].isascii():
            continue  # the legacy encoding reads ASCII as it is
        rest = _decoded(word[end:], legacy)
        if rest is not None:
            readings.append(word[:end].decode("utf-8") + rest)
    if readings:
        return min(readings, key=_unlikely)
    return word.decode(legacy, errors="replace")


def eight_bit_text(data: bytes, hint: str | None = None) -> str:
    """Header bytes with no charset label, as text: UTF-8 if they read so; else in one
    legacy encoding (as the old GBK or Latin-1 mailer wrote them all); else, when that
    reads less likely (a list's UTF-8 tag before a GBK subject), word by word (split at
    spaces, which no 8-bit encoding uses inside a character), each in what reads it."""
    if data.isascii():
        return data.decode("ascii")
    text = _utf8(data)
    if text is not None:
        return text
    words = _WORD.findall(data)
    legacy = _legacy_codec([word for word in words if _utf8(word) is None], hint)
    by_word = "".join(_word_text(w, legacy) for w in words)
    whole = _decoded(data, legacy) if legacy is not None else None
    return whole if whole is not None and _unlikely(whole) <= _unlikely(by_word) else by_word


def raw_bytes(text: str) -> bytes:
    """A header value as the bytes it came as (the email package keeps 8-bit bytes as
    surrogates); decoded text in it is UTF-8."""
    return text.encode("utf-8", "surrogateescape")


def _chunk_text(data: bytes, label: str | None, hint: str | None) -> str:
    if label is None:
        return eight_bit_text(data, hint)
    codec = _header_codec(label)
    if codec is not None:
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError):
            pass
    return eight_bit_text(data, codec or hint)


def _encoded_word(word: str) -> tuple[bytes, str] | None:
    """An encoded word's bytes and charset label; None when it does not decode."""
    try:
        [(data, label)] = decode_header(word)
    except (errors.HeaderParseError, ValueError, AssertionError):
        return None
    if not isinstance(data, bytes):
        return None
    return data, label or ""


def header_text(raw: str | None, hint: str | None = None) -> str:
    """A header's raw value as text: encoded words decoded (a character split between two
    words kept whole), 8-bit bytes read as UTF-8 or `hint` or what reads them, control
    characters removed. Never raises."""
    if not raw:
        return ""
    raw = raw[:MAX_HEADER]
    if raw.isascii() and "=?" not in raw:
        return printable(raw)
    chunks: list[tuple[bytes, str | None]] = []  # bytes and charset label (None: not encoded)
    position = 0
    for match in _ENCODED_WORD.finditer(raw):
        between = raw[position:match.start()]
        position = match.end()
        if between and not (between.isspace() and chunks and chunks[-1][1] is not None):
            chunks.append((raw_bytes(between), None))  # space between two words is dropped
        word = _encoded_word(match.group())
        if word is None:
            chunks.append((raw_bytes(match.group()), None))
        elif chunks and chunks[-1][1] == word[1]:
            chunks[-1] = (chunks[-1][0] + word[0], word[1])
        else:
            chunks.append(word)
    if position < len(raw):
        chunks.append((raw_bytes(raw[position:]), None))
    return printable("".join(_chunk_text(data, label, hint) for data, label in chunks))
