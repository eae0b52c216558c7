"""A contact's whole history, oldest first: every inquiry with its channel (click one to
open its conversation), follow-ups open and done, stage changes and notes."""

import html
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.vocabulary import Channel
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.timeline import (
    PAGE,
    Entry,
    FollowUpEntry,
    InquiryEntry,
    NoteEntry,
    StageEntry,
    Timeline,
    read_timeline,
)
from leaddesk.ui.icons import channel_icon
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness
from leaddesk.ui.words import word

INQUIRY_ROLE = Qt.ItemDataRole.UserRole  # the inquiry an entry opens
LATE = "#cf222e"  # an open follow-up past its time, readable light and dark


def when(moment: datetime) -> str:
    """A moment as the timeline shows it, in the user's time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ContactTimeline(QWidget):
    """The history of one contact, read off the GUI thread when it is on screen and read
    again when a change touches that contact or one of its inquiries."""

    inquiry_chosen = Signal(int)  # a person clicked an inquiry: open its conversation
    refetched = Signal()  # what it shows was read again

    def __init__(self, desk: Desk, ops: Operations, page: int = PAGE) -> None:
        super().__init__()
        self._desk, self._page = desk, page
        self._limit = page  # "Show earlier" reads another page
        self._reader = Reader(ops)
        self._contact: int | None = None
        self._shown: Timeline | None = None
        self.fresh = Freshness(self, self._refetch)
        ops.changed.connect(self._on_changed)
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.earlier_button = QPushButton(self.tr("Show earlier"))
        self.earlier_button.clicked.connect(self._on_show_earlier)
        self.earlier_button.hide()
        self.entries = QTreeWidget()
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setUniformRowHeights(True)
        self.entries.setHeaderLabels([self.tr("When"), self.tr("Kind"), self.tr("What")])
        self.entries.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 16)
        kinds = [self.tr("Follow-up"), self.tr("Stage"), self.tr("Note"),
                 *(word(channel.value) for channel in Channel)]  # a channel with its mark
        self.entries.setColumnWidth(1, max(map(self.fontMetrics().horizontalAdvance, kinds))
                                    + self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 24)
        self.entries.itemClicked.connect(self._on_item_chosen)
        self.entries.itemActivated.connect(self._on_item_chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.earlier_button)
        layout.addLayout(top)
        layout.addWidget(self.entries, 1)
        self.show_contact(None)

    @property
    def contact_id(self) -> int | None:
        """The contact whose history is shown (or being read)."""
        return self._contact

    def show_contact(self, contact_id: int | None) -> None:
        """Show a contact's history (read when the timeline is on screen), or nothing."""
        if contact_id == self._contact and contact_id is not None:
            return
        self._contact, self._shown, self._limit = contact_id, None, self._page
        self.entries.clear()
        self.earlier_button.hide()
        if contact_id is None:
            self.head.setText("<i>" + self.tr("Select a contact to see its whole history.") + "</i>")
            return
        self.head.setText(self.tr("Reading the history…"))
        self.fresh.changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        if self._contact is None:
            return
        inquiries = [e.inquiry_id for e in self._shown.entries
                     if isinstance(e, InquiryEntry)] if self._shown else []
        if changes.touches_contacts([self._contact]) or changes.touches_inquiries(inquiries):
            self.fresh.changed()

    def _refetch(self) -> None:
        contact = self._contact
        if contact is None:
            return
        limit = self._limit
        self._reader.read(lambda: read_timeline(self._desk, contact, limit),
                          lambda timeline: self._show(contact, timeline))

    def _show(self, contact: int, timeline: Timeline | None) -> None:
        if contact != self._contact:
            return
        self._shown = timeline
        self.entries.clear()
        if timeline is None:
            self.head.setText("<i>" + self.tr("This contact is no longer on the desk.") + "</i>")
            self.refetched.emit()
            return
        head = self.tr("History of {0}").format(html.escape(timeline.name) or self.tr("(no name)"))
        if timeline.not_shown and timeline.since is not None:
            head += " · " + self.tr("{0} earlier entries not shown (before {1})").format(
                f"{timeline.not_shown:,}", when(timeline.since))
        self.head.setText(head)
        self.earlier_button.setVisible(timeline.not_shown > 0)
        now = datetime.now(UTC)
        link = self.palette().color(QPalette.ColorRole.Link)
        for entry in timeline.entries:
            item = QTreeWidgetItem([when(entry.at), *self._words(entry)])
            item.setToolTip(2, item.text(2))
            if isinstance(entry, InquiryEntry):
                item.setIcon(1, channel_icon(entry.channel))  # one icon per channel, made once
                item.setData(0, INQUIRY_ROLE, entry.inquiry_id)
                item.setForeground(2, QBrush(link))
                item.setToolTip(2, self.tr("Open the conversation") + "\n" + item.text(2))
            elif isinstance(entry, FollowUpEntry) and entry.done_at is None and entry.due_at < now:
                item.setForeground(2, QBrush(LATE))
            self.entries.addTopLevelItem(item)
        if self._limit > self._page:  # "Show earlier": what was asked for
            self.entries.scrollToTop()
        else:  # the newest, and what is still to do
            self.entries.scrollToBottom()
        self.refetched.emit()

    def _words(self, entry: Entry) -> tuple[str, str]:
        """Where an entry happened and what it was, as a person reads it."""
        if isinstance(entry, InquiryEntry):
            what = self.tr("%n messages", "", entry.messages) + ", " + self.tr("last {0}").format(
                when(entry.last_message_at))
            return word(entry.channel), f"{entry.title or self.tr('(no text)')} · {what}"
        if isinstance(entry, FollowUpEntry):
            note = f" · {entry.note}" if entry.note else ""
            if entry.done_at is not None:
                return self.tr("Follow-up"), self.tr("{0} done: {1}").format(
                    word(entry.kind), entry.outcome or "") + note
            return self.tr("Follow-up"), self.tr("{0} due").format(word(entry.kind)) + note
        if isinstance(entry, StageEntry):
            moved = f"{word(entry.before)} → {word(entry.after)}"
            return self.tr("Stage"), moved + (f": {entry.reason}" if entry.reason else "")
        assert isinstance(entry, NoteEntry)
        return self.tr("Note"), " ".join(entry.text.split())

    def _on_show_earlier(self) -> None:
        self._limit += self._page
        self._refetch()

    def _on_item_chosen(self, item: QTreeWidgetItem, _column: int) -> None:
        inquiry = item.data(0, INQUIRY_ROLE)
        if inquiry is not None:
            self.inquiry_chosen.emit(int(inquiry))
