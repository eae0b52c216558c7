"""CSV rows read as the text comes: the same rows the csv module reads, in any chunking,
with every cell cut at the cap and the whole record kept when one was."""

import csv
import io
import random
from pathlib import Path

import pytest

from leaddesk.importers.csvstream import MAX_CELLS, CsvReader
from leaddesk.importers.longtext import Spill


def _rows(text: str, size: int = 7, **options: object) -> list[tuple[int, list[str]]]:
    chunks = [text[i:i + size] for i in range(0, len(text), size)]
    return [(row.line, row.cells) for row in CsvReader(chunks, Spill(), **options)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "rows"), [
    ("a,b\r\n1,2\r\n", [(1, ["a", "b"]), (2, ["1", "2"])]),
    ('a,"b, c"\n"x ""y""",z', [(1, ["a", "b, c"]), (2, ['x "y"', "z"])]),
    ('id,msg\r\n1,"two\r\nlines"\r\n2,x', [(1, ["id", "msg"]), (3, ["1", "two\nlines"]), (4, ["2", "x"])]),
    ("a,b\n\n\n1,2\n", [(1, ["a", "b"]), (4, ["1", "2"])]),
    ('a,"un"quoted tail,b"c\n', [(1, ["a", "unquoted tail", 'b"c'])]),
    ("a,,\n", [(1, ["a", "", ""])]),
    ('"unterminated, at the end', [(1, ["unterminated, at the end"])]),
    ("a\rb\r", [(1, ["a"]), (2, ["b"])]),
])
def test_rows_as_spreadsheets_write_them(text: str, rows: list[tuple[int, list[str]]]) -> None:
    for size in (1, 2, 3, 64):
        assert _rows(text, size) == rows


def test_semicolons_and_tabs() -> None:
    assert _rows('a;"b;c"\n', delimiter=";") == [(1, ["a", "b;c"])]
    assert _rows("a\tb\n", delimiter="\t") == [(1, ["a", "b"])]


def test_the_same_rows_as_the_csv_module_in_any_chunking() -> None:
    rng = random.Random(14)
    alphabet = ['a', 'b', ',', '"', '\n', ' ', '陀', 'é', ';']
    for _ in range(300):
        table = [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
                  for _ in range(rng.randint(1, 4))] for _ in range(rng.randint(1, 5))]
        table = [row for row in table if any(row)]
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator=rng.choice(["\n", "\r\n"])).writerows(table)
        expected = [row for row in csv.reader(io.StringIO(buffer.getvalue())) if row]
        expected = [[cell.replace("\r\n", "\n") for cell in row] for row in expected]
        assert [cells for _, cells in _rows(buffer.getvalue(), rng.randint(1, 9))] == expected


def test_a_cell_over_the_cap_is_cut_and_the_whole_record_kept(tmp_path: Path) -> None:
    spill = Spill(tmp_path)
    record = 'id,"' + "x" * 50 + '",tail\r\n'
    rows = list(CsvReader([record[:20], record[20:], "2,y,z\r\n"], spill, cap=10))
    assert [(r.cells, r.cut) for r in rows] == [(["id", "x" * 10, "tail"], True), (["2", "y", "z"], False)]
    assert rows[0].overflow is not None and rows[0].overflow.path.read_bytes().decode() == record
    assert rows[1].overflow is None


def test_a_record_with_too_many_cells_keeps_the_first_and_the_whole_record(tmp_path: Path) -> None:
    record = "," * (MAX_CELLS + 10) + "\n"
    rows = list(CsvReader([record], Spill(tmp_path)))
    assert len(rows[0].cells) == MAX_CELLS and rows[0].cut
    assert rows[0].overflow is not None and rows[0].overflow.path.read_text() == record
