"""What the index holds and what it is asked, the same on both databases: a message's and
a contact's text with Chinese as pairs (domain.searchtext), and which typed words match
as prefixes."""

import re
from collections.abc import Iterable

from leaddesk.domain.searchtext import index_text, is_cjk

CHUNK = 5000  # rows per statement, ids per IN (...): within every database's limits
_WORD = re.compile(r"\w+")


def document(body: str, subject: str = "", author: str = "") -> str:
    """What one message contributes to the index: its text with Chinese as pairs."""
    return index_text(" ".join(part for part in (subject, author, body) if part))


def contact_document(parts: Iterable[str | None]) -> str:
    """What one contact contributes: name, company, notes and identities, as plain words
    (an address or a number split where SQLite's tokenizer splits it)."""
    return plain_words(index_text(" ".join(part for part in parts if part)))


def plain_words(text: str) -> str:
    """Plain words separated by spaces: PostgreSQL's parser would otherwise keep a URL or
    an email address whole, where SQLite's tokenizer splits them as this does."""
    return " ".join(_WORD.findall(text))


def as_prefix(tokens: list[str]) -> bool:
    """Whether a typed word also matches as a prefix: a Latin word of three or more
    letters (shorter prefixes match a large part of the index and take a second on a
    million messages), or a single Chinese character."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    return len(token) == 1 if is_cjk(token) else len(token) >= 3
