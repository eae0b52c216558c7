"""The one runner of the desk's operations (the model is Anki's CollectionOp): each runs
on a worker thread, writes one after another, and when one is done its `Changes` go out
on one app-wide signal; every view decides for itself what to refetch. Reads of more
than a page run here too, beside the writes."""

import threading
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from leaddesk.services.changes import Changes
from leaddesk.services.operations import Outcome
from leaddesk.ui.refusals import in_words
from leaddesk.ui.tasks import Task

Done = Callable[[Any], None]
Failed = Callable[[str], None]
Progress = Callable[[int, int], None]


class _Reply(QObject):
    """Lives on the GUI thread: what a worker's signals are queued to."""

    def __init__(self, runner: "Operations", done: Done | None, failed: Failed | None,
                 changes: bool) -> None:
        super().__init__(runner)
        self.runner, self.done, self.fail, self.changes = runner, done, failed, changes

    def finished(self, result: Any) -> None:
        self.runner._ended(self)
        if self.runner.closed:
            return  # what finished while the window closed changes no view of it
        if self.changes:
            outcome: Outcome[Any] = result
            if not outcome.changes.empty:
                self.runner.changed.emit(outcome.changes)
            if outcome.undo is not None:
                self.runner.undoable.emit(outcome.undo)
            result = outcome.value
        if self.done is not None:
            self.done(result)

    def failed(self, message: str) -> None:
        self.runner._ended(self)
        if self.runner.closed:
            return
        message = in_words(message)  # in the window's language where it is a known one
        if self.fail is not None:
            self.fail(message)
        else:
            self.runner.failed.emit(message)


class Operations(QObject):
    """Runs operations off the GUI thread and tells every view what they changed."""

    changed = Signal(object)  # Changes: made here, or (on a team desk) by a colleague
    failed = Signal(str)  # an operation failed and nobody waited for its answer: one line
    running = Signal(bool)  # whether a write is under way (or waiting its turn)
    undoable = Signal(object)  # services.operations.Undo: how to take back what was just done

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes: deque[tuple[Task, _Reply]] = deque()  # the first one runs
        self._tasks: dict[_Reply, Task] = {}
        self._quick: weakref.WeakSet[Task] = weakref.WeakSet()  # writes made whole, never cancelled
        self.closed = False  # the window closed: nothing more starts, no view hears of changes

    def run(self, work: Callable[[], Outcome[Any]], done: Done | None = None,
            failed: Failed | None = None) -> Task:
        """A change to the desk; writes run one at a time, in the order asked for."""
        task = self.run_long(lambda _progress, _cancel: work(), done, failed)
        self._quick.add(task)  # a save of the person's: made even when the window closes
        return task

    def run_long(self, work: Callable[[Progress, threading.Event], Outcome[Any]],
                 done: Done | None = None, failed: Failed | None = None) -> Task:
        """A change that reports progress and can be cancelled (an import)."""
        if self.closed:
            return Task(work)  # never started
        task, reply = self._task(work, done, failed, changes=True)
        self._writes.append((task, reply))
        if len(self._writes) == 1:
            self.running.emit(True)
            task.start()
        return task

    def run_beside(self, work: Callable[[Progress, threading.Event], Outcome[Any]],
                   done: Done | None = None, failed: Failed | None = None) -> Task:
        """A change that runs beside the queue of writes, in short transactions of its own
        (a mail sync): the person's changes do not wait for it."""
        if self.closed:
            return Task(work)  # never started
        task, _reply = self._task(work, done, failed, changes=True)
        task.start()
        return task

    def read(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> Task:
        """Read more than a page, beside whatever is being written."""
        if self.closed:
            return Task(lambda _progress, _cancel: None)  # never started
        task, _reply = self._task(lambda _progress, _cancel: work(), done, failed, changes=False)
        task.start()
        return task

    def announce(self, changes: Changes) -> None:
        """Changes made elsewhere (a colleague, a script), told to every view."""
        if not changes.empty and not self.closed:
            self.changed.emit(changes)

    @property
    def idle(self) -> bool:
        """Whether nothing at all runs (no write, no read)."""
        return not self._tasks

    @property
    def busy(self) -> bool:
        """Whether a write is running or waiting its turn."""
        return bool(self._writes)

    def wait(self) -> None:
        """Cancel what can be cancelled, let every worker finish, and start nothing more
        (the window closes)."""
        self.closed = True
        for task in list(self._tasks.values()):
            if task not in self._quick:  # reads and long work (an import) stop, nothing half-written
                task.cancel.set()
        for task, _reply in list(self._writes):  # one at a time still, each to its end
            if not task.begun:
                task.start()
            while not task.wait(1000):
                pass
        for task in list(self._tasks.values()):
            task.wait()

    def _task(self, work: Callable[[Progress, threading.Event], Any], done: Done | None,
              failed: Failed | None, *, changes: bool) -> tuple[Task, _Reply]:
        reply = _Reply(self, done, failed, changes)
        task = Task(work)
        task.finished.connect(reply.finished)
        task.failed.connect(reply.failed)
        self._tasks[reply] = task
        return task, reply

    def _ended(self, reply: _Reply) -> None:
        task = self._tasks.pop(reply, None)
        reply.deleteLater()
        if self._writes and self._writes[0][1] is reply:
            self._writes.popleft()
            if not self._writes:
                self.running.emit(False)
            elif not self._writes[0][0].begun:  # (at close, wait() has started it)
                self._writes[0][0].start()
        del task


class Reader:
    """One view's reads: only the answer to the newest is shown (a view asked again while
    a read was under way does not show the older answer over the newer)."""

    def __init__(self, ops: Operations, owner: QObject | None = None) -> None:
        self._ops, self._asked, self._owner = ops, 0, owner

    def read(self, work: Callable[[], Any], done: Done, failed: Failed | None = None) -> None:
        self._asked += 1
        asked = self._asked

        def current() -> bool:  # the newest asked, by an owner still there (a dialog closed meanwhile)
            return asked == self._asked and (self._owner is None or shiboken6.isValid(self._owner))

        def answered(result: Any) -> None:
            if current():
                done(result)

        def refused(message: str) -> None:
            if current() and failed is not None:
                failed(message)

        self._ops.read(work, answered, refused if failed is not None else None)
