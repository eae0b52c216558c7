"""A table's columns (the inbox's, the contacts', the articles') sized to the table's
width, again whenever it changes (the window resized, the splitter moved) or, sized to
their content, when it does, until the person sizes a column themselves: no horizontal
scroll bar at any window size the names still fit in."""

import heapq
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QStyle, QTableView

LEAST = 48  # a name column is cut no narrower
SHORTLIST = 20  # of a column's texts, the longest measured for its width


def content_widths(table: QTableView, rows: Sequence[Sequence[str]], most: int) -> list[int]:
    """Each column as wide as its header and the widest of the `rows` it shows, `most`
    pixels at most. Every row counts, where Qt's ResizeToContents looks only at those on
    screen; of each column's texts the longest few are measured (in UTF-8 bytes, so that
    Chinese counts wide): 500 rows take 6 ms, not 35."""
    metrics, header = table.fontMetrics(), table.horizontalHeader()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1) + 8
    widths = []
    for column, texts in enumerate(zip(*rows, strict=True) if rows else [()] * header.count()):
        longest = heapq.nlargest(SHORTLIST, set(texts), key=lambda text: len(text.encode()))
        widest = max(map(metrics.horizontalAdvance, longest), default=0) + margin
        widths.append(min(most, max(widest, header.sectionSizeHint(column))))
    return widths


class FittedColumns(QObject):
    """Columns at their `wanted` widths, the `narrowing` ones (names) made narrower when the
    table is too narrow for all; the last column stretches, `last` pixels at least."""

    def __init__(self, table: QTableView, wanted: tuple[int, ...], narrowing: tuple[int, ...],
                 last: int) -> None:
        super().__init__(table)
        self._table, self._wanted, self._narrowing, self._last = table, wanted, narrowing, last
        self._fitting = False
        self.following = True  # until the person sizes a column, or their sizes are restored
        table.horizontalHeader().sectionResized.connect(self._on_resized)
        table.installEventFilter(self)

    def fit(self, width: int) -> None:
        """Size the columns for a table `width` pixels wide; too narrow for the names at
        their least, the last column (the article, which the detail pane names too) goes."""
        scroll = self._table.verticalScrollBar().sizeHint().width()
        names = sum(self._wanted[column] for column in self._narrowing)
        fixed = sum(self._wanted) - names
        room = width - 2 * scroll - 30  # frames
        narrow = room - self._last < fixed + LEAST * len(self._narrowing)
        self._table.setColumnHidden(len(self._wanted), narrow)
        room -= 0 if narrow else self._last
        scale = min(1.0, (room - fixed) / names)
        self._fitting = True
        try:
            for column, wanted in enumerate(self._wanted):  # dates and words keep their width
                narrower = column in self._narrowing
                self._table.setColumnWidth(column, max(LEAST, int(wanted * scale)) if narrower else wanted)
        finally:
            self._fitting = False

    def want(self, wanted: tuple[int, ...], last: int) -> None:
        """New widths (the content changed): the columns follow them, unless the person
        sized one."""
        self._wanted, self._last = wanted, last
        if self.following:
            self.fit(self._table.width())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.following and watched is self._table:
            self.fit(self._table.width())
        return False

    def _on_resized(self, column: int, _before: int, _after: int) -> None:
        last = len(self._wanted)
        stretching = last - 1 if self._table.isColumnHidden(last) else last  # sized by the header
        if not self._fitting and column != stretching and not self._table.isColumnHidden(column):
            self.following = False
