"""What the index holds and what it is asked, the same on both databases: a message's and
a contact's text with Chinese as pairs (domain.searchtext, which also says which typed
words match as prefixes)."""

import re
from collections.abc import Iterable

from leaddesk.domain.searchtext import index_text

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

