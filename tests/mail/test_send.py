"""`leaddesk mail send` against a real SMTP server (aiosmtpd, STARTTLS, AUTH) and a real
Dovecot: a reply threads into the buyer's inquiry and is stored as `out` at once, a copy
lands in the Sent folder and is not stored twice by the next sync, and a send that failed
is never stored as sent."""

import email
import email.policy
import io
import json
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.db.models import Inquiry, Message
from leaddesk.services.desk import open_desk
from tests.cli.run import leaddesk
from tests.mail.test_sync import BUYER, OURS, mail, sync
from tests.mailserver import MailServer, free_port
from tests.smtpserver import SmtpServer, throwaway_smtp_server


@pytest.fixture
def smtp_server(mail_server: MailServer) -> Iterator[SmtpServer]:
    with throwaway_smtp_server(mail_server) as server:
        yield server


def add_account(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path,
                imap: MailServer, smtp_port: int, *, password: str | None = None,
                trust: bool = True) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO((password or imap.password) + "\n"))
    code, _, err = leaddesk(capsys, "mail", "add", "--db", str(db), "sales", "--email", OURS,
                            "--imap", f"{imap.host}:{imap.port}", "--smtp", f"127.0.0.1:{smtp_port}",
                            "--user", imap.user, "--password-stdin",
                            *(["--ca-file", str(imap.ca_file)] if trust else []))
    assert code == 0, err


def messages(db: Path) -> list[tuple[int, str, str, str | None]]:
    """Every message: its inquiry, direction, subject and In-Reply-To, in time order."""
    with open_desk(str(db)) as desk, desk.transaction() as session:
        rows = session.execute(select(Message.inquiry_id, Message.direction, Message.subject,
                                      Message.in_reply_to).order_by(Message.sent_at, Message.id))
        return [(i, str(d), s, r) for i, d, s, r in rows]


def desk_with_a_buyer_mail(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A desk holding the buyer's mail <m1@aero.example> as inquiry 1."""
    db, path = tmp_path / "desk.db", tmp_path / "quote.eml"
    path.write_bytes(mail(1))
    code, _, err = leaddesk(capsys, "import", "--db", str(db), str(path))
    assert code == 0, err
    return db


def in_sent(imap: MailServer) -> int:
    """How many mails the Sent folder holds."""
    with imap.client() as connection:
        _, data = connection.status(f'"{imap.sent}"', "(MESSAGES)")
    return int(bytes(data[0]).decode().rsplit("MESSAGES", 1)[1].strip(" )"))  # type: ignore[arg-type]


def received(smtp: SmtpServer) -> EmailMessage:
    [one] = smtp.received
    parsed = email.message_from_bytes(one.data, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def send(capsys: pytest.CaptureFixture[str], db: Path, target: str, body: Path,
         *more: str) -> tuple[int, str, str]:
    return leaddesk(capsys, "mail", "send", "--db", str(db), target, "--body-file", str(body), *more)


def test_a_reply_threads_into_the_inquiry_is_stored_as_out_and_copied_to_sent(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer) -> None:
    db = desk_with_a_buyer_mail(capsys, tmp_path)
    add_account(capsys, monkeypatch, db, mail_server, smtp_server.port)
    body = tmp_path / "reply.txt"
    body.write_text("Dear buyer,\n20 pcs at 410 EUR each. 报价见附件。\n", encoding="utf-8")
    code, out, err = send(capsys, db, "1", body, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert (report["to"], report["subject"], report["inquiry_id"], report["copied_to_sent"]) == (
        BUYER, "Re: Quote for gyros", 1, True)
    sent = received(smtp_server)
    assert smtp_server.received[0].recipients == [BUYER]
    assert (sent["In-Reply-To"], sent["References"]) == ("<m1@aero.example>", "<m1@aero.example>")
    assert sent["From"].addresses[0].addr_spec == OURS and sent["Subject"] == "Re: Quote for gyros"
    text = sent.get_content()
    assert "报价见附件" in text and "> Please quote 20 pcs, mail 1." in text  # the buyer's words quoted
    assert messages(db) == [(1, "in", "Quote for gyros", None),
                            (1, "out", "Re: Quote for gyros", "<m1@aero.example>")]
    assert in_sent(mail_server) == 1 and b"\\Seen" in mail_server.flags(mail_server.sent)[0]
    code, [synced], err = sync(capsys, db)  # the Sent folder's copy is the message stored
    assert code == 0, err
    assert (synced["fetched"], synced["created"], synced["skipped"]) == (1, 0, 1)
    assert len(messages(db)) == 2


def test_a_new_mail_to_a_contact_carries_its_files(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer) -> None:
    db = desk_with_a_buyer_mail(capsys, tmp_path)
    add_account(capsys, monkeypatch, db, mail_server, smtp_server.port)
    body, sheet = tmp_path / "new.txt", tmp_path / "GS-200 datasheet.pdf"
    body.write_text("Our new gyro datasheet, as promised.", encoding="utf-8")
    sheet.write_bytes(b"%PDF-1.4 a datasheet\n")
    code, out, err = send(capsys, db, BUYER, body, "--subject", "GS-200 datasheet", "--attach", str(sheet),
                          "--json")
    assert code == 0, err
    sent = received(smtp_server)
    [attached] = list(sent.iter_attachments())
    assert (attached.get_filename(), attached.get_content()) == ("GS-200 datasheet.pdf",
                                                                 b"%PDF-1.4 a datasheet\n")
    assert sent["In-Reply-To"] is None and sent["Subject"] == "GS-200 datasheet"
    with open_desk(str(db)) as desk, desk.transaction() as session:
        inquiry = session.get(Inquiry, json.loads(out)["inquiry_id"])
        assert inquiry is not None and inquiry.contact_id == session.get(Inquiry, 1).contact_id  # type: ignore[union-attr]
    assert [direction for _, direction, _, _ in messages(db)] == ["in", "out"]


@pytest.mark.parametrize(("fault", "said"), [
    ("recipient refused", "refused the recipient buyer@aero.example (550 5.1.1 no such mailbox here)"),
    ("wrong password", "refused the login of sales@example.com"),
    ("server down", "cannot reach the server"),
    ("certificate not trusted", "certificate is not trusted"),
])
def test_a_send_that_failed_is_one_line_and_never_stored_as_sent(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer, fault: str, said: str) -> None:
    db = desk_with_a_buyer_mail(capsys, tmp_path)
    port = free_port() if fault == "server down" else smtp_server.port
    add_account(capsys, monkeypatch, db, mail_server, port,
                password="n0t-the-passw0rd" if fault == "wrong password" else None,
                trust=fault != "certificate not trusted")
    smtp_server.refused.add(BUYER) if fault == "recipient refused" else None
    body = tmp_path / "reply.txt"
    body.write_text("20 pcs at 410 EUR.", encoding="utf-8")
    code, out, err = send(capsys, db, "1", body)
    assert code != 0 and out == ""
    assert said in err and err.count("\n") == 1 and "Traceback" not in err and "not sent" in err
    assert smtp_server.received == [] and messages(db) == [(1, "in", "Quote for gyros", None)]
    assert in_sent(mail_server) == 0


@pytest.mark.parametrize(("target", "body", "more", "said"), [
    ("1", None, [], "--body-file"),  # no such file
    ("1", b"\xff\xfe broken \x81", [], "line 1: not UTF-8 text"),
    ("1", b"  \n\n", [], "empty; nothing to send"),
    ("1", b"hello", ["--attach", "missing.pdf"], "--attach"),
    ("99", b"hello", [], "no inquiry 99"),
    ("nobody@else.example", b"hello", ["--subject", "Hi"], "no contact"),
    (BUYER, b"hello", [], "a new mail needs a subject (--subject)"),
    ("1", b"hello", ["--subject", "Offer\nBcc: everyone@rival.example"], "--subject is one line"),
])
def test_what_cannot_be_sent_is_refused_before_anything_goes_out(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer, target: str, body: bytes | None,
        more: list[str], said: str) -> None:
    db = desk_with_a_buyer_mail(capsys, tmp_path)
    add_account(capsys, monkeypatch, db, mail_server, smtp_server.port)
    path = tmp_path / "body.txt"
    if body is not None:
        path.write_bytes(body)
    monkeypatch.chdir(tmp_path)
    code, _, err = send(capsys, db, target, path, *more)
    assert code != 0 and said in err and err.count("\n") == 1 and "Traceback" not in err
    assert smtp_server.received == [] and len(messages(db)) == 1


def test_a_template_reply_is_in_the_buyers_language_with_our_signature_and_whatsapp(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer) -> None:
    from leaddesk.db.models import Contact
    from leaddesk.settings import Settings

    db = desk_with_a_buyer_mail(capsys, tmp_path)
    add_account(capsys, monkeypatch, db, mail_server, smtp_server.port)
    settings = Settings.load()
    settings.user_name, settings.signature = "Li Na", "李娜\n外贸部 · Export sales"
    settings.own_phones = ["+86 139 1234 5678"]
    settings.save()
    with open_desk(str(db)) as desk, desk.transaction() as session:
        contact = session.get(Contact, 1)
        assert contact is not None
        contact.language = "zh"
    code, _, err = leaddesk(capsys, "mail", "send", "--db", str(db), "1", "--template", "quote")
    assert code == 0, err
    sent = received(smtp_server)
    text = sent.get_content()
    assert text.startswith("Buyer，您好！\n") and "https://wa.me/8613912345678" in text
    assert "此致\n李娜\n外贸部 · Export sales\n" in text and "> Please quote 20 pcs, mail 1." in text
    assert sent["Subject"] == "Re: Quote for gyros"  # a reply keeps its thread's subject
    assert sent["From"].addresses[0].display_name == "Li Na"


def test_templates_are_listed_and_a_broken_one_of_yours_is_named(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        data_dir: Path, mail_server: MailServer, smtp_server: SmtpServer) -> None:
    db = desk_with_a_buyer_mail(capsys, tmp_path)
    add_account(capsys, monkeypatch, db, mail_server, smtp_server.port)
    (data_dir / "templates").mkdir(parents=True)
    (data_dir / "templates" / "chase.en.txt").write_text("Subject: Any news?\nDear {name}, {price}?\n",
                                                         encoding="utf-8")
    code, out, err = leaddesk(capsys, "mail", "templates", "--db", str(db), "--json")
    assert code == 0, err
    listed = {(t["name"], t["language"]): t for t in json.loads(out)}
    assert {("quote", "en"), ("quote", "zh"), ("datasheet", "zh"), ("chase", "en")} <= set(listed)
    chinese = listed[("quote", "zh")]
    assert (chinese["subject"], chinese["problem"]) == ("报价：{article_title}", None)
    assert "line 2: {price} is not a placeholder" in listed[("chase", "en")]["problem"]
    code, _, err = leaddesk(capsys, "mail", "send", "--db", str(db), "1", "--template", "chase")
    assert code != 0 and "template chase.en, line 2: {price} is not a placeholder" in err
    assert err.count("\n") == 1 and smtp_server.received == []
