"""What every importer returns, what a file means to it, and how it fails."""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import InvalidInputError
from leaddesk.importers.longtext import Spill

CHUNK_MESSAGES = 5000
CHUNK_CHARS = 8_000_000


def chunk_full(messages: int, chars: int) -> bool:
    """Whether the part of a file in hand is to be handed on (or written): 5,000 messages
    or 8 million characters of text, whichever comes first, so a file of any length
    takes the same memory."""
    return messages >= CHUNK_MESSAGES or chars >= CHUNK_CHARS


class ImportFileError(InvalidInputError):
    """A file that cannot be imported; the message names the file and, where known, the line."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source, self.line, self.reason = source, line, message
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


@dataclass
class RowError:
    """A bad row inside a good file: reported, the rest imports."""

    line: int
    message: str


@dataclass
class ParsedFile:
    """One file turned into drafts."""

    source: str
    channel: Channel
    # a list, or for a big file drafts made as it is read: `errors` and `notes` are whole
    # once they have all been taken
    inquiries: Iterable[InquiryDraft] = field(default_factory=list)
    contacts: Iterable[ContactDraft] = field(default_factory=list)  # likewise
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_set: str | None = None  # a CSV's headers, to remember a column mapping by


@dataclass
class Own:
    """Our own staff: names, numbers (E.164) and addresses whose messages are `out`."""

    names: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    _known: dict[str, bool] = field(default_factory=dict, repr=False)

    def is_us(self, author: str) -> bool:
        """Whether an author name, number or address is one of ours (remembered per author:
        a chat has few authors and many messages)."""
        if author not in self._known:
            self._known[author] = self._check(author)
        return self._known[author]

    def _check(self, author: str) -> bool:
        from leaddesk.domain.identities import clean_text, looks_like_phone, normalize_phone

        text = clean_text(author)
        if text.casefold() in {name.casefold() for name in self.names}:
            return True
        if text.lower() in self.emails:
            return True
        return looks_like_phone(text) and normalize_phone(text).value in self.phones


@dataclass
class ImportOptions:
    """What a file means: who we are, the default region, the date order, the column
    maps, and where values too long to store whole go. (Progress and Cancel are the
    job's: `leaddesk.job.Job`, given apart.)"""

    own: Own = field(default_factory=Own)
    default_region: str = ""
    date_order: str = "DMY"  # the locale's order when a chat's dates cannot settle it
    column_map: dict[str, str] = field(default_factory=dict)
    remembered_maps: dict[str, dict[str, str]] = field(default_factory=dict)  # per header set
    spill: Spill = field(default_factory=Spill)  # where values too long to store whole go
    attachment_file_cap: int = 25 * 1024 * 1024  # bytes of one attachment kept; more: only named
    attachment_desk_cap: int = 2 * 1024 * 1024 * 1024  # bytes a desk's attachments may take


class Fingerprints:
    """Stable keys for a chat's messages, given as the chat is read. Two identical lines in
    the same minute are two messages, told apart by their order, which a longer export of
    the chat keeps. Lines are remembered for two days of the chat only, so a chat of any
    length takes the same memory (a clock put back an hour still counts its repeats)."""

    WINDOW = timedelta(days=2)

    def __init__(self, *chat: object) -> None:
        self._chat = chat
        self._seen: dict[tuple[datetime, str, str], int] = {}
        self._pruned: datetime | None = None

    def stamp(self, messages: "list[MessageDraft]") -> None:
        """Give each message, in the chat's order, its key."""
        for message in messages:
            moment = message.sent_at
            if self._pruned is None or moment - self._pruned > self.WINDOW:
                self._seen = {k: n for k, n in self._seen.items() if k[0] >= moment - self.WINDOW}
                self._pruned = moment
            key = (moment, message.author, message.original)
            count = self._seen[key] = self._seen.get(key, 0) + 1
            extra = (count,) if count > 1 else ()
            message.fingerprint = fingerprint(*self._chat, moment.isoformat(), *key[1:], *extra)


def fingerprint(*parts: object) -> str:
    """A stable key for a message, so a second import of it is recognised."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
