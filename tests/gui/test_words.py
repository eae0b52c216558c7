"""Every vocabulary word the window shows has a display name, and a Chinese one."""

from enum import StrEnum
from pathlib import Path

import pytest

from leaddesk.domain.vocabulary import ArticleLink, Channel, FollowUpKind, Stage
from leaddesk.ui.words import WORDS

TS = Path(__file__).resolve().parents[2] / "resources" / "leaddesk_zh_CN.ts"


@pytest.mark.parametrize("vocabulary", [Channel, Stage, FollowUpKind, ArticleLink])
def test_every_code_has_a_word(vocabulary: type[StrEnum]) -> None:
    assert {code.value for code in vocabulary} <= set(WORDS)


def test_every_string_of_the_window_is_translated() -> None:
    source = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in source
    assert all(f"<source>{word}</source>" in source for word in WORDS.values())
