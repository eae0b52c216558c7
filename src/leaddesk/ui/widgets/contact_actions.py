"""Under the conversation: move the lead along (lost asks for a reason), give it an owner,
link or confirm its article, and plan the next follow-up. Saves carry the version the
person saw: someone else's change is a conflict."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.vocabulary import ArticleLink, FollowUpKind, Stage
from leaddesk.services import operations
from leaddesk.services.contacts import field_length
from leaddesk.services.desk import Desk
from leaddesk.services.inbox import ContactCard
from leaddesk.services.operations import Outcome
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations
from leaddesk.ui.widgets.article_picker import ArticlePicker
from leaddesk.ui.words import date_field, word


class ContactActions(QWidget):
    """Stage and follow-up for the contact shown; each save is an operation, and the views
    that show what it changed refetch themselves."""

    saved = Signal()  # an operation from here succeeded
    edit_requested = Signal(int)  # the contact shown, to edit in the contact editor
    delete_requested = Signal(int, str)  # the contact shown: its id and name
    mail_requested = Signal(str)  # the inquiry shown, to answer by mail

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._actor, self._ops = desk, actor, ops
        self._contact: tuple[int, int, int] | None = None  # contact, version, inquiry
        self._name = ""
        self.owner = QLineEdit()
        self.owner.setMaxLength(field_length("owner") or 32767)  # as long as the desk keeps
        self.owner.setPlaceholderText(self.tr("who looks after this buyer"))
        self.save_owner = QPushButton(self.tr("Set owner"))
        self.save_owner.clicked.connect(self._on_save_owner)
        self.article = ArticlePicker(desk)
        self.save_article = QPushButton(self.tr("Link article"))
        self.save_article.clicked.connect(self._on_save_article)
        self.stage = QComboBox()
        for stage in Stage:
            self.stage.addItem(word(stage.value), stage.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("why it was lost"))
        self.save_stage = QPushButton(self.tr("Set stage"))
        self.save_stage.clicked.connect(self._on_save_stage)
        self.kind = QComboBox()
        for kind in FollowUpKind:
            self.kind.addItem(word(kind.value), kind.value)
        self.due = date_field(QDate.currentDate().addDays(1))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("what to do"))
        self.add_followup = QPushButton(self.tr("Add follow-up"))
        self.add_followup.clicked.connect(self._on_add_followup)
        self.edit_button = QPushButton(self.tr("Edit contact…"))
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button = QPushButton(self.tr("Delete contact…"))
        self.delete_button.clicked.connect(self._on_delete)
        self.mail_button = QPushButton(self.tr("Write mail…"))
        self.mail_button.clicked.connect(self._on_mail)
        self.error = error_label()
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.mail_button)
        contact_row.addWidget(self.edit_button)
        contact_row.addWidget(self.delete_button)
        contact_row.addStretch()
        stage_row, followup_row = QHBoxLayout(), QHBoxLayout()
        owner_row, article_row = QHBoxLayout(), QHBoxLayout()
        for row, widgets in ((owner_row, [QLabel(self.tr("Owner")), self.owner, self.save_owner]),
                             (article_row, [QLabel(self.tr("Article")), self.article,
                                            self.save_article])):
            for widget in widgets:
                row.addWidget(widget)
            row.setStretch(1, 1)
        stage_widgets: list[QWidget] = [QLabel(self.tr("Stage")), self.stage, self.reason,
                                        self.save_stage]
        followup_widgets: list[QWidget] = [QLabel(self.tr("Follow up")), self.kind, self.due,
                                           self.note, self.add_followup]
        for widget in stage_widgets:
            stage_row.addWidget(widget)
        for widget in followup_widgets:
            followup_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(stage_row)
        layout.addLayout(owner_row)
        layout.addLayout(article_row)
        layout.addLayout(followup_row)
        layout.addLayout(contact_row)
        layout.addWidget(self.error)
        self.stage.currentIndexChanged.connect(self._on_stage_picked)
        self.show_contact(None)

    def show_contact(self, card: ContactCard | None, inquiry_id: int | None = None) -> None:
        """The contact of the inquiry shown, or None to disable."""
        self.setEnabled(card is not None)
        self.error.clear()
        if card is None or inquiry_id is None:
            self._contact = None
            return
        self._contact = (card.id, card.version, inquiry_id)
        self._name = card.name
        self.mail_button.setEnabled(bool(card.emails))
        self.mail_button.setToolTip(
            "" if card.emails else self.tr("No email address: add one in Edit contact"))
        self.stage.setCurrentIndex(max(0, self.stage.findData(card.stage)))
        self._on_stage_picked()
        self.owner.setText(card.owner)
        if self.article.findData(card.article_id) < 0:
            self.article.reload()  # an article added since the list was read
        self.article.choose(card.article_id)
        suggested = card.article_link == ArticleLink.TITLE_MATCH.value
        self.save_article.setText(self.tr("Confirm suggestion") if suggested
                                  else self.tr("Link article"))

    @property
    def contact_id(self) -> int | None:
        """The contact shown, if any."""
        return self._contact[0] if self._contact is not None else None

    def _on_edit(self) -> None:
        if self._contact is not None:
            self.edit_requested.emit(self._contact[0])

    def _on_mail(self) -> None:
        if self._contact is not None:
            self.mail_requested.emit(str(self._contact[2]))

    def _on_delete(self) -> None:
        if self._contact is not None:
            self.delete_requested.emit(self._contact[0], self._name)

    def _on_stage_picked(self) -> None:
        self.reason.setVisible(self.stage.currentData() == Stage.LOST.value)

    def _run(self, action: Callable[[int, int, int], Outcome[Any]],
             then: Callable[[], None] | None = None) -> None:
        if self._contact is None:
            return
        contact = self._contact

        def done(_value: object) -> None:
            self.error.clear()
            if then is not None:
                then()
            self.saved.emit()

        self._ops.run(lambda: action(*contact), done=done, failed=self.error.setText)

    def _on_save_stage(self) -> None:
        stage, reason = self.stage.currentData(), self.reason.text() or None
        self._run(lambda contact, version, _inquiry: operations.set_stage(
            self._desk, contact, stage, actor=self._actor, reason=reason, expected_version=version))

    def _on_save_owner(self) -> None:
        owner = self.owner.text().strip()
        self._run(lambda contact, version, _inquiry: operations.edit_contact(
            self._desk, contact, version, actor=self._actor, owner=owner))

    def _on_save_article(self) -> None:
        if self.article.findText(self.article.currentText()) < 0:
            self.error.setText(self.tr("No such article: pick one from the list"))
            return
        article = self.article.currentData()
        self._run(lambda _contact, _version, inquiry: operations.link_article(
            self._desk, inquiry, article, actor=self._actor))

    def _on_add_followup(self) -> None:
        picked = self.due.date()
        due = datetime.combine(date(picked.year(), picked.month(), picked.day()), time(9))
        kind, note = self.kind.currentData(), self.note.text().strip()

        def cleared() -> None:  # the next follow-up starts afresh
            self.note.clear()
            self.kind.setCurrentIndex(0)

        self._run(lambda contact, _version, inquiry: operations.add_followup(
            self._desk, contact, due.astimezone(UTC), kind, actor=self._actor, note=note,
            inquiry_id=inquiry), cleared)
