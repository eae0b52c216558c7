"""Possible duplicates: two records that one buyer's identities pointed at; merge them
side by side, or undo the last merge."""

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.paired import Why
from leaddesk.services import operations, reads
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.reads import Pair
from leaddesk.ui.dialogs.merge import MergeDialog, why_said
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness


class DuplicatesView(QWidget):
    """Likely duplicates and the merges done from here."""

    refetched = Signal()

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._actor, self._ops = desk, actor, ops
        self._reader = Reader(ops)
        self.fresh = Freshness(self, self.refresh)
        ops.changed.connect(self._on_changed)
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
        self._pairs: list[tuple[int, int, Why]] = []

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        # an import names its batches: the pairs it made are among contacts it may not name
        if changes.everything or changes.contacts or changes.batches:
            self.fresh.changed()

    def refresh(self) -> None:
        """Read the open pairs off the GUI thread."""
        self._reader.read(partial(reads.open_pairs, self._desk), self._show)

    def _show(self, rows: list[Pair]) -> None:
        self._pairs = [(a, b, why) for a, b, why, *_ in rows]
        self.table.setRowCount(len(rows))
        for row, (_, _, why, first, second) in enumerate(rows):
            for column, value in enumerate((self._describe(first), self._describe(second),
                                            why_said(why))):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.refetched.emit()

    @staticmethod
    def _describe(contact) -> str:  # type: ignore[no-untyped-def]
        reach = ", ".join(contact.phones + contact.emails + contact.wechat_ids)
        return f"#{contact.id} {contact.name} ({reach})"

    def merge_selected(self, parent: QWidget | None = None) -> MergeDialog | None:
        """The merge dialog of the chosen pair (shown with `open`), or None."""
        row = self.table.currentRow()
        if not 0 <= row < len(self._pairs):
            self.status.setText(self.tr("Choose a pair first."))
            return None
        survivor, merged, why = self._pairs[row]
        dialog = MergeDialog(self._desk, self._actor, self._ops, survivor, merged, parent or self, why)
        dialog.merged.connect(self._on_merged)
        return dialog

    def _on_merge(self) -> None:
        dialog = self.merge_selected()
        if dialog is not None:
            dialog.open()

    def _on_merged(self, merge_id: int) -> None:
        self.last_merge = merge_id
        self.undo_button.setEnabled(True)
        self.status.setText(self.tr("Merged."))

    def _on_undo(self) -> None:
        merge_id = self.last_merge
        if merge_id is None:
            return
        self.undo_button.setEnabled(False)

        def undone(_value: object) -> None:
            self.last_merge = None
            self.status.setText(self.tr("The merge was undone."))

        def failed(message: str) -> None:
            self.undo_button.setEnabled(True)
            self.status.setText(message)

        self._ops.run(lambda: operations.undo_merge(self._desk, merge_id, actor=self._actor),
                      done=undone, failed=failed)
