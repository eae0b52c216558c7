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
    Signal,
)

from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.inbox import InboxRow, inbox_ids, inbox_rows
from leaddesk.ui.tasks import Task
from leaddesk.ui.words import country, word

BLOCK = 200
FEW = 50  # changed inquiries looked for one by one; more, and the list is read again
KEPT_BLOCKS = 16  # blocks of rows kept read: a screenful and what lies around it


class RowCache:
    """The rows read so far, a block at a time, at most KEPT_BLOCKS blocks: scrolling
    through a million inquiries keeps the memory of a few screens, the blocks farthest
    from where the person is looking go first."""

    def __init__(self) -> None:
        self._blocks: dict[int, dict[int, InboxRow]] = {}

    def block(self, start: int) -> dict[int, InboxRow] | None:
        return self._blocks.get(start)

    def keep(self, start: int, rows: dict[int, InboxRow]) -> None:
        self._blocks[start] = rows
        while len(self._blocks) > KEPT_BLOCKS:
            del self._blocks[max(self._blocks, key=lambda other: abs(other - start))]

    def forget(self, start: int) -> None:
        self._blocks.pop(start, None)

    def clear(self) -> None:
        self._blocks = {}

    def rows_of_contacts(self, contacts: frozenset[int], ids: list[int]) -> list[int]:
        """The rows (positions) read so far whose inquiry belongs to one of these contacts."""
        found = []
        for start, rows in self._blocks.items() if contacts else ():
            found += [start + offset for offset, inquiry_id in enumerate(ids[start:start + BLOCK])
                      if inquiry_id in rows and rows[inquiry_id].contact_id in contacts]
        return found

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._blocks.values())


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
    """Inquiries as table rows, fetched from the desk in blocks on demand.

    A reload reads the first block of ids at once (what the screen shows) and the rest on
    a worker thread; they are appended when they arrive and `counted` says how many."""

    counted = Signal(int)  # every matching id is known: this many

    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._ids: list[int] = []
        self._cache = RowCache()
        self._sort = ("last_message", True)
        self._only: list[int] | None = None
        self._loaded = False  # nothing is read until the window asks: sorting set-up is free
        self._readers: list[Task] = []  # the newest last; older ones are overtaken
        self.complete = False

    def reload(self, only: list[int] | None = None, keep_filter: bool = False) -> None:
        """Read the matching ids again (after a change, a search, or a new sort order)."""
        if not keep_filter:
            self._only = only
        with self._desk.transaction() as session:
            first = inbox_ids(session, *self._sort, only=self._only, limit=BLOCK)
        self.beginResetModel()
        self._ids = first
        self._cache.clear()
        self.endResetModel()
        self._loaded = True
        self.complete = len(first) < BLOCK
        if self.complete:
            self.counted.emit(len(first))
        else:
            self._read_the_rest()

    def _read_the_rest(self) -> None:
        sort, only = self._sort, self._only

        def work(_progress: object, _cancel: object) -> object:
            with self._desk.transaction() as session:
                return inbox_ids(session, *sort, only=only)

        reader = Task(work)  # type: ignore[arg-type]
        reader.finished.connect(self._on_rest_read)
        reader.failed.connect(self._on_rest_failed)
        self._readers.append(reader)
        reader.start()

    def _on_rest_read(self, ids: list[int]) -> None:
        if not self._done_reading(self.sender()):
            return  # overtaken by a newer reload: its order or filter is gone
        shown = len(self._ids)
        if ids[:shown] == self._ids and len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self.endInsertRows()
        elif ids[:shown] != self._ids:  # the desk changed in between: show what is there now
            self.beginResetModel()
            self._ids = ids
            self._cache.clear()
            self.endResetModel()
        self.complete = True
        self.counted.emit(len(self._ids))

    def _on_rest_failed(self, _message: str) -> None:
        if self._done_reading(self.sender()):
            self.complete = True  # the first block stays; the next reload tries again
            self.counted.emit(len(self._ids))

    def _done_reading(self, reader: object) -> bool:
        """Forget a finished reader; whether it was the newest."""
        newest = bool(self._readers) and reader is self._readers[-1]
        for task in [t for t in self._readers if t is reader]:
            task.wait()  # already on its way out
            self._readers.remove(task)
        return newest

    def wait(self) -> None:
        """Let reads in progress finish (before the window closes)."""
        for reader in self._readers:
            reader.wait()

    def inquiry_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row: int) -> InboxRow | None:
        """The row's inquiry as shown (read with its block when first needed); None for a
        row out of range or one that could not be read (shown as unavailable)."""
        inquiry_id = self.inquiry_id(row)
        if inquiry_id is None:
            return None
        start = row - row % BLOCK
        block = self._cache.block(start)
        if block is None:
            try:
                with self._desk.transaction() as session:
                    block = inbox_rows(session, self._ids[start:start + BLOCK])
            except Exception:  # never from data(): the row says it could not be read, and
                block = {}  # the next look (after the desk changed) tries again
            self._cache.keep(start, block)
        return block.get(inquiry_id)

    @property
    def cached_rows(self) -> int:
        """How many rows are held read (a few screens' worth at most)."""
        return len(self._cache)

    def row_for(self, inquiry_id: int) -> int | None:
        """Where an inquiry is in the list (None when it is not in it)."""
        try:
            return self._ids.index(inquiry_id)
        except ValueError:
            return None

    def on_changed(self, changes: Changes) -> bool:
        """Forget the rows a change touched and have them read again; whether the list
        itself must be read again (new inquiries, or everything changed)."""
        if changes.everything or len(changes.inquiries) > FEW:
            return True  # cheaper to read the list again than to look for each
        if any(inquiry_id not in self._ids for inquiry_id in changes.inquiries):
            return True  # a new one, or one this list does not show
        touched = [self._ids.index(inquiry_id) for inquiry_id in changes.inquiries]  # a few, at C speed
        touched += self._cache.rows_of_contacts(changes.contacts, self._ids)
        for start in {row - row % BLOCK for row in touched}:
            self._cache.forget(start)
        for row in touched:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return False

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
            if index.column() == 0 and self.inquiry_id(index.row()) is not None:
                return self.tr("(unavailable)") if role == Qt.ItemDataRole.DisplayRole else \
                    self.tr("This inquiry could not be read; it is tried again after the next change")
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
