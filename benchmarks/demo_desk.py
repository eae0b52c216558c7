"""How fast `leaddesk demo --messages N` writes a synthetic desk, against the floor: raw
sqlite3 executemany of the same number of message rows in one transaction."""

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.common import report
from leaddesk.services.demo import fill_synthetic
from leaddesk.services.desk import open_desk


def _floor(rows: int, folder: Path) -> float:
    """Seconds for sqlite3 to insert `rows` message-shaped rows, nothing else."""
    connection = sqlite3.connect(folder / "floor.db")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, inquiry_id INTEGER, "
                       "direction TEXT, sent_at TEXT, body TEXT, original TEXT)")
    body = "Please quote 10 units of the fiber optic gyroscope, FOB Shanghai. " * 5
    data = ((i // 3, "in", "2021-04-13 10:00:00", body, body) for i in range(rows))
    started = time.perf_counter()
    with connection:
        connection.executemany("INSERT INTO messages (inquiry_id, direction, sent_at, body, "
                               "original) VALUES (?, ?, ?, ?, ?)", data)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def run(messages: int) -> None:
    """Generate a desk of `messages` messages and compare with the floor."""
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-") as tmp:
        folder = Path(tmp)
        floor = _floor(messages, folder)
        started = time.perf_counter()
        with open_desk(str(folder / "desk.db")) as desk:
            figures = fill_synthetic(desk.engine, messages)
        elapsed = time.perf_counter() - started
    rows = [
        ["leaddesk demo --messages", messages, elapsed, messages / elapsed, elapsed / floor],
        ["floor: sqlite3 executemany", messages, floor, messages / floor, 1.0],
    ]
    target = report("demo_desk", ["what", "messages", "seconds", "messages/s", "x floor"], rows,
                    {"figures": figures, "target_seconds": 120})
    print(f"written to {target}")
