"""Mail header text: encoded words and 8-bit bytes decoded, control characters removed, a
subject mixing encodings read run by run."""

import pytest

from leaddesk.importers.mail import parse_mail
from leaddesk.importers.mail_headers import header_text

DATE = b"Date: Mon, 3 May 2021 14:05:09 +0800\n"


def _mail(*headers: bytes, body: bytes = b"hello\n") -> bytes:
    return b"\n".join(headers) + b"\n" + DATE + b"Content-Type: text/plain\n\n" + body


@pytest.mark.parametrize(("header", "field", "shown"), [
    (b"Subject: =?utf-8?q?Price=0D=0ABcc:_x=40y.example?=", "subject", "PriceBcc: x@y.example"),
    (b"Subject: a\x00b\x1bc\x7fd\xc2\x85e\xe2\x80\xa8f\tg", "subject", "abcdef g"),
    (b"Subject: =?utf-8?b?5Ls=?=\r\n =?utf-8?b?t+agvA==?=", "subject", "价格"),  # a character split in two
    (b"Subject: =?x-unknown?q?caf=E9?=", "subject", "café"),
    (b"Subject: =?utf-8?b?!!!?= x", "subject", "x"),  # nothing base64 reads
    (b"Subject: =?unicode_escape?q?=5Cud800x=5Cx00y?=", "subject", "xy"),
    (b"From: =?utf-8?q?Ana=09Lima=0A?= <ana@buyer.example>", "name", "Ana Lima"),
])
def test_control_characters_never_reach_a_decoded_header(header: bytes, field: str, shown: str) -> None:
    mail = parse_mail(_mail(b"From: a@b.example" if field == "subject" else header,
                            header if field == "subject" else b"Subject: x"))
    assert (mail.subject if field == "subject" else mail.sender[0]) == shown


def test_control_characters_never_reach_an_attachment_name() -> None:
    raw = (b"From: a@b.example\n" + DATE + b'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
           b"Content-Type: text/plain\n\nsee the file\n--b\nContent-Type: application/pdf\n"
           b'Content-Disposition: attachment; filename="=?utf-8?q?quote=0D=0A.pdf?="\n\nx\n--b--\n')
    assert parse_mail(raw).attachments == ["quote.pdf"]


@pytest.mark.parametrize(("raw", "charset", "text"), [
    ("[技术讨论] ".encode() + "回复：光纤陀螺仪询价".encode("gbk"), None, "[技术讨论] 回复:光纤陀螺仪询价"),
    ("Re: 报价单 ".encode() + "陀螺仪 样品".encode("gbk"), "gbk", "Re: 报价单 陀螺仪 样品"),
    ("回复：".encode() + "光纤陀螺仪询价".encode("gbk"), None, "回复:光纤陀螺仪询价"),
    ("Grüße ".encode() + "aus Köln".encode("cp1252"), None, "Grüße aus Köln"),
    ("询价 ".encode("gbk") + b"\xff\xff", None, "询价 \ufffd\ufffd"),  # only what nothing reads
    ("回复：".encode() + "询价".encode("gbk") * 5_000, None, "回复:" + "询价" * 5_000),  # one long word
])
def test_a_subject_mixing_encodings_is_read_run_by_run(raw: bytes, charset: str | None,
                                                     text: str) -> None:
    label = f"; charset={charset}".encode() if charset else b""
    mail = parse_mail(b"From: a@b.example\nSubject: " + raw + b"\n" + DATE +
                      b"Content-Type: text/plain" + label + b"\n\nhi\n")
    assert mail.subject == text


@pytest.mark.parametrize(("value", "text"), [
    ("=?utf-8?b?5L2g?= =?utf-8?b?5aW9?= x", "你好 x"),  # the space between two words is no text
    ("=?gb2312?b?xOO6ww==?=", "你好"),
    ("Re: =?utf-8?b?5L2g5aW9?=\udcc4\udce3", "Re: 你好你"),  # 8-bit bytes after an encoded word
    ("", ""),
])
def test_header_text(value: str, text: str) -> None:
    assert header_text(value) == text
