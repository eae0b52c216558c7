"""The Follow-ups view: what is overdue, due today and coming up; complete one with an
outcome, or snooze it a day, three days or a week."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from leaddesk.errors import LeadDeskError
from leaddesk.services.desk import Desk
from leaddesk.services.followups import Due, complete_followup, list_followups, snooze_followup
from leaddesk.ui.forms import error_label

SNOOZES = (("1 day", timedelta(days=1)), ("3 days", timedelta(days=3)), ("1 week", timedelta(weeks=1)))


class FollowUpsView(QWidget):
    """Open follow-ups in three groups."""

    changed = Signal()

    def __init__(self, desk: Desk, actor: str) -> None:
        super().__init__()
        self._desk, self._actor = desk, actor
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Contact"), self.tr("Kind"),
                                   self.tr("Note")])
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 180)
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it? (needed to complete)"))
        self.complete_button = QPushButton(self.tr("Complete"))
        self.complete_button.clicked.connect(self._on_complete)
        self.error = error_label()
        actions = QHBoxLayout()
        actions.addWidget(self.outcome, 1)
        actions.addWidget(self.complete_button)
        self.snooze_buttons = []
        for label, delay in SNOOZES:
            button = QPushButton(self.tr("Snooze {0}").format(label))
            button.clicked.connect(lambda _checked=False, d=delay: self._on_snooze(d))
            actions.addWidget(button)
            self.snooze_buttons.append(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        now = datetime.now(UTC)
        with self._desk.transaction() as session:
            everything = list_followups(session, Due.ALL, now=now)
        end_of_day = datetime.combine(now.astimezone().date() + timedelta(days=1),
                                      datetime.min.time()).astimezone(UTC)
        groups = {self.tr("Overdue"): [f for f in everything if f.due_at < now],
                  self.tr("Today"): [f for f in everything if now <= f.due_at < end_of_day],
                  self.tr("Upcoming"): [f for f in everything if f.due_at >= end_of_day]}
        for title, members in groups.items():
            group = QTreeWidgetItem([f"{title} ({len(members)})"])
            self.tree.addTopLevelItem(group)
            for followup in members:
                item = QTreeWidgetItem([followup.due_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                                        followup.contact, followup.kind, followup.note])
                item.setData(0, Qt.ItemDataRole.UserRole, followup.id)
                group.addChild(item)
            group.setExpanded(True)

    def _selected(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_complete(self) -> None:
        self._act(lambda session, followup: complete_followup(
            session, followup, self.outcome.text(), actor=self._actor))

    def _on_snooze(self, delay: timedelta) -> None:
        self._act(lambda session, followup: snooze_followup(session, followup, delay,
                                                            actor=self._actor))

    def _act(self, action: Callable[[Session, int], object]) -> None:
        followup = self._selected()
        if followup is None:
            self.error.setText(self.tr("Choose a follow-up first."))
            return
        try:
            with self._desk.transaction() as session:
                action(session, followup)
        except LeadDeskError as exc:
            self.error.setText(str(exc))
            return
        self.error.clear()
        self.outcome.clear()
        self.refresh()
        self.changed.emit()
