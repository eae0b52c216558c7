"""The search query language: words, "exact phrases", -excluded, field:value filters and
phone numbers in any format."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

MAX_QUERY = 500
FIELDS = ("channel", "stage", "country", "article", "owner", "after", "before", "is")
_PIECE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass
class Query:
    """A parsed query."""

    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    phone: str | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.words or self.phrases)


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == " ")
    return text[:MAX_QUERY].strip()


def parse_query(text: str) -> Query:
    """Parse what a person typed; unknown `field:` prefixes are read as words."""
    text = _clean(text)
    query = Query()
    digits = re.sub(r"[\s()+.\-/]", "", text)
    if digits.isdigit() and len(digits) >= 7 and not re.search(r"[^\d\s()+.\-/]", text):
        query.phone = text
        return query
    for minus, name, quoted, plain in _PIECE.findall(text):
        name = name.lower()
        value = quoted if quoted else plain
        if name in FIELDS and value:
            query.filters.setdefault(name, []).append(value)
            continue
        if name:  # an unknown prefix: the whole thing is text
            value = f"{name}:{value}"
        if not value.strip():
            continue
        if minus:
            query.excluded.append(value)
        elif quoted:
            query.phrases.append(value)
        else:
            query.words.append(value)
    return query


def parse_day(value: str) -> date | None:
    """A date filter's value (2021-04-01), or None if unreadable."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
