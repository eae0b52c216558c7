"""`leaddesk mail sync` against a real Dovecot: a synced mail is the message a dropped .eml
makes, each mail is fetched once, nothing on the server is marked, a renumbered folder
makes no duplicate, and each fault is one line with nothing half-stored."""

import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import MailFolder, Message
from leaddesk.services.desk import open_desk
from tests.cli.run import leaddesk
from tests.mail.conftest import SAMPLE_MAILS, mail_files
from tests.mailserver import MailServer
from tests.unit.importers.conftest import nested

OURS = "sales@example.com"  # the account's address (the server's user)
BUYER = "buyer@aero.example"


def mail(number: int, *, sender: str = BUYER, to: str = OURS, subject: str = "Quote for gyros",
         reply_to: str | None = None) -> bytes:
    """A plain mail with its own Message-ID."""
    lines = [f"From: Buyer <{sender}>", f"To: {to}", f"Subject: {subject}",
             f"Date: Tue, 20 Apr 2021 09:{number % 60:02d}:00 +0800",
             f"Message-ID: <m{number}@aero.example>"]
    if reply_to:
        lines += [f"In-Reply-To: {reply_to}", f"References: {reply_to}"]
    return ("\r\n".join(lines) + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Please quote 20 pcs, mail {number}.\r\n").encode()


def add_account(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db: Path | str,
                server: MailServer, *, password: str | None = None, trust: bool = True,
                name: str = "sales") -> None:
    """`mail add` for the test server, trusting its certificate (unless `trust` is off)."""
    monkeypatch.setattr("sys.stdin", io.StringIO((password or server.password) + "\n"))
    code, _, err = leaddesk(capsys, "mail", "add", "--db", str(db), name, "--email", OURS,
                            "--imap", f"{server.host}:{server.port}", "--user", server.user,
                            "--password-stdin",
                            *(["--ca-file", str(server.ca_file)] if trust else []))
    assert code == 0, err


def sync(capsys: pytest.CaptureFixture[str], db: Path | str,
         *args: str) -> tuple[int, list[dict[str, Any]], str]:
    """One `mail sync --json`: exit code, a report per account, stderr."""
    code, out, err = leaddesk(capsys, "mail", "sync", "--db", str(db), "--json", *args)
    return code, [json.loads(line) for line in out.splitlines()], err


def stored(db: Path | str) -> list[tuple[str | None, str, str]]:
    """Every message's Message-ID, direction and subject, in order."""
    with open_desk(str(db)) as desk, desk.transaction() as session:
        rows = session.execute(select(Message.message_id, Message.direction, Message.subject)
                               .order_by(Message.message_id, Message.subject))
        return [(m, str(d), s or "") for m, d, s in rows]


def make_known(capsys: pytest.CaptureFixture[str], db: Path | str, folder: Path,
               *senders: str) -> None:
    """The senders as known contacts, imported from a vCard as a salesperson would."""
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Known {n}\r\nEMAIL:{address}\r\n"
                    "END:VCARD\r\n" for n, address in enumerate(sorted(set(senders))) if address)
    path = folder / "known.vcf"
    path.write_text(cards, encoding="utf-8")
    code, _, err = leaddesk(capsys, "import", "--db", str(db), str(path))
    assert code == 0, err


def senders_of(files: list[Path]) -> list[str]:
    """Each file's From address, as the sync reads it."""
    from leaddesk.services.mail.pending import sender_of

    return [sender_of(path.read_bytes()) for path in files]


def waiting(capsys: pytest.CaptureFixture[str], db: Path | str) -> list[dict[str, Any]]:
    """`mail triage --json`: the mails that wait."""
    code, out, err = leaddesk(capsys, "mail", "triage", "--db", str(db), "--json")
    assert code == 0, err
    return list(json.loads(out))


def accept_all(capsys: pytest.CaptureFixture[str], db: Path | str) -> int:
    """`mail triage accept` for every waiting mail, oldest first: the messages it stored."""
    created = 0
    for item in waiting(capsys, db):
        code, out, err = leaddesk(capsys, "mail", "triage", "--db", str(db), "accept",
                                  str(item["id"]), "--json")
        assert code == 0, err
        created += json.loads(out)["messages"]
    return created


FORM_SENDER = "noreply@ericcointernational.com"  # the site form's notifications come from it


def make_senders_known(capsys: pytest.CaptureFixture[str], db: Path | str, folder: Path,
                       files: list[Path]) -> None:
    """Every file's sender a known contact, and the site form's address configured as the
    form's, so triage lets every mail through as a file import would store it."""
    from leaddesk.settings import Settings

    settings = Settings.load()
    settings.form_senders = [FORM_SENDER]
    settings.save()
    make_known(capsys, db, folder, *(s for s in senders_of(files) if s != FORM_SENDER))


def folder_states(db: Path | str) -> list[tuple[str, int, int]]:
    with open_desk(str(db)) as desk, desk.transaction() as session:
        return [(f.role, f.uidvalidity, f.last_uid) for f in
                session.scalars(select(MailFolder).order_by(MailFolder.role))]


def test_a_synced_mail_is_what_the_same_eml_imports(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path,
                                                    mail_server: MailServer) -> None:
    files = sorted(SAMPLE_MAILS.glob("*.eml"))
    mail_server.append(path.read_bytes() for path in files)
    db, imported = tmp_path / "synced.db", tmp_path / "imported.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_senders_known(capsys, db, tmp_path, files)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert (report["account"], report["fetched"], report["errors"]) == ("sales", len(files), [])
    code, _, err = leaddesk(capsys, "import", "--db", str(imported), "--me", OURS,
                            *map(str, files))
    assert code == 0, err
    assert stored(db) == stored(imported) and len(stored(db)) == len(files)
    assert report["created"] == len(files)


@pytest.mark.parametrize(("folder", "sender", "to", "direction"), [
    ("INBOX", BUYER, OURS, "in"),
    ("Sent Messages", OURS, BUYER, "out"),  # found by its \Sent flag, not by a name
])
def test_own_mail_in_the_sent_folder_is_out(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                            mail_server: MailServer, folder: str, sender: str,
                                            to: str, direction: str) -> None:
    mail_server.append([mail(1, sender=sender, to=to)], folder)
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert report["created"] == 1
    assert [d for _, d, _ in stored(db)] == [direction]
    with open_desk(str(db)) as desk, desk.transaction() as session:
        from leaddesk.db.models import Contact, Identity

        contacts = session.scalars(select(Identity.value).join(Contact)).all()
    assert contacts == [BUYER]


def test_each_mail_is_fetched_once_and_nothing_is_marked(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         db_url: str, tmp_path: Path,
                                                         mail_server: MailServer) -> None:
    mail_server.append([mail(1), mail(2, reply_to="<m1@aero.example>")])
    db = db_url  # SQLite and PostgreSQL
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    _, [first], _ = sync(capsys, db)
    assert (first["fetched"], first["created"], first["threaded"]) == (2, 2, 1)
    _, [again], _ = sync(capsys, db)
    assert (again["fetched"], again["created"]) == (0, 0)
    mail_server.append([mail(3, reply_to="<m2@aero.example>")])
    _, [third], _ = sync(capsys, db)
    assert (third["fetched"], third["created"], third["threaded"]) == (1, 1, 1)
    assert len(stored(db)) == 3
    assert all(b"\\Seen" not in flags for flags in mail_server.flags())


def test_since_reads_only_the_mail_from_that_day(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path, mail_server: MailServer) -> None:
    mail_server.append([mail(1)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    _, [report], _ = sync(capsys, db, "--since", "2999-01-01")  # nothing arrived since
    assert report["fetched"] == 0
    code, _, err = sync(capsys, db, "--since", "yesterday")
    assert code == 1 and "write a date as YYYY-MM-DD" in err


def test_a_renumbered_folder_is_read_again_without_duplicates(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    files = mail_files()[:8]
    mail_server.append(path.read_bytes() for path in files)
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_senders_known(capsys, db, tmp_path, files)
    _, [first], _ = sync(capsys, db)
    before, held = stored(db), waiting(capsys, db)
    new_validity = mail_server.recreate()
    code, [again], err = sync(capsys, db)
    assert code == 0, err
    assert again["fetched"] == first["fetched"] and again["created"] == 0
    [line] = [e for e in again["errors"] if "UIDVALIDITY" in str(e)]
    assert f"-> {new_validity}" in str(line) and "UIDVALIDITY changed" in err
    assert stored(db) == before and waiting(capsys, db) == held
    assert ("inbox", new_validity, max(u for _, v, u in folder_states(db) if v == new_validity)) \
        in folder_states(db)


def test_a_refused_mail_is_one_line_and_the_others_are_stored(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    mail_server.append([mail(1), nested(120), mail(2)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert report["created"] == 2
    assert report["errors"] == ["sales/INBOX UID 2: MIME parts nested more than 100 levels deep; "
                                "not stored"]
    assert err.count("UID 2") == 1
    _, [again], _ = sync(capsys, db)
    assert (again["fetched"], again["errors"]) == (0, [])  # refused once, not fetched again


@pytest.mark.parametrize(("fault", "line"), [
    ("wrong password", "the server refused the login of sales@example.com (wrong user name or password?)"),
    ("server down", "cannot reach the server (connection refused)"),
    ("untrusted certificate", "the server's certificate is not trusted (self-signed certificate)"),
])
def test_a_fault_is_one_line_and_stores_nothing(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                mail_server: MailServer, fault: str,
                                                line: str) -> None:
    mail_server.append([mail(1), mail(2)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server,
                password="Not-it-9" if fault == "wrong password" else None,
                trust=fault != "untrusted certificate")
    if fault == "server down":
        mail_server.stop()
    code, [report], err = sync(capsys, db)
    assert code == 1
    where = f"sales: {mail_server.host}:{mail_server.port}: "
    assert report["errors"] == [where + line]
    assert err.strip() == "leaddesk: " + where + line
    assert (report["fetched"], report["created"]) == (0, 0)
    assert stored(db) == [] and folder_states(db) == []


def test_the_corpus_syncs_as_it_imports(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                        mail_server: MailServer) -> None:
    files = mail_files()
    mail_server.append(path.read_bytes() for path in files)
    db, imported = tmp_path / "synced.db", tmp_path / "imported.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_senders_known(capsys, db, tmp_path, files)
    code, [report], err = sync(capsys, db)
    assert code == 0, err
    assert report["fetched"] == len(files)
    errors = [str(e) for e in report["errors"]]
    assert errors and all(e.startswith("sales/INBOX UID ") and e.endswith("; not stored")
                          for e in errors)
    assert err.count("\n") == len(errors)  # one line each, no traceback
    accept_all(capsys, db)  # a sender the receiving server did not verify waits: accepted
    leaddesk(capsys, "import", "--db", str(imported), "--me", OURS, *map(str, files))
    with open_desk(str(db)) as a, a.transaction() as s, open_desk(str(imported)) as b, \
            b.transaction() as t:
        count = select(func.count()).select_from(Message)
        assert s.scalar(count) == t.scalar(count)
        assert s.scalar(count)
    assert {m for m, _, _ in stored(db)} == {m for m, _, _ in stored(imported)}


def test_a_connection_dropped_mid_sync_loses_nothing_and_fetches_nothing_twice(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    from leaddesk.importers.base import ImportOptions
    from leaddesk.job import Job
    from leaddesk.services.mail import sync as mail_sync

    monkeypatch.setattr(mail_sync, "BATCH_MAILS", 4)  # 12 mails: three batches
    mail_server.append(mail(n) for n in range(12))
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    seen: list[tuple[int, int]] = []

    def killed_after_the_first_batch(done: int, total: int) -> None:
        seen.append((done, total))
        if (done, total) == (4, 12):  # the first batch is stored: the server dies
            mail_server.kill()

    with open_desk(str(db)) as desk:
        [report] = mail_sync.sync_accounts(desk, [], ImportOptions(), actor="tester",
                                           job=Job(progress=killed_after_the_first_batch))
    assert report.failed and report.created == 4
    [line] = report.errors
    assert line == "sales/INBOX: the connection dropped (socket error: EOF)"
    assert len(stored(db)) == 4 and folder_states(db)[0][2] == 4
    mail_server.start()
    code, [again], err = sync(capsys, db)
    assert code == 0, err
    assert (again["fetched"], again["created"], again["skipped"]) == (8, 8, 0)
    assert len(stored(db)) == 12


@pytest.mark.parametrize("first", ["file import", "sync"])
def test_a_mail_synced_and_imported_from_a_file_is_one_message(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, first: str) -> None:
    files = sorted(SAMPLE_MAILS.glob("*.eml"))
    mail_server.append(path.read_bytes() for path in files)
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_senders_known(capsys, db, tmp_path, files)
    steps = ["file import", "sync"] if first == "file import" else ["sync", "file import"]
    for step in steps:
        if step == "sync":
            code, _, err = sync(capsys, db)
        else:
            code, _, err = leaddesk(capsys, "import", "--db", str(db), "--me", OURS,
                                    *map(str, files))
        assert code == 0, err
    assert len(stored(db)) == len(files)


def test_a_renamed_sent_folder_is_one_line_and_duplicates_nothing(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    mail_server.append([mail(1, sender=OURS, to=BUYER)], mail_server.sent)
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    _, [first], _ = sync(capsys, db)
    assert first["created"] == 1
    with mail_server.client() as connection:  # Dovecot makes a new, empty \Sent folder
        assert connection.rename(f'"{mail_server.sent}"', '"Gesendet"')[0] == "OK"
    mail_server.append([mail(1, sender=OURS, to=BUYER), mail(2, sender=OURS, to=BUYER)],
                       mail_server.sent)
    code, [again], err = sync(capsys, db)
    assert code == 0, err
    assert (again["fetched"], again["created"], again["skipped"]) == (2, 1, 1)
    [line] = again["errors"]
    assert line.startswith("sales/Sent Messages: the folder's UIDVALIDITY changed")
    assert [d for _, d, _ in stored(db)] == ["out", "out"]


def test_a_stopped_sync_keeps_its_batches_and_the_next_fetches_the_rest(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    from leaddesk.importers.base import ImportOptions
    from leaddesk.job import Job
    from leaddesk.services.mail import sync as mail_sync

    monkeypatch.setattr(mail_sync, "BATCH_MAILS", 4)
    mail_server.append(mail(n) for n in range(12))
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    job = Job()
    job.progress = lambda done, total: job.cancel.set()  # Cancel once the first batch is in
    with open_desk(str(db)) as desk:
        [report] = mail_sync.sync_accounts(desk, [], ImportOptions(), actor="tester", job=job)
    assert report.failed
    assert report.errors == ["sales: sync stopped; 4 new messages kept, the rest comes with the "
                             "next sync"]
    assert len(stored(db)) == 4 and folder_states(db)[0][2] == 4
    _, [again], _ = sync(capsys, db)
    assert (again["fetched"], again["created"], again["skipped"]) == (8, 8, 0)


@pytest.mark.parametrize(("security", "trust", "created", "said"), [
    ("starttls", True, 2, None),
    ("starttls", False, 0, "the server's certificate is not trusted (self-signed certificate)"),
])
def test_an_account_on_starttls_syncs_over_a_verified_connection(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, security: str, trust: bool, created: int, said: str | None) -> None:
    """Port 143 with STARTTLS (the server refuses a login before it): the certificate is
    checked as on implicit TLS."""
    mail_server.append([mail(1), mail(2)])
    db = tmp_path / "desk.db"
    make_known(capsys, db, tmp_path, BUYER)
    monkeypatch.setattr("sys.stdin", io.StringIO(mail_server.password + "\n"))
    code, _, err = leaddesk(capsys, "mail", "add", "--db", str(db), "sales", "--email", OURS,
                            "--imap", f"{mail_server.host}:{mail_server.starttls_port}", "--security",
                            security, "--user", mail_server.user, "--password-stdin",
                            *(["--ca-file", str(mail_server.ca_file)] if trust else []))
    assert code == 0, err
    code, [report], err = sync(capsys, db)
    assert report["created"] == created
    where = f"sales: {mail_server.host}:{mail_server.starttls_port}: "
    assert (code, report["errors"]) == ((0, []) if said is None else (1, [where + said]))


def test_a_synced_mails_attachment_is_kept_as_a_dropped_mails_is(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    from email.message import EmailMessage

    from leaddesk.services.attachments import blob_path

    drawing = b"%PDF-1.4 the buyer's drawing\n" * 40
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = f"Buyer <{BUYER}>", OURS, "Drawing for the quote"
    message["Date"], message["Message-ID"] = "Tue, 20 Apr 2021 09:10:00 +0800", "<d1@aero.example>"
    message.set_content("Our drawing is attached.")
    message.add_attachment(drawing, maintype="application", subtype="pdf", filename="bracket-rev2.pdf")
    mail_server.append([bytes(message)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    code, [report], err = sync(capsys, db)
    assert (code, report["created"]) == (0, 1), err
    code, out, err = leaddesk(capsys, "attachments", "--db", str(db), "1", "--json")
    assert code == 0, err
    [kept] = json.loads(out)
    assert (kept["name"], kept["size"]) == ("bracket-rev2.pdf", len(drawing))
    with open_desk(str(db)) as desk:
        assert blob_path(desk.attachments, kept["sha256"]).read_bytes() == drawing


@pytest.mark.parametrize(("how", "seen"), [("flag", True), ("setting", True), ("neither", False)])
def test_synced_mail_is_marked_read_on_the_server_only_when_the_person_asks(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, how: str, seen: bool) -> None:
    from leaddesk.settings import Settings

    mail_server.append([mail(1), mail(2)])
    db = tmp_path / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path, BUYER)
    if how == "setting":
        settings = Settings.load()
        settings.mail_mark_read = True
        settings.save()
    code, [report], err = sync(capsys, db, *(["--mark-read"] if how == "flag" else []))
    assert (code, report["created"]) == (0, 2), err
    assert [b"\\Seen" in flags for flags in mail_server.flags()] == [seen, seen]
