"""Reading files: encodings, and the sample-cut that once made a chat unreadable."""

import codecs

import pytest

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.sources import charset_alias, decode


@pytest.mark.parametrize(("data", "declared", "text"), [
    ("询价".encode("gb18030"), "gb2312", "询价"),
    ("询价 䶮".encode("gb18030"), "GBK", "询价 䶮"),
    (codecs.BOM_UTF8 + "Olá".encode(), None, "Olá"),
    ("Olá".encode("utf-16"), None, "Olá"),
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
