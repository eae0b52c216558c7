"""Reading files: encodings, and the sample-cut that once made a chat unreadable."""

import codecs
import random

import pytest

from leaddesk.importers.base import ImportFileError, ParsedFile
from leaddesk.importers.sources import charset_alias, decode, looks_binary, strip_controls, utf16_without_bom


@pytest.mark.parametrize(("data", "declared", "text"), [
    ("询价".encode("gb18030"), "gb2312", "询价"),
    ("询价 䶮".encode("gb18030"), "GBK", "询价 䶮"),
    (codecs.BOM_UTF8 + "Olá".encode(), None, "Olá"),
    ("Olá".encode("utf-16"), None, "Olá"),
    ("Olá, 询价\n".encode("utf-16-le"), None, "Olá, 询价\n"),  # no byte order mark
    ("Olá, 询价\n".encode("utf-16-be"), None, "Olá, 询价\n"),
    ("Café crème".encode("cp1252"), None, "Café crème"),
    ("abc 询".encode()[:-1], None, "abc "),  # a sample cut in the middle of a character
    (("您好，我们需要光纤陀螺仪的报价和交期，谢谢。" * 20).encode("gb18030"), None,
     "您好，我们需要光纤陀螺仪的报价和交期，谢谢。" * 20),
])
def test_decode(data: bytes, declared: str | None, text: str) -> None:
    assert decode(data, "f.txt", declared) == text


def test_undecodable_bytes_name_the_file() -> None:
    with pytest.raises(ImportFileError, match=r"^f\.txt: not a text file"):
        decode(bytes(range(128, 256)) * 50, "f.txt")


@pytest.mark.parametrize(("label", "codec"), [
    ("gb2312", "gb18030"), ("EUC-CN", "gb18030"), ("eucgb2312_cn", "gb18030"), ("big5", "big5"),
    ("latin-1", "iso8859-1"), ("x-unknown", None), (None, None)])
def test_charset_alias(label: str | None, codec: str | None) -> None:
    assert charset_alias(label) == codec


@pytest.mark.parametrize(("data", "encoding"), [
    ("13/04/2021, 09:41 - Ana: 你好\n".encode("utf-16-le"), "utf-16-le"),
    ("Name,Email,留言\n".encode("utf-16-be"), "utf-16-be"),
    (b"13/04/2021, 09:41 - Ana: hi\n", None),  # UTF-8
    ("询价报价交期".encode("utf-16-le"), None),  # no ASCII at all: no pattern to see
    (b"\x89PNG\r\n\x1a\n" + bytes(200), None),
    (bytes(range(256)) * 8, None),
    (("a\x01" * 100).encode("utf-16-le"), None),  # UTF-16, but of control characters
])
def test_utf16_without_a_byte_order_mark(data: bytes, encoding: str | None) -> None:
    assert utf16_without_bom(data) == encoding
    if encoding:
        assert not looks_binary(data)


@pytest.mark.parametrize(("text", "clean", "removed"), [
    ("price\x00 list\x07 please\x1b", "price list please", 3),
    ("tab\tstays\r\nand lines\n", "tab\tstays\r\nand lines\n", 0),
    ("\x0b\x0c\x1f\x7f", "\x7f", 3),  # DEL is no C0 control
])
def test_control_characters_are_taken_out(text: str, clean: str, removed: int) -> None:
    assert strip_controls(text) == (clean, removed)


def _whatsapp(rows: int, last: str) -> tuple[str, str]:
    lines = [f"13/04/2021, 09:{i % 60:02d} - Ana: line {i}\n" for i in range(rows)]
    return "WhatsApp Chat with Ana.txt", "".join(lines) + f"13/04/2021, 10:00 - Ana: {last}\n"


def _wechat_text(rows: int, last: str) -> tuple[str, str]:
    return "wechat.txt", "".join(f"陈经理 2021/5/6 10:{i % 60:02d}:00\n消息 {i}\n\n" for i in range(rows)) + \
        f"陈经理 2021/5/6 11:00:00\n{last}\n"


def _wechat_csv(rows: int, last: str) -> tuple[str, str]:
    header = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
    return "wechat.csv", header + "".join(
        f"{i},{1000 + i},文本,0,wxid_chen,陈经理,{text},,2024-10-04 11:{i % 60:02d}:00\n"
        for i, text in enumerate([*(f"消息 {i}" for i in range(rows)), last]))


def _form_csv(rows: int, last: str) -> tuple[str, str]:
    return "entries.csv", "Name,Email,Phone,Message,Submitted\n" + "".join(
        f"Ana {i},ana{i}@example.com,,{text},2021-04-13 09:{i % 60:02d}\n"
        for i, text in enumerate([*(f"Need a quote {i}" for i in range(rows)), last]))


def _vcard(rows: int, last: str) -> tuple[str, str]:
    names = [*(f"Ana {i}" for i in range(rows)), last]
    return "contacts.vcf", "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nEMAIL:ana{i}@example.com\r\n"
                                   "END:VCARD\r\n" for i, name in enumerate(names))


TEXT_FILES = {"whatsapp": _whatsapp, "wechat text": _wechat_text, "wechat csv": _wechat_csv,
              "form csv": _form_csv, "vcard": _vcard}


def _stored(parsed: ParsedFile) -> list[str]:
    """Every text the import would store: messages, authors, contacts."""
    texts = []
    for draft in parsed.inquiries:
        texts.append(draft.contact.name)
        texts += [t for m in draft.messages for t in (m.body, m.original or "", m.author)]
    return texts + [t for c in parsed.contacts for t in (c.name, c.notes)]


@pytest.mark.parametrize("kind", TEXT_FILES)
def test_control_characters_after_the_head_are_taken_out_and_counted(parse, kind: str) -> None:  # type: ignore[no-untyped-def]
    name, text = TEXT_FILES[kind](300, "price\x00 list\x07 please\x1b")  # past the first 8 KB
    assert len(text.encode()) > 8192
    parsed = parse(name, text)
    stored = _stored(parsed)
    assert "price list please" in stored
    assert not any(ch < " " and ch not in "\t\n\r" for t in stored for ch in t)
    assert "3 control characters (NUL and the like) removed from the text" in parsed.notes


BINARY = {"control bytes": bytes(range(32)) * 1000,
          "bytes of every value": random.Random(7).randbytes(30_000)}


@pytest.mark.parametrize("blob", BINARY)
@pytest.mark.parametrize("kind", TEXT_FILES)
def test_binary_data_after_a_text_head_is_refused(parse, kind: str, blob: str) -> None:  # type: ignore[no-untyped-def]
    name, text = TEXT_FILES[kind](300, "the end")
    with pytest.raises(ImportFileError, match="not a text file") as error:
        parse(name, text.encode() + BINARY[blob] + text.encode())
    assert error.value.source == name


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("kind", TEXT_FILES)
def test_utf16_files_without_a_byte_order_mark(parse, kind: str, encoding: str) -> None:  # type: ignore[no-untyped-def]
    name, text = TEXT_FILES[kind](5, "Olá 询价 please")
    expected = parse(name, text)
    parsed = parse(name, text.encode(encoding))
    assert parsed.channel == expected.channel
    assert _stored(parsed) == _stored(expected) and "Olá 询价 please" in _stored(parsed)


@pytest.mark.parametrize("kind", ["wechat csv", "form csv"])
def test_a_csv_field_past_csvs_size_limit_is_read_whole(parse, kind: str) -> None:  # type: ignore[no-untyped-def]
    name, text = TEXT_FILES[kind](3, '"' + "x" * 200_000 + '"')  # csv's limit is 131,072
    assert "x" * 200_000 in _stored(parse(name, text))


def test_a_carriage_return_alone_in_a_form_csv_is_a_line_end(parse) -> None:  # type: ignore[no-untyped-def]
    name, text = _form_csv(3, "Need\ra quote")
    parsed = parse(name, text)
    assert len(parsed.inquiries) == 3
    assert [e.line for e in parsed.errors] == [5, 6]


@pytest.mark.parametrize("kind", TEXT_FILES)
def test_nul_padding_at_the_end_of_a_text_file_is_not_binary(parse, kind: str) -> None:  # type: ignore[no-untyped-def]
    name, text = TEXT_FILES[kind](100, "the end")
    parsed = parse(name, text.encode() + bytes(20_000))  # as some tools pad a file, more than 5%
    assert "the end" in _stored(parsed)
    assert "20,000 control characters (NUL and the like) removed from the text" in parsed.notes
