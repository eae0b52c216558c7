"""Email and mbox: charsets, HTML-only mail, threading headers, form notifications."""

import pytest

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.html_text import html_to_text
from leaddesk.importers.mail import parse_mail
from tests.unit.importers.conftest import DATA, nested

GB18030_ONLY = "Subject: =?gb2312?b?{}?=\nFrom: a@b.cn\nDate: Mon, 3 May 2021 14:05:09 +0800\n" \
    "Content-Type: text/plain; charset=gb2312\n\n{}\n"


def test_the_gb2312_sample() -> None:
    mail = parse_mail((DATA / "samples/email/chinese-inquiry-gb2312.eml").read_bytes())
    assert mail.sender == ("王磊", "wanglei@feikong-tech.example.cn")
    assert mail.subject.startswith("询价")
    assert "《什么是光纤陀螺仪》" in mail.text and "wanglei_uav88" in mail.text


def test_characters_only_gb18030_has_are_read_under_a_gb2312_label() -> None:
    import base64

    subject = base64.b64encode("询价 䶮".encode("gb18030")).decode()
    body = "我们需要 2 台，谢谢 䶮".encode("gb18030")
    raw = GB18030_ONLY.format(subject, "").encode() .replace(b"\n\n\n", b"\n\n" + body + b"\n")
    mail = parse_mail(raw)
    assert mail.subject == "询价 䶮"
    assert mail.text == "我们需要 2 台，谢谢 䶮"


@pytest.mark.parametrize(("raw", "text"), [
    (b"From: a@b.c\nContent-Type: text/html\n\n<p>Hello<br>World</p><img src='http://t/x.gif'>",
     "Hello\nWorld"),
    (b"From: a@b.c\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
     b"quoted-printable\n\nPrice =E2=82=AC 12=\n0", "Price € 120"),
    (b"From: a@b.c\nContent-Type: text/plain; charset=utf-7\n\nHi +ZeVnLIqe-", "Hi 日本語"),
    (b"From: a@b.c\nContent-Type: text/plain\n\nCaf\xe9 cr\xe8me", "Café crème"),
    (b"From: a@b.c\nContent-Type: text/plain; charset=x-unknown\n\nplain", "plain"),
])
def test_bodies_in_any_encoding(raw: bytes, text: str) -> None:
    assert parse_mail(raw).text == text


def test_html_tables_read_as_label_and_value() -> None:
    html = "<table><tr><td>Name</td><td>Lukas</td></tr><tr><td>Email</td><td>l@x.de</td></tr></table>" \
        "<script>alert(1)</script><style>p{}</style>"
    assert html_to_text(html) == "Name: Lukas\nEmail: l@x.de"


def test_the_form_notification_becomes_a_site_form_inquiry_from_the_buyer(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/email/site-form-notification.eml"
    parsed = parse(path.name, path)
    draft = parsed.inquiries[0]
    assert parsed.channel.value == "site_form"
    assert (draft.contact.name, draft.contact.emails, draft.contact.phones, draft.contact.country) \
        == ("Lukas Becker", ["l.becker@aero-systems.example.de"], ["+49 1512 3456789"], "Germany")
    assert draft.page_url == ("https://www.ericcointernational.com/news/china-s-international-"
                              "space-cooperation-in-the-past-60-years-will-be-even-more-promising.html")
    assert draft.messages[0].body.endswith("Please send price for 20 pcs and lead time.")
    assert draft.messages[0].message_id == "<20210420011241.7731@ericcointernational.com>"


def test_a_reply_carries_its_threading_headers(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/email/reply-from-sales.eml"
    message = parse(path.name, path).inquiries[0].messages[0]
    assert message.references == ["<20210420011241.7731@ericcointernational.com>"]
    assert message.sender == "info@ericcointernational.com"


@pytest.mark.parametrize(("name", "subjects"), [
    ("issue1189.mbox.txt", ["Message 1", "Message 2", "Message 3", "Message 4"]),
    ("simple.mbox.txt", ["this'll probably break a lot of mime parsers",
                         "this'll probably break even more mime parsers",
                         "if a mime parser can correctly handle this, I'm impressed"]),
])
def test_mbox_archives(parse, name: str, subjects: list[str]) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(name, DATA / "mimekit" / name, channel="email")
    assert [i.messages[0].subject for i in parsed.inquiries] == subjects


def test_from_lines_inside_bodies(parse) -> None:  # type: ignore[no-untyped-def]
    mbox = ("\ufeffFrom a@b.c Mon Jan  1 00:00:00 2021\nFrom: a@b.c\nSubject: one\n"
            "Date: Mon, 1 Jan 2021 10:00:00 +0000\n\nFrom the start, a body line.\n>From quoted\n\n"
            "From b@b.c Mon Jan  1 00:00:00 2021\nFrom: b@b.c\nSubject: two\n"
            "Date: Mon, 1 Jan 2021 11:00:00 +0000\n\nsecond\n")
    parsed = parse("box.mbox", mbox)
    assert [i.messages[0].subject for i in parsed.inquiries] == ["one", "two"]
    assert parsed.inquiries[0].messages[0].body == "From the start, a body line.\nFrom quoted"


def test_a_file_that_is_no_mail(parse) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match="not an email"):
        parse("x.eml", "Content-Type: text/plain\nX-Junk: 1\n\n", channel="email")


@pytest.mark.parametrize(("encoding", "name", "subject", "body"), [
    ("gbk", "王磊", "询价光纤陀螺仪", "你好"),
    ("utf-8", "Jürgen Weiß", "Anfrage Kreisel", "Grüße"),
    ("cp1252", "Jürgen Weiß", "Anfrage Kreisel", "Grüße aus Köln"),
])
def test_eight_bit_headers_and_bodies_without_a_label(encoding: str, name: str, subject: str,
                                                      body: str) -> None:
    raw = (f"From: {name} <w@x.example>\nSubject: {subject}\nDate: Mon, 3 May 2021 14:05:09 +0800\n"
           f"Content-Type: text/plain\n\n{body}\n").encode(encoding)
    mail = parse_mail(raw)
    assert (mail.sender, mail.subject, mail.text) == ((name, "w@x.example"), subject, body)


FORM = (DATA / "samples/email/site-form-notification.eml").read_bytes()


# (how the form mail is changed, the email the inquiry is filed under, the contact's name)
FORGED_FORM = {
    "Email field with a quoted address as the name": (
        [(b"Email: l.becker@aero-systems.example.de",
          b'Email: "l.becker@aero-systems.example.de" <attacker@evil.example>')],
        ["attacker@evil.example"], "Lukas Becker"),
    "Email field with an encoded word as the name": (
        [(b"Email: l.becker@aero-systems.example.de",
          b"Email: =?utf-8?q?l.becker=40aero-systems.example.de?= <attacker@evil.example>")],
        ["attacker@evil.example"], "Lukas Becker"),
    "Email field holding only an encoded word": (
        [(b"Email: l.becker@aero-systems.example.de",
          b"Email: =?utf-8?q?l.becker=40aero-systems.example.de?="),
         (b'Reply-To: "Lukas Becker" <l.becker@aero-systems.example.de>',
          b"Reply-To: <attacker@evil.example>")],
        ["attacker@evil.example"], "Lukas Becker"),
    "Name field holding another address": (
        [(b"Email: l.becker@aero-systems.example.de", b"Email: attacker@evil.example"),
         (b"Name: Lukas Becker", b"Name: l.becker@aero-systems.example.de")],
        ["attacker@evil.example"], ""),
    "no Email field, a forged Reply-To": (
        [(b"Email: l.becker@aero-systems.example.de\n", b""),
         (b'Reply-To: "Lukas Becker" <l.becker@aero-systems.example.de>',
          b'Reply-To: "l.becker@aero-systems.example.de" <attacker@evil.example>')],
        ["attacker@evil.example"], "Lukas Becker"),
    "no Email field, an encoded Reply-To": (
        [(b"Email: l.becker@aero-systems.example.de\n", b""),
         (b'Reply-To: "Lukas Becker" <l.becker@aero-systems.example.de>',
          b"Reply-To: =?utf-8?q?Lukas=2C_l.becker=40aero-systems.example.de?= <attacker@evil.example>")],
        ["attacker@evil.example"], "Lukas Becker"),
}


@pytest.mark.parametrize("case", FORGED_FORM)
def test_a_form_mail_is_filed_under_the_forms_real_email(parse, case: str) -> None:  # type: ignore[no-untyped-def]
    changes, emails, name = FORGED_FORM[case]
    raw = FORM.split(b"--=_form_7731\nContent-Type: text/html")[0] + b"--=_form_7731--\n"
    for old, new in changes:
        assert old in raw
        raw = raw.replace(old, new)
    draft = parse("form.eml", raw).inquiries[0]
    assert draft.channel.value == "site_form"
    assert (draft.contact.emails, draft.contact.name) == (emails, name)
    assert draft.messages[0].author in ("Lukas Becker", "l.becker@aero-systems.example.de")


def test_eight_bit_bytes_in_a_received_header(parse) -> None:  # type: ignore[no-untyped-def]
    raw = (b"Received: from mail.example (\xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8 [10.0.0.1]) by mx.example;"
           b" Tue, 20 Apr 2021 09:12:44 +0800\nFrom: a@b.example\nSubject: hi\n\nhello\n")
    message = parse("received.eml", raw).inquiries[0].messages[0]
    assert message.sent_at.isoformat() == "2021-04-20T09:12:44+08:00"


@pytest.mark.parametrize(("depth", "kind", "body"), [
    (40, b"multipart/mixed", "hi"),  # deeper than any real mail
    (150, b"multipart/mixed", None),  # parsed by the email package, refused by the walk
    (10_000, b"multipart/mixed", None),  # the email package's parser recurses itself to death
    (10_000, b"message/rfc822", None),
])
def test_parts_nested_too_deep_fail_the_mail_by_name(parse, depth: int, kind: bytes,  # type: ignore[no-untyped-def]
                                                     body: str | None) -> None:
    if body is not None:
        assert parse("deep.eml", nested(depth, kind)).inquiries[0].messages[0].body == body
        return
    with pytest.raises(ImportFileError, match=r"^deep\.eml:1: MIME parts nested more than 100 levels"):
        parse("deep.eml", nested(depth, kind))


def test_one_broken_mail_of_an_mbox_is_reported_and_the_others_import(parse) -> None:  # type: ignore[no-untyped-def]
    def letter(subject: str) -> bytes:
        return (b"From a@b.example Mon Jan  1 00:00:00 2021\nFrom: a@b.example\nSubject: %s\n"
                b"Date: Mon, 1 Jan 2021 10:00:00 +0000\n\ntext\n\n" % subject.encode())
    deep = b"From a@b.example Mon Jan  1 00:00:00 2021\n" + nested(10_000) + b"\n"
    box = letter("one") + deep + letter("two")
    parsed = parse("box.mbox", box)
    assert [i.messages[0].subject for i in parsed.inquiries] == ["one", "two"]
    line = box[:box.index(deep)].count(b"\n") + 2  # the broken mail's first header
    assert [(e.line, e.message) for e in parsed.errors] == [
        (line, "MIME parts nested more than 100 levels deep")]


@pytest.mark.parametrize("sender", [b"From: <>", b"From: undisclosed-recipients:;", b"X-No-From: 1"])
def test_a_mail_whose_from_cannot_be_read_is_filed_under_its_reply_to(parse, sender: bytes) -> None:  # type: ignore[no-untyped-def]
    raw = sender + b"\nReply-To: Ana <ana@buyer.example>\nSubject: quote\n" \
        b"Date: Mon, 1 Jan 2021 10:00:00 +0000\n\nPlease quote.\n"
    draft = parse("reply.eml", raw).inquiries[0]
    assert (draft.contact.name, draft.contact.emails) == ("Ana", ["ana@buyer.example"])
