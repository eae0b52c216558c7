"""Search on a 1,000,000-message desk: 20 queries of each kind through the search
service and, on the same file in the same run, as the bare SQL query that returns the same
rows (its floor): the FTS5 MATCH the service builds, newest 100 first. Every query runs
once untimed first, both ways, so both are measured with the desk's pages in memory."""

import random
import sqlite3
import time
from pathlib import Path

from benchmarks.common import CACHE, median_p95, report
from leaddesk.db.search_index.fts5 import match_expression
from leaddesk.domain.query import parse_query
from leaddesk.services.demo import fill_synthetic
from leaddesk.services.desk import open_desk
from leaddesk.services.search import search
from leaddesk.services.synthetic import CHINESE, ENGLISH

PER_KIND = 20


def cached_desk(messages: int) -> tuple[Path, float]:
    """The synthetic desk, generated once into the git-ignored cache; its build seconds."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"desk-{messages}.db"
    stamp = path.with_suffix(".seconds")
    if path.exists() and stamp.exists():
        return path, float(stamp.read_text())
    for stale in CACHE.glob(f"desk-{messages}.db*"):
        stale.unlink()
    started = time.perf_counter()
    with open_desk(str(path)) as desk:
        fill_synthetic(desk.engine, messages)
    seconds = time.perf_counter() - started
    stamp.write_text(f"{seconds:.1f}")
    return path, seconds


def queries(db: Path) -> dict[str, list[tuple[str, str]]]:
    """(service query, its floor's argument) pairs per kind: the FTS5 MATCH expression the
    service itself builds (so the floor returns the same rows), or for phone fragments
    the digits the identities are scanned for."""
    rng = random.Random(3)
    connection = sqlite3.connect(db)
    phones = [row[0] for row in connection.execute(
        "SELECT value FROM identities WHERE kind = 'phone' ORDER BY id LIMIT 2000")]
    connection.close()
    phrases = [f"{a} {b}" for a, b in zip(ENGLISH[10:40:2], ENGLISH[11:41:2], strict=False)][:PER_KIND]
    typed = {
        "common word": ENGLISH[:20],
        "rare word": ENGLISH[-20:],
        "Chinese 2 characters": [w for w in CHINESE if len(w) == 2][:20],
        "Chinese 3 characters": [w[:3] for w in CHINESE if len(w) >= 3][:20],
        "phrase": [f'"{p}"' for p in phrases],
        "prefix": [w[:4] for w in rng.sample(ENGLISH, PER_KIND)],
        "filtered": [f"channel:whatsapp {w}" for w in ENGLISH[20:40]],
        "no hits": [f"zq{i}xv" for i in range(PER_KIND)],
    }
    pairs = {kind: [(q, match_expression(parse_query(q)) or "") for q in listed]
             for kind, listed in typed.items()}
    pairs["phone fragment"] = [(p[-7:], p[-7:]) for p in rng.sample(phones, PER_KIND)]
    return pairs


def _floor(connection: sqlite3.Connection, kind: str, match: str) -> float:
    started = time.perf_counter()
    if kind == "phone fragment":
        connection.execute("SELECT contact_id FROM identities WHERE kind = 'phone' AND value LIKE ?",
                           (f"%{match}",)).fetchall()
    elif kind == "filtered":  # the same rows: the index's newest hits that are WhatsApp chats
        connection.execute("SELECT f.rowid FROM message_fts f JOIN messages m ON m.id = f.rowid "
                           "JOIN inquiries i ON i.id = m.inquiry_id WHERE message_fts MATCH ? "
                           "AND i.channel = 'whatsapp' ORDER BY f.rowid DESC LIMIT 100",
                           (match,)).fetchall()
    else:
        connection.execute("SELECT rowid FROM message_fts WHERE message_fts MATCH ? "
                           "ORDER BY rowid DESC LIMIT 100", (match,)).fetchall()
    return time.perf_counter() - started


def run(messages: int = 1_000_000) -> None:
    db, build = cached_desk(messages)
    connection = sqlite3.connect(db)
    rows = []
    with open_desk(str(db)) as desk:
        every = queries(db)
        for kind, pairs in every.items():  # once untimed: a desk in use has its pages in memory
            for typed, match in pairs:
                with desk.transaction() as session:
                    search(session, typed, limit=100)
                _floor(connection, kind, match)
        for kind, pairs in every.items():
            service, floor, totals = [], [], []
            for typed, match in pairs:
                with desk.transaction() as session:
                    started = time.perf_counter()
                    result = search(session, typed, limit=100)
                    service.append(time.perf_counter() - started)
                totals.append(result.total)
                floor.append(_floor(connection, kind, match))
            (median, p95), (floor_median, floor_p95) = median_p95(service), median_p95(floor)
            rows.append([kind, median * 1000, p95 * 1000, floor_median * 1000, floor_p95 * 1000,
                         median / max(floor_median, 1e-6), int(sum(totals) / len(totals))])
    try:
        size = connection.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'message_fts%'"
                                  ).fetchone()[0]
    except sqlite3.OperationalError:
        size = None
    connection.close()
    target = report("search", ["kind", "median ms", "p95 ms", "floor median ms", "floor p95 ms",
                               "x floor", "mean hits"], rows,
                    {"messages": messages, "index_bytes": size, "desk_build_seconds": build,
                     "database_bytes": db.stat().st_size})
    print(f"index {size or 0:,} bytes; desk built in {build:.0f} s; written to {target}")
