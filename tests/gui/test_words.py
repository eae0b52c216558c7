"""Every vocabulary word the window shows has a display name, and a Chinese one."""

import re
import shutil
import subprocess
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale

from leaddesk.domain.vocabulary import ArticleLink, Channel, FollowUpKind, Stage
from leaddesk.ui.words import WORDS, date_field, day, duration, set_language, week

TS = Path(__file__).resolve().parents[2] / "resources" / "leaddesk_zh_CN.ts"


@pytest.mark.parametrize("vocabulary", [Channel, Stage, FollowUpKind, ArticleLink])
def test_every_code_has_a_word(vocabulary: type[StrEnum]) -> None:
    assert {code.value for code in vocabulary} <= set(WORDS)


def test_every_string_of_the_window_is_translated(tmp_path: Path) -> None:
    """pyside6-lupdate reads every source of the window: a string it finds that the
    Chinese file lacks, or has left unfinished, is a word a Chinese user reads in English."""
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    package = TS.parents[1] / "src" / "leaddesk"
    sources = [*sorted(str(path) for path in (package / "ui").rglob("*.py")), str(package / "settings.py")]
    done = subprocess.run([str(Path(sys.executable).with_name("pyside6-lupdate")), "-no-obsolete",
                           *sources, "-ts", str(copy)], capture_output=True, text=True, check=True)
    updated = copy.read_text(encoding="utf-8")
    unfinished = re.findall(r'<source>([^<]*)</source>\s*<translation type="unfinished"', updated)
    assert unfinished == [], done.stdout
    assert all(f"<source>{word}</source>" in updated for word in WORDS.values())


@pytest.mark.parametrize(("minutes", "said"), [
    (None, "—"), (0.4, "0 min"), (45, "45 min"), (200, "3 h 20 min"), (2340, "1 d 15 h"),
    (60 * 24 * 9 + 61, "9 d 1 h"),
])
def test_durations_as_people_say_them(qapp: object, minutes: float | None, said: str) -> None:
    assert duration(minutes) == said


@pytest.mark.parametrize(("locale", "shown_day", "shown_week", "field_format"), [
    ("C", "2026-12-02", "28 Sep", "yyyy-MM-dd"),  # C's own "2 12 2026" reads as nothing
    ("de_DE", "02.12.26", "28 Sept.", "dd.MM.yy"),
    ("zh_CN", "2026/12/2", "9月28日", "yyyy/M/d"),
])
def test_dates_in_the_users_locale_and_iso_in_c(qapp: object, locale: str, shown_day: str,
                                                 shown_week: str, field_format: str) -> None:
    before = QLocale()
    try:
        set_language(locale if locale != "C" else "en")
        QLocale.setDefault(QLocale(locale))
        assert day(date(2026, 12, 2)) == shown_day
        assert week(date(2026, 9, 28)) == shown_week
        assert date_field(QDate(2026, 12, 2)).displayFormat() == field_format
    finally:
        set_language("en")
        QLocale.setDefault(before)
