"""Locks on small files beside the desk that the operating system drops when the process
holding them dies (flock on POSIX, msvcrt on Windows): nothing stale to clean up after
a crash or a kill -9."""

import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from leaddesk.paths import private_file

POLL_S = 0.1  # how soon a waiting import notices the lock was released

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(descriptor: int, shared: bool) -> bool:
        # msvcrt has no shared locks. A shared lock only marks the desk as open; Windows
        # itself refuses to replace a file another process has open, which keeps a
        # restore from pulling the desk from under a running LeadDesk.
        if shared:  # and an exclusive lock held so far is let go
            with contextlib.suppress(OSError):
                os.lseek(descriptor, 0, os.SEEK_SET)
                msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
            return True
        try:
            os.lseek(descriptor, 0, os.SEEK_SET)
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(descriptor: int, shared: bool) -> bool:
        try:
            fcntl.flock(descriptor, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


class FileLock:
    """A lock on one file (created 0600). flock locks belong to the open file, so two
    FileLocks in one process exclude each other as two processes do."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None
        self.held = False

    def try_acquire(self, *, shared: bool = False) -> bool:
        """Take the lock (or change it between shared and exclusive) if it is free now;
        False if another holder has it."""
        if self._descriptor is None:
            private_file(self.path)
            self._descriptor = os.open(self.path, os.O_RDWR)
        self.held = _lock(self._descriptor, shared)
        return self.held

    def acquire(self, *, shared: bool = False, cancel: threading.Event | None = None,
                waiting: Callable[[], None] | None = None, timeout: float | None = None) -> bool:
        """Wait for the lock. `waiting` is called once, when it is not free at once; a set
        `cancel` or a passed `timeout` gives up (returns False)."""
        if self.try_acquire(shared=shared):
            return True
        if waiting is not None:
            waiting()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.try_acquire(shared=shared):
            if cancel is not None and cancel.is_set():
                return False
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(POLL_S)
        return True

    def release(self) -> None:
        """Let go of the lock (closing the file would too)."""
        if self._descriptor is not None:
            if self.held:
                _unlock(self._descriptor)
            os.close(self._descriptor)
            self._descriptor = None
        self.held = False


@contextlib.contextmanager
def held(lock: FileLock, **kwargs: object) -> Iterator[bool]:
    """`with held(lock, cancel=..., waiting=...) as got:` — acquired for the block."""
    got = lock.acquire(**kwargs)  # type: ignore[arg-type]
    try:
        yield got
    finally:
        if got:
            lock.release()
