"""Mail into a real database: filed under its real sender whatever its headers pretend, and
no mail, however broken, crashes an import or takes a mailbox down with it."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Contact, Identity, Inquiry, Message
from leaddesk.importers.base import ImportFileError, ImportOptions
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file
from tests.unit.importers.conftest import nested

DATA = Path(__file__).resolve().parents[1] / "data"
UTC = ZoneInfo("UTC")
LUKAS = "l.becker@aero-systems.example.de"
HEAD = b"Date: Tue, 20 Apr 2021 09:12:41 +0800\nMessage-ID: <forged@evil.example>\n"


def _import(desk: Desk, path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    return import_file(desk, path, ImportOptions(), actor="tester", zone=UTC, **kwargs)  # type: ignore[arg-type]


def _counts(desk: Desk) -> tuple[int, int, int, int]:
    with desk.transaction() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (Contact, Identity, Inquiry, Message))


def _mail(*headers: bytes, body: bytes = b"Please quote 20 pcs.\n") -> bytes:
    return b"\n".join(headers) + b"\n" + HEAD + b"Content-Type: text/plain; charset=utf-8\n\n" + body


def _form(email: bytes, name: bytes = b"Lukas Becker", reply_to: bytes = b"") -> bytes:
    fields = b"Name: " + name + b"\n" + (b"Email: " + email + b"\n" if email else b"")
    return _mail(b"From: Website Inquiry <noreply@ericcointernational.com>",
                 b"To: info@ericcointernational.com", *([b"Reply-To: " + reply_to] if reply_to else []),
                 b"Subject: New inquiry", body=fields + b"Company: Evil Ltd\nMessage: Send the price list\n")


FORGED = {
    "From: an encoded comma": _mail(
        b"From: =?utf-8?q?Attacker=2C_l.becker@aero-systems.example.de?= <attacker@evil.example>",
        b"To: info@ericcointernational.com", b"Subject: Quote"),
    "From: an encoded Bcc line": _mail(
        b"From: =?utf-8?q?Attacker=0D=0ABcc:_victim@x.com?= <attacker@evil.example>",
        b"To: info@ericcointernational.com", b"Subject: =?utf-8?q?Quote=0D=0ABcc:_victim@x.com?="),
    "From: an unquoted address as the name": _mail(
        b"From: l.becker@aero-systems.example.de <attacker@evil.example>",
        b"To: info@ericcointernational.com", b"Subject: Quote"),
    "Sender: an encoded address as the name": _mail(
        b"From: <>", b"Sender: =?utf-8?q?l.becker=40aero-systems.example.de?= <attacker@evil.example>",
        b"To: info@ericcointernational.com", b"Subject: Quote"),
    "Reply-To of a robot: an address as the name": _mail(
        b"From: Website <noreply@ericcointernational.com>",
        b'Reply-To: "l.becker@aero-systems.example.de" <attacker@evil.example>',
        b"To: info@ericcointernational.com", b"Subject: Quote"),
    "To: an encoded address as the name": _mail(
        b"From: attacker@evil.example",
        b"To: =?utf-8?q?l.becker=40aero-systems.example.de?= <someone@else.example>", b"Subject: Quote"),
    "form Email field: an address as the name": _form(
        b'"l.becker@aero-systems.example.de" <attacker@evil.example>'),
    "form Email field: an encoded word as the name": _form(
        b"=?utf-8?q?l.becker=40aero-systems.example.de?= <attacker@evil.example>"),
    "form Name field: another address": _form(b"attacker@evil.example",
                                              name=b"l.becker@aero-systems.example.de"),
    "form Reply-To: an encoded address as the name": _form(
        b"", reply_to=b"=?utf-8?q?l.becker=40aero-systems.example.de?= <attacker@evil.example>"),
}


@pytest.mark.parametrize("case", FORGED)
def test_a_forged_header_never_files_a_mail_under_someone_else(desk: Desk, tmp_path: Path,
                                                               case: str) -> None:
    _import(desk, DATA / "samples/contacts/customers.vcf")  # Lukas Becker, known by his address
    path = tmp_path / "forged.eml"
    path.write_bytes(FORGED[case])
    report = _import(desk, path)
    assert (report.messages_created, report.contacts_created) == (1, 1)
    with desk.transaction() as session:
        direction, subject, author, contact_id = session.execute(select(
            Message.direction, Message.subject, Message.author, Inquiry.contact_id).join(
            Inquiry, Inquiry.id == Message.inquiry_id)).one()
        emails = session.scalars(select(Identity.value).where(Identity.contact_id == contact_id,
                                                              Identity.kind == "email")).all()
        name = session.scalar(select(Contact.name).where(Contact.id == contact_id))
        victims = session.scalar(select(func.count()).select_from(Identity).where(
            Identity.value.in_(["victim@x.com", "someone@else.example"])))
    assert (direction, emails, victims) == ("in", ["attacker@evil.example"], 0)
    assert "@" not in (name or "") and not any(ch in subject + author for ch in "\r\n")


def test_a_received_header_with_8bit_bytes_and_a_mixed_subject(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "list.eml"
    path.write_bytes(b"Received: from mx (\xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8) by mx.example; "
                     b"Tue, 20 Apr 2021 09:12:44 +0800\nFrom: wang@feikong.example.cn\nSubject: "
                     + "[技术讨论] ".encode() + "光纤陀螺仪询价".encode("gbk") + b"\n\nhello\n")
    assert _import(desk, path).messages_created == 1
    with desk.transaction() as session:
        subject, sent_at = session.execute(select(Message.subject, Message.sent_at)).one()
    assert subject == "[技术讨论] 光纤陀螺仪询价"
    assert sent_at.replace(tzinfo=sent_at.tzinfo or UTC).isoformat() == "2021-04-20T01:12:44+00:00"


def _letter(subject: str) -> bytes:
    return (b"From a@b.example Mon Jan  4 10:00:00 2021\nFrom: a@b.example\nSubject: %s\n"
            b"Date: Mon, 4 Jan 2021 10:00:00 +0000\n\ntext\n\n" % subject.encode())


def test_a_broken_mail_of_an_mbox_is_an_error_of_the_file_and_fails_it_when_strict(
        desk: Desk, tmp_path: Path) -> None:
    deep = b"From a@b.example Mon Jan  4 10:00:00 2021\n" + nested(10_000) + b"\n"
    path = tmp_path / "box.mbox"
    path.write_bytes(_letter("one") + deep + _letter("two"))
    line = len(_letter("one").splitlines()) + 2
    with pytest.raises(ImportFileError, match=rf"^box\.mbox:{line}: MIME parts nested more than 100 "
                                              r"levels deep \(--strict\)$"):
        _import(desk, path, strict=True)
    assert _counts(desk) == (0, 0, 0, 0)
    report = _import(desk, path)
    assert (report.messages_created, report.errors) == (
        2, [{"line": line, "message": "MIME parts nested more than 100 levels deep"}])


def _parts(header: bytes, body: bytes) -> bytes:
    return b"From: a@b.example\nTo: info@ericcointernational.com\n" + HEAD + header + b"\n\n" + body


# what a mail can hold, and what its import gives: messages created, or the one-line error
HOSTILE: dict[str, tuple[bytes, int | str]] = {
    "truncated headers": (b"From: a@b.example\nSubject: cut off in the midd", 1),
    "a line that is no header": (b"From: a@b.example\nnot a header at all\nSubject: x\n\nhi\n", 1),
    "a missing boundary": (_parts(b"Content-Type: multipart/mixed", b"--x\n\nhi\n--x--\n"), 1),
    "a boundary never used": (_parts(b'Content-Type: multipart/mixed; boundary="never"', b"hi\n"), 1),
    "an empty boundary": (_parts(b'Content-Type: multipart/mixed; boundary=""', b"--\n\nhi\n"), 1),
    "bad base64": (_parts(b"Content-Type: text/plain\nContent-Transfer-Encoding: base64",
                          b"!!!not base64***\n===\n"), 1),
    "bad quoted-printable": (_parts(b"Content-Transfer-Encoding: quoted-printable", b"=ZZ=\n=E2=8\n"), 1),
    "bad uuencode": (_parts(b"Content-Transfer-Encoding: x-uuencode", b"begin 644 x\nM\xff\xff\nend\n"), 1),
    "unknown charsets": (_parts(b"Subject: =?x-klingon?q?qapla=E9?=\nContent-Type: text/plain; "
                                b"charset=x-klingon", b"qapla\xe9\n"), 1),
    "a codec that makes surrogates": (_parts(b"Subject: =?unicode_escape?q?=5Cud800?=\n"
                                             b"Content-Type: text/plain; charset=unicode_escape",
                                             b"\\ud800 and \\x00\n"), 1),
    "a charset label holding NUL": (_parts(b'Content-Type: text/plain; charset="utf\x00-8"', b"hi\n"), 1),
    "8-bit bytes in an encoded word's charset": (_parts(b"Subject: =?ut\xf1f-8?q?hi?=", b"hi\n"), 1),
    "a name detection takes for UTF-16": (b"From: Ana \xff\xfe <ana@b.example>\n" + HEAD + b"\nhi\n", 1),
    "binary text": (_parts(b"Content-Type: text/plain", bytes(range(256)) * 20), 1),
    "a Content-Type with a huge parameter": (
        _parts(b"Content-Type: text/plain; name=" + b"a" * 1_000_000, b"hi\n"), 1),
    "a Subject line of 1 MB": (_parts(b"Subject: " + b"x" * 1_000_000, b"hi\n"), 1),
    "an attachment name of 1 MB": (_parts(
        b'Content-Type: multipart/mixed; boundary="b"', b"--b\n\nhi\n--b\nContent-Disposition: "
        b'attachment; filename="' + b"a\r\nb" * 250_000 + b'"\n\nx\n--b--\n'), 1),
    "a display name of 10,000 characters": (
        b"From: \"" + b"N" * 10_000 + b"\" <a@b.example>\n" + HEAD + b"\nhi\n", 1),
    "a From line of 1 MB": (b"To: info@ericcointernational.com\nFrom: " + b"a," * 500_000 + b"\n" + HEAD
                            + b"\nhi\n", "a mail without a sender"),
    "an address of 300 characters": (b"From: " + b"a" * 300 + b"@b.example\n" + HEAD + b"\nhi\n",
                                     "a mail without a sender"),
    "NUL bytes": (_parts(b"Subject: a\x00b", b"x\x00y\n"), 1),
    "a Date of year 99999": (b"From: a@b.example\nDate: Mon, 1 Jan 99999 10:00:00 +0000\n\nhi\n", 1),
    "a Date of year 1": (b"From: a@b.example\nDate: Mon, 1 Jan 0001 00:00:00 +0100\n\nhi\n", 1),
    "a Date of an impossible zone": (b"From: a@b.example\nDate: Mon, 1 Jan 2021 00:00:00 +9999\n\nhi\n", 1),
    "a Message-ID of 10,000 characters": (b"From: a@b.example\nMessage-ID: <" + b"m" * 10_000 +
                                          b"@x>\nDate: Mon, 1 Jan 2021 10:00:00 +0000\n\nhi\n", 1),
    "References of 10,000 ids": (_parts(b"References: " + b" ".join(b"<r%d@x>" % i for i in range(10_000)),
                                        b"hi\n"), 1),
    "an In-Reply-To of 8-bit bytes": (_parts(b"In-Reply-To: <\xe4\xbd\xa0@x>", b"hi\n"), 1),
    "8-bit bytes in every header": (b"From: \xff\xfe <a@b.example>\nTo: \xff@\xfe\nSubject: \xff\xfe\xfd\n"
                                    b"Date: \xff\nContent-Type: text/\xff; charset=\xff\n\n\xff\n", 1),
    "10,000 nested multiparts": (nested(10_000), "MIME parts nested more than 100 levels deep"),
    "10,000 nested messages": (nested(10_000, b"message/rfc822"), "MIME parts nested more than 100"),
    "150 nested multiparts": (nested(150), "MIME parts nested more than 100 levels deep"),
    "100,000 headers": (b"From: a@b.example\n" + b"X-Junk: 1\n" * 100_000 + HEAD + b"\nhi\n", 1),
    "no sender, subject or text": (b"X-Mailer: x\nDate: Mon, 1 Jan 2021 10:00:00 +0000\n\n", "not an email"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_mail_imports_or_fails_with_one_line_and_changes_nothing(
        desk: Desk, tmp_path: Path, case: str) -> None:
    _import(desk, DATA / "samples/contacts/customers.vcf")
    before = _counts(desk)
    data, outcome = HOSTILE[case]
    path = tmp_path / "hostile.eml"
    path.write_bytes(data)
    if isinstance(outcome, str):
        with pytest.raises(ImportFileError, match=rf"^hostile\.eml:1: {outcome}"):
            _import(desk, path, channel="email")
        assert _counts(desk) == before
        return
    report = _import(desk, path, channel="email")
    assert report.messages_created == outcome
    with desk.transaction() as session:
        texts = session.execute(select(Message.body, Message.original, Message.subject, Message.author,
                                       Message.attachment)).one()
    assert not any("\x00" in (text or "") for text in texts)
