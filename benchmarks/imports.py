"""Import rates: a generated 100,000-message WhatsApp export and a 10,000-message mbox,
each against a baseline measured in the same run on the same file: a bare regex loop
inserting into a plain table with sqlite3.executemany."""

import random
import re
import sqlite3
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.common import report
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


def _bare_whatsapp(path: Path, db: Path) -> float:
    started = time.perf_counter()
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            match = _BARE_WHATSAPP.match(line)
            if match:
                rows.append(match.groups())
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE m (d TEXT, t TEXT, author TEXT, body TEXT)")
    with connection:
        connection.executemany("INSERT INTO m VALUES (?, ?, ?, ?)", rows)
    connection.close()
    return time.perf_counter() - started


def _bare_mbox(path: Path, db: Path) -> float:
    started = time.perf_counter()
    rows, current = [], []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("From ") and current:
                rows.append(("".join(current),))
                current = []
            current.append(line)
    rows.append(("".join(current),))
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE m (raw TEXT)")
    with connection:
        connection.executemany("INSERT INTO m VALUES (?)", rows)
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
        for name, write, count, bare in (("whatsapp", write_whatsapp, whatsapp_messages, _bare_whatsapp),
                                         ("mbox", write_mbox, mails, _bare_mbox)):
            whole, half = (folder / f"{size}" / ("WhatsApp Chat with +49 1512 3456789.txt"
                                                 if name == "whatsapp" else "inbox.mbox")
                           for size in ("whole", "half"))
            for path, size in ((whole, count), (half, count // 2)):
                path.parent.mkdir(exist_ok=True)
                write(path, size)
            floor = bare(whole, folder / f"bare-{name}.db")
            elapsed, created = _leaddesk(whole, folder / f"desk-{name}.db")
            assert created == count, f"{name}: {created} of {count} imported"
            peaks = [_peak(path, folder / f"traced-{name}-{path.parent.name}.db") for path in (whole, half)]
            rows.append([f"{name} import", count, elapsed, count / elapsed, elapsed / floor, *peaks])
            rows.append([f"{name} baseline (regex + executemany)", count, floor, count / floor, 1.0,
                         0.0, 0.0])
    target = report("imports", ["what", "messages", "seconds", "per second", "x baseline",
                                "peak MiB (Python)", "peak MiB, half the file"], rows,
                    {"targets": {"whatsapp_per_s": 20_000, "mails_per_s": 1_000, "x_baseline": 3}})
    print(f"written to {target}")
