"""What every view shares: it refetches what it shows when the desk changed under it, at
once when it is on screen, else when it is next shown (Anki's mark_cache_stale)."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


class Freshness:
    """Whether a view's data is still the desk's."""

    def __init__(self, view: QWidget, refetch: Callable[[], None]) -> None:
        self._view, self._refetch = view, refetch
        self.stale = True  # nothing read yet

    def changed(self) -> None:
        """What the view shows changed on the desk."""
        self.stale = True
        if self._view.isVisible():
            self.shown()

    def shown(self) -> None:
        """The view is on screen: refetch if it is stale."""
        if self.stale:
            self.stale = False
            self._refetch()
