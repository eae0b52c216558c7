"""Reading text as it goes: encodings told and checked, lines of any length in pieces,
values of any length cut and kept whole."""

import io
from pathlib import Path

import pytest

from leaddesk.importers.longtext import TEXT_CAP, LongText, Spill, bounded
from leaddesk.importers.sources import Source
from leaddesk.importers.textstream import PIECE, TextStream


def _source(data: bytes) -> Source:
    return Source("t.txt", opener=lambda: io.BytesIO(data), size=len(data))


@pytest.mark.parametrize(("data", "encoding", "text"), [
    ("héllo wörld\n".encode(), "utf-8", "héllo wörld\n"),
    (b"\xef\xbb\xbfbom\n", "utf-8-sig", "bom\n"),
    ("utf16 文本\n".encode("utf-16"), "utf-16", "utf16 文本\n"),
    ("Café crème brûlée\n".encode("cp1252"), "cp1252", "Café crème brûlée\n"),
    ("你好，请报价陀螺仪的价格\n".encode("gb18030"), "gb18030", "你好，请报价陀螺仪的价格\n"),
    # plain ASCII for the whole head, Chinese far into the file: read as GB18030 throughout
    (b"a" * 70_000 + b"\n" + "询价：光纤陀螺仪两套\n".encode("gbk"), "gb18030",
     "a" * 70_000 + "\n询价：光纤陀螺仪两套\n"),
])
def test_the_encoding_is_told_and_checked_over_the_whole_file(data: bytes, encoding: str, text: str) -> None:
    stream = TextStream(_source(data))
    assert stream.encoding == encoding
    assert "".join(stream.chunks()) == text


@pytest.mark.parametrize(("data", "lines"), [
    (b"a\nb\n", [(1, "a", True), (2, "b", True)]),
    (b"a\r\nb\rc", [(1, "a", True), (2, "b", True), (3, "c", True)]),
    (b"a\n\n", [(1, "a", True), (2, "", True)]),
    (b"", []),
])
def test_lines_end_at_every_kind_of_line_end(data: bytes, lines: list[tuple[int, str, bool]]) -> None:
    assert [(line.number, line.text, line.ends) for line in TextStream(_source(data)).lines()] == lines


def test_a_line_longer_than_a_piece_comes_in_pieces_across_blocks() -> None:
    long = "x" * (2 * PIECE + 5)
    data = f"first\r\n{long}\r\nlast".encode()
    lines = list(TextStream(_source(data)).lines())
    assert [(line.number, len(line.text), line.ends) for line in lines] == [
        (1, 5, True), (2, PIECE, False), (2, PIECE, False), (2, 5, True), (3, 4, True)]
    assert "".join(line.text for line in lines if line.number == 2) == long


def test_a_long_value_is_cut_and_kept_whole(tmp_path: Path) -> None:
    spill = Spill(tmp_path)
    long = LongText(spill)
    pieces = ["ab" * 300_000, "cd" * 300_000, "ef" * 10]
    for piece in pieces:
        long.add(piece)
    stored = long.finish()
    whole = "".join(pieces)
    assert stored.startswith(whole[:TEXT_CAP])
    assert stored[TEXT_CAP:] == ("\n\n[cut here: the whole text (1,200,020 characters) is kept in a file "
                                 "beside the desk]")
    assert long.overflow is not None and long.overflow.length == len(whole)
    assert long.overflow.path.read_text(encoding="utf-8") == whole
    assert oct(long.overflow.path.stat().st_mode & 0o777) == "0o600"
    spill.clean()
    assert not long.overflow.path.exists()


@pytest.mark.parametrize("length", [0, 10, TEXT_CAP])
def test_a_value_within_the_cap_is_kept_as_it_is(tmp_path: Path, length: int) -> None:
    spill = Spill(tmp_path)
    assert bounded("y" * length, spill) == ("y" * length, None)
    assert spill.made == []
