"""The Follow-ups view: what is overdue, due today and coming up; complete one with an
outcome, or snooze it a day, three days or a week."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services import operations, reads
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.followups import FollowUpSummary
from leaddesk.services.operations import Outcome
from leaddesk.ui.context_menu import Entry, offer
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness
from leaddesk.ui.words import day_time, word

SNOOZES = ((QT_TRANSLATE_NOOP("FollowUpsView", "Snooze 1 day"), timedelta(days=1)),
           (QT_TRANSLATE_NOOP("FollowUpsView", "Snooze 3 days"), timedelta(days=3)),
           (QT_TRANSLATE_NOOP("FollowUpsView", "Snooze 1 week"), timedelta(weeks=1)))
LATE = QColor("#cf222e")  # a follow-up of today already past its hour


class FollowUpsView(QWidget):
    """Open follow-ups in three groups."""

    refetched = Signal()  # what it shows was read again

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._actor, self._ops = desk, actor, ops
        self._reader = Reader(ops)
        self.fresh = Freshness(self, self.refetch)
        ops.changed.connect(self._on_changed)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Contact"), self.tr("Kind"),
                                   self.tr("Note")])
        header = self.tree.header()
        for column in (0, 1, 2):  # the due time, name and kind whole; the note takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
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
            button = QPushButton(self.tr(str(label)))
            button.clicked.connect(lambda _checked=False, d=delay: self._on_snooze(d))
            actions.addWidget(button)
            self.snooze_buttons.append(button)
        offer(self.tree, self._row_menu)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addWidget(self.error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or changes.followups or changes.contacts:  # the names shown too
            self.fresh.changed()

    def refetch(self) -> None:
        """Read the open follow-ups again (off the GUI thread)."""
        now = datetime.now(UTC)

        self._reader.read(partial(reads.followups_open, self._desk, now),
                          lambda everything: self._show(everything, now))

    def _show(self, everything: list[FollowUpSummary], now: datetime) -> None:
        chosen = self._selected()
        self.tree.clear()
        today = now.astimezone().date()
        start_of_day = datetime.combine(today, datetime.min.time()).astimezone(UTC)
        end_of_day = datetime.combine(today + timedelta(days=1), datetime.min.time()).astimezone(UTC)
        groups = {self.tr("Overdue"): [f for f in everything if f.due_at < start_of_day],
                  self.tr("Today"): [f for f in everything if start_of_day <= f.due_at < end_of_day],
                  self.tr("Upcoming"): [f for f in everything if f.due_at >= end_of_day]}
        for title, members in groups.items():
            group = QTreeWidgetItem([f"{title} ({len(members)})"])
            self.tree.addTopLevelItem(group)
            for followup in members:
                late = start_of_day <= followup.due_at < now  # today's, its hour gone
                due = day_time(followup.due_at) + (self.tr(" (late)") if late else "")
                item = QTreeWidgetItem([due, followup.contact, word(followup.kind), followup.note])
                if late:
                    item.setForeground(0, LATE)
                item.setData(0, Qt.ItemDataRole.UserRole, followup.id)
                group.addChild(item)
                if followup.id == chosen:
                    self.tree.setCurrentItem(item)
            group.setExpanded(True)
        self.refetched.emit()

    def _row_menu(self) -> list[Entry]:
        """What a right-click on a follow-up offers: complete it (its outcome typed below), snooze it."""
        chosen = self._selected() is not None
        return [(self.tr("Complete…"), self.outcome.setFocus, chosen),
                (self.tr("Snooze"), [(self.tr(str(label)), lambda d=delay: self._on_snooze(d), chosen)
                                     for label, delay in SNOOZES])]

    def _selected(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_complete(self) -> None:
        outcome = self.outcome.text()
        self._act(lambda followup: operations.complete_followup(self._desk, followup, outcome,
                                                                actor=self._actor))

    def _on_snooze(self, delay: timedelta) -> None:
        self._act(lambda followup: operations.snooze_followup(self._desk, followup, delay,
                                                              actor=self._actor))

    def _act(self, action: Callable[[int], Outcome[Any]]) -> None:
        followup = self._selected()
        if followup is None:
            self.error.setText(self.tr("Choose a follow-up first."))
            return
        self._ops.run(lambda: action(followup), done=self._on_done, failed=self.error.setText)

    def _on_done(self, _value: object) -> None:
        self.error.clear()
        self.outcome.clear()
