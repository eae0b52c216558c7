"""A second import into the same SQLite desk, from another process, waits its turn: it
says so once, lands when the first has committed, and can be cancelled while waiting."""

import os
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.importers.base import ImportOptions
from leaddesk.job import Cancelled, Job
from leaddesk.locks import FileLock
from leaddesk.paths import beside
from leaddesk.services.desk import open_desk
from leaddesk.services.imports import WAITING, import_file


def _chat(path: Path, count: int, buyer: str) -> Path:
    moment, lines = datetime(2021, 1, 1, 9, 0, tzinfo=UTC), []
    for i in range(count):
        lines.append(f"{moment:%d/%m/%Y, %H:%M} - {buyer if i % 3 else 'Ericco Sales'}: line {i}\n")
        moment += timedelta(minutes=1)
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _start(desk: Path, chat: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "leaddesk", "--db", str(desk), "import", str(chat)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ))


def test_two_processes_import_into_one_desk_one_after_the_other(tmp_path: Path) -> None:
    desk = tmp_path / "desk.db"
    open_desk(str(desk)).close()  # the schema exists before either starts
    big = _chat(tmp_path / "WhatsApp Chat with Ana.txt", 80_000, "Ana")  # 10-15 s to store here
    small = _chat(tmp_path / "WhatsApp Chat with Bo.txt", 60, "Bo")
    first = _start(desk, big)
    deadline = time.monotonic() + 5  # until the first holds its turn (the lock file is made)
    while not beside(desk, ".import-lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # and is writing
    second = _start(desk, small)
    out2, err2 = second.communicate(timeout=240)
    out1, err1 = first.communicate(timeout=240)
    assert (first.returncode, second.returncode) == (0, 0), err1 + err2
    assert "80000 new messages" in out1 and "60 new messages" in out2
    assert err2.count(WAITING) == 1 and WAITING not in err1
    with sqlite3.connect(desk) as connection:
        assert connection.execute("SELECT count(*) FROM messages").fetchone() == (80_060,)
        assert connection.execute("SELECT count(*) FROM import_batches").fetchone() == (2,)


@pytest.mark.parametrize("then", ["cancel", "proceed"])
def test_an_import_waiting_its_turn_says_so_and_can_be_cancelled(tmp_path: Path, then: str) -> None:
    chat = _chat(tmp_path / "WhatsApp Chat with Bo.txt", 30, "Bo")
    said: list[str] = []
    result: list[object] = []
    with open_desk(str(tmp_path / "desk.db")) as desk:
        other = FileLock(beside(tmp_path / "desk.db", ".import-lock"))  # another import's turn
        assert other.try_acquire()
        job = Job(status=said.append)

        def run() -> None:
            try:
                result.append(import_file(desk, chat, ImportOptions(), actor="t", job=job))
            except Cancelled as exc:
                result.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        deadline = time.monotonic() + 10
        while WAITING not in said and time.monotonic() < deadline:
            time.sleep(0.02)
        assert said == [WAITING] and worker.is_alive()
        if then == "cancel":
            job.cancel.set()
        else:
            other.release()
        worker.join(120)  # however loaded the machine: no import runs on past its test
        other.release()
        assert not worker.is_alive()
        with sqlite3.connect(tmp_path / "desk.db") as connection:
            stored = connection.execute("SELECT count(*) FROM messages").fetchone()[0]
    if then == "cancel":
        assert isinstance(result[0], Cancelled) and stored == 0
    else:
        assert said == [WAITING, ""] and getattr(result[0], "messages_created", None) == 30 == stored
