"""What went wrong, told once: one line on stderr and an entry in leaddesk.log (0600),
both scrubbed of passwords, tracebacks included."""

import sys
import traceback as tracebacks
from datetime import datetime
from pathlib import Path

from leaddesk import paths
from leaddesk.passwords import scrub


def write_log(text: str) -> Path:
    """Append `text` (scrubbed) to the log with the time; returns the log's path, or a
    placeholder path when the log cannot be written."""
    log = paths.log_file()
    try:
        with paths.open_private(log) as handle:
            stamp = datetime.now().astimezone().isoformat(timespec="seconds")
            handle.write(f"{stamp} {scrub(text).rstrip()}\n")
    except OSError:
        return Path("(log not writable)")
    return log


def log_failure(exc: BaseException, *, traceback: bool = False) -> Path:
    """Log one failure: its line, and with `traceback` the whole traceback."""
    line = f"{type(exc).__name__}: {exc}"
    return write_log("".join(tracebacks.format_exception(exc)) if traceback else line)


def say(line: str, *, log: bool = True) -> None:
    """One line for the person on stderr (scrubbed), and into the log."""
    line = scrub(line)
    print(line, file=sys.stderr)
    if log:
        write_log(line)
