"""Possible duplicates: two records that one buyer's identities pointed at; merge them
side by side, or undo the last merge."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.contacts import get_contact
from leaddesk.services.desk import Desk
from leaddesk.services.merge import open_duplicates, undo_merge
from leaddesk.ui.dialogs.merge import MergeDialog


class DuplicatesView(QWidget):
    """Likely duplicates and the merges done from here."""

    changed = Signal()

    def __init__(self, desk: Desk, actor: str) -> None:
        super().__init__()
        self._desk, self._actor = desk, actor
        self.last_merge: int | None = None
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Maybe the same as"),
                                              self.tr("Why")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(1, 260)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.undo_button = QPushButton(self.tr("Undo last merge"))
        self.undo_button.setEnabled(False)
        self.merge_button.clicked.connect(self._on_merge)
        self.undo_button.clicked.connect(self._on_undo)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._pairs: list[tuple[int, int]] = []

    def refresh(self) -> None:
        with self._desk.transaction() as session:
            rows = [(a, b, why, get_contact(session, a), get_contact(session, b))
                    for _, a, b, why in open_duplicates(session)]
        self._pairs = [(a, b) for a, b, *_ in rows]
        self.table.setRowCount(len(rows))
        for row, (_, _, why, first, second) in enumerate(rows):
            for column, value in enumerate((self._describe(first), self._describe(second), why)):
                self.table.setItem(row, column, QTableWidgetItem(value))

    @staticmethod
    def _describe(contact) -> str:  # type: ignore[no-untyped-def]
        reach = ", ".join(contact.phones + contact.emails + contact.wechat_ids)
        return f"#{contact.id} {contact.name} ({reach})"

    def merge_selected(self, parent: QWidget | None = None) -> MergeDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._pairs):
            self.status.setText(self.tr("Choose a pair first."))
            return None
        return MergeDialog(self._desk, self._actor, *self._pairs[row], parent or self)

    def _on_merge(self) -> None:
        dialog = self.merge_selected()
        if dialog is not None and dialog.exec():
            self.merged(dialog)

    def merged(self, dialog: MergeDialog) -> None:
        self.last_merge = dialog.merge_id
        self.undo_button.setEnabled(True)
        self.status.setText(self.tr("Merged."))
        self.refresh()
        self.changed.emit()

    def _on_undo(self) -> None:
        if self.last_merge is None:
            return
        with self._desk.transaction() as session:
            undo_merge(session, self.last_merge, actor=self._actor)
        self.last_merge = None
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("The merge was undone."))
        self.refresh()
        self.changed.emit()
