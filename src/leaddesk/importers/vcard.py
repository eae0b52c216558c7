"""vCard 2.1, 3.0 and 4.0 in (contacts) and out (`leaddesk contacts --vcf FILE`)."""

import quopri
import re
from collections.abc import Iterable, Iterator

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.importers.base import ImportFileError, ImportOptions, ParsedFile, RowError
from leaddesk.importers.longtext import TEXT_CAP, LongText, marker
from leaddesk.importers.sources import Source, charset_alias, decode, strip_controls
from leaddesk.importers.textstream import Line, TextStream
from leaddesk.job import Job

_PROPERTY = re.compile(r"^(?:[\w-]+\.)?(?P<name>[A-Za-z][\w-]*)(?P<params>(?:;[^:]*)?):(?P<value>.*)$",
                       re.DOTALL)
FIELD = 10_000  # characters kept of a property other than a note: names and numbers are short
MAX_PROPERTIES = 500  # per card; a real card has a few dozen
_BIG = {"NOTE"}  # kept up to TEXT_CAP, the rest in the card's file
_SKIPPED = {"PHOTO", "LOGO", "SOUND", "KEY"}  # binary: not read, kept in the card's file if cut


def _params(text: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for piece in filter(None, text.split(";")):
        key, _, value = piece.partition("=")
        if value:
            params[key.upper()] = value
        else:
            params.setdefault("TYPE", key)  # 2.1 writes bare types: TEL;CELL
    return params


def _value(raw: str, params: dict[str, str]) -> str:
    if params.get("ENCODING", "").upper() in ("QUOTED-PRINTABLE", "QP"):
        data = quopri.decodestring(raw.encode("latin-1", "replace"))
        declared = charset_alias(params.get("CHARSET")) or "utf-8"
        try:
            text = decode(data, "vcard", declared)
        except ImportFileError:  # one value no encoding reads: kept as well as it reads
            text = data.decode(declared, errors="replace")
        return strip_controls(text)[0]  # =00 in quoted-printable is a NUL all the same
    return raw.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";")


def _card(properties: list[tuple[str, dict[str, str], str]]) -> ContactDraft:
    card = ContactDraft()
    for name, _params, value in properties:
        if name == "FN":
            card.name = value.strip()
        elif name == "N" and not card.name:
            family, given, *_ = [*value.split(";"), "", ""]
            card.name = " ".join(p for p in (given.strip(), family.strip()) if p)
        elif name == "ORG":
            card.company = value.split(";")[0].strip()
        elif name == "TEL" and value.strip():
            card.phones.append(value.strip())
        elif name == "EMAIL" and value.strip():
            card.emails.append(value.strip())
        elif name in ("X-WECHAT", "X-WEIXIN") and value.strip():
            card.wechat_ids.append(value.strip())
        elif name == "ADR":
            parts = value.split(";")
            if len(parts) >= 7 and parts[6].strip():
                card.country = parts[6].strip()
        elif name in ("NOTE", "TITLE") and value.strip():
            card.notes = "\n".join(filter(None, [card.notes, value.strip()]))
    if len(card.notes) > TEXT_CAP + 1000:  # several notes, together too long (one cut note ends
        card.notes = card.notes[:TEXT_CAP] + marker(len(card.notes), "card")  # in its own marker)
    return card


class _Reader:
    """The cards of one file, built line by line: each property's value is kept up to its
    cap, and the card's own text up to TEXT_CAP, the rest of it in a spill file, so that
    a card with a value of any length is stored cut and kept whole."""

    def __init__(self, source: Source, options: ImportOptions, parsed: ParsedFile, job: Job) -> None:
        self.stream, self.options, self.parsed, self.job = TextStream(source), options, parsed, job
        self.card: list[tuple[str, dict[str, str], str]] | None = None
        self.start = 0
        self.raw: LongText | None = None
        self.cut = False
        self.name = ""  # the property being read
        self.params: dict[str, str] = {}
        self.value: LongText | None = None
        self.found = False

    def cards(self) -> Iterator[ContactDraft]:
        size = max(1, self.stream.source.size)
        fresh = True  # the next piece starts a physical line
        for count, line in enumerate(self.stream.lines()):
            if not count % 5000:
                self.job.tick(self.stream.done, size)
            if self.raw is not None:
                self.raw.add(line.text + ("\r\n" if line.ends else ""))
            if not fresh:
                self._more(line.text)
            elif line.text[:1] in (" ", "\t") and self.value is not None:
                self._more(line.text[1:])
            elif self.value is not None and self._soft_break():
                self._more(line.text)
            else:
                card = self._end_property()
                if card is not None:
                    yield card
                self._begin(line)
            fresh = line.ends
        card = self._end_property()
        if card is not None:
            yield card
        if self.card is not None:
            self.parsed.errors.append(RowError(self.start, "the last card has no END:VCARD"))
        self.job.tick(size, size)
        if self.stream.note:
            self.parsed.notes.append(self.stream.note)
        if not self.found and not self.parsed.errors:
            raise ImportFileError(self.parsed.source, "no vCard in the file (BEGIN:VCARD)", 1)

    def _soft_break(self) -> bool:
        """A quoted-printable line ending in `=` goes on on the next line."""
        assert self.value is not None
        encoding = self.params.get("ENCODING", "").upper()
        return encoding in ("QUOTED-PRINTABLE", "QP") and self.value.ends_with("=")

    def _more(self, text: str) -> None:
        if self.value is None:
            return
        if self.value.ends_with("=") and self._soft_break():
            self.value.drop_last()
        self.value.add(text)

    def _begin(self, line: Line) -> None:
        match = _PROPERTY.match(line.text.strip() if line.ends else line.text.lstrip())
        self.name, self.value = "", None
        if not match:
            return
        name = match["name"].upper()
        if name == "BEGIN" and match["value"].strip().upper() == "VCARD":
            self.card, self.start, self.cut = [], line.number, False
            self.raw = LongText(self.options.spill)
            self.raw.add(line.text + ("\r\n" if line.ends else ""))
            return
        if self.card is None:
            return
        self.name, self.params = name, _params(match["params"])
        cap = TEXT_CAP if name in _BIG else 0 if name in _SKIPPED else FIELD
        self.value = LongText(self.options.spill, cap=cap, keep=False)
        self.value.add(match["value"])

    def _end_property(self) -> ContactDraft | None:
        """Finish the property read so far; a card's END gives the card."""
        value, self.value = self.value, None
        if value is None or self.card is None:
            return None
        if value.length > value.cap and self.name not in _SKIPPED:
            self.cut = True
        text = value.finish() if self.name in _BIG else value.head()  # a cut note says so
        if self.name == "END" and text.strip().upper() == "VCARD":
            return self._end_card()
        if self.name in _SKIPPED or self.name == "BEGIN":
            return None
        if len(self.card) >= MAX_PROPERTIES:
            if len(self.card) == MAX_PROPERTIES:
                self.parsed.errors.append(RowError(self.start, f"a card with more than {MAX_PROPERTIES} "
                                                   "properties; the rest were not read"))
                self.card.append(("", {}, ""))
            return None
        self.card.append((self.name, self.params, _value(text, self.params)))
        return None

    def _end_card(self) -> ContactDraft | None:
        assert self.card is not None and self.raw is not None
        card = _card([p for p in self.card if p[0]])
        raw, start = self.raw, self.start
        self.card, self.raw = None, None
        raw.finish()
        if self.cut:
            card.overflow = raw.overflow
            self.parsed.notes.append(f"line {start}: a card with a value too long to store whole; "
                                     "stored cut, the whole card kept beside the desk")
        if card.name or card.phones or card.emails or card.wechat_ids:
            self.found = True
            return card
        self.parsed.errors.append(RowError(start, "a card with no name, phone or email"))
        return None


def parse_vcards(source: Source, options: ImportOptions | None = None,
                 job: Job | None = None) -> ParsedFile:
    """Every card of a .vcf file, read as it is stored; a card that breaks off is reported
    by line."""
    parsed = ParsedFile(source.name, Channel.OTHER)
    parsed.contacts = _Reader(source, options or ImportOptions(), parsed, job or Job()).cards()
    return parsed


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def write_vcards(contacts: Iterable[tuple[str, str, str | None, list[str], list[str], list[str]]]) -> str:
    """vCard 4.0 text for (name, company, country, phones, emails, WeChat IDs) tuples."""
    cards = []
    for name, company, country, phones, emails, wechat_ids in contacts:
        lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{_escape(name)}"]
        if company:
            lines.append(f"ORG:{_escape(company)}")
        lines += [f"TEL;TYPE=cell;VALUE=uri:tel:{phone}" for phone in phones]
        lines += [f"EMAIL:{email}" for email in emails]
        lines += [f"X-WECHAT:{_escape(wechat)}" for wechat in wechat_ids]
        if country:
            lines.append(f"ADR:;;;;;;{country}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + "\r\n"
