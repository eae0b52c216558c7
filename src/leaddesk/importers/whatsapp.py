"""WhatsApp "Export chat" files: Android and iOS layouts, any date order, 12/24 h clocks.

The date order is decided from the whole file: the order under which every date is
valid and the chat runs forward in time wins; a tie goes to the configured locale.
"""

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from leaddesk.domain.drafts import InquiryDraft, MessageDraft
from leaddesk.domain.identities import clean_text
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.attached import ZipMedia
from leaddesk.importers.base import (
    Fingerprints,
    ImportFileError,
    ImportOptions,
    ParsedFile,
    chunk_full,
)
from leaddesk.importers.chat import Typed, buyer_contact, choose_buyer, directions, ours
from leaddesk.importers.longtext import TEXT_CAP, LongText
from leaddesk.importers.sources import Source, TextLines, controls_note, looks_binary
from leaddesk.importers.whatsapp_locales import (
    LOCAL_ENCRYPTION,
    LOCAL_MEDIA,
    MARKS,
    local_header,
)
from leaddesk.job import Job

_MARKS = MARKS
# The common layouts, English and most others; whatsapp_locales reads the rest.
HEADER = re.compile(
    r"^[" + _MARKS + r"]*\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
    r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)"
    r"(?:[\s\u202f\u00a0]*(?P<ampm>[AaPp]\.?\s?[Mm]\.?))?"
    r"(?:\]\s?|\s[-–]\s)(?P<rest>.*)$"
)
_SYSTEM = re.compile(
    r"end-to-end encrypted|created (?:group|this group)|were added|was added|\badded\b.*$|"
    r"changed (?:the subject|this group's|the group|their phone number)|security code changed|"
    r"\bleft$|\bremoved\b|joined using this group's invite link|disappearing messages|"
    r"now an admin|端到端加密|创建了群|加入了群",
    re.IGNORECASE,
)
_ENCRYPTION = re.compile(r"end-to-end encrypted|端到端加密", re.IGNORECASE)
_MARKS_RE = re.compile(f"[{_MARKS}]")
_MEDIA = re.compile(
    r"^(?:<(?:Media omitted|Medien ausgeschlossen|Multimedia omitido|Médias omis|"
    r"媒体文件已忽略|Mídia oculta)>|(?:image|video|audio|sticker|GIF|document|Contact card) "
    r"omitted|(?:imagen|video|audio) omitid[oa])$",
    re.IGNORECASE,
)
# iOS "<attached: NAME>" and its translations (starkdmi/whats_json lib/src/patterns.dart,
# from WhatsApp's own strings; de "<Anhang: ...>" in mtln/chat-export's tests, zh "<附件: ...>"
# in ChatLab's parser); Android "NAME (file attached)".
_ATTACHED = re.compile(r"^<(?:attached|Anhang|附件|已附加|添付ファイル|첨부됨|đính kèm|المُرفق|adjunto|"
                       r"anexo|pièce jointe|allegato|прикреплено)[:：] ?(?P<name>.+)>$|"
                       r"^(?P<file>.+\.\w{2,5}) \(file attached\)", re.IGNORECASE)
_PARTNER = re.compile(r"^WhatsApp Chat (?:with|-|mit|con|avec)\s+(?P<name>.+?)(?:\.txt|\.zip)?$",
                      re.IGNORECASE)
ORDERS = ("DMY", "MDY", "YMD")
SURVEYED = 10_000  # characters of a message the first reading looks at (WhatsApp stops at 65,536)


@dataclass
class _Line:
    number: int
    date: str
    time: str
    ampm: str | None
    rest: str


class _Entries:
    """Each message's header line with the lines that continue it, read from the file as
    it goes; read twice (once to learn the chat, once to hand on its messages)."""

    def __init__(self, source: Source, options: ImportOptions, job: Job) -> None:
        self.source, self.options, self.job, self.lines = source, options, job, TextLines(source)
        self._names: dict[str, str] = {}
        # Whether the chat is in another language's layout, as its first header says: a
        # chat in the common layout never takes the slower locale-aware reading.
        self._local: bool | None = None

    def read(self, half: int) -> Iterator["_Entry"]:
        """The entries; progress counts this reading as the first or second `half`. The
        second reading keeps each message up to TEXT_CAP characters and the whole of a
        longer one in a spill file; the first keeps only what it looks at (SURVEYED)."""
        total = 2 * max(1, self.source.size)
        cap = TEXT_CAP if half else SURVEYED
        current: _Entry | None = None
        number, fresh = 0, True  # the physical line, and whether a piece starts one
        for count, line in enumerate(self.lines, 1):
            if fresh:
                number += 1
            piece_of_long_line, fresh = not fresh, not self.lines.continued
            if count % 5000 == 0:
                self.job.tick(half * self.source.size + self.lines.done, total)
            if piece_of_long_line:  # the rest of a line too long to come whole
                if current is not None:
                    current.add(line, cap, self.options, joined=False)
                continue
            match = HEADER.match(line)
            if match:
                header = _Line(number, match["date"], match["time"], match["ampm"], match["rest"])
            elif self._local is not False and (local := local_header(line)) is not None:
                header = _Line(number, *local)
            else:
                header = None
            if header is not None:
                if self._local is None:
                    self._local = match is None
                if current is not None:
                    yield current
                current = _Entry(header, [], len(line))
            elif current is not None:
                current.add(line, cap, self.options)
            elif line.strip():
                raise ImportFileError(self.source.name, "not a WhatsApp chat export", number)
        if current is not None:
            yield current
        self.job.tick((half + 1) * self.source.size, total)

    def said(self, entry: "_Entry") -> tuple[str, str] | None:
        """The author (each name cleaned once) and the text of an entry, or None for a
        line that is no one's message."""
        header, more = entry.header, entry.more
        name, colon, body = header.rest.partition(":")
        if not colon or not name.strip() or len(name) > 80:
            return None  # a system line ("X created group") has no author
        if body.startswith(" "):
            body = body[1:]
        if not more and entry.long is None and _is_system(body):
            return None  # a system line shown under the chat's name
        if name not in self._names:
            self._names[name] = clean_text(name)
        if entry.long is not None:
            return self._names[name], entry.long.finish()
        return self._names[name], "\n".join([body, *more]) if more else body


@dataclass
class _Entry:
    """One message as read: its header line, the lines that go on from it, and, once it is
    longer than the reading keeps, its text in `long` instead (from its header's text on)."""

    header: _Line
    more: list[str]
    length: int
    long: LongText | None = None

    def add(self, text: str, cap: int, options: ImportOptions, *, joined: bool = True) -> None:
        """The message's next line (or, not `joined`, the next piece of its last line)."""
        self.length += len(text) + joined
        if self.long is None and self.length > cap:
            _, _, body = self.header.rest.partition(":")
            self.long = LongText(options.spill, cap, keep=cap == TEXT_CAP)
            self.long.add("\n".join([body.removeprefix(" "), *self.more]))
            self.more = []
        if self.long is not None:
            self.long.add("\n" + text if joined else text)
        elif joined:
            self.more.append(text)
        else:
            if self.more:
                self.more[-1] += text
            else:
                self.header.rest += text


def is_header(line: str) -> bool:
    """Whether a line starts a message (or a system line), in any layout."""
    return HEADER.match(line) is not None or local_header(line) is not None


def _date_parts(date: str, order: str) -> tuple[int, int, int] | None:
    parts = [int(p) for p in re.split(r"[./-]", date)]
    day, month, year = (parts[ORDERS[0].index(c)] for c in "DMY") if order == "DMY" else (
        (parts[1], parts[0], parts[2]) if order == "MDY" else (parts[2], parts[1], parts[0]))
    if year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100):
        return None
    return year, month, day


def _inversions(unique: list[str], order: str) -> int | None:
    """How often the chat would run back in time under `order`; None if a date is invalid."""
    parsed = [_date_parts(d, order) for d in unique]
    if any(p is None for p in parsed):
        return None
    try:
        days = [datetime(*p).toordinal() for p in parsed if p]
    except ValueError:
        return None
    return sum(1 for a, b in itertools.pairwise(days) if b < a)


def decide_order(dates: list[str], preferred: str) -> tuple[str, bool]:
    """The date order of a chat and whether the file itself settled it. A four-digit
    first field means year first; a two-digit one is read year first only when day- and
    month-first both fail."""
    unique = list(dict.fromkeys(dates))
    year_first = bool(unique) and len(re.split(r"[./-]", unique[0])[0]) == 4
    for candidates in ((["YMD"],) if year_first else (["DMY", "MDY"], ["YMD"])):
        scores = {o: s for o in candidates if (s := _inversions(unique, o)) is not None}
        if scores:
            break
    else:
        raise ValueError("no date order reads every date")
    best = min(scores.values())
    winners = [order for order, score in scores.items() if score == best]
    if len(winners) == 1:
        return winners[0], True
    return (preferred if preferred in winners else winners[0]), False


def _moment(line: _Line, order: str, zone: ZoneInfo, days: dict[str, tuple[int, int, int]]) -> datetime:
    if line.date not in days:
        days[line.date] = _date_parts(line.date, order) or (0, 0, 0)
    year, month, day = days[line.date]
    pieces = line.time.replace(".", ":").split(":")
    hour, minute = int(pieces[0]), int(pieces[1])
    second = int(pieces[2]) if len(pieces) > 2 else 0
    if line.ampm:
        hour = hour % 12 + (12 if line.ampm[0] in "pP" else 0)
    return datetime(year, month, day, hour, minute, second, tzinfo=zone)


def _is_system(body: str) -> bool:
    """A line shown under someone's name that is no one's message: the encryption notice,
    or a group event that iOS marks with a leading U+200E. A person's own words about
    adding or removing something ("We removed the old sensor") stay messages."""
    if len(body) >= 200:
        return False
    if body.startswith("\u200e"):
        return _SYSTEM.search(_unmark(body)) is not None
    if not body.isascii():  # the notice in another language: a sentence, with its full stop
        return body[-1:] in ".。" and LOCAL_ENCRYPTION.search(body) is not None
    if "crypt" not in body and "CRYPT" not in body:
        return False  # the common case, decided without the case-blind pattern
    return _ENCRYPTION.search(body) is not None


def _unmark(text: str) -> str:
    """Text without direction marks (plain ASCII, the common case, has none)."""
    return text if text.isascii() else _MARKS_RE.sub("", text)


@dataclass
class _Chat:
    """What a first reading learns of a chat: its dates, its authors and what they typed."""

    dates: dict[str, None]
    authors: dict[str, int]  # clean name: messages, in the order they first wrote
    typed: Typed
    first: int  # the first message's line


def _survey(entries: _Entries, options: ImportOptions) -> _Chat:
    chat = _Chat({}, {}, Typed(options.default_region), 0)
    for entry in entries.read(0):
        chat.first = chat.first or entry.header.number
        chat.dates[entry.header.date] = None
        said = entries.said(entry)
        if said is None:
            continue
        author, original = said
        chat.authors[author] = chat.authors.get(author, 0) + 1
        chat.typed.add(author, _unmark(original).strip())
    return chat


def parse_whatsapp(source: Source, options: ImportOptions, zone: ZoneInfo, job: Job) -> ParsedFile:
    """A WhatsApp export as one chat with the buyer. The file is read once to settle the
    date order and the buyer, then handed on a chunk at a time as it is read again: a
    chat of any length takes the same memory."""
    if looks_binary(source.head):
        raise ImportFileError(source.name, "not a text file")
    entries = _Entries(source, options, job)
    try:
        chat = _survey(entries, options)
    except UnicodeDecodeError:  # not UTF-8 after all: decoded whole, the careful way
        entries.lines.encoding = None
        chat = _survey(entries, options)
    if not chat.dates:
        raise ImportFileError(source.name, "no WhatsApp messages found", 1)
    try:
        order, settled = decide_order(list(chat.dates), options.date_order)
    except ValueError:
        raise ImportFileError(source.name, "dates cannot be read in any order", chat.first) from None
    parsed = ParsedFile(source.name, Channel.WHATSAPP)
    if entries.lines.removed:
        parsed.notes.append(controls_note(entries.lines.removed))
    if not settled:
        parsed.notes.append(f"date order {order} taken from the settings; the file cannot tell")
    partner_match = _PARTNER.match(source.name.removesuffix(".zip").removesuffix(".txt"))
    partner = clean_text(partner_match["name"]) if partner_match else None
    buyer = choose_buyer(chat.authors, options.own, partner)
    contact = buyer_contact(buyer)
    authors = set(chat.authors)
    offered = chat.typed.by(a for a in chat.authors if not ours(a, buyer, options.own, authors))
    fingerprints = Fingerprints("whatsapp", contact.phones[0] if contact.phones else buyer)

    def drafts() -> Iterator[InquiryDraft]:
        for messages in _messages(entries, order, zone, source, parsed.notes):
            directions(messages, buyer, options.own, authors)
            fingerprints.stamp(messages)
            yield InquiryDraft(Channel.WHATSAPP, contact, messages, offered=offered)

    parsed.inquiries = drafts()
    return parsed


def _messages(entries: _Entries, order: str, zone: ZoneInfo, source: Source,
              notes: list[str]) -> Iterator[list[MessageDraft]]:
    messages: list[MessageDraft] = []
    chars = 0
    days: dict[str, tuple[int, int, int]] = {}
    in_zip = ZipMedia(source)
    for entry in entries.read(1):
        header = entry.header
        said = entries.said(entry)
        if said is None:
            continue
        author, original = said
        overflow = entry.long.overflow if entry.long is not None else None
        if overflow is not None:
            notes.append(f"line {header.number}: a message too long to store whole; stored cut, "
                         "the whole message kept beside the desk")
        shown = _unmark(original).strip()
        attachment = None
        if shown[:1] == "<" or "omit" in shown or "attached" in shown or "gelassen" in shown:
            media = _ATTACHED.match(shown)
            if media:
                attachment = media["name"] or media["file"]
            elif _MEDIA.match(shown) or LOCAL_MEDIA.match(shown):
                attachment = shown.strip("<>")
        elif len(shown) <= 80 and not shown.isascii() and LOCAL_MEDIA.match(shown):
            attachment = shown  # a placeholder in another language
        try:
            moment = _moment(header, order, zone, days)
        except ValueError:
            raise ImportFileError(source.name, f"impossible time {header.time}",
                                  header.number) from None
        messages.append(MessageDraft(sent_at=moment, direction=Direction.IN, body=shown,
                                     author=author, original=original, attachment=attachment,
                                     line=header.number, overflow=overflow))
        if attachment is not None and source.members and (found := in_zip.find(attachment)):
            messages[-1].files.append(found)
        chars += len(original)
        if chunk_full(len(messages), chars):
            yield messages
            messages, chars = [], 0
    if messages:
        yield messages
