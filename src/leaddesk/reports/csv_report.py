"""The lead report as CSV: UTF-8 with a BOM so Excel reads it, RFC 4180 quoting."""

import csv
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from leaddesk.reports.rows import OWN_COLUMNS
from leaddesk.reports.safety import inert

_TRIGGERS = frozenset("=+-@\t\r")


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]], target: Path) -> int:
    """Write the rows (text, numbers, None; times already as text); returns how many.

    Only a text cell that starts like a formula is touched, so most rows go to the writer
    as they came; columns LeadDesk fills itself are not looked at."""
    checked = [column for column, name in enumerate(headers) if name not in OWN_COLUMNS]
    count = 0
    with target.open("w", encoding="utf-8", newline="", buffering=1 << 20) as handle:
        handle.write("\ufeff")  # the BOM by hand: "utf-8-sig" runs Python code for every row
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            safe: list[Any] | None = None
            for column in checked:
                value = row[column]
                if value.__class__ is str and value[:1] in _TRIGGERS and \
                        (guarded := _inert(value)) != value:  # a phone stays as it is
                    if safe is None:
                        safe = list(row)
                    safe[column] = guarded
            writer.writerow(row if safe is None else safe)
            count += 1
    return count


@lru_cache(maxsize=65536)
def _inert(text: str) -> str:
    return inert(text)  # the same phone numbers and names come back row after row
