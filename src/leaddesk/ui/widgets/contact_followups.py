"""In the detail pane: the shown contact's open follow-ups, each with Done (say what came
of it, then Enter) and Snooze (a day, three days, a week)."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services import operations
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.followups import FollowUpSummary
from leaddesk.services.timeline import read_open_followups
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.widgets.followups import SNOOZES
from leaddesk.ui.widgets.timeline import LATE, when
from leaddesk.ui.words import word

SHOWN = 5  # follow-ups listed under a conversation; the Follow-ups view has them all


class FollowUpRow(QWidget):
    """One open follow-up: what and when, Done, Snooze."""

    def __init__(self, followup: FollowUpSummary, late: bool, owner: "ContactFollowUps") -> None:
        super().__init__()
        self.followup_id = followup.id
        text = self.tr("{0} due {1}").format(word(followup.kind), when(followup.due_at))
        self.label = QLabel(text + (f" · {followup.note}" if followup.note else ""))
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a note is text, never markup
        self.label.setToolTip(self.label.text())
        # a long note is cut, not the conversation's room taken (the tooltip has it whole)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if late:
            self.label.setStyleSheet(f"color: {LATE}")
        self.done_button = QPushButton(self.tr("Done"))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it? Enter saves"))
        self.save_button = QPushButton(self.tr("Save"))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        labels = (self.tr("1 day"), self.tr("3 days"), self.tr("1 week"))
        for label, (_english, delay) in zip(labels, SNOOZES, strict=True):
            action = menu.addAction(label)
            action.triggered.connect(lambda _checked=False, d=delay: owner.snooze(followup.id, d))
        self.snooze_button.setMenu(menu)
        self.done_button.clicked.connect(self._on_done_clicked)
        self.outcome.returnPressed.connect(self._on_save)
        self.save_button.clicked.connect(self._on_save)
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.outcome)
        cancel.setContext(Qt.ShortcutContext.WidgetShortcut)
        cancel.activated.connect(lambda: self.ask_outcome(False))
        self._owner = owner
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.outcome, 2)  # what a person types gets the room while they type it
        row.addWidget(self.save_button)
        row.addWidget(self.done_button)
        row.addWidget(self.snooze_button)
        self.ask_outcome(False)

    def ask_outcome(self, asking: bool) -> None:
        """Show the outcome field (Done was clicked), or the buttons."""
        self.outcome.setVisible(asking)
        self.save_button.setVisible(asking)
        self.done_button.setVisible(not asking)
        if asking:
            self.outcome.setFocus()

    def _on_done_clicked(self) -> None:
        self.ask_outcome(True)

    def _on_save(self) -> None:
        self._owner.complete(self.followup_id, self.outcome.text())


class ContactFollowUps(QWidget):
    """The open follow-ups of the contact shown; hidden when it has none."""

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._actor, self._ops = desk, actor, ops
        self._reader = Reader(ops)
        self._contact: int | None = None
        self._ids: set[int] = set()
        ops.changed.connect(self._on_changed)
        self.title = QLabel()
        self.more = QLabel()
        self.error = error_label()
        self.rows: list[FollowUpRow] = []
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self._list)
        layout.addWidget(self.more)
        layout.addWidget(self.error)
        self.setVisible(False)

    def show_contact(self, contact_id: int | None) -> None:
        """List a contact's open follow-ups (read off the GUI thread), or none."""
        if contact_id == self._contact:
            return
        self._contact = contact_id
        self.error.clear()
        self._fill([])
        if contact_id is not None:
            self._refetch()

    def _on_changed(self, changes: Changes) -> None:
        if self._contact is not None and (changes.touches_contacts([self._contact])
                                          or not changes.followups.isdisjoint(self._ids)):
            self._refetch()

    def _refetch(self) -> None:
        contact = self._contact
        if contact is None:
            return
        self._reader.read(lambda: read_open_followups(self._desk, contact),
                          lambda found: self._fill(found) if contact == self._contact else None)

    def _fill(self, followups: list[FollowUpSummary]) -> None:
        asked = {row.followup_id: row.outcome.text() for row in self.rows if row.outcome.isVisibleTo(row)}
        for row in self.rows:
            self._list.removeWidget(row)
            row.deleteLater()
        now = datetime.now(UTC)
        self.rows = [FollowUpRow(f, f.due_at < now, self) for f in followups[:SHOWN]]
        self._ids = {f.id for f in followups}
        for row in self.rows:
            self._list.addWidget(row)
            if row.followup_id in asked:  # a person was typing an outcome: keep it
                row.ask_outcome(True)
                row.outcome.setText(asked[row.followup_id])
        self.title.setText("<b>" + self.tr("Open follow-ups") + f"</b> ({len(followups)})")
        hidden = len(followups) - len(self.rows)
        self.more.setText(self.tr("{0} more in Follow-ups").format(hidden) if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        self.setVisible(bool(followups))

    def complete(self, followup_id: int, outcome: str) -> None:
        """Say what came of a follow-up (an operation; the list follows from its changes)."""
        self._ops.run(lambda: operations.complete_followup(self._desk, followup_id, outcome,
                                                           actor=self._actor),
                      done=lambda _value: self.error.clear(), failed=self.error.setText)

    def snooze(self, followup_id: int, delay: timedelta) -> None:
        """Put a follow-up off by `delay`."""
        self._ops.run(lambda: operations.snooze_followup(self._desk, followup_id, delay,
                                                         actor=self._actor),
                      done=lambda _value: self.error.clear(), failed=self.error.setText)
