"""The lead report as CSV: UTF-8 with a BOM so Excel reads it, RFC 4180 quoting."""

import csv
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from leaddesk.reports.safety import inert

_TRIGGERS = frozenset("=+-@\t\r")


def _cell(value: object) -> str:
    if value.__class__ is str and value[:1] not in _TRIGGERS:  # type: ignore[index]
        return value  # type: ignore[return-value]  # the common case, kept fast
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    return inert(str(value))


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]], target: Path) -> int:
    """Write the rows; returns how many."""
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(headers)
        for row in rows:
            writer.writerow([_cell(value) for value in row])
            count += 1
    return count
