"""Importing files into a real database: one buyer across files, idempotent, reversible,
all or nothing."""

import json
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Contact, DuplicateCandidate, Inquiry, Message
from leaddesk.errors import LeadDeskError
from leaddesk.importers.base import ImportFileError, ImportOptions
from leaddesk.services.contacts import list_contacts
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file, list_batches
from leaddesk.services.inquiries import list_inquiries
from leaddesk.services.revert import revert_batch

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = sorted(p for p in (DATA / "samples").rglob("*")
                 if p.is_file() and p.parent.name != "site" and p.name != "README.md")
UTC = ZoneInfo("UTC")
ME = "tester"


def _import(desk: Desk, path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
    options = kwargs.pop("options", None) or ImportOptions()
    return import_file(desk, path, options, actor=ME, zone=UTC, **kwargs)  # type: ignore[arg-type]


def _counts(desk: Desk) -> tuple[int, int, int]:
    with desk.transaction() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[return-value]
                     for model in (Contact, Inquiry, Message))


def test_all_samples_give_one_contact_per_buyer(desk: Desk) -> None:
    reports = [_import(desk, path) for path in SAMPLES]
    assert sum(r.messages_created for r in reports) == 36
    with desk.transaction() as session:
        contacts = {c.name: c for c in list_contacts(session)}
        duplicates = session.scalar(select(func.count()).select_from(DuplicateCandidate))
    assert sorted(contacts) == sorted(["Lukas Becker", "王磊", "Maria Santos", "Ahmed Al Mansouri",
                                       "Priya Nair", "Oleg Petrov", "Nguyen Van An", "陈经理",
                                       "Lena Fischer", "test"])
    assert contacts["Lukas Becker"].phones == ["+4915123456789"]
    assert contacts["Lukas Becker"].emails == ["l.becker@aero-systems.example.de"]
    assert contacts["王磊"].wechat_ids == ["wanglei_uav88"]
    assert "+8613800138000" in contacts["王磊"].phones
    assert contacts["陈经理"].phones == ["+8618628013579"]
    assert contacts["Lena Fischer"].emails == ["lena.fischer@nordnav.example.no"]
    assert duplicates == 0
    with desk.transaction() as session:
        spam = session.scalars(select(Contact.name).where(Contact.likely_spam)).all()
        lukas = [i for i in list_inquiries(session) if i.contact == "Lukas Becker"]
    assert spam == ["test"]
    # The form mail and our reply to it are one inquiry, whichever was imported first.
    assert sorted((i.channel, i.messages) for i in lukas) == [
        ("site_form", 1), ("site_form", 2), ("whatsapp", 8)]


def test_importing_twice_adds_nothing(desk: Desk) -> None:
    first = [_import(desk, path) for path in SAMPLES]
    before = _counts(desk)
    again = [_import(desk, path) for path in SAMPLES]
    assert _counts(desk) == before
    assert sum(r.messages_created for r in again) == 0
    assert [r.messages_skipped for r in again] == [r.messages_created for r in first]
    assert all(r.batch is None for r in again)  # nothing new: no batch


def test_a_longer_export_adds_only_the_new_messages(desk: Desk, tmp_path: Path) -> None:
    full = (DATA / "samples/whatsapp/WhatsApp Chat with +49 1512 3456789.txt").read_text()
    lines = full.splitlines()
    chat = tmp_path / "WhatsApp Chat with +49 1512 3456789.txt"
    chat.write_text("\n".join(lines[:5]) + "\n")
    first = _import(desk, chat)
    chat.write_text(full)
    second = _import(desk, chat)
    assert (first.messages_created, second.messages_created, second.messages_skipped) == (4, 4, 4)
    with desk.transaction() as session:
        assert [i.messages for i in list_inquiries(session)] == [8]


def test_a_chat_that_goes_quiet_becomes_two_inquiries(desk: Desk, tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    chat.write_text("01/02/2021, 10:00 - Ana: hello\n13/02/2021, 10:00 - Me: hi\n"
                    "20/06/2021, 10:00 - Ana: me again\n")
    report = _import(desk, chat, gap_days=30)
    assert (report.inquiries_created, report.messages_created) == (2, 3)


def test_revert_removes_exactly_one_batch(desk: Desk) -> None:
    vcard = _import(desk, DATA / "samples/contacts/customers.vcf")
    before = _counts(desk)
    chat = _import(desk, DATA / "samples/whatsapp/WhatsApp Chat with +49 1512 3456789.txt")
    form = _import(desk, DATA / "samples/forms/inquiries-export-utf8.csv")
    with desk.transaction() as session:
        removed = revert_batch(session, form.batch, actor=ME).removed  # type: ignore[arg-type]
        revert_batch(session, chat.batch, actor=ME)  # type: ignore[arg-type]
    assert removed["messages"] == 4 and removed["contacts"] == 3  # Lukas stays: the vCard made him
    assert _counts(desk) == before
    with desk.transaction() as session:
        assert [c.name for c in list_contacts(session)][-1] == "Lukas Becker"
        batches = list_batches(session)
        assert [(b.id, b.reverted_at is not None) for b in batches] == [
            (form.batch, True), (chat.batch, True), (vcard.batch, False)]
        with pytest.raises(LeadDeskError, match="already reverted"):
            revert_batch(session, chat.batch, actor=ME)  # type: ignore[arg-type]


def _evil_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("../../escape.txt", "x")
        archive.writestr("_chat.txt", "[01/02/2021, 10:00:00] A: hi\n")
    return path


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", "0" * (50 * 1024 * 1024))
    return path


def _damaged_zip(path: Path) -> Path:
    """A zip whose directory is whole but whose chat is broken far into its compressed data:
    found only while the chat is being read."""
    lines = "".join(f"01/02/2021, 10:{i % 60:02d} - Ana: message {i} {i * 7919 % 10007}\n"
                    for i in range(40000))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_chat.txt", lines)
    data = bytearray(path.read_bytes())
    start = data.index(b"_chat.txt") + len("_chat.txt")
    for offset in range(start + 200_000, start + 200_064):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


BAD_FILES = {
    "random bytes": (lambda p: (p.write_bytes(bytes(range(256)) * 40), p)[1], "not a chat"),
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "the file is empty"),
    "pdf renamed": (lambda p: (p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00"), p)[1],
                    "binary data"),
    "truncated zip": (lambda p: (p.write_bytes(
        (DATA / "samples/whatsapp/WhatsApp Chat - Ahmed Al Mansouri.zip").read_bytes()[:700]), p)[1],
        "damaged zip"),
    "zip with ../": (_evil_zip, "points outside the archive"),
    "zip damaged inside": (_damaged_zip, "damaged zip archive"),
    "zip bomb": (_bomb, "zip bomb"),
    "no such file": (lambda p: p, "No such file"),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_files_are_refused_and_change_nothing(desk: Desk, tmp_path: Path, kind: str) -> None:
    _import(desk, DATA / "samples/contacts/customers.vcf")
    before = _counts(desk)
    make, message = BAD_FILES[kind]
    path = make(tmp_path / "WhatsApp Chat - bad.txt")
    with pytest.raises(ImportFileError, match=message) as error:
        _import(desk, path)
    assert str(error.value).startswith("WhatsApp Chat - bad.txt")
    assert _counts(desk) == before
    assert not (tmp_path.parent / "escape.txt").exists()


def test_strict_makes_a_bad_row_fail_the_whole_file(desk: Desk, tmp_path: Path) -> None:
    csv = tmp_path / "form.csv"
    csv.write_text("Name,Email,Message,Date\nAna,ana@x.br,hi,2021-04-01 10:00\nBob,b@x.de,hi,soon\n")
    with pytest.raises(ImportFileError, match=r"form.csv:3: unreadable date 'soon' \(--strict\)"):
        _import(desk, csv, strict=True)
    assert _counts(desk) == (0, 0, 0)
    report = _import(desk, csv)
    assert (report.messages_created, report.errors) == (1, [{"line": 3,
                                                             "message": "unreadable date 'soon'"}])


def test_the_summary_is_kept_on_the_batch(desk: Desk) -> None:
    report = _import(desk, DATA / "samples/email/chinese-inquiry-gb2312.eml")
    with desk.transaction() as session:
        assert list_batches(session)[0].messages_created == 1
    assert json.loads(json.dumps(report.__dict__))["channel"] == "email"


@pytest.mark.parametrize(("encoding", "tail"), [
    ("utf-8", "13/04/2021, 10:00 - Ana: price\x00 list\x07 please\n"),  # NUL after the first 8 KB
    ("utf-16-le", "13/04/2021, 10:00 - Ana: price list please\n"),  # no byte order mark
])
def test_a_chat_with_nul_bytes_or_in_utf16_is_stored_clean(desk: Desk, tmp_path: Path, encoding: str,
                                                             tail: str) -> None:
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    text = "".join(f"13/04/2021, 09:{i % 60:02d} - Ana: line {i}\n" for i in range(300)) + tail
    chat.write_bytes(text.encode(encoding))
    report = _import(desk, chat)
    assert report.messages_created == 301
    assert report.notes == (["2 control characters (NUL and the like) removed from the text"]
                            if encoding == "utf-8" else [])
    with desk.transaction() as session:
        last = session.scalars(select(Message).order_by(Message.sent_at.desc())).first()
    assert last is not None and (last.body, last.original) == ("price list please", "price list please")
