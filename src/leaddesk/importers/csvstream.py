"""CSV rows read as the text comes, each cell kept up to a cap: the `csv` module holds a
cell whole (and refuses one over its field limit), so one hostile cell could take the
memory of the file. Quoting follows RFC 4180 as spreadsheets and form plug-ins write it:
quoted cells may hold delimiters, quotes (doubled) and line breaks."""

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from leaddesk.domain.drafts import Overflow
from leaddesk.importers.longtext import TEXT_CAP, LongText, Spill

MAX_CELLS = 1000  # per record: a form export has a few dozen columns
ROW_CAP = 4 * TEXT_CAP  # characters kept of one record's cells together


@dataclass
class Row:
    """One record: its cells (each cut at the cap), the line it ends on, and, when a cell
    was cut, the spill file that holds the whole record as it was written."""

    line: int
    cells: list[str]
    cut: bool = False
    overflow: Overflow | None = None


def sniff(sample: str) -> tuple[str, str]:
    """The delimiter and quote character of a CSV text, from its beginning."""
    try:
        dialect = csv.Sniffer().sniff(sample[:4096], delimiters=",;\t|")
    except csv.Error:
        return ",", '"'
    return dialect.delimiter, dialect.quotechar or '"'


@dataclass
class _Cell:
    parts: list[str] = field(default_factory=list)
    length: int = 0


class CsvReader:
    """The records of a CSV text given in chunks (line ends as written)."""

    def __init__(self, chunks: Iterable[str], spill: Spill, *, delimiter: str = ",",
                 quotechar: str = '"', cap: int = TEXT_CAP) -> None:
        self._chunks, self._spill, self._cap = chunks, spill, cap
        self._delimiter, self._quote = delimiter, quotechar
        self._plain = re.compile("[" + re.escape(delimiter + quotechar) + "\r\n]")
        self.line = 1  # the line being read

    def __iter__(self) -> Iterator[Row]:
        cells: list[str] = []
        cell = _Cell()
        raw = LongText(self._spill, self._cap)
        cut = False
        quoted = False  # inside a quoted cell
        after_quote = False  # a quote seen inside a quoted cell: doubled, or its end
        pending_cr = False
        started = False  # anything read of the current record
        q, d = self._quote, self._delimiter

        kept = 0  # characters kept of the record's cells

        def add(text: str) -> None:
            nonlocal cut, kept
            if not text:
                return
            room = min(self._cap - cell.length, ROW_CAP - kept)
            if room > 0:
                cell.parts.append(text[:room])
                kept += min(room, len(text))
            if len(text) > room:
                cut = True
            cell.length += len(text)

        def end_cell() -> None:
            nonlocal cell, cut
            if len(cells) < MAX_CELLS:
                cells.append("".join(cell.parts))
            else:
                cut = True
            cell = _Cell()

        def end_row() -> Row:
            nonlocal cells, raw, cut, started, kept
            end_cell()
            row = Row(self.line, cells, cut)
            raw.finish(keep_whole=cut)
            row.overflow = raw.overflow if cut else None
            cells, raw, cut, started, kept = [], LongText(self._spill, self._cap), False, False, 0
            return row

        for chunk in self._chunks:
            if pending_cr:
                chunk = "\r" + chunk
                pending_cr = False
            if chunk.endswith("\r"):  # a CR LF may be split between chunks
                chunk, pending_cr = chunk[:-1], True
            position, size = 0, len(chunk)
            start = 0  # where the record's raw text in this chunk begins
            while position < size:
                if quoted:
                    if after_quote:
                        after_quote = False
                        if chunk[position] == q:
                            add(q)
                            position += 1
                            continue
                        quoted = False  # the closing quote: what follows is read plainly
                        continue
                    found = chunk.find(q, position)
                    end = size if found < 0 else found
                    text = chunk[position:end]
                    if "\r" in text or "\n" in text:
                        self.line += text.count("\n") + text.count("\r") - text.count("\r\n")
                        text = text.replace("\r\n", "\n")
                    add(text)
                    position = end
                    if found >= 0:
                        after_quote, position = True, position + 1
                    continue
                match = self._plain.search(chunk, position)
                end = size if match is None else match.start()
                add(chunk[position:end])
                started = started or end > position
                if match is None:
                    position = size
                    break
                char = chunk[end]
                position = end + 1
                if char == d:
                    end_cell()
                    started = True
                elif char == q:
                    if cell.length == 0:
                        quoted = started = True
                    else:
                        add(q)  # a stray quote inside a plain cell: kept as text
                else:  # a line end
                    if char == "\r" and position < size and chunk[position] == "\n":
                        position += 1
                    raw.add(chunk[start:position])
                    start = position
                    if started or cells:
                        yield end_row()
                    self.line += 1
            raw.add(chunk[start:position])
        if pending_cr and not quoted:
            if started or cells:
                yield end_row()
            return
        if started or cells or cell.length:
            yield end_row()
