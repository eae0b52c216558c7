"""vCard 2.1, 3.0 and 4.0 in (contacts) and out (`leaddesk contacts --vcf FILE`)."""

import quopri
import re
from collections.abc import Iterable

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.importers.base import ImportFileError, ParsedFile, RowError
from leaddesk.importers.sources import Source, charset_alias, controls_note, decode, file_text, strip_controls

_PROPERTY = re.compile(r"^(?:[\w-]+\.)?(?P<name>[A-Za-z][\w-]*)(?P<params>(?:;[^:]*)?):(?P<value>.*)$")


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines: folded continuations joined, quoted-printable soft breaks too."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if lines and line[:1] in (" ", "\t") and not lines[-1][1].upper().startswith("PHOTO"):
            lines[-1] = (lines[-1][0], lines[-1][1] + line[1:])
        elif lines and line[:1] in (" ", "\t"):
            continue  # a folded photo: ignored
        elif lines and lines[-1][1].endswith("=") and "QUOTED-PRINTABLE" in lines[-1][1].upper():
            lines[-1] = (lines[-1][0], lines[-1][1][:-1] + line)
        else:
            lines.append((number, line))
    return lines


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
        return decode(data, "vcard", charset_alias(params.get("CHARSET")) or "utf-8")
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
    return card


def parse_vcards(source: Source) -> ParsedFile:
    """Every card of a .vcf file; a card that breaks off is reported by line."""
    text, removed = file_text(source)
    parsed = ParsedFile(source.name, Channel.OTHER)
    properties: list[tuple[str, dict[str, str], str]] | None = None
    start = 0
    for number, line in _unfold(text):
        match = _PROPERTY.match(line.strip())
        if not match:
            continue
        name = match["name"].upper()
        if name == "BEGIN" and match["value"].strip().upper() == "VCARD":
            properties, start = [], number
        elif name == "END" and match["value"].strip().upper() == "VCARD" and properties is not None:
            card = _card(properties)
            if card.name or card.phones or card.emails or card.wechat_ids:
                parsed.contacts.append(card)
            else:
                parsed.errors.append(RowError(start, "a card with no name, phone or email"))
            properties = None
        elif properties is not None and name != "PHOTO":
            params = _params(match["params"])
            try:
                value, hidden = strip_controls(_value(match["value"], params))  # =00 in quoted-printable
            except ImportFileError as exc:  # a quoted-printable value no charset reads
                raise ImportFileError(source.name, f"{name}: {exc.reason}", number) from None
            removed += hidden
            properties.append((name, params, value))
    if properties is not None:
        parsed.errors.append(RowError(start, "the last card has no END:VCARD"))
    if not parsed.contacts and not parsed.errors:
        raise ImportFileError(source.name, "no vCard in the file (BEGIN:VCARD)", 1)
    if removed:
        parsed.notes.append(controls_note(removed))
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
