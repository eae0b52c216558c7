"""Work run in a process of its own. A CPU-bound operation (a big import) in a worker
thread holds the GIL for long stretches, and every call from Qt into Python on the GUI
thread waits for it: the window stutters. In its own process the work shares nothing
with the window; its progress, what it says and its answer come back through a pipe,
and Cancel goes to it through an event."""

import multiprocessing
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as ProcessEvent
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import make_url

from leaddesk import paths
from leaddesk.errors import LeadDeskError

T = TypeVar("T")
Progress = Callable[[int, int], None]
Said = Callable[[str], None]

# fork would copy the window's threads and locks (Qt's, SQLite's) into the child
_SPAWN = multiprocessing.get_context("spawn")
_POLL_S = 0.05


@dataclass(frozen=True)
class Hooks:
    """What the work in the child is given: its desk and how to follow it."""

    url: str
    progress: Progress
    say: Said
    cancel: threading.Event


Work = Callable[[Hooks], T]


def run_apart(work: Work[T], url: str, progress: Progress, say: Said, cancel: threading.Event) -> T:
    """Run `work` (a module-level function, as the child imports it by name) in a new
    process on the desk at `url`, and return its answer. The calling thread only waits
    on the pipe, which releases the GIL."""
    answers, child_end = _SPAWN.Pipe(duplex=False)
    stop = _SPAWN.Event()
    process = _SPAWN.Process(target=_child, args=(child_end, stop, work, url, str(paths.data_dir())),
                             daemon=True, name="leaddesk-operation")
    process.start()
    child_end.close()
    try:
        while True:
            if cancel.is_set():
                stop.set()
            if not answers.poll(_POLL_S):
                continue
            try:
                kind, value = answers.recv()
            except EOFError:  # the child ended without an answer (killed, out of memory)
                process.join(timeout=5)
                raise LeadDeskError(
                    f"the operation stopped unexpectedly (exit code {process.exitcode})") from None
            if kind == "progress":
                progress(*value)
            elif kind == "say":
                say(value)
            elif kind == "done":
                return value  # type: ignore[no-any-return]
            else:
                raise LeadDeskError(value)
    finally:
        answers.close()
        process.join(timeout=30)
        if process.is_alive():
            process.kill()


def _child(answers: Connection, stop: ProcessEvent, work: Work[Any], url: str, data_dir: str) -> None:
    paths.set_data_dir(Path(data_dir))
    cancel = threading.Event()

    def listen() -> None:  # the person's Cancel, as the importers check it
        stop.wait()
        cancel.set()

    threading.Thread(target=listen, daemon=True).start()
    hooks = Hooks(url, lambda done, total: answers.send(("progress", (done, total))),
                  lambda text: answers.send(("say", text)), cancel)
    try:
        result = work(hooks)
    except Exception as exc:  # reported to the person as one line, as a worker thread does
        answers.send(("failed", str(exc) or type(exc).__name__))
    else:
        answers.send(("done", result))
    finally:
        answers.close()


def url_of(engine_url: Any) -> str:
    """The desk's address as the child opens it (a server's password included: it goes
    through the pipe, never a command line)."""
    return str(make_url(engine_url).render_as_string(hide_password=False))
