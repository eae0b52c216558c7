"""Text as the search index sees it: Chinese split into overlapping pairs of characters,
so that a two-character term like 陀螺 is a word of its own; other scripts as words."""

import re
from functools import lru_cache

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"  # for [...]
_CJK = re.compile(f"[{CJK_RANGES}]+")
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


def typed_pieces(term: str) -> list[str]:
    """A typed term's words and runs of Chinese characters, in order, lower-cased: what
    the index's tokens are made of (the search marks a run whole, the index reads pairs)."""
    pieces: list[str] = []
    for piece in _WORD.findall(term.lower()):
        position = 0
        for match in _CJK.finditer(piece):
            pieces.append(piece[position:match.start()])
            pieces.append(match.group(0))
            position = match.end()
        pieces.append(piece[position:])
    return [p for p in pieces if p]


def query_tokens(term: str) -> list[str]:
    """The index tokens a typed term becomes, in order (a phrase of pairs for Chinese)."""
    tokens: list[str] = []
    for piece in typed_pieces(term):
        pairs = len(piece) > 1 and is_cjk(piece)
        tokens += [piece[i:i + 2] for i in range(len(piece) - 1)] if pairs else [piece]
    return tokens


def as_prefix(tokens: list[str]) -> bool:
    """Whether a typed word also matches as a prefix: a Latin word of three or more
    letters (shorter prefixes match a large part of the index and take a second on a
    million messages), or a single Chinese character."""
    if len(tokens) != 1:
        return False
    token = tokens[0]
    return len(token) == 1 if is_cjk(token) else len(token) >= 3


def is_cjk(token: str) -> bool:
    """Whether a token is Chinese (or Japanese/Korean) characters."""
    return bool(_CJK.fullmatch(token))
