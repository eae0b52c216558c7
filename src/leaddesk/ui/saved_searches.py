"""Saved searches: a menu of them, each also in the navigation, and "Save this search…"
for what is typed in the search box. They live in the settings, shared with the command
line's `search QUERY --save NAME`."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QListWidget, QListWidgetItem, QMainWindow

from leaddesk.settings import Settings
from leaddesk.ui.icons import icon

QUERY_ROLE = Qt.ItemDataRole.UserRole  # a navigation item's saved query


class SavedSearches(QObject):
    """The window's saved searches, in its menu bar and its navigation."""

    def __init__(self, window: QMainWindow, search: QLineEdit, navigation: QListWidget) -> None:
        super().__init__(window)
        self._window, self._search, self._navigation = window, search, navigation
        self.menu = window.menuBar().addMenu(self.tr("Sa&ved searches"))
        self.save_action = QAction(self.tr("Save this search…"), window)
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self._on_save)
        search.textChanged.connect(lambda typed: self.save_action.setEnabled(bool(typed.strip())))
        self.fill()

    def fill(self) -> None:
        """The saved searches in the menu and in the navigation, as the settings hold them."""
        self.menu.clear()
        self.menu.addAction(self.save_action)
        self.menu.addSeparator()
        for row in reversed(range(self._navigation.count())):
            if self._navigation.item(row).data(QUERY_ROLE):
                self._navigation.takeItem(row)
        for name, query in sorted(Settings.load().saved_searches.items()):
            action = QAction(name, self._window)
            action.setToolTip(query)
            action.triggered.connect(lambda _checked=False, q=query: self._search.setText(q))
            self.menu.addAction(action)
            item = QListWidgetItem(icon("saved-search"), name)  # in the navigation too
            item.setData(QUERY_ROLE, query)
            item.setToolTip(query)
            self._navigation.addItem(item)

    def _on_save(self) -> None:
        """Ask for a name (a dialog that does not block) and keep what is typed in the search box."""
        typed = self._search.text().strip()
        asking = QInputDialog(self._window)
        asking.setWindowTitle(self.tr("Save this search"))
        asking.setLabelText(self.tr("A name for \"{0}\":").format(typed))
        asking.textValueSelected.connect(lambda name: self._save(name.strip(), typed))
        asking.open()

    def _save(self, name: str, typed: str) -> None:
        if not name:
            return
        settings = Settings.load()
        settings.saved_searches[name] = typed
        settings.save()
        self.fill()
        self._window.statusBar().showMessage(self.tr("Saved the search \"{0}\"").format(name), 10_000)
