"""Desks in states the suite needs: counted, left uncleanly by a killed LeadDesk, damaged."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

TABLES = ("contacts", "inquiries", "messages", "identities", "followups")


def counts(database: Path) -> dict[str, int]:
    """How many rows the desk's main tables hold."""
    connection = sqlite3.connect(database)
    try:
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        connection.close()


def integrity(database: Path) -> list[str]:
    """SQLite's integrity check of a desk file: ['ok'] when whole."""
    connection = sqlite3.connect(database)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def leave_uncleanly(database: Path) -> None:
    """Open the desk in a LeadDesk process and kill it -9, as a crash would."""
    script = ("import os, signal, sys\n"
              "from leaddesk.services.desk import open_desk\n"
              "open_desk(sys.argv[1])\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script, str(database)], env=dict(os.environ),
                          capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr


def corrupt(database: Path, part: str = "ix_import_batches_sha256") -> None:
    """Overwrite the pages of one index with garbage, as a bad disk sector would: the desk
    still opens and reads, and a check finds the damage."""
    connection = sqlite3.connect(database)
    try:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ?", (part,))]
    finally:
        connection.close()
    assert pages, f"{part} has no pages"
    with database.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size)
            handle.write(bytes([0x0D]) + b"\xde\xad\xbe\xef" * (size // 4 - 1) + b"\x00\x00\x00")
