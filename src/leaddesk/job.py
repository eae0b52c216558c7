"""Job control of long work (an import, say): its progress, its Cancel button and what it
says meanwhile, handed to the work apart from what the work is about."""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from leaddesk.errors import InvalidInputError

Progress = Callable[[int, int], None]
Status = Callable[[str], None]


class Cancelled(InvalidInputError):
    """The person pressed Cancel; nothing was written."""


@dataclass
class Job:
    """How the person follows one piece of long work: `progress(done, total)`, `status`
    (what the progress bar says meanwhile, "waiting for ..."), and the `cancel` event that
    their Cancel button sets. A job with none of them runs unwatched."""

    progress: Progress | None = None
    status: Status | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    name: str = "import"  # what a cancelled job says was cancelled

    def tick(self, done: int, total: int) -> None:
        """Report progress, and stop if the person pressed Cancel."""
        if self.cancel.is_set():
            raise Cancelled(f"{self.name} cancelled; nothing was written")
        if self.progress is not None:
            self.progress(done, total)

    def say(self, text: str) -> None:
        """Tell the person what the work is doing besides counting (an empty text: back
        to the count)."""
        if self.status is not None:
            self.status(text)
