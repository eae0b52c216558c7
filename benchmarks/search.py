"""Search as salespeople use it: the committed queries of `queries.toml` (words in and
out of the generator's vocabulary, names, companies, phones, every filter alone, combined
and with words) through the search service, first 100 hits and the count shown, on a
100,000- and a 1,000,000-message desk in the same run. Per kind: median and p95 warm, and
the first run after the desk's pages were dropped from the OS cache (cold). Where the
kind is text the index alone answers, its floor is the bare FTS5 MATCH the service builds,
newest 100 first, on the same file."""

import os
import sqlite3
import time
import tomllib
from pathlib import Path
from typing import Any

from benchmarks.common import CACHE, median_p95, report
from leaddesk.db.search_index.fts5 import match_expression
from leaddesk.domain.query import parse_query
from leaddesk.services.demo import fill_synthetic
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.search import search
from leaddesk.services.synthetic import GENERATOR_VERSION

QUERIES = Path(__file__).with_name("queries.toml")
WARM_RUNS = 5  # per query, after one untimed run
TEXT_KINDS = {"common word", "rare word", "word not in the generator", "prefix", "phrase",
              "Chinese 2 characters", "Chinese 3 characters", "mixed English and Chinese",
              "no hits, real words"}


def cached_desk(messages: int) -> tuple[Path, float]:
    """The synthetic desk, generated once into the git-ignored cache; its build seconds."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"desk-{messages}-v{GENERATOR_VERSION}.db"  # a new generator: a new desk
    stamp = path.with_suffix(".seconds")
    if path.exists() and stamp.exists():
        return path, float(stamp.read_text())
    for pattern in (f"desk-{messages}.db*", f"desk-{messages}-v*.db*", f"desk-{messages}.seconds"):
        for stale in CACHE.glob(pattern):
            if stale.is_file():
                stale.unlink()
    started = time.perf_counter()
    with open_desk(str(path)) as desk:
        fill_synthetic(desk.engine, messages)
    seconds = time.perf_counter() - started
    stamp.write_text(f"{seconds:.1f}")
    return path, seconds


def load_queries(path: Path = QUERIES) -> dict[str, list[str]]:
    """The committed queries, by kind."""
    with path.open("rb") as handle:
        listed = tomllib.load(handle)["kind"]
    return {kind["name"]: list(kind["queries"]) for kind in listed}


def drop_from_page_cache(database: Path) -> None:
    """Ask the OS to forget the desk's pages (its WAL too): the next read goes to the disk."""
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def _timed(desk: Desk, typed: str) -> tuple[float, str]:
    with desk.transaction() as session:
        started = time.perf_counter()
        result = search(session, typed, limit=100)
        return time.perf_counter() - started, result.counted


def _floor(connection: sqlite3.Connection, typed: str) -> float | None:
    match = match_expression(parse_query(typed))
    if not match:
        return None
    started = time.perf_counter()
    connection.execute("SELECT rowid FROM message_fts WHERE message_fts MATCH ? "
                       "ORDER BY rowid DESC LIMIT 100", (match,)).fetchall()
    return time.perf_counter() - started


def measure(db: Path, kinds: dict[str, list[str]]) -> tuple[list[list[Any]], dict[str, str]]:
    """Rows of (kind, median, p95, cold, floor median, x floor, queries) on one desk, and
    the count each query showed."""
    rows, shown = [], {}
    cold: dict[str, float] = {}
    for kind, listed in kinds.items():  # cold first: nothing of the desk is cached yet
        drop_from_page_cache(db)
        with open_desk(str(db)) as desk:
            cold[kind] = _timed(desk, listed[0])[0]
    connection = sqlite3.connect(db)
    with open_desk(str(db)) as desk:
        for kind, listed in kinds.items():
            samples: list[float] = []
            floors: list[float] = []
            for typed in listed:
                shown[typed] = _timed(desk, typed)[1]  # untimed: a desk in use is in memory
                samples += [_timed(desk, typed)[0] for _ in range(WARM_RUNS)]
                if kind in TEXT_KINDS:
                    floors += [f for f in (_floor(connection, typed) for _ in range(WARM_RUNS))
                               if f is not None]
            median, p95 = median_p95(samples)
            floor = median_p95(floors)[0] if floors else None
            rows.append([kind, median * 1000, p95 * 1000, cold[kind] * 1000,
                         floor * 1000 if floor is not None else "-",
                         median / floor if floor else "-", len(listed)])
    connection.close()
    return rows, shown


def run(messages: int = 1_000_000) -> None:
    """Both desk sizes, every kind; the table printed and written to results/search.json."""
    kinds = load_queries()
    sizes = sorted({min(100_000, messages), messages})
    table: list[list[Any]] = []
    extra: dict[str, Any] = {"queries": sum(len(q) for q in kinds.values()), "desks": {}}
    for size in sizes:
        db, build = cached_desk(size)
        rows, shown = measure(db, kinds)
        table += [[size, *row] for row in rows]
        extra["desks"][str(size)] = {"build_seconds": build, "database_bytes": db.stat().st_size,
                                     "shown": shown}
    target = report("search", ["messages", "kind", "median ms", "p95 ms", "cold ms",
                               "floor median ms", "x floor", "queries"], table, extra)
    print(f"{extra['queries']} queries of {len(kinds)} kinds; written to {target}")
