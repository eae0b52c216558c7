"""`leaddesk mail test NAME` against a real Dovecot and a real SMTP server (aiosmtpd,
STARTTLS, AUTH): what each server answered in one line, exit 1 when one failed, and
nothing sent or marked."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.run import leaddesk
from tests.mail.test_send import add_account, in_sent
from tests.mailserver import MailServer, free_port
from tests.smtpserver import SmtpServer, throwaway_smtp_server


@pytest.fixture
def smtp_server(mail_server: MailServer) -> Iterator[SmtpServer]:
    with throwaway_smtp_server(mail_server) as server:
        yield server


@pytest.mark.parametrize(("fault", "imap_said", "smtp_said"), [
    ("none", "logged in, Sent folder found (Sent Messages)", "logged in"),
    ("wrong password", "the server refused the login of sales@example.com",
     "the server refused the login of sales@example.com"),
    ("certificate not trusted", "the server's certificate is not trusted",
     "the server's certificate is not trusted"),
    ("servers down", "cannot reach the server (connection refused)",
     "cannot reach the server (connection refused)"),
])
def test_a_test_says_what_each_server_answered(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, smtp_server: SmtpServer, fault: str, imap_said: str,
        smtp_said: str) -> None:
    db = tmp_path / "desk.db"
    if fault == "servers down":
        mail_server.port = free_port()  # the account points where nothing listens
    add_account(capsys, monkeypatch, db, mail_server,
                free_port() if fault == "servers down" else smtp_server.port,
                password="n0t-the-passw0rd" if fault == "wrong password" else None,
                trust=fault != "certificate not trusted")
    code, out, err = leaddesk(capsys, "mail", "test", "--db", str(db), "sales")
    assert code == (0 if fault == "none" else 1), err
    assert out.count("\n") == 1 and err == "", out
    imap, _, smtp = out.strip().partition("; SMTP: ")
    assert imap.startswith("IMAP: ") and imap_said in imap
    assert smtp_said in smtp
    code, out, _ = leaddesk(capsys, "mail", "test", "--db", str(db), "sales", "--json")
    said = json.loads(out)
    assert (said["imap"]["ok"], said["smtp"]["ok"], said["failed"]) == (
        fault == "none", fault == "none", fault != "none")
    assert imap_said in said["imap"]["said"] and smtp_said in said["smtp"]["said"]
    assert smtp_server.received == []
    if fault != "servers down":
        assert in_sent(mail_server) == 0


def test_an_account_without_smtp_tests_imap_alone(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    import io

    db = tmp_path / "desk.db"
    monkeypatch.setattr("sys.stdin", io.StringIO(mail_server.password + "\n"))
    code, _, err = leaddesk(capsys, "mail", "add", "--db", str(db), "inbox-only", "--email",
                            "sales@example.com", "--imap", f"{mail_server.host}:{mail_server.port}",
                            "--ca-file", str(mail_server.ca_file), "--password-stdin")
    assert code == 0, err
    code, out, err = leaddesk(capsys, "mail", "test", "--db", str(db), "inbox-only", "--json")
    assert code == 0, err
    assert json.loads(out)["smtp"] is None
    code, out, err = leaddesk(capsys, "mail", "test", "--db", str(db), "nobody")
    assert code == 1 and out == "" and "no mail account named 'nobody'" in err
