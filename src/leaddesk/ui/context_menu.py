"""Right-click menus: a view says which actions its rows offer, this shows them where the
person clicked (and keeps the last one shown, so a test can read it as a person would)."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QMenu

# (text, what it does, whether it can be done now); a None entry is a separator, a list
# of entries under a text is a submenu.
Entry = tuple[str, Callable[[], object], bool] | tuple[str, "Sequence[Entry]"] | None


def offer(view: QAbstractItemView, entries: Callable[[], Sequence[Entry]]) -> None:
    """Show `entries()` on a right-click over `view`'s rows (the row clicked is selected
    first, unless it is one of several already chosen)."""
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def shown(at: QPoint) -> None:
        index = view.indexAt(at)
        if not index.isValid():
            return
        if not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)
        menu = QMenu(view)
        _fill(menu, entries())
        view.setProperty("context_menu", menu)  # the last one shown
        menu.popup(view.viewport().mapToGlobal(at))

    view.customContextMenuRequested.connect(shown)


def _fill(menu: QMenu, entries: Sequence[Entry]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif len(entry) == 2:
            _fill(menu.addMenu(entry[0]), entry[1])
        else:
            text, act, enabled = entry
            action = QAction(text, menu)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False, act=act: act())
            menu.addAction(action)


def copy(text: str) -> Callable[[], None]:
    """What a "Copy …" entry does."""
    return lambda: QGuiApplication.clipboard().setText(text)
