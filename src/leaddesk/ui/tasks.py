"""Long work off the GUI thread: a worker runs a function in a QThread and reports
progress, the result or the error back through queued signals (no widget is touched
from the worker)."""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

# Every started task, kept until its thread has ended: an owner that drops a task the
# moment its result arrives (the thread is still quitting) would otherwise destroy a
# running QThread, which aborts the whole program.
_started: set["Task"] = set()


class Task(QObject):
    """One piece of long work. `fn(progress, cancel)` runs in its own thread."""

    progressed = Signal(int, int)
    said = Signal(str)  # what the work is doing besides counting ("" when it counts again)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, fn: Callable[[Callable[[int, int], None], threading.Event], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.cancel = threading.Event()
        self.begun = False  # started (it may be over)
        self.ended = threading.Event()  # the work has returned or raised (the thread may still be quitting)
        self._thread = QThread()
        self.moveToThread(self._thread)
        self._thread.started.connect(self._run)

    def start(self) -> None:
        for done in [task for task in _started if task._thread.isFinished()]:
            _started.discard(done)
        _started.add(self)
        self.begun = True
        self._thread.start()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def _run(self) -> None:
        try:
            result = self._fn(self.progressed.emit, self.cancel)
        except Exception as exc:  # reported to the person as one line
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.finished.emit(result)
        finally:
            self.ended.set()
            self._thread.quit()
