"""`leaddesk mail add|list|remove`: servers pre-filled from the provider, TLS unless plain is
named (with a warning), the password only in the keyring, one-line errors."""

import io
import json
from pathlib import Path

import pytest

from leaddesk import passwords
from tests.cli.run import leaddesk

PASSWORD = "Pa55-word-in-keyring"


def _add(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path,
         *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    return leaddesk(capsys, "mail", "add", "--db", str(db), "--password-stdin", *args)


def _listed(capsys: pytest.CaptureFixture[str], db: Path) -> list[dict[str, object]]:
    code, out, err = leaddesk(capsys, "mail", "list", "--db", str(db), "--json")
    assert code == 0, err
    return list(json.loads(out))


@pytest.mark.parametrize(("args", "imap", "smtp", "security", "smtp_security"), [
    (["--email", "buyer.desk@163.com"], "imap.163.com:993", "smtp.163.com:465", "tls", "tls"),
    (["--email", "x@126.com"], "imap.126.com:993", "smtp.126.com:465", "tls", "tls"),
    (["--email", "sales@gmail.com"], "imap.gmail.com:993", "smtp.gmail.com:465", "tls", "tls"),
    (["--email", "a@hotmail.com"], "outlook.office365.com:993", "smtp.office365.com:587", "tls",
     "starttls"),
    (["--email", "a@aliyun.com"], "imap.aliyun.com:993", "smtp.aliyun.com:465", "tls", "tls"),
    (["--email", "sales@ericco.example", "--provider", "exmail"], "imap.exmail.qq.com:993",
     "smtp.exmail.qq.com:465", "tls", "tls"),
    (["--email", "sales@ericco.example", "--imap", "mail.ericco.example", "--smtp",
      "mail.ericco.example:587"], "mail.ericco.example:993", "mail.ericco.example:587", "tls",
     "starttls"),
    (["--email", "s@ericco.example", "--imap", "Mail.Ericco.Example:1143", "--security", "starttls"],
     "mail.ericco.example:1143", None, "starttls", "tls"),
    (["--email", "s@ericco.example", "--imap", "127.0.0.1", "--smtp", "127.0.0.1:2525",
      "--security", "none"], "127.0.0.1:143", "127.0.0.1:2525", "none", "none"),
])
def test_an_account_gets_its_servers(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                     args: list[str], imap: str, smtp: str | None, security: str,
                                     smtp_security: str) -> None:
    db = tmp_path / "desk.db"
    code, _, err = _add(capsys, monkeypatch, db, "sales", *args)
    assert code == 0, err
    assert ("unencrypted" in err) == (security == "none")
    [account] = _listed(capsys, db)
    assert (account["imap"], account["smtp"]) == (imap, smtp)
    assert (account["security"], account["smtp_security"]) == (security, smtp_security)
    assert account["password_stored"] is True


def test_the_password_is_only_in_the_keyring(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             data_dir: Path) -> None:
    db = tmp_path / "desk.db"
    code, out, err = _add(capsys, monkeypatch, db, "sales", "--email", "sales@163.com",
                          "--user", "sales")
    assert code == 0, err
    assert passwords.store().get_password(passwords.SERVICE, "imap:sales@imap.163.com:993") == PASSWORD
    assert PASSWORD not in out + err
    written = [db, *(p for p in data_dir.rglob("*") if p.is_file() and p != passwords_file())]
    assert all(PASSWORD.encode() not in path.read_bytes() for path in written)
    code, out, err = leaddesk(capsys, "mail", "remove", "--db", str(db), "sales")
    assert code == 0, err
    assert _listed(capsys, db) == []
    assert passwords.store().get_password(passwords.SERVICE, "imap:sales@imap.163.com:993") is None


def passwords_file() -> Path:
    from leaddesk import paths

    return paths.passwords_file()


@pytest.mark.parametrize(("args", "error"), [
    (["--email", "sales@ericco.example"], "no known mail provider for sales@ericco.example"),
    (["--email", "not-an-address", "--imap", "h"], "not an email address"),
    (["--email", "s@ericco.example", "--imap", "h:99999"], "the port is a number from 1 to 65535"),
    (["--email", "s@ericco.example", "--imap", "h", "--provider", "nope"], "--provider 'nope'"),
    (["--email", "s@ericco.example", "--imap", "h", "--ca-file", "/no/such.pem"], "no such file"),
])
def test_a_bad_account_is_one_line_and_not_stored(capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path, args: list[str],
                                                  error: str) -> None:
    db = tmp_path / "desk.db"
    code, _, err = _add(capsys, monkeypatch, db, "sales", *args)
    assert code == 1
    assert error in err and len(err.strip().splitlines()) == 1
    assert _listed(capsys, db) == []


def test_a_name_is_taken_once(capsys: pytest.CaptureFixture[str],
                              monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    assert _add(capsys, monkeypatch, db, "sales", "--email", "a@163.com")[0] == 0
    code, _, err = _add(capsys, monkeypatch, db, "sales", "--email", "b@163.com")
    assert code == 1 and "exists already" in err
    code, _, err = leaddesk(capsys, "mail", "remove", "--db", str(db), "nobody")
    assert code == 1 and "no mail account named 'nobody'" in err
    assert [a["email"] for a in _listed(capsys, db)] == ["a@163.com"]
