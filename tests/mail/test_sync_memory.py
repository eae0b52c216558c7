"""A sync over several batches remembers the contacts its committed batches resolved: it
stores what one big batch stores, each batch records the identities it recognised its
contacts by (so a revert of an earlier batch keeps what a later one needs), and a batch
that rolls back leaves nothing remembered."""

from pathlib import Path

import pytest
from sqlalchemy import select

from leaddesk.db.models import Contact, Identity, IdentityUse, ImportBatch, Inquiry, Message
from leaddesk.services.desk import open_desk
from tests.cli.run import leaddesk
from tests.mail.test_sync import BUYER, OURS, add_account, mail, make_known, sync
from tests.mailserver import MailServer

NEW = ["anna@brake.example", "bo@valve.example", "anna@brake.example", "cy@pump.example",
       "bo@valve.example", "anna@brake.example", "cy@pump.example", "anna@brake.example"]


def fill(server: MailServer) -> None:
    """INBOX: a known buyer's mails; Sent: our mails to three buyers new to the desk."""
    server.append(mail(n, subject=f"Quote {n % 2}") for n in range(7))
    server.append([mail(100 + n, sender=OURS, to=to, subject=f"Offer {n % 3}")
                   for n, to in enumerate(NEW)], server.sent)


def shape(db: Path) -> tuple[list[tuple[str, ...]], list[tuple[str | None, str, str]]]:
    """Each contact's emails and its inquiries' subjects; each message's Message-ID and the
    contact and subject of its inquiry (ids and batches aside)."""
    with open_desk(str(db)) as desk, desk.transaction() as session:
        emails = {c: v for c, v in session.execute(select(Identity.contact_id, Identity.value))}
        contacts = sorted((emails.get(c, ""), *sorted(s for (s,) in session.execute(
            select(Inquiry.subject).where(Inquiry.contact_id == c))))
            for c in session.scalars(select(Contact.id)))
        messages = sorted((m, emails.get(c, ""), s) for m, c, s in session.execute(
            select(Message.message_id, Inquiry.contact_id, Inquiry.subject)
            .join(Inquiry, Inquiry.id == Message.inquiry_id)))
        return contacts, messages


def uses(db: Path) -> dict[int, set[str]]:
    """The identities each sync batch recognised a contact by, and those it should have:
    every identity of a contact its messages went to that an earlier batch created."""
    with open_desk(str(db)) as desk, desk.transaction() as session:
        recorded: dict[int, set[str]] = {}
        expected: dict[int, set[str]] = {}
        for batch in session.scalars(select(ImportBatch.id).where(
                ImportBatch.source.like("imap://%"))):
            recorded[batch] = set(session.scalars(select(Identity.value).join(
                IdentityUse, IdentityUse.identity_id == Identity.id)
                .where(IdentityUse.import_batch_id == batch)))
            contacts = select(Inquiry.contact_id).join(
                Message, Message.inquiry_id == Inquiry.id).where(Message.import_batch_id == batch)
            expected[batch] = set(session.scalars(select(Identity.value).join(
                Contact, Contact.id == Identity.contact_id).where(
                Identity.contact_id.in_(contacts),
                (Contact.import_batch_id != batch))))
        assert recorded == expected
        return recorded


def synced(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, folder: Path,
           server: MailServer, batch: int) -> Path:
    from leaddesk.services.mail import sync as mail_sync

    monkeypatch.setattr(mail_sync, "BATCH_MAILS", batch)
    folder.mkdir()
    db = folder / "desk.db"
    add_account(capsys, monkeypatch, db, server)
    make_known(capsys, db, folder, BUYER)
    code, reports, err = sync(capsys, db)
    assert code == 0 and [r["errors"] for r in reports] == [[]], err
    return db


@pytest.mark.parametrize("batch", [1, 3, 4])
def test_several_batches_store_what_one_batch_stores(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer, batch: int) -> None:
    fill(mail_server)
    one = synced(capsys, monkeypatch, tmp_path / "one", mail_server, 1000)
    many = synced(capsys, monkeypatch, tmp_path / "many", mail_server, batch)
    assert shape(many) == shape(one)
    assert len(shape(one)[0]) == 4 and len(shape(one)[1]) == 15
    recorded = uses(many)
    assert len(recorded) == -(-7 // batch) + -(-len(NEW) // batch)
    assert {BUYER} <= set().union(*recorded.values())  # the vCard's contact, every batch
    uses(one)


def test_reverting_the_first_batch_keeps_what_a_later_batch_needs(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    fill(mail_server)
    db = synced(capsys, monkeypatch, tmp_path / "many", mail_server, 3)
    with open_desk(str(db)) as desk, desk.transaction() as session:
        first_sent = min(session.scalars(select(ImportBatch.id).where(
            ImportBatch.source.like("imap://%/Sent%"))))
    code, _, err = leaddesk(capsys, "--db", str(db), "import", "--revert", str(first_sent))
    assert code == 0, err
    contacts, messages = shape(db)
    later = [m for m in messages if m[0] and m[0] >= "<m103@"]  # Sent mails of later batches
    assert later and all(email for _, email, _ in later)  # each still with its buyer's address
    assert {"anna@brake.example", "bo@valve.example"} <= {c[0] for c in contacts}


def test_a_batch_that_rolls_back_leaves_nothing_remembered(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        mail_server: MailServer) -> None:
    from leaddesk.importers.base import ImportOptions
    from leaddesk.services.mail import sync as mail_sync
    from leaddesk.services.storing import ContactMemory

    fill(mail_server)
    one = synced(capsys, monkeypatch, tmp_path / "one", mail_server, 1000)
    monkeypatch.setattr(mail_sync, "BATCH_MAILS", 3)
    (tmp_path / "many").mkdir()
    db = tmp_path / "many" / "desk.db"
    add_account(capsys, monkeypatch, db, mail_server)
    make_known(capsys, db, tmp_path / "many", BUYER)
    memories: list[ContactMemory] = []

    class Watched(ContactMemory):
        def __init__(self) -> None:
            super().__init__()
            memories.append(self)

    advance, calls = mail_sync._advance, []

    def fails_in_sent(session: object, *args: object) -> None:
        calls.append(args)
        if args[1] == "sent":  # the first Sent batch, its new contacts made, rolls back
            assert memories[0].pending
            raise RuntimeError("disk full")
        advance(session, *args)

    monkeypatch.setattr(mail_sync, "ContactMemory", Watched)
    monkeypatch.setattr(mail_sync, "_advance", fails_in_sent)
    with open_desk(str(db)) as desk, pytest.raises(RuntimeError):
        list(mail_sync.sync_accounts(desk, [], ImportOptions(), actor="tester"))
    [memory] = memories
    with open_desk(str(db)) as desk, desk.transaction() as session:
        assert set(session.scalars(select(Identity.value))) == {BUYER}  # nothing of Sent
        live = set(session.scalars(select(Contact.id)))
    assert not memory.pending and memory.known
    assert {contact for contact, _ in memory.known.values()} <= live
    monkeypatch.setattr(mail_sync, "_advance", advance)
    code, [report], err = sync(capsys, db)
    assert code == 0 and not report["errors"], err
    assert shape(db) == shape(one)
    uses(db)
