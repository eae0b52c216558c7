"""Triage in `mail sync` against a real Dovecot: a sender the receiving server did not verify
never reaches the contact its From names, unknown senders wait in the list, mails that are
obviously not inquiries are dropped, form mails count only from the form's address, and
the list's decisions (accept, ignore a sender or a domain) hold in later syncs."""

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Identity, Inquiry, Message
from leaddesk.services.desk import open_desk
from leaddesk.settings import Settings
from tests.cli.run import leaddesk
from tests.mail.conftest import SAMPLE_MAILS
from tests.mail.test_sync import (
    BUYER,
    FORM_SENDER,
    OURS,
    add_account,
    mail,
    make_known,
    stored,
    sync,
    waiting,
)
from tests.mailserver import MailServer

FAIL = "Authentication-Results: mx.example.com; spf=fail; dmarc=fail header.from=aero.example"
PASS = "Authentication-Results: mx.example.com; dkim=pass; dmarc=pass header.from=aero.example"


def with_headers(data: bytes, *headers: str) -> bytes:
    """The mail with these headers on top (as the receiving server adds its verdict)."""
    return "".join(h + "\r\n" for h in headers).encode() + data


def messages_of(db: Path, address: str) -> int:
    """How many messages the contact with this address has."""
    with open_desk(str(db)) as desk, desk.transaction() as session:
        return int(session.scalar(
            select(func.count()).select_from(Message).join(Inquiry, Inquiry.id == Message.inquiry_id)
            .join(Identity, Identity.contact_id == Inquiry.contact_id)
            .where(Identity.value == address)) or 0)


def decide(capsys: pytest.CaptureFixture[str], db: Path, decision: str, pending_id: int) -> None:
    code, _, err = leaddesk(capsys, "mail", "triage", "--db", str(db), decision, str(pending_id))
    assert code == 0, err


@pytest.mark.parametrize(("headers", "created", "reason"), [
    ((FAIL,), 0, "sender not verified"),
    # a forger's own passing verdict below the receiving server's does not help
    ((FAIL, PASS), 0, "sender not verified"),
    ((PASS,), 1, None),
    ((), 1, None),  # the server said nothing: a known contact's mail threads as before
])
def test_a_known_contact_forged_waits_as_not_verified(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, headers: tuple[str, ...], created: int,
        reason: str | None) -> None:
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    mail_server.append([with_headers(mail(1), *headers)])
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert (report["created"], report["triaged"]) == (created, 1 - created)
    assert messages_of(db, BUYER) == created
    held = waiting(capsys, db)
    assert [(w["from"], w["subject"], w["reason"]) for w in held] == \
        ([(BUYER, "Quote for gyros", reason)] if reason else [])


@pytest.mark.parametrize(("sender", "headers", "route"), [
    (BUYER, (), "triaged"),
    ("news@news.example", ("List-Unsubscribe: <mailto:leave@news.example>",), "skipped"),
    (BUYER, ("Auto-Submitted: auto-replied",), "skipped"),
    ("MAILER-DAEMON@mx.aero.example", (), "skipped"),
    ("colleague@example.com", (), "skipped"),  # our own domain's internal mail
    (BUYER, ("X-Spam-Flag: YES",), "skipped"),
])
def test_an_unknown_sender_waits_and_a_non_inquiry_is_dropped(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, sender: str, headers: tuple[str, ...], route: str) -> None:
    mail_server.append([with_headers(mail(1, sender=sender), *headers)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert (report["fetched"], report["created"], report[route]) == (1, 0, 1)
    assert stored(db) == []
    assert [w["reason"] for w in waiting(capsys, db)] == (["new sender"] if route == "triaged"
                                                          else [])
    _, [again], _ = sync(capsys, db)
    assert (again["fetched"], again["triaged"]) == (0, 0)  # fetched and judged once


@pytest.mark.parametrize(("form_senders", "headers", "reason"), [
    ([FORM_SENDER], (), None),
    ([], (), "form mail from another sender"),
    (["forms@elsewhere.example"], (), "form mail from another sender"),
    ([FORM_SENDER], (FAIL,), "sender not verified"),  # a forged form sender
])
def test_a_form_mail_is_an_inquiry_only_from_the_forms_address(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, form_senders: list[str], headers: tuple[str, ...],
        reason: str | None) -> None:
    settings = Settings.load()
    settings.form_senders = form_senders
    settings.save()
    data = (SAMPLE_MAILS / "site-form-notification.eml").read_bytes()
    mail_server.append([with_headers(data, *headers)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert report["created"] == (0 if reason else 1)
    assert [w["reason"] for w in waiting(capsys, db)] == ([reason] if reason else [])
    assert messages_of(db, "l.becker@aero-systems.example.de") == (0 if reason else 1)


def test_accept_stores_what_the_sync_would_have_and_the_sender_is_known_after(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    path = SAMPLE_MAILS / "chinese-inquiry-gb2312.eml"
    mail_server.append([path.read_bytes()])
    db, imported = tmp_path / "desk.db", tmp_path / "imported.db"
    add_account(capsys, monkeypatch, db, mail_server)
    _, [report], _ = sync(capsys, db)
    [held] = waiting(capsys, db)
    assert report["triaged"] == 1 and held["from"] == "wanglei@feikong-tech.example.cn"
    code, out, err = leaddesk(capsys, "mail", "triage", "--db", str(db), "accept",
                              str(held["id"]), "--json")
    assert code == 0, err
    assert json.loads(out)["messages"] == 1 and json.loads(out)["contacts"] == 1
    leaddesk(capsys, "import", "--db", str(imported), "--me", OURS, str(path))
    assert stored(db) == stored(imported) and waiting(capsys, db) == []
    reply = mail(7, sender="wanglei@feikong-tech.example.cn")
    mail_server.append([reply])
    _, [later], _ = sync(capsys, db)
    assert (later["created"], later["triaged"]) == (1, 0)  # a known contact now: threaded
    code, _, err = leaddesk(capsys, "mail", "triage", "--db", str(db), "accept", str(held["id"]))
    assert code == 1 and "no waiting mail" in err


@pytest.mark.parametrize(("decision", "left", "later_skipped"), [
    ("ignore-sender", ["b@spam.example"], 1),  # a@ is dropped, its later mail too; b@ waits
    ("ignore-domain", [], 2),
])
def test_an_ignored_sender_or_domain_is_dropped_now_and_later(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, decision: str, left: list[str], later_skipped: int) -> None:
    mail_server.append([mail(1, sender="a@spam.example"), mail(2, sender="b@spam.example")])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    sync(capsys, db)
    first = next(w for w in waiting(capsys, db) if w["from"] == "a@spam.example")
    decide(capsys, db, decision, first["id"])
    assert [w["from"] for w in waiting(capsys, db)] == left
    mail_server.append([mail(3, sender="a@spam.example"), mail(4, sender="b@spam.example")])
    _, [later], _ = sync(capsys, db)
    assert (later["fetched"], later["skipped"], later["triaged"]) == (2, later_skipped,
                                                                     2 - later_skipped)
    assert stored(db) == []
