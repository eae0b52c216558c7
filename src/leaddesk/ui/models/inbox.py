"""The inbox table: it keeps only the matching inquiry ids and fetches rows in blocks as
they scroll into view, so a desk of a million messages opens at once."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from leaddesk.services.desk import Desk
from leaddesk.services.inbox import InboxRow, inbox_ids, inbox_rows
from leaddesk.ui.words import country, word

BLOCK = 200


def _when(moment: datetime | None, pattern: str) -> str:
    return moment.astimezone().strftime(pattern) if moment else ""


COLUMNS = [  # header, sort key, value
    (QT_TRANSLATE_NOOP("InboxModel", "Contact"), "contact", lambda r: r.contact),
    (QT_TRANSLATE_NOOP("InboxModel", "Company"), "company", lambda r: r.company),
    (QT_TRANSLATE_NOOP("InboxModel", "Country"), "country", lambda r: country(r.country)),
    (QT_TRANSLATE_NOOP("InboxModel", "Channel"), "channel", lambda r: word(r.channel)),
    (QT_TRANSLATE_NOOP("InboxModel", "Last message"), "last_message",
     lambda r: _when(r.last_message_at, "%Y-%m-%d %H:%M")),
    (QT_TRANSLATE_NOOP("InboxModel", "Stage"), "stage", lambda r: word(r.stage)),
    (QT_TRANSLATE_NOOP("InboxModel", "Next follow-up"), None,
     lambda r: _when(r.next_followup, "%Y-%m-%d")),
    (QT_TRANSLATE_NOOP("InboxModel", "Article"), None, lambda r: r.article),
]
Index = QModelIndex | QPersistentModelIndex
ColumnValue = Callable[[InboxRow], Any]


class InboxModel(QAbstractTableModel):
    """Inquiries as table rows, fetched from the desk in blocks on demand."""

    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._ids: list[int] = []
        self._cache: dict[int, InboxRow] = {}
        self._sort = ("last_message", True)
        self._only: list[int] | None = None
        self._loaded = False  # nothing is read until the window asks: sorting set-up is free

    def reload(self, only: list[int] | None = None, keep_filter: bool = False) -> None:
        """Read the matching ids again (after a change, a search, or a new sort order)."""
        if not keep_filter:
            self._only = only
        with self._desk.transaction() as session:
            ids = inbox_ids(session, *self._sort, only=self._only)
        self.beginResetModel()
        self._ids, self._cache = ids, {}
        self.endResetModel()
        self._loaded = True

    def inquiry_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row: int) -> InboxRow | None:
        inquiry_id = self.inquiry_id(row)
        if inquiry_id is None:
            return None
        if inquiry_id not in self._cache:
            start = row - row % BLOCK
            block = self._ids[start:start + BLOCK]
            with self._desk.transaction() as session:
                self._cache.update(inbox_rows(session, block))
        return self._cache.get(inquiry_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("InboxModel", str(COLUMNS[section][0]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_of(index.row())
        if row is None:
            return None
        value: ColumnValue = COLUMNS[index.column()][2]
        return value(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if key is None or wanted == self._sort:
            return
        self._sort = wanted  # type: ignore[assignment]
        if self._loaded:
            self.reload(keep_filter=True)
