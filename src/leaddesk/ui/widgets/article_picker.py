"""Choosing an article: type part of its code or title, or pick "(none)"."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from leaddesk.services import reads
from leaddesk.services.desk import Desk


class ArticlePicker(QComboBox):
    """The desk's articles, newest first; `currentData()` is the chosen id or None."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setEditable(True)  # type to search
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing never adds an article
        # as wide as the layout gives it, not as the longest title: the pane stays narrow
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.reload()

    def reload(self) -> None:
        """Read the articles again (after an import brought new ones), keeping the choice."""
        chosen = self.currentData()
        choices = reads.article_choices(self._desk)
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("(none)"), None)
        for article_id, label in choices:
            self.addItem(label, article_id)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.choose(chosen)
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.reload()  # articles imported since: the list a person opens is today's
        super().showPopup()

    def choose(self, article_id: int | None) -> None:
        self.setCurrentIndex(max(0, self.findData(article_id)))
        editor = self.lineEdit()
        if editor is not None:
            editor.setCursorPosition(0)  # a long title shows its beginning
