"""Merge two records of one buyer: both side by side, a choice per differing field."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from leaddesk.domain.countries import country_name
from leaddesk.services import operations, reads
from leaddesk.services.desk import Desk
from leaddesk.services.merge import Side
from leaddesk.ui.operations import Operations
from leaddesk.ui.words import country


class MergeDialog(QDialog):
    """`merge_id` holds the merge journal's id after Merge (for Undo merge)."""

    merged = Signal(int)  # the merge's id: the two are one contact now

    def __init__(self, desk: Desk, actor: str, ops: Operations, survivor: int, merged: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge contacts"))
        self._desk, self._actor, self._ops = desk, actor, ops
        self._pair = (survivor, merged)
        self.merge_id: int | None = None
        fields = reads.merge_fields(desk, survivor, merged)  # two contacts, one page
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Contact #{0} stays; #{1} is merged into it. "
                                   "Identities, inquiries and follow-ups of both are kept.")
                           .format(survivor, merged)))
        for name, kept, other in fields:
            combo = QComboBox()
            combo.addItem(_shown(name, kept) or self.tr("(empty)"), "survivor")
            combo.addItem(_shown(name, other) or self.tr("(empty)"), "merged")
            if not kept and other:  # a merge never drops what one side has by default
                combo.setCurrentIndex(1)
            self.choices[name] = combo
            form.addRow(name.replace("_", " "), combo)
        self.error = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_merge)
        buttons.rejected.connect(self.reject)
        form.addRow(self.error)
        form.addRow(buttons)

    def _on_merge(self) -> None:
        chosen: dict[str, Side] = {name: combo.currentData() for name, combo in self.choices.items()}
        self.merge_button.setEnabled(False)
        self._ops.run(lambda: operations.merge_contacts(self._desk, *self._pair, actor=self._actor,
                                                        choices=chosen),
                      done=self._on_merged, failed=self._on_failed)

    def _on_merged(self, merge_id: int) -> None:
        self.merge_id = merge_id
        self.merged.emit(merge_id)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.merge_button.setEnabled(True)
        self.error.setText(message)


def _shown(field: str, value: str | None) -> str:
    """A field's value as a salesperson reads it: a country by its name, not its code."""
    if field == "country" and value:
        return country(country_name(value)) or value
    return value or ""
