"""Text as the search index sees it: Chinese split into overlapping pairs of characters,
so that a two-character term like 陀螺 is a word of its own; other scripts as words."""

import re
from functools import lru_cache

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
_WORD = re.compile(r"\w+", re.UNICODE)


def cjk_tokens(run: str) -> list[str]:
    """A run of CJK characters as overlapping pairs, plus its last character alone (so a
    one-character search, as a prefix, finds every occurrence)."""
    if len(run) == 1:
        return [run]
    return [run[i:i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_text(text: str) -> str:
    """The text written to the search index."""
    if text.isascii() or not _CJK.search(text):
        return text
    return _CJK.sub(_pairs, text)


def _pairs(match: re.Match[str]) -> str:
    return _spaced_pairs(match.group(0))


@lru_cache(maxsize=65536)
def _spaced_pairs(run: str) -> str:
    return " " + " ".join(cjk_tokens(run)) + " "  # the same words come back message after message


def query_tokens(term: str) -> list[str]:
    """The index tokens a typed term becomes, in order (a phrase of pairs for Chinese)."""
    tokens: list[str] = []
    for piece in _WORD.findall(term.lower()):
        position = 0
        for match in _CJK.finditer(piece):
            tokens += _WORD.findall(piece[position:match.start()])
            run = match.group(0)
            tokens += [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]
            position = match.end()
        tokens += _WORD.findall(piece[position:])
    return [t for t in tokens if t]


def is_cjk(token: str) -> bool:
    """Whether a token is Chinese (or Japanese/Korean) characters."""
    return bool(_CJK.fullmatch(token))
