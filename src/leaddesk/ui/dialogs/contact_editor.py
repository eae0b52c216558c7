"""Edit contact: every field of a buyer and the phones, emails and WeChat IDs that reach
them. A new identity is read as it is typed (as Log inquiry reads it); one that is another
contact's offers the merge with them. Save is one operation on the version read."""

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from leaddesk.domain.countries import country_name
from leaddesk.domain.identities import NormalizedIdentity, normalize_identity, region_hints
from leaddesk.domain.vocabulary import Validity
from leaddesk.services import operations, reads
from leaddesk.services.contacts import (
    ContactSummary,
    Holder,
    field_length,
)
from leaddesk.services.desk import Desk
from leaddesk.ui.dialogs.merge import MergeDialog
from leaddesk.ui.forms import error_label, save_cancel
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.words import country, word

FIELDS = ("name", "company", "country", "language", "owner")  # one line each; notes below
ID_ROLE = Qt.ItemDataRole.UserRole  # an identity row's id, or the text of one to add


class ContactEditorDialog(QDialog):
    """One contact's fields and identities; `saved` carries what was saved."""

    loaded = Signal()  # the contact was read (again, after a merge)
    saved = Signal(object)  # the ContactSummary after Save

    def __init__(self, desk: Desk, actor: str, ops: Operations, contact_id: int,
                 default_region: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit contact"))
        self._desk, self._actor, self._ops, self._region = desk, actor, ops, default_region
        self._contact_id = contact_id
        self._read: reads.Editing | None = None
        self._holders = Reader(ops, self)  # an answer after the dialog closed is dropped
        self._loading = Reader(ops, self)
        self._typed: NormalizedIdentity | None = None
        self._holder: Holder | None = None
        self.editors: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        labels = {"name": self.tr("Name"), "company": self.tr("Company"), "country": self.tr("Country"),
                  "language": self.tr("Language"), "owner": self.tr("Owner")}
        for name in FIELDS:
            editor = QLineEdit()
            editor.setMaxLength(field_length(name) or 32767)  # as long as the desk keeps
            self.editors[name] = editor
            form.addRow(labels[name], editor)
        self.editors["country"].setMaxLength(80)  # a name is typed here; the desk keeps its code
        self.editors["country"].setPlaceholderText(self.tr("e.g. Germany, 德国, DE"))
        self.editors["language"].setPlaceholderText(self.tr("e.g. de, zh, pt"))
        self.notes = QPlainTextEdit()
        form.addRow(self.tr("Notes"), self.notes)
        self.identities = QListWidget()
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove)
        form.addRow(self.tr("Reached at"), self.identities)
        form.addRow("", self.remove_button)
        self.identity = QLineEdit()
        self.identity.setPlaceholderText(self.tr("add a phone, email or WeChat ID, in any format"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._on_add)
        adding = QHBoxLayout()
        adding.addWidget(self.identity, 1)
        adding.addWidget(self.add_button)
        form.addRow(self.tr("New identity"), adding)
        self.reading = QLabel(" ")
        self.merge_button = QPushButton(self.tr("Merge with this contact…"))
        self.merge_button.hide()
        self.merge_button.clicked.connect(self._on_merge)
        reading = QHBoxLayout()
        reading.addWidget(self.reading, 1)
        reading.addWidget(self.merge_button)
        form.addRow("", reading)
        self.error = error_label()
        self.error.setWordWrap(True)
        buttons, self.save_button = save_cancel(self, self._on_save)
        self.save_button.setEnabled(False)  # until the contact is read
        form.addRow("", self.error)
        form.addRow("", buttons)
        self.identity.textChanged.connect(self._on_identity_typed)
        self._entered = False  # Enter was for the identity field
        self.identity.returnPressed.connect(self._on_identity_entered)
        self.resize(560, 560)
        self._load()

    def _on_identity_entered(self) -> None:
        self._entered = bool(self.identity.text().strip())
        self._on_add()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the new identity's field adds it (rather than saving the dialog); with
        the field empty, Enter saves as in any form."""
        entered, self._entered = self._entered, False
        if entered and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    # reading the contact

    def _load(self) -> None:
        contact_id = self._contact_id

        self._loading.read(partial(reads.contact_to_edit, self._desk, contact_id), self._show,
                           self._on_failed)

    def _show(self, read: reads.Editing) -> None:
        self._read = read
        contact = read.contact
        values = self._values(contact)
        for name, editor in self.editors.items():
            editor.setText(values[name])
        self.notes.setPlainText(contact.notes)
        self.identities.clear()
        for row in read.identities:
            item = QListWidgetItem(self._describe(row.kind, row.value, row.validity, row.region))
            item.setData(ID_ROLE, row.id)
            self.identities.addItem(item)
        self.save_button.setEnabled(True)
        self.loaded.emit()

    @staticmethod
    def _values(contact: ContactSummary) -> dict[str, str]:
        return {"name": contact.name, "company": contact.company,
                "country": country(country_name(contact.country)) if contact.country else "",
                "language": contact.language or "", "owner": contact.owner}

    def _describe(self, kind: str, value: str, validity: str, region: str | None) -> str:
        """"phone +4915123456789 (valid · DE)", as Log inquiry reads an identity."""
        words = {Validity.VALID.value: self.tr("valid"), Validity.POSSIBLE.value: self.tr("possible"),
                 Validity.INVALID.value: self.tr("not valid")}
        where = f" · {region}" if region else ""
        return f"{word(kind)} {value} ({words.get(validity, validity)}{where})"

    # identities

    def _hints(self) -> list[str]:
        return region_hints(self.editors["country"].text(), self._region)

    def _on_identity_typed(self) -> None:
        raw = self.identity.text().strip()
        self._typed, self._holder = None, None
        self.merge_button.hide()
        self.add_button.setEnabled(False)
        if not raw:
            self.reading.setText(" ")
            return
        found = normalize_identity(raw, hints=self._hints())
        self._typed = found
        self.reading.setText(self._describe(found.kind.value, found.value, found.validity.value,
                                            found.region))
        if found.validity is Validity.INVALID:
            return
        if self._listed(found.kind.value, found.value):
            self.reading.setText(self.reading.text() + self.tr(" · already listed"))
            return
        self.add_button.setEnabled(True)

        self._holders.read(partial(reads.holder_of, self._desk, found),
                           lambda holder: self._on_holder(found, holder))

    def _on_holder(self, found: NormalizedIdentity, holder: Holder | None) -> None:
        if found != self._typed or holder is None or holder.id == self._contact_id:
            return
        self._holder = holder
        self.add_button.setEnabled(False)
        who = holder.name or f"#{holder.id}"
        if holder.deleted:
            self.reading.setText(self.reading.text() + self.tr(" · belongs to {0}, a deleted contact")
                                 .format(who))
            return
        self.reading.setText(self.reading.text() + self.tr(" · belongs to {0}").format(who))
        self.merge_button.show()

    def _listed(self, kind: str, value: str) -> bool:
        for row in range(self.identities.count()):
            text = self.identities.item(row).text()
            if text.startswith(f"{word(kind)} {value} "):
                return True
        return False

    def _on_add(self) -> None:
        found = self._typed
        if found is None or not self.add_button.isEnabled():
            return
        item = QListWidgetItem(self._describe(found.kind.value, found.value, found.validity.value,
                                              found.region) + self.tr(" · new"))
        item.setData(ID_ROLE, found.raw.strip())
        self.identities.addItem(item)
        self.identity.clear()

    def _on_remove(self) -> None:
        row = self.identities.currentRow()
        if row >= 0:
            self.identities.takeItem(row)

    def _on_merge(self) -> None:
        if self._holder is None:
            return
        self.merge_dialog = MergeDialog(self._desk, self._actor, self._ops, self._contact_id,
                                        self._holder.id, self)
        self.merge_dialog.merged.connect(self._on_merged)
        self.merge_dialog.open()

    def _on_merged(self, _merge_id: int) -> None:
        """The other contact is this one now: read it again, with their identities."""
        self.identity.clear()
        self._load()

    # saving

    def changes(self) -> tuple[dict[str, str], list[str], list[int]]:
        """What Save would send: the fields changed, identities to add, ids to take off."""
        if self._read is None:
            return {}, [], []
        before = self._values(self._read.contact)
        fields = {name: editor.text().strip() for name, editor in self.editors.items()
                  if editor.text().strip() != before[name]}
        if self.notes.toPlainText() != self._read.contact.notes:
            fields["notes"] = self.notes.toPlainText()
        listed = [self.identities.item(row).data(ID_ROLE) for row in range(self.identities.count())]
        added = [value for value in listed if isinstance(value, str)]
        kept = {value for value in listed if isinstance(value, int)}
        removed = [row.id for row in self._read.identities if row.id not in kept]
        return fields, added, removed

    def _on_save(self) -> None:
        if self._read is None:
            return
        fields, added, removed = self.changes()
        if not (fields or added or removed):
            self.accept()
            return
        contact_id, version = self._contact_id, self._read.contact.version
        self.save_button.setEnabled(False)
        self.error.clear()
        self._ops.run(lambda: operations.save_contact(
            self._desk, contact_id, version, actor=self._actor, fields=fields, added=added,
            removed=removed, default_region=self._region), done=self._on_saved, failed=self._on_failed)

    def _on_saved(self, summary: ContactSummary) -> None:
        self.saved.emit(summary)
        self.accept()

    def _on_failed(self, message: str) -> None:
        """Nothing typed is lost: the message says what to do, the form stays as it was."""
        self.save_button.setEnabled(self._read is not None)
        self.error.setText(message)
