"""Import rates: a generated 100,000-message WhatsApp export and a 10,000-message mbox,
each against a baseline measured in the same run on the same file: a bare regex loop
inserting into a plain table with sqlite3.executemany; and the same rows written into
LeadDesk's own tables, to show what the database alone costs."""

import random
import re
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.common import report
from leaddesk.db.search_index.fts5 import MESSAGES as FTS_MESSAGES
from leaddesk.importers.base import ImportOptions
from leaddesk.services.desk import open_desk
from leaddesk.services.imports import import_file

WORDS = ("price quote units gyroscope fiber optic imu delivery sample order payment shipping "
         "warranty drone marine survey project 报价 陀螺仪 样品 交期").split()
_BARE_WHATSAPP = re.compile(r"^(\d{2}/\d{2}/\d{4}), (\d{2}:\d{2}) - ([^:]+): (.*)$")


def write_whatsapp(path: Path, messages: int) -> None:
    rng = random.Random(7)
    moment = datetime(2021, 1, 1, 9, 0, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(messages):
            moment += timedelta(minutes=rng.randint(1, 5))
            author = "+49 1512 3456789" if i % 3 else "Ericco Sales"
            text = " ".join(rng.choices(WORDS, k=rng.randint(3, 30)))
            handle.write(f"{moment:%d/%m/%Y, %H:%M} - {author}: {text}\n")


def write_mbox(path: Path, mails: int) -> None:
    rng = random.Random(8)
    moment = datetime(2021, 1, 1, 9, 0, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(mails):
            moment += timedelta(minutes=rng.randint(1, 90))
            buyer = f"buyer{i % 700}@mail{i % 700 % 37}.example"  # 700 correspondents
            body = " ".join(rng.choices(WORDS, k=rng.randint(20, 120)))
            handle.write(f"From {buyer} {moment:%a %b %d %H:%M:%S %Y}\nFrom: Buyer <{buyer}>\n"
                         f"To: info@ericcointernational.com\nSubject: Inquiry {i % 500}\n"
                         f"Date: {moment:%a, %d %b %Y %H:%M:%S +0000}\n"
                         f"Message-ID: <m{i}@mail.example>\nContent-Type: text/plain; charset=utf-8\n"
                         f"\n{body}\n\n")


def _whatsapp_rows(path: Path) -> list[tuple[str, ...]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            match = _BARE_WHATSAPP.match(line)
            if match:
                rows.append(match.groups())
    return rows


def _mbox_rows(path: Path) -> list[tuple[str, ...]]:
    rows, current = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("From ") and current:
                rows.append(("".join(current),))
                current = []
            current.append(line)
    rows.append(("".join(current),))
    return rows


def _bare(path: Path, db: Path, read: Callable[[Path], list[tuple[str, ...]]]) -> float:
    """The issue's baseline: the file read by a bare loop, its rows inserted into a plain
    table with sqlite3.executemany."""
    started = time.perf_counter()
    rows = read(path)
    connection = sqlite3.connect(db)
    connection.execute(f"CREATE TABLE m ({', '.join(f'c{i} TEXT' for i in range(len(rows[0])))})")
    with connection:
        connection.executemany(f"INSERT INTO m VALUES ({', '.join('?' * len(rows[0]))})", rows)
    connection.close()
    return time.perf_counter() - started


def _schema_writes(path: Path, db: Path, read: Callable[[Path], list[tuple[str, ...]]]) -> float:
    """The same rows written, still with sqlite3.executemany, into LeadDesk's own tables:
    messages with their indexes, then the full-text index. No parsing, no identities, no
    threading: what the database alone costs."""
    with open_desk(str(db)):
        pass  # the schema, made before the clock starts
    started = time.perf_counter()
    rows = read(path)
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys = OFF")  # no inquiry rows to point at
    with connection:
        connection.executemany(
            "INSERT INTO messages (inquiry_id, direction, sent_at, author, subject, body, original, "
            "fingerprint, created_at) VALUES (1, 'in', ?, '', '', ?, ?, ?, '2026-01-01 00:00:00')",
            ((row[0], row[-1], row[-1], str(i)) for i, row in enumerate(rows)))
        connection.executemany(f"INSERT INTO {FTS_MESSAGES.name} (rowid, document) VALUES (?, ?)",
                               ((i + 1, row[-1]) for i, row in enumerate(rows)))
    connection.close()
    return time.perf_counter() - started


def _leaddesk(path: Path, db: Path) -> tuple[float, int]:
    """Seconds and messages of a real import."""
    with open_desk(str(db)) as desk:
        started = time.perf_counter()
        result = import_file(desk, path, ImportOptions(), actor="bench", zone=ZoneInfo("UTC"))
        return time.perf_counter() - started, result.messages_created


def _peak(path: Path, db: Path) -> float:
    """The peak of Python memory an import allocates, MiB (a run of its own on a fresh
    desk: tracing slows Python)."""
    with open_desk(str(db)) as desk:
        tracemalloc.start()
        import_file(desk, path, ImportOptions(), actor="bench", zone=ZoneInfo("UTC"))
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return peak


def run(whatsapp_messages: int = 100_000, mails: int = 10_000) -> None:
    """Each import's rate against its baseline, and its memory for the whole file and for
    half of it: streamed, the two are alike."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-") as tmp:
        folder = Path(tmp)
        for name, write, count, read in (("whatsapp", write_whatsapp, whatsapp_messages, _whatsapp_rows),
                                         ("mbox", write_mbox, mails, _mbox_rows)):
            whole, half = (folder / f"{size}" / ("WhatsApp Chat with +49 1512 3456789.txt"
                                                 if name == "whatsapp" else "inbox.mbox")
                           for size in ("whole", "half"))
            for path, size in ((whole, count), (half, count // 2)):
                path.parent.mkdir(exist_ok=True)
                write(path, size)
            floor = _bare(whole, folder / f"bare-{name}.db", read)
            writes = _schema_writes(whole, folder / f"writes-{name}.db", read)
            elapsed, created = _leaddesk(whole, folder / f"desk-{name}.db")
            assert created == count, f"{name}: {created} of {count} imported"
            peaks = [_peak(path, folder / f"traced-{name}-{path.parent.name}.db") for path in (whole, half)]
            rows.append([f"{name} import", count, elapsed, count / elapsed, elapsed / floor, *peaks])
            rows.append([f"{name} baseline (regex + executemany)", count, floor, count / floor, 1.0,
                         0.0, 0.0])
            rows.append([f"{name} baseline into LeadDesk's tables", count, writes, count / writes,
                         writes / floor, 0.0, 0.0])
    target = report("imports", ["what", "messages", "seconds", "per second", "x baseline",
                                "peak MiB (Python)", "peak MiB, half the file"], rows,
                    {"targets": {"whatsapp_per_s": 20_000, "mails_per_s": 1_000, "x_baseline": 3}})
    print(f"written to {target}")
