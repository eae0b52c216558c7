"""Values too long to store whole: stored cut with a marker, kept whole in a private file
beside the desk, and gone with the last row that names them (SQLite and PostgreSQL)."""

from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from leaddesk.db.models import Contact, Message
from leaddesk.importers.base import ImportOptions
from leaddesk.importers.longtext import TEXT_CAP
from leaddesk.services.desk import Desk
from leaddesk.services.imports import ImportReport, import_file
from leaddesk.services.originals import path_of
from leaddesk.services.personal_data import erase
from leaddesk.services.revert import revert_import

ME = "anna"
NOTE = "".join(f"line {i} of the buyer's specification, ok. " for i in range(60_000))  # 2.6 M


def _folded(text: str) -> str:
    return "\r\n ".join(text[i:i + 74] for i in range(0, len(text), 74))


def _vcard(folder: Path, folded: bool) -> tuple[Path, str]:
    note = _folded(NOTE) if folded else NOTE
    card = (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lukas Becker\r\nTEL:+49 1512 3456789\r\nNOTE:{note}\r\n"
            "END:VCARD\r\n")
    path = folder / "big.vcf"
    path.write_text(card, encoding="utf-8", newline="")
    return path, card


def _import(desk: Desk, path: Path) -> ImportReport:
    return import_file(desk, path, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))


@pytest.mark.parametrize("folded", [True, False], ids=["folded", "one-line"])
def test_a_card_with_a_huge_note_is_stored_cut_and_kept_whole(desk: Desk, tmp_path: Path,
                                                              folded: bool) -> None:
    path, card = _vcard(tmp_path, folded)
    report = _import(desk, path)
    assert report.contacts_created == 1
    assert any("too long to store whole" in note for note in report.notes)
    with desk.transaction() as session:
        contact = session.scalars(select(Contact)).one()
    assert contact.notes.startswith(NOTE[:1000]) and len(contact.notes) < TEXT_CAP + 200
    assert contact.notes[TEXT_CAP:].startswith("\n\n[cut here: the whole text (2,")
    kept = path_of(desk.originals, contact.original_file or "")
    assert kept.read_bytes().decode("utf-8") == card
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert oct(desk.originals.stat().st_mode & 0o777) == "0o700"
    assert list((desk.originals / "incoming").iterdir()) == []  # nothing left half-way


def _long_chat(folder: Path) -> Path:
    path = folder / "WhatsApp Chat with Ana.txt"
    path.write_text(f"01/02/2021, 10:00 - Ana: {NOTE}\n01/02/2021, 10:05 - Ana: short\n", encoding="utf-8")
    return path


def _revert(desk: Desk, report: ImportReport) -> None:
    revert_import(desk, report.batch or 0, actor=ME)


def _erase(desk: Desk, report: ImportReport) -> None:
    erase(desk, "1", actor=ME)


@pytest.mark.parametrize("undo", [_revert, _erase], ids=["revert", "erase"])
def test_the_kept_file_goes_with_the_last_row_that_names_it(
        desk: Desk, tmp_path: Path, undo: Callable[[Desk, ImportReport], None]) -> None:
    path, _ = _vcard(tmp_path, folded=True)
    report = _import(desk, path)
    with desk.transaction() as session:
        name = session.scalars(select(Contact.original_file)).one()
    assert name and path_of(desk.originals, name).exists()
    undo(desk, report)
    assert not path_of(desk.originals, name).exists()


def test_a_failed_import_leaves_no_file(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text(f"01/02/2021, 10:00 - Ana: {NOTE}\n45/45/2021, 99:99 - Ana: broken\n", encoding="utf-8")
    with pytest.raises(Exception, match=r"WhatsApp Chat with Ana\.txt"):
        _import(desk, path)
    folder = desk.originals
    assert not folder.exists() or not [p for p in folder.rglob("*") if p.is_file()]
    with desk.transaction() as session:
        assert session.scalars(select(Message)).all() == []


@pytest.mark.parametrize(("length", "cut"), [(200_000, False), (3_000_000, True)])
def test_a_form_entry_with_a_long_message(desk: Desk, tmp_path: Path, length: int, cut: bool) -> None:
    text = ("Please quote 40 units, " * (length // 23 + 1))[:length]
    record = f'Lukas Becker,l.becker@aero-systems.example.de,"{text}",2021-04-20 09:12\r\n'
    path = tmp_path / "form.csv"
    path.write_bytes(("Name,Email,Message,Submitted\r\n" + record).encode())
    report = _import(desk, path)
    assert (report.messages_created, report.errors) == (1, [])
    with desk.transaction() as session:
        message = session.scalars(select(Message)).one()
    assert message.body.startswith(text[:TEXT_CAP])
    if not cut:
        assert (message.body, message.original_file) == (text, None)
        return
    assert message.body[TEXT_CAP:] == (f"\n\n[cut here: the whole entry ({len(record):,} characters) "
                                       "is kept in a file beside the desk]")
    assert path_of(desk.originals, message.original_file or "").read_bytes().decode() == record


@pytest.mark.parametrize("layout", ["copied", "csv"])
def test_a_wechat_message_too_long_to_store_whole(desk: Desk, tmp_path: Path, layout: str) -> None:
    if layout == "copied":
        content = f"陈经理 2021/5/6 10:15:32\n{NOTE}\n\nEricco Sales 2021/5/6 10:20:00\n好的\n"
        path = tmp_path / "chat.txt"
    else:
        content = ("id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
                   f"1,11,文本,0,wxid_b,陈经理,{NOTE.replace(',', ';')},,2021/5/6 10:15\n"
                   "2,12,文本,1,wxid_b,陈经理,好的,,2021/5/6 10:20\n")
        path = tmp_path / "chat.csv"
    path.write_text(content, encoding="utf-8")
    report = _import(desk, path)
    assert (report.channel, report.messages_created, report.errors) == ("wechat", 2, [])
    with desk.transaction() as session:
        long, short = session.scalars(select(Message).order_by(Message.sent_at)).all()
    assert (short.body, short.direction, long.direction) == ("好的", "out", "in")
    assert len(long.body) < TEXT_CAP + 200 and "[cut here: the whole" in long.body[TEXT_CAP:]
    kept = path_of(desk.originals, long.original_file or "").read_bytes().decode()
    assert NOTE.replace(",", ";") in kept if layout == "csv" else kept == NOTE


@pytest.mark.parametrize("shape", ["one-line", "many-lines", "cp1252"])
def test_a_whatsapp_message_too_long_to_store_whole(desk: Desk, tmp_path: Path, shape: str) -> None:
    text = NOTE if shape != "many-lines" else "\n".join(NOTE[i:i + 900] for i in range(0, len(NOTE), 900))
    chat = (f"13/04/2021, 09:41 - Ana: hi\n13/04/2021, 09:42 - Ana: {text}\n"
            "13/04/2021, 09:43 - Ana: the end\n")
    if shape == "cp1252":  # not UTF-8: read in the encoding the whole file is in
        chat = chat.replace("hi", "Café")
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_bytes(chat.encode("cp1252" if shape == "cp1252" else "utf-8"))
    report = _import(desk, path)
    assert report.messages_created == 3 and any("too long to store whole" in n for n in report.notes)
    with desk.transaction() as session:
        first, long, last = session.scalars(select(Message).order_by(Message.sent_at)).all()
    assert (first.body, last.body) == ("Café" if shape == "cp1252" else "hi", "the end")
    assert long.body.startswith(text[:1000]) and "[cut here: the whole text" in long.body[TEXT_CAP:]
    assert path_of(desk.originals, long.original_file or "").read_bytes().decode() == text


def _mail(number: int, text: str) -> str:
    return (f"From: Buyer {number} <buyer{number}@mail.example>\nTo: info@ericcointernational.com\n"
            f"Subject: inquiry {number}\nDate: Tue, 20 Apr 2021 09:{number:02d}:00 +0000\n"
            f"Message-ID: <m{number}@mail.example>\nContent-Type: text/plain; charset=utf-8\n\n{text}\n")


@pytest.mark.parametrize("size", [3_000_000, 12_000_000], ids=["read-whole", "read-as-it-goes"])
def test_a_mail_too_long_to_store_whole(desk: Desk, tmp_path: Path, size: int) -> None:
    text = ("Please quote 40 units of the ER-FOGI-40.\n" * (size // 41 + 1))[:size]
    path = tmp_path / "big.eml"
    path.write_text(_mail(1, text), encoding="utf-8")
    report = _import(desk, path)
    assert report.messages_created == 1 and any("too long to store whole" in n for n in report.notes)
    with desk.transaction() as session:
        message = session.scalars(select(Message)).one()
    assert message.body.startswith(text[:1000]) and len(message.body) < TEXT_CAP + 200
    assert (message.original_file or "").endswith(".eml")
    assert path_of(desk.originals, message.original_file or "").read_bytes() == path.read_bytes()


def test_a_huge_mail_inside_an_mbox(desk: Desk, tmp_path: Path) -> None:
    huge = ("Drawing notes, revision B. " * 500_000)  # 13.5 MB: spooled, read as it goes
    mails = [_mail(1, "first"), _mail(2, huge), _mail(3, "third")]
    path = tmp_path / "archive.mbox"
    path.write_text("".join(f"From buyer@mail.example Tue Apr 20 09:00:00 2021\n{m}\n" for m in mails),
                    encoding="utf-8")
    report = _import(desk, path)
    assert (report.messages_created, report.errors) == (3, [])
    with desk.transaction() as session:
        bodies = {m.subject: m for m in session.scalars(select(Message))}
    assert (bodies["inquiry 1"].body, bodies["inquiry 3"].body) == ("first", "third")
    kept = path_of(desk.originals, bodies["inquiry 2"].original_file or "").read_bytes()
    assert kept == mails[1].encode() + b"\n"
    assert list((desk.originals / "incoming").iterdir()) == []
