"""Log inquiry (Ctrl+N): everything from the keyboard; each number or address is read as
you type, as many as the buyer gave, and an existing contact is offered (or picked) before
a duplicate is made."""

from datetime import UTC, date, datetime, time
from functools import partial

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.identities import normalize_identity, readable_phone, region_hints
from leaddesk.domain.vocabulary import Channel, IdentityKind, Validity
from leaddesk.services import operations, reads
from leaddesk.services.contacts import ContactSummary
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import InquirySummary, LogInquiry
from leaddesk.ui.forms import error_label, save_cancel
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.widgets.article_picker import ArticlePicker
from leaddesk.ui.words import date_field, word

FIND_DELAY_MS = 250  # as the search box: a look-up once the person pauses, not per key
MATCHES = 8  # contacts offered at most


class LogInquiryDialog(QDialog):
    """A quick form; `saved_inquiry` holds the new inquiry's id after Save."""

    def __init__(self, desk: Desk, actor: str, ops: Operations, default_region: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log inquiry"))
        self._desk, self._actor, self._region, self._ops = desk, actor, default_region, ops
        self._reader = Reader(ops, self)  # an answer after the dialog closed is dropped
        self.saved_inquiry: int | None = None
        self.contact_id: int | None = None  # the existing contact picked, if any
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(word(channel.value), channel.value)
        self.identities: list[QLineEdit] = []
        self.readings: list[QLabel] = []
        self._identity_rows = QVBoxLayout()
        self._identity_rows.setContentsMargins(0, 0, 0, 0)
        self.add_identity_button = QPushButton(self.tr("Add another phone, email or WeChat ID"))
        self.add_identity_button.clicked.connect(self._on_add_identity)
        identities = QWidget()
        column = QVBoxLayout(identities)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._identity_rows)
        column.addWidget(self.add_identity_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.identity = self._add_identity_row()
        self.reading = self.readings[0]
        self.name = QLineEdit()
        self.finder = QLineEdit()
        self.finder.setPlaceholderText(self.tr("type a name, company or number to find one"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(120)
        self.matches.hide()
        self.picked = QLabel()
        self.new_contact_button = QPushButton(self.tr("New contact instead"))
        self.new_contact_button.hide()
        picked = QWidget()
        picked_row = QHBoxLayout(picked)
        picked_row.setContentsMargins(0, 0, 0, 0)
        picked_row.addWidget(self.picked, 1)
        picked_row.addWidget(self.new_contact_button)
        self.country = QLineEdit()
        self.country.setPlaceholderText(self.tr("e.g. Germany, 德国, DE"))
        self.article = ArticlePicker(desk)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("what the buyer wrote"))
        self.followup = QCheckBox(self.tr("Follow up on"))
        self.followup_on = date_field(QDate.currentDate().addDays(2))
        self.error = error_label()
        buttons, self.save_button = save_cancel(self, self._on_save)
        form = QFormLayout(self)
        for label, widget in ((self.tr("Channel"), self.channel),
                              (self.tr("Phone / email / WeChat"), identities),
                              (self.tr("Name"), self.name),
                              (self.tr("Existing contact"), self.finder), ("", self.matches),
                              ("", picked),
                              (self.tr("Country"), self.country), (self.tr("Article"), self.article),
                              (self.tr("Message"), self.text),
                              (self.followup, self.followup_on), ("", self.error), ("", buttons)):
            form.addRow(label, widget)
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DELAY_MS)
        self._find_timer.timeout.connect(self._on_find)
        self.finder.textChanged.connect(self._on_typed)
        self.name.textChanged.connect(self._on_typed)
        self.country.textChanged.connect(self._on_country_changed)
        self.matches.itemClicked.connect(self._on_match_picked)
        self.matches.itemActivated.connect(self._on_match_picked)
        self.new_contact_button.clicked.connect(self._on_new_contact)

    def _add_identity_row(self) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(self.tr("phone, email or WeChat ID, in any format"))
        reading = QLabel(" ")
        self._identity_rows.addWidget(field)
        self._identity_rows.addWidget(reading)
        self.identities.append(field)
        self.readings.append(reading)
        field.textChanged.connect(lambda _text: self._read_identity(field, reading))
        return field

    def _on_add_identity(self) -> None:
        self._add_identity_row().setFocus()

    def _on_country_changed(self) -> None:
        for field, reading in zip(self.identities, self.readings, strict=True):
            self._read_identity(field, reading)

    def _read_identity(self, field: QLineEdit, reading: QLabel) -> None:
        raw = field.text().strip()
        if not raw:
            reading.setText(" ")
            return
        found = normalize_identity(raw, hints=region_hints(self.country.text(), self._region))
        words = {Validity.VALID: self.tr("valid"), Validity.POSSIBLE: self.tr("possible"),
                 Validity.INVALID: self.tr("not valid")}
        where = f" · {found.region}" if found.region else ""
        owner = reads.owner_of(self._desk, found)  # one indexed look-up as a person types
        existing = self.tr(" · existing contact, will be used") if owner else ""
        kind = word(found.kind.value)
        reading.setText(f"{kind} {found.value} ({words[found.validity]}{where}){existing}")

    def _on_typed(self) -> None:
        self._find_timer.start()  # again: the look-up waits for a pause

    def _on_find(self) -> None:
        """Offer the contacts that what was typed finds (read off the GUI thread)."""
        typed = self.finder.text().strip() or self.name.text().strip()
        if not typed or self.contact_id is not None:
            self._show_matches([])
            return
        self._reader.read(partial(reads.contacts_shown, self._desk, typed, MATCHES),
                          self._show_matches)

    def _show_matches(self, found: list[ContactSummary]) -> None:
        self.matches.clear()
        for contact in found:
            item = QListWidgetItem(_described(contact))
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found) and self.contact_id is None)

    def _on_match_picked(self, item: QListWidgetItem) -> None:
        self.contact_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.picked.setText(self.tr("Logged for {0}").format(item.text()))
        self.matches.hide()
        self.new_contact_button.show()

    def _on_new_contact(self) -> None:
        self.contact_id = None
        self.picked.clear()
        self.new_contact_button.hide()
        self._on_find()

    def _draft(self) -> ContactDraft:
        draft = ContactDraft(name=self.name.text().strip(), country=self.country.text().strip())
        hints = region_hints(draft.country, self._region)
        for field in self.identities:
            raw = field.text().strip()
            if raw:
                found = normalize_identity(raw, hints=hints)
                {IdentityKind.PHONE: draft.phones, IdentityKind.EMAIL: draft.emails,
                 IdentityKind.WECHAT: draft.wechat_ids}[found.kind].append(raw)
        return draft

    def _on_save(self) -> None:
        due = None
        if self.followup.isChecked():
            picked = self.followup_on.date()
            day = date(picked.year(), picked.month(), picked.day())
            due = datetime.combine(day, time(9)).astimezone(UTC)  # 9:00 local
        form = LogInquiry(Channel(self.channel.currentData()), self._draft(),
                          self.text.toPlainText(), article_id=self.article.currentData(),
                          followup_due=due, contact_id=self.contact_id)
        self.save_button.setEnabled(False)
        self._ops.run(lambda: operations.log_inquiry(self._desk, form, actor=self._actor,
                                                     default_region=self._region),
                      done=self._on_saved, failed=self._on_failed)

    def _on_saved(self, logged: InquirySummary) -> None:
        self.saved_inquiry = logged.id
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)


def _described(contact: ContactSummary) -> str:
    """A contact as a person tells one from another: name, company, what reaches them."""
    who = " · ".join(part for part in (contact.name, contact.company) if part) or f"#{contact.id}"
    reach = ", ".join([readable_phone(p) for p in contact.phones] + contact.emails + contact.wechat_ids)
    return f"{who} ({reach})" if reach else who
