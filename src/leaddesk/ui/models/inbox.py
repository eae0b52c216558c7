"""The inbox table: it keeps only the matching inquiry ids and fetches rows in blocks as
they scroll into view, so a desk of a million messages opens at once."""

from collections.abc import Callable
from dataclasses import dataclass
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
from PySide6.QtGui import QIcon

from leaddesk.services import reads
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.services.inbox import InboxRow
from leaddesk.ui.icons import channel_icon
from leaddesk.ui.tasks import Task
from leaddesk.ui.words import country, day, day_time, word

BLOCK = 200
FEW = 50  # changed inquiries looked for one by one; more, and the list is read again
KEPT_BLOCKS = 16  # blocks of rows kept read: a screenful and what lies around it


@dataclass(frozen=True)
class Block:
    """A block of rows as read, and their cells' texts as shown (made once, where the
    block is read: a scroll only looks them up)."""

    rows: dict[int, InboxRow]
    texts: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, rows: dict[int, InboxRow]) -> "Block":
        values: list[ColumnValue] = [column[2] for column in COLUMNS]
        return cls(rows, {inquiry_id: tuple(str(value(row)) for value in values)
                          for inquiry_id, row in rows.items()})


class RowCache:
    """The rows read so far, a block at a time, at most KEPT_BLOCKS blocks: scrolling
    through a million inquiries keeps the memory of a few screens, the blocks farthest
    from where the person is looking go first."""

    def __init__(self) -> None:
        self._blocks: dict[int, Block] = {}

    def block(self, start: int) -> Block | None:
        return self._blocks.get(start)

    def keep(self, start: int, rows: Block) -> None:
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
        for start, block in self._blocks.items() if contacts else ():
            rows = block.rows
            found += [start + offset for offset, inquiry_id in enumerate(ids[start:start + BLOCK])
                      if inquiry_id in rows and rows[inquiry_id].contact_id in contacts]
        return found

    def __len__(self) -> int:
        return sum(len(block.rows) for block in self._blocks.values())


COLUMNS = [  # header, sort key, value
    (QT_TRANSLATE_NOOP("InboxModel", "Contact"), "contact", lambda r: r.contact),
    (QT_TRANSLATE_NOOP("InboxModel", "Company"), "company", lambda r: r.company),
    (QT_TRANSLATE_NOOP("InboxModel", "Country"), "country", lambda r: country(r.country)),
    (QT_TRANSLATE_NOOP("InboxModel", "Channel"), "channel", lambda r: word(r.channel)),
    (QT_TRANSLATE_NOOP("InboxModel", "Last message"), "last_message",
     lambda r: day_time(r.last_message_at) if r.last_message_at else ""),
    (QT_TRANSLATE_NOOP("InboxModel", "Stage"), "stage", lambda r: word(r.stage)),
    (QT_TRANSLATE_NOOP("InboxModel", "Follow-up"), None,
     lambda r: day(r.next_followup) if r.next_followup else ""),
    (QT_TRANSLATE_NOOP("InboxModel", "Article"), None, lambda r: r.article),
]
Index = QModelIndex | QPersistentModelIndex
_SHOWN_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})
CHANNEL_COLUMN = 3  # its text has the channel's mark beside it
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
        self._ahead: dict[int, Task] = {}  # blocks being read before they scroll into view
        self._generation = 0  # counts what makes a block read ahead stale (a reset, a change)
        self._looked_at = (-1, 0)  # the block last shown (and when): its neighbours are read ahead
        self._marks: dict[str, QIcon] = {}  # one icon per channel, made when first shown
        self.complete = False
        self._closed = False  # the window closed: nothing more is read

    def reload(self, only: list[int] | None = None, keep_filter: bool = False) -> None:
        """Read the matching ids again (after a change, a search, or a new sort order)."""
        if self._closed:
            return
        if not keep_filter:
            self._only = only
        first = reads.inbox_ids(self._desk, *self._sort, self._only, limit=BLOCK)  # one page
        self.beginResetModel()
        self._ids = first
        self._cache.clear()
        self._generation += 1
        self.endResetModel()
        self._loaded = True
        self.complete = len(first) < BLOCK
        if self.complete:
            self.counted.emit(len(first))
        else:
            self._read_the_rest()

    def _read_the_rest(self) -> None:
        if self._closed:
            return
        sort, only = self._sort, self._only

        def work(_progress: object, _cancel: object) -> object:
            return reads.inbox_ids(self._desk, *sort, only)

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
            self._generation += 1
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
        """Let reads in progress finish and start no more (the window closes)."""
        self._closed = True
        for reader in [*self._readers, *self._ahead.values()]:
            reader.wait()

    def inquiry_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row: int) -> InboxRow | None:
        """The row's inquiry as shown (read with its block when first needed); None for a
        row out of range or one that could not be read (shown as unavailable)."""
        inquiry_id = self.inquiry_id(row)
        return None if inquiry_id is None else self._block_of(row).rows.get(inquiry_id)

    def _block_of(self, row: int) -> Block:
        start = row - row % BLOCK
        block = self._cache.block(start)
        if block is None:
            try:
                block = self._read_block(self._ids[start:start + BLOCK])
            except Exception:  # never from data(): the row says it could not be read, and
                block = Block({}, {})  # the next look (after the desk changed) tries again
            self._cache.keep(start, block)
        if (start, self._generation) != self._looked_at:
            self._looked_at = (start, self._generation)
            self._read_ahead(start)
        return block

    def _read_block(self, ids: list[int]) -> Block:
        return Block.of(reads.inbox_rows(self._desk, ids))

    def _read_ahead(self, start: int) -> None:
        """Read the blocks on either side of the one looked at, on a worker: scrolling on
        finds them read instead of waiting for the desk."""
        if self._closed:
            return
        for near in (start + BLOCK, start - BLOCK):
            if not 0 <= near < len(self._ids) or near in self._ahead or self._cache.block(near) is not None:
                continue
            ids, generation = self._ids[near:near + BLOCK], self._generation

            def work(_progress: object, _cancel: object, near: int = near, ids: list[int] = ids,
                     generation: int = generation) -> tuple[int, int, Block]:
                return near, generation, self._read_block(ids)

            task = Task(work)  # type: ignore[arg-type]
            task.finished.connect(self._on_read_ahead)
            task.failed.connect(self._on_read_ahead_failed)
            self._ahead[near] = task
            task.start()

    def _on_read_ahead(self, answer: tuple[int, int, Block]) -> None:
        near, generation, rows = answer
        self._ahead.pop(near, None)
        if generation == self._generation and self._cache.block(near) is None:
            self._cache.keep(near, rows)

    def _on_read_ahead_failed(self, _message: str) -> None:
        for near in [n for n, task in self._ahead.items() if task is self.sender()]:
            del self._ahead[near]  # read when it is looked at, as without reading ahead

    @property
    def reading_ahead(self) -> bool:
        """Whether blocks are being read before they scroll into view."""
        return bool(self._ahead)

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
        itself must be read again (new inquiries, or everything changed). Inquiries that
        are no more (an undone import) leave the list at once, before any read."""
        if changes.removed and not changes.removed.isdisjoint(self._ids):
            self.beginResetModel()
            self._ids = [inquiry_id for inquiry_id in self._ids if inquiry_id not in changes.removed]
            self._cache.clear()
            self._generation += 1
            self.endResetModel()
        if changes.everything or len(changes.inquiries) > FEW:
            return True  # cheaper to read the list again than to look for each
        if any(inquiry_id not in self._ids for inquiry_id in changes.inquiries):
            return True  # a new one, or one this list does not show
        touched = [self._ids.index(inquiry_id) for inquiry_id in changes.inquiries]  # a few, at C speed
        touched += self._cache.rows_of_contacts(changes.contacts, self._ids)
        for start in {row - row % BLOCK for row in touched}:
            self._cache.forget(start)
        self._generation += 1
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
        if role == Qt.ItemDataRole.DecorationRole and index.column() == CHANNEL_COLUMN:
            return self._mark(index.row())
        if role not in _SHOWN_ROLES or not index.isValid():  # asked ~8 times a cell a paint: cheap first
            return None
        inquiry_id = self.inquiry_id(index.row())
        if inquiry_id is None:
            return None
        texts = self._block_of(index.row()).texts.get(inquiry_id)
        if texts is None:
            if index.column() == 0:
                return self.tr("(unavailable)") if role == Qt.ItemDataRole.DisplayRole else \
                    self.tr("This inquiry could not be read; it is tried again after the next change")
            return None
        return texts[index.column()]

    def _mark(self, row: int) -> QIcon | None:
        shown = self.row_of(row)
        if shown is None:
            return None
        mark = self._marks.get(shown.channel)
        if mark is None:
            mark = self._marks[shown.channel] = channel_icon(shown.channel)
        return mark

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if key is None or wanted == self._sort:
            return
        self._sort = wanted  # type: ignore[assignment]
        if self._loaded:
            self.reload(keep_filter=True)
