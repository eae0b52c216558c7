"""Merge two records of one buyer: both side by side, a choice per differing field."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from leaddesk.errors import LeadDeskError
from leaddesk.services.desk import Desk
from leaddesk.services.merge import Side, merge_contacts, merge_fields


class MergeDialog(QDialog):
    """`merge_id` holds the merge journal's id after Merge (for Undo merge)."""

    def __init__(self, desk: Desk, actor: str, survivor: int, merged: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge contacts"))
        self._desk, self._actor = desk, actor
        self._pair = (survivor, merged)
        self.merge_id: int | None = None
        with desk.transaction() as session:
            fields = merge_fields(session, survivor, merged)
        self.choices: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Contact #{0} stays; #{1} is merged into it. "
                                   "Identities, inquiries and follow-ups of both are kept.")
                           .format(survivor, merged)))
        for name, kept, other in fields:
            combo = QComboBox()
            combo.addItem(kept or self.tr("(empty)"), "survivor")
            combo.addItem(other or self.tr("(empty)"), "merged")
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
        try:
            with self._desk.transaction() as session:
                self.merge_id = merge_contacts(session, *self._pair, actor=self._actor,
                                               choices=chosen)
        except LeadDeskError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
