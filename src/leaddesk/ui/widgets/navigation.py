"""The navigation: each view's icon and name, and beside it what needs attention there
(unanswered inquiries, follow-ups due by tonight, duplicates to decide), read off the GUI
thread and read again shortly after the desk changes."""

from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from leaddesk.services import reads
from leaddesk.services.attention import MANY, Attention
from leaddesk.services.desk import Desk
from leaddesk.ui.icons import icon
from leaddesk.ui.operations import Operations, Reader

VIEW_ROLE = Qt.ItemDataRole.UserRole + 1  # which view a navigation item shows
AFTER_CHANGE_MS = 300  # a burst of changes (an import's) is counted once
CLOCK_MS = 60_000  # follow-ups fall due as time passes, with no change to the desk
ICON_SIZE = 20


class Navigation(QListWidget):
    """The list of views, with counts beside those that need attention."""

    counted = Signal(object)  # Attention: the counts shown were read again

    def __init__(self, desk: Desk, ops: Operations) -> None:
        super().__init__()
        self._desk = desk
        self._reader = Reader(ops)
        self._titles: dict[str, str] = {}
        self._items: dict[str, QListWidgetItem] = {}
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._soon = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.refetch)
        ops.changed.connect(lambda _changes: self._soon.start())
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self.refetch)
        self._clock.start()
        self.refetch()

    def add_view(self, key: str, title: str) -> QListWidgetItem:
        """A view's entry (its icon is resources/icons/<key>.svg)."""
        item = QListWidgetItem(icon(key), title)
        item.setData(VIEW_ROLE, key)
        self.addItem(item)
        self._titles[key], self._items[key] = title, item
        self.fit()
        return item

    def refetch(self) -> None:
        """Count again what needs attention (off the GUI thread)."""
        self._reader.read(partial(reads.attention, self._desk), self._show)

    def _show(self, attention: Attention) -> None:
        unanswered = f"{MANY - 1}+" if attention.unanswered >= MANY else str(attention.unanswered)
        counts = {"inbox": (attention.unanswered, unanswered, self.tr(
                      "%n inquiries of the last two weeks wait for an answer", "", attention.unanswered)),
                  "followups": (attention.followups, str(attention.followups), self.tr(
                      "{0} overdue, {1} due today").format(attention.overdue, attention.due_today)),
                  "duplicates": (attention.duplicates, str(attention.duplicates), self.tr(
                      "%n pairs of contacts to look at", "", attention.duplicates)),
                  "senders": (attention.new_senders, str(attention.new_senders), self.tr(
                      "%n mails from new senders wait for a decision", "", attention.new_senders))}
        for key, (count, shown, said) in counts.items():
            item = self._items.get(key)
            if item is None:
                continue
            item.setText(f"{self._titles[key]} ({shown})" if count else self._titles[key])
            item.setToolTip(said if count else "")
            font = item.font()
            font.setBold(bool(count))  # as a mail client marks a folder with unread mail
            item.setFont(font)
        self.fit()
        self.counted.emit(attention)

    def sizeHint(self) -> QSize:
        """As wide as the widest name with a count (so that a count never cuts a name),
        a long saved search's name cut at some thirty characters."""
        bold = QFont(self.font())
        bold.setBold(True)
        texts = [f"{title} ({MANY - 1}+)" for title in self._titles.values()]
        texts += [self.item(row).text() for row in range(self.count())
                  if self.item(row).data(VIEW_ROLE) is None]  # the saved searches
        widest = min(max((QFontMetrics(bold).horizontalAdvance(t) for t in texts), default=100),
                     30 * self.fontMetrics().averageCharWidth())
        margins = 2 * self.frameWidth() + self.iconSize().width() + 24  # the icon's gap, padding
        return QSize(widest + margins, super().sizeHint().height())

    def fit(self) -> None:
        """Take the width the names and counts need."""
        self.setFixedWidth(self.sizeHint().width())
