"""The Contacts view: the newest buyers, or those a search finds by name, company,
address or number; their contact cards export as vCards."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.countries import country_name
from leaddesk.services import reads
from leaddesk.services.changes import Changes
from leaddesk.services.contacts import ContactSummary
from leaddesk.services.desk import Desk
from leaddesk.ui.column_fit import FittedColumns, content_widths
from leaddesk.ui.context_menu import Entry, copy, offer
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness
from leaddesk.ui.widgets.timeline import ContactTimeline
from leaddesk.ui.words import country, word

SHOWN = 500  # a page of contacts; a search narrows the rest
NAMES = (0, 1, 2)  # name, company, country: narrower in a small window; stage and numbers never
WIDEST = 48  # characters a column is made wide for, at most (the emails stretch further)


class ContactsView(QWidget):
    """Contacts with their identities, searchable."""

    refetched = Signal()
    edit_requested = Signal(int)  # a contact's id
    delete_requested = Signal(int, str)  # its id and name
    merge_requested = Signal(int, int)  # two contacts' ids

    def __init__(self, desk: Desk, ops: Operations) -> None:
        super().__init__()
        self._desk = desk
        self._reader = Reader(ops)
        self.fresh = Freshness(self, self.refresh)
        ops.changed.connect(self._on_changed)
        self.shown: list[ContactSummary] = []
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a contact: name, company, email, any number"))
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.filter.textChanged.connect(self._debounce.start)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Company"), self.tr("Country"),
                                              self.tr("Stage"), self.tr("Phones"), self.tr("Emails")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)  # two to merge
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.columns = FittedColumns(self.table, (150, 150, 110, 80, 140), NAMES, 200)
        self.count = QLabel()
        self.export_button = QPushButton(self.tr("Export vCards…"))
        self.export_button.clicked.connect(lambda: self.export_vcards())
        self.edit_button = QPushButton(self.tr("Edit contact…"))
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button = QPushButton(self.tr("Delete contact…"))
        self.delete_button.clicked.connect(self._on_delete)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setToolTip(self.tr("Select two contacts that are one buyer"))
        self.merge_button.clicked.connect(self._on_merge)
        self._writable = True
        offer(self.table, self._row_menu)
        self.table.itemSelectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch()
        for button in (self.edit_button, self.delete_button, self.merge_button, self.export_button):
            bottom.addWidget(button)
        # the chosen contact's whole history beside the list (click, double-click or Enter)
        self.history = ContactTimeline(desk, ops)
        self.table.currentCellChanged.connect(lambda row, *_: self._on_contact_chosen(row))
        self.table.activated.connect(lambda index: self._on_contact_chosen(index.row()))
        self.table.doubleClicked.connect(lambda index: self._on_contact_chosen(index.row()))
        # under the list, not beside it: the numbers and addresses take the window's width
        below = QSplitter(Qt.Orientation.Vertical)
        below.addWidget(self.table)
        below.addWidget(self.history)
        below.setStretchFactor(0, 3)
        below.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(below, 1)
        layout.addLayout(bottom)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or changes.contacts:
            self.fresh.changed()

    def refresh(self) -> None:
        """Read the contacts shown (the newest, or those the filter finds) off the GUI thread."""
        typed = self.filter.text().strip()

        self._reader.read(partial(reads.contacts_shown, self._desk, typed, SHOWN), self._show)

    def _show(self, contacts: list[ContactSummary]) -> None:
        self.shown = contacts
        self.table.setRowCount(len(self.shown))
        rows = [(contact.name, contact.company, country(country_name(contact.country)),
                 word(contact.stage), ", ".join(contact.phones), ", ".join(contact.emails))
                for contact in self.shown]
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        *wanted, emails = content_widths(self.table, rows, WIDEST * self.fontMetrics().averageCharWidth())
        self.columns.want(tuple(wanted), emails)
        self.count.setText(self.tr("%n contacts shown", "", len(self.shown)))
        self._on_selection_changed()
        self._on_contact_chosen(self.table.currentRow())  # the history follows the row
        self.refetched.emit()

    def selected(self) -> list[ContactSummary]:
        """The contacts whose rows are selected, in the order shown."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.shown[row] for row in rows if row < len(self.shown)]

    def set_writable(self, writable: bool) -> None:
        """Offer (or, while the desk is checked or damaged, withhold) edit, delete and merge."""
        self._writable = writable
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        chosen = len(self.selected()) if self._writable else 0
        self.edit_button.setEnabled(chosen == 1)
        self.delete_button.setEnabled(chosen == 1)
        self.merge_button.setEnabled(chosen == 2)

    def _on_edit(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.edit_requested.emit(chosen[0].id)

    def _on_delete(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            self.delete_requested.emit(chosen[0].id, chosen[0].name)

    def _on_merge(self) -> None:
        chosen = self.selected()
        if len(chosen) == 2:
            self.merge_requested.emit(chosen[0].id, chosen[1].id)

    def _row_menu(self) -> list[Entry]:
        """What a right-click on the chosen contacts offers."""
        chosen = self.selected()
        one = chosen[0] if len(chosen) == 1 else None
        entries: list[Entry] = [
            (self.tr("Edit contact…"), self._on_edit, self._writable and one is not None),
            (self.tr("Merge…"), self._on_merge, self._writable and len(chosen) == 2),
            (self.tr("Delete contact…"), self._on_delete, self._writable and one is not None)]
        if one is not None:
            entries.append(None)
            entries += [(self.tr("Copy {0}").format(phone), copy(phone), True) for phone in one.phones]
            entries += [(self.tr("Copy {0}").format(email), copy(email), True) for email in one.emails]
        return entries

    def _on_contact_chosen(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.history.show_contact(self.shown[row].id)

    def export_vcards(self, target: str | None = None) -> None:
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Export vCards"), "contacts.vcf",
                                                    "*.vcf")
        if target:
            from leaddesk.importers.vcard import write_vcards

            text = write_vcards((c.name, c.company, c.country, c.phones, c.emails, c.wechat_ids)
                                for c in self.shown)
            Path(target).write_text(text, encoding="utf-8", newline="")
