"""Merge two records of one buyer: both side by side, a choice per differing field."""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from leaddesk.domain.countries import country_name
from leaddesk.domain.identities import readable_phone
from leaddesk.domain.paired import NAME_AND_COMPANY, NAME_AND_COUNTRY, Why
from leaddesk.services import operations, reads
from leaddesk.services.desk import Desk
from leaddesk.services.merge import Side
from leaddesk.ui.operations import Operations
from leaddesk.ui.words import country


class MergeDialog(QDialog):
    """`merge_id` holds the merge journal's id after Merge (for Undo merge)."""

    merged = Signal(int)  # the merge's id: the two are one contact now

    def __init__(self, desk: Desk, actor: str, ops: Operations, survivor: int, merged: int,
                 parent: QWidget | None = None, why: Why | None = None) -> None:
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
        self.why = QLabel(self.tr("Suggested because: {0}").format(why_said(why)) if why else "")
        self.why.setVisible(why is not None)
        form.addRow(self.why)
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


def why_said(why: Why) -> str:
    """Why a pair was suggested, in a salesperson's words: "same phone +86 139 9288 4879"."""
    if why.shared == "phone":
        return QCoreApplication.translate("Why", "same phone {0}").format(readable_phone(why.value))
    if why.shared == "email":
        return QCoreApplication.translate("Why", "same email {0}").format(why.value)
    if why.shared == "wechat":
        return QCoreApplication.translate("Why", "same WeChat ID {0}").format(why.value)
    if why.shared == NAME_AND_COMPANY:
        return QCoreApplication.translate("Why", "same name and company")
    if why.shared == NAME_AND_COUNTRY:
        return QCoreApplication.translate("Why", "same name and country")
    if why.value == "a draft's identities point at both":  # stored in words by earlier versions
        return QCoreApplication.translate("Why", "one message came from numbers or addresses of both")
    if why.value == "an identity the buyer typed":
        return QCoreApplication.translate("Why", "the buyer typed a number or address of the other")
    return why.value


def _shown(field: str, value: str | None) -> str:
    """A field's value as a salesperson reads it: a country by its name, not its code."""
    if field == "country" and value:
        return country(country_name(value)) or value
    return value or ""
