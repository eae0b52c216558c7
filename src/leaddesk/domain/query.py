"""The search query language: words, "exact phrases", -excluded, field:value filters and
phone numbers in any format."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta

from leaddesk.domain.vocabulary import Channel, Stage
from leaddesk.errors import InvalidInputError

MAX_QUERY = 500
FIELDS = ("channel", "stage", "country", "article", "owner", "after", "before", "is")
_PIECE = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
STATES = ("overdue", "unanswered")  # what `is:` can say
_DAYS_AGO = re.compile(r"(\d{1,4})d")  # after:7d, a week back


class QueryError(InvalidInputError):
    """A filter whose value means nothing: said to the person, never silently ignored."""


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


def parse_query(text: str, today: date | None = None) -> Query:
    """Parse what a person typed; unknown `field:` prefixes are read as words. A filter
    with a value it cannot take (after:someday, is:late, channel:fax) is a `QueryError`;
    dates may be written 2026-11-30, today, yesterday or 7d (days ago)."""
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
            query.filters.setdefault(name, []).append(_checked(name, value, today or date.today()))
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


def _checked(name: str, value: str, today: date) -> str:
    """A filter's value as the search reads it, or the reason it cannot be one."""
    lowered = value.lower()
    if name in ("after", "before"):
        days = _DAYS_AGO.fullmatch(lowered)
        day = ({"today": today, "yesterday": today - timedelta(days=1)}.get(lowered)
               or (today - timedelta(days=int(days.group(1))) if days else parse_day(value)))
        if day is None:
            raise QueryError(f"{name}:{value} is not a date: write {name}:2026-11-30, "
                             f"{name}:today, {name}:yesterday or {name}:7d")
        return day.isoformat()
    if name == "is" and lowered not in STATES:
        raise QueryError(f"is:{value}: use is:{' or is:'.join(STATES)}")
    if name == "channel" and lowered not in set(Channel):
        raise QueryError(f"channel:{value}: use one of {', '.join(Channel)}")
    if name == "stage" and lowered not in set(Stage):
        raise QueryError(f"stage:{value}: use one of {', '.join(Stage)}")
    return value


def parse_day(value: str) -> date | None:
    """A date filter's value (2021-04-01), or None if unreadable."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
