"""Who has a SQLite desk open, and whether the last one to have it closed it cleanly.

Every LeadDesk that opens the desk holds a shared lock on `DESK.open-lock` while it is
open; a restore needs that lock exclusively, so it cannot pull the desk from under a
running LeadDesk. `DESK.in-use` is written at open and removed by the last one to close
cleanly: found at open with nobody else there, it means the desk was not closed cleanly
(a crash, a kill, a power cut) and deserves a quick check."""

import contextlib
import os
from pathlib import Path

from leaddesk.errors import DatabaseError
from leaddesk.locks import FileLock
from leaddesk.paths import beside, private_file

OPEN_WAIT_S = 10.0  # a restore or another opener holds the lock exclusively only briefly


class Presence:
    """This process's hold on one SQLite desk file."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.marker = beside(database, ".in-use")
        self.lock = FileLock(beside(database, ".open-lock"))
        self.unclean = False

    def enter(self) -> bool:
        """Mark the desk open; returns whether it was left uncleanly by the last user."""
        if self.lock.try_acquire():  # nobody else has it open: the marker is a leftover
            self.unclean = self.marker.exists()
            private_file(self.marker)
            self.marker.write_text(f"{os.getpid()}\n", encoding="ascii")
        elif not self.lock.acquire(shared=True, timeout=OPEN_WAIT_S):
            raise DatabaseError(f"{self.database}: being restored or upgraded by another "
                                "LeadDesk; try again when it is done")
        else:
            self.unclean = False  # the others still running keep the marker
        if not self.lock.try_acquire(shared=True):  # from exclusive to shared
            self.lock.acquire(shared=True, timeout=OPEN_WAIT_S)
        return self.unclean

    def leave(self, *, clean: bool = True) -> None:
        """Let go; the last to leave removes the marker when the desk is known good."""
        if clean and self.lock.try_acquire():  # nobody else: the marker can go
            with contextlib.suppress(FileNotFoundError):
                self.marker.unlink()
        self.lock.release()

