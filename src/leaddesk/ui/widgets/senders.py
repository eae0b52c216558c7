"""New senders: the synced mails that wait for a person's decision (an unknown sender, a
sender the receiving server did not verify, a form mail from another address), each with
why it waits and what it says; accept it as an inquiry, or ignore its sender or domain
from now on. A mail whose sender was not verified says so in red: its From may be forged."""

import html
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services import operations, reads
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.import_settings import import_setup
from leaddesk.services.mail.pending import NEW_SENDER, NOT_THE_FORM, NOT_VERIFIED
from leaddesk.services.operations import Outcome
from leaddesk.services.storing import Counts
from leaddesk.settings import Settings
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness

WARNING = QColor("#cf222e")


def _shown(mail: dict[str, Any], text: str) -> str:
    """A waiting mail as HTML, every part of it escaped: a stranger's text is only text."""
    return (f"<b>{html.escape(mail['subject'])}</b><br><small>{html.escape(mail['from'])}</small>"
            f"<br><br>{html.escape(text).replace(chr(10), '<br>')}")


class NewSendersView(QWidget):
    """The mails waiting in triage and the three decisions on each."""

    refetched = Signal()

    def __init__(self, desk: Desk, actor: str, ops: Operations) -> None:
        super().__init__()
        self._desk, self._actor, self._ops = desk, actor, ops
        self._reader, self._texts = Reader(ops), Reader(ops)
        self.fresh = Freshness(self, self.refresh)
        ops.changed.connect(self._on_changed)
        self._waiting: list[dict[str, Any]] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Received"), self.tr("From"), self.tr("Subject"),
                                              self.tr("Why it waits")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._on_row(row))
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # nothing in a stranger's mail is followed or fetched
        self.accept_button = QPushButton(self.tr("Accept as inquiry"))
        self.accept_button.clicked.connect(self._on_accept)
        self.ignore_sender_button = QPushButton(self.tr("Ignore this sender"))
        self.ignore_sender_button.clicked.connect(lambda: self._on_ignore("sender"))
        self.ignore_domain_button = QPushButton(self.tr("Ignore this domain"))
        self.ignore_domain_button.clicked.connect(lambda: self._on_ignore("domain"))
        self.status = QLabel()
        self.error = error_label()
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.ignore_sender_button, self.ignore_domain_button):
            buttons.addWidget(button)
        buttons.addStretch()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.text)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        self._enable(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        if changes.triage or changes.everything:
            self.fresh.changed()

    def refresh(self) -> None:
        """Read the waiting mails off the GUI thread."""
        self._reader.read(partial(reads.waiting_mails, self._desk), self._show)

    def _show(self, waiting: list[dict[str, Any]]) -> None:
        chosen = self.chosen
        self._waiting = waiting
        self.table.setRowCount(len(waiting))
        for row, mail in enumerate(waiting):
            why = mail["reason"]
            received = datetime.fromisoformat(mail["received"]).astimezone()  # the reader's time
            cells = (f"{received:%Y-%m-%d %H:%M}", mail["from"], mail["subject"], self._why(why))
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if why == NOT_VERIFIED:
                    item.setForeground(QBrush(WARNING))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        ids = [mail["id"] for mail in waiting]
        self.table.setCurrentCell(ids.index(chosen) if chosen in ids else (0 if ids else -1), 0)
        if not ids:  # (the status line keeps what the last decision did)
            self.text.setPlainText(self.tr("No mail waits: every sender is known or ignored."))
        self._enable(bool(ids))
        self.refetched.emit()

    def _why(self, reason: str) -> str:
        return {NEW_SENDER: self.tr("A new sender"),
                NOT_VERIFIED: self.tr("Sender not verified: the From may be forged"),
                NOT_THE_FORM: self.tr("Looks like the site form, but from another address"),
                }.get(reason, reason)

    @property
    def chosen(self) -> int | None:
        """The id of the waiting mail selected."""
        row = self.table.currentRow()
        return self._waiting[row]["id"] if 0 <= row < len(self._waiting) else None

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self._waiting):
            return
        mail = self._waiting[row]
        self._texts.read(partial(reads.waiting_mail_text, self._desk, mail["id"]),
                         lambda text: self.text.setHtml(_shown(mail, text)) if self.chosen == mail["id"]
                         else None)  # decided on meanwhile: not shown again

    def _enable(self, on: bool) -> None:
        for button in (self.accept_button, self.ignore_sender_button, self.ignore_domain_button):
            button.setEnabled(on)

    def _on_accept(self) -> None:
        chosen = self.chosen
        if chosen is None:
            return
        setup = import_setup(Settings.load())
        self._decide(lambda: operations.accept_mail(self._desk, chosen, setup.options, actor=self._actor,
                                                    gap_days=setup.gap_days), self._accepted)

    def _accepted(self, counts: Counts) -> None:
        self.status.setText(self.tr("Accepted: {0} new messages, {1} new contacts")
                            .format(counts.messages, counts.created))

    def _on_ignore(self, kind: str) -> None:
        chosen = self.chosen
        if chosen is None:
            return
        self._decide(lambda: operations.ignore_mails(self._desk, chosen, kind, actor=self._actor),
                     self._ignored)

    def _ignored(self, ignored: tuple[str, int]) -> None:
        value, dropped = ignored
        self.status.setText(self.tr("Ignoring {0} from now on; {1} waiting mails dropped")
                            .format(value, dropped))

    def _decide(self, work: Callable[[], Outcome[Any]], then: Callable[[Any], None]) -> None:
        self.error.clear()
        self._enable(False)

        def failed(message: str) -> None:
            self._enable(bool(self._waiting))
            self.error.setText(message)

        self._ops.run(work, done=then, failed=failed)
