"""What every benchmark shares: the machine's description, a table printer, JSON results."""

import inspect
import json
import os
import platform
import sqlite3
import statistics
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy

from leaddesk.process import peak_rss_mb

RESULTS = Path(__file__).parent / "results"
CACHE = Path(__file__).parent / "cache"  # git-ignored: generated databases


def machine() -> dict[str, Any]:
    """Where and when the figures were measured."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
    }


PEAK_RSS = inspect.getsource(peak_rss_mb)  # the same function, for child processes' code


def median_p95(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile of timings."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def report(name: str, header: list[str], rows: list[list[Any]], extra: dict[str, Any]) -> Path:
    """Print a table and write `results/<name>.json` with the machine and the rows."""
    cells = [header] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for row in cells:
        print("  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)))
    RESULTS.mkdir(exist_ok=True)
    target = RESULTS / f"{name}.json"
    payload = {"machine": machine(), "columns": header, "rows": rows, **extra}
    target.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target
