"""Log inquiry (Ctrl+N): everything from the keyboard; the number or address is read as
you type, and an existing contact is found before a duplicate is made."""

from datetime import UTC, date, datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.identities import normalize_identity, region_hints
from leaddesk.domain.vocabulary import Channel, IdentityKind, Validity
from leaddesk.services import operations, reads
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import InquirySummary, LogInquiry
from leaddesk.ui.forms import error_label, save_cancel
from leaddesk.ui.operations import Operations
from leaddesk.ui.widgets.article_picker import ArticlePicker
from leaddesk.ui.words import date_field, word


class LogInquiryDialog(QDialog):
    """A quick form; `saved_inquiry` holds the new inquiry's id after Save."""

    def __init__(self, desk: Desk, actor: str, ops: Operations, default_region: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Log inquiry"))
        self._desk, self._actor, self._region, self._ops = desk, actor, default_region, ops
        self.saved_inquiry: int | None = None
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(word(channel.value), channel.value)
        self.identity = QLineEdit()
        self.identity.setPlaceholderText(self.tr("phone, email or WeChat ID, in any format"))
        self.reading = QLabel(" ")
        self.name = QLineEdit()
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
                              (self.tr("Phone / email / WeChat"), self.identity),
                              ("", self.reading), (self.tr("Name"), self.name),
                              (self.tr("Country"), self.country), (self.tr("Article"), self.article),
                              (self.tr("Message"), self.text),
                              (self.followup, self.followup_on), ("", self.error), ("", buttons)):
            form.addRow(label, widget)
        self.identity.textChanged.connect(self._on_identity_changed)
        self.country.textChanged.connect(self._on_identity_changed)

    def _on_identity_changed(self) -> None:
        raw = self.identity.text().strip()
        if not raw:
            self.reading.setText(" ")
            return
        found = normalize_identity(raw, hints=region_hints(self.country.text(), self._region))
        words = {Validity.VALID: self.tr("valid"), Validity.POSSIBLE: self.tr("possible"),
                 Validity.INVALID: self.tr("not valid")}
        where = f" · {found.region}" if found.region else ""
        owner = reads.owner_of(self._desk, found)  # one indexed look-up as a person types
        existing = self.tr(" · existing contact, will be used") if owner else ""
        kind = word(found.kind.value)
        self.reading.setText(f"{kind} {found.value} ({words[found.validity]}{where}){existing}")

    def _draft(self) -> ContactDraft:
        raw = self.identity.text().strip()
        draft = ContactDraft(name=self.name.text().strip(), country=self.country.text().strip())
        if raw:
            found = normalize_identity(raw, hints=region_hints(draft.country, self._region))
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
                          followup_due=due)
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
