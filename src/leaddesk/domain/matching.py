"""Where a query's words and phrases stand in a text, as the index finds them: the command
line marks the first «like this» in its snippets, the conversation highlights them all."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from leaddesk.domain.query import Query
from leaddesk.domain.searchtext import CJK_RANGES, as_prefix, is_cjk, query_tokens, typed_pieces

Span = tuple[int, int]  # [start, end) in the text
# a letter or digit of a word the index reads whole: it splits at anything else, at "_"
# too, and where Chinese begins or ends
_LETTER = rf"[^\W_{CJK_RANGES}]"
_LATIN_BLOCKS = (range(0xC0, 0x250), range(0x1E00, 0x1F00))


@cache
def _accented() -> dict[str, str]:
    """Each Latin letter with its accented forms, lower-case, which the index reads as the
    letter (cafe finds café)."""
    forms: dict[str, str] = {}
    for block in _LATIN_BLOCKS:
        for char in map(chr, block):
            base = unicodedata.normalize("NFD", char)[0]
            if base != char and base.isascii() and base.isalpha() and char == char.lower():
                forms[base] = forms.get(base, base) + char
    return {base: f"[{chars}]" for base, chars in forms.items()}


def _unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _lowered(text: str) -> str:
    """The text in lower case, each character where it was (İ lowered is two)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else "".join(c.lower()[0] for c in text)


def _word(word: str, open_end: bool, accents: bool) -> str | None:
    """A word at the start of one of the text's words: the whole word, or its beginning;
    with `accents`, each letter also accented."""
    forms = _accented() if accents else {}
    parts: list[str] = []
    for part in filter(None, _unaccented(word).split("_")):  # "_" parts words, as in the index
        letters = [forms.get(c, re.escape(c)) for c in part]
        # the word's first letter, then that no letter stands before it: searched this
        # way round, a long text is read fifty times as fast (Python's re looks for the
        # letter first)
        parts.append(letters[0] + rf"(?<!{_LETTER}.)" + "".join(letters[1:]))
    if not parts:
        return None
    return r"[\W_]+".join(parts) + ("" if open_end else rf"(?!{_LETTER})")


def _pattern(term: str, prefix: bool, accents: bool) -> re.Pattern[str] | None:
    """A typed word (`prefix`: as the index reads it, perhaps the beginning of longer
    words) or phrase, in a lower-case text: its words one after the other with anything
    but letters between, Chinese as it is written, anywhere inside a run of Chinese."""
    pieces = typed_pieces(term)
    open_end = prefix and as_prefix(query_tokens(term))
    parts: list[str] = []
    for n, piece in enumerate(pieces):
        chinese = is_cjk(piece)
        last = n == len(pieces) - 1
        found = re.escape(piece) if chinese else _word(piece, open_end and last, accents)
        if found is None:
            continue
        if parts:  # Chinese may touch the word before or after it
            parts.append(r"\W*" if chinese or is_cjk(pieces[n - 1]) else r"[\W_]+")
        parts.append(found)
    return re.compile("".join(parts)) if parts else None


@dataclass(frozen=True)
class Terms:
    """The words and phrases of a query (never its filters, nor what it excludes), ready
    to be found in any number of texts: a text all ASCII is searched for the letters as
    typed (the common case, and ten times as fast), any other for their accented forms too."""

    plain: tuple[re.Pattern[str], ...] = ()
    accented: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def of(cls, query: Query) -> "Terms":
        typed = [(word, True) for word in query.words] + [(phrase, False) for phrase in query.phrases]

        def patterns(accents: bool) -> tuple[re.Pattern[str], ...]:
            return tuple(p for p in (_pattern(term, prefix, accents) for term, prefix in typed) if p)

        return cls(patterns(False), patterns(True))

    def _searched(self, text: str) -> tuple[str, tuple[re.Pattern[str], ...]]:
        """The text as the patterns read it, and the patterns for it."""
        return _lowered(text), self.plain if text.isascii() else self.accented

    def first(self, text: str) -> Span | None:
        """The first match in `text` (the longest, of those starting there)."""
        lowered, patterns = self._searched(text)
        found = [m.span() for m in (p.search(lowered) for p in patterns) if m]
        return min(found, key=lambda span: (span[0], -span[1])) if found else None

    def spans(self, text: str) -> list[Span]:
        """Every match in `text`, in order, those that overlap or touch made one."""
        lowered, patterns = self._searched(text)
        found = sorted(m.span() for p in patterns for m in p.finditer(lowered) if m.end() > m.start())
        merged: list[Span] = []
        for start, end in found:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged
