"""Attachments kept beside the desk: once per content, private, listed and saved by id,
and gone with their batch on revert unless another message still has the same bytes
(SQLite and PostgreSQL)."""

import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from leaddesk.db.models import Attachment
from leaddesk.importers.base import ImportOptions
from leaddesk.services.attachments import blob_path, inquiry_attachments, save_attachment
from leaddesk.services.desk import Desk
from leaddesk.services.imports import ImportReport, import_file
from leaddesk.services.revert import revert_import

DRAWING = b"%PDF-1.4\n" + b"drawing of the mount " * 500
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64


def _chat(folder: Path, buyer: str, media: dict[str, bytes]) -> Path:
    lines = [f"[0{i + 1}/02/2021, 10:00:00] {buyer}: \u200e<attached: {name}>"
             for i, name in enumerate(media)]
    path = folder / f"WhatsApp Chat - {buyer}.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", "\n".join([f"[01/01/2021, 09:00:00] {buyer}: Hello", *lines]))
        for name, data in media.items():
            archive.writestr(name, data)
    return path


def _import(desk: Desk, path: Path, **options: int) -> ImportReport:
    return import_file(desk, path, ImportOptions(**options), actor="anna", zone=ZoneInfo("UTC"))  # type: ignore[arg-type]


def _rows(desk: Desk) -> list[tuple[str, int, str | None]]:
    with desk.transaction() as session:
        found = session.scalars(select(Attachment).order_by(Attachment.id))
        return [(a.name, a.size, a.sha256) for a in found]


def test_the_same_bytes_from_two_messages_are_kept_once(desk: Desk, tmp_path: Path) -> None:
    first = _import(desk, _chat(tmp_path, "Wang Lei", {"drawing.pdf": DRAWING, "photo.jpg": PHOTO}))
    second = _import(desk, _chat(tmp_path, "Lukas Becker", {"Zeichnung.pdf": DRAWING}))
    assert first.batch and second.batch
    rows = _rows(desk)
    assert [(name, size) for name, size, _ in rows] == [
        ("drawing.pdf", len(DRAWING)), ("photo.jpg", len(PHOTO)), ("Zeichnung.pdf", len(DRAWING))]
    assert rows[0][2] == rows[2][2] and rows[0][2] != rows[1][2]
    kept = sorted(p.name for p in desk.attachments.iterdir() if p.is_file())
    assert kept == sorted({rows[0][2], rows[1][2]})
    for sha in kept:
        assert oct(blob_path(desk.attachments, sha).stat().st_mode & 0o777) == "0o600"
    assert oct(desk.attachments.stat().st_mode & 0o777) == "0o700"


def test_revert_removes_only_the_files_no_one_else_uses(desk: Desk, tmp_path: Path) -> None:
    first = _import(desk, _chat(tmp_path, "Wang Lei", {"drawing.pdf": DRAWING, "photo.jpg": PHOTO}))
    _import(desk, _chat(tmp_path, "Lukas Becker", {"Zeichnung.pdf": DRAWING}))
    assert first.batch
    revert_import(desk, first.batch, actor="anna")
    rows = _rows(desk)
    assert [name for name, _, _ in rows] == ["Zeichnung.pdf"]
    assert [p.name for p in desk.attachments.iterdir() if p.is_file()] == [rows[0][2]]
    assert blob_path(desk.attachments, rows[0][2] or "").read_bytes() == DRAWING


def test_a_file_over_the_cap_is_named_not_kept_and_the_report_says_so(desk: Desk, tmp_path: Path) -> None:
    report = _import(desk, _chat(tmp_path, "Wang Lei", {"drawing.pdf": DRAWING, "photo.jpg": PHOTO}),
                     attachment_file_cap=len(DRAWING))
    assert _rows(desk)[1] == ("photo.jpg", len(PHOTO), None)
    over = [note for note in report.notes if "over the size cap" in note]
    assert len(over) == 1 and "photo.jpg (16 KB)" in over[0]
    assert len([p for p in desk.attachments.iterdir() if p.is_file()]) == 1


@pytest.mark.parametrize("to_folder", [True, False])
def test_an_attachment_is_listed_and_saved_with_its_bytes(desk: Desk, tmp_path: Path,
                                                         to_folder: bool) -> None:
    _import(desk, _chat(tmp_path, "Wang Lei", {"drawing.pdf": DRAWING}))
    with desk.transaction() as session:
        inquiry_id = session.scalars(select(Attachment)).one()
        from leaddesk.db.models import Message
        inquiry = session.get_one(Message, inquiry_id.message_id).inquiry_id
    listed = inquiry_attachments(desk, inquiry)
    assert [(a.name, a.size, a.media_type, a.stored) for a in listed] == [
        ("drawing.pdf", len(DRAWING), "application/pdf", True)]
    target = tmp_path / "out"
    target.mkdir()
    written = save_attachment(desk, listed[0].id, target if to_folder else target / "copy.pdf")
    assert written == target / ("drawing.pdf" if to_folder else "copy.pdf")
    assert written.read_bytes() == DRAWING


def test_erasing_a_person_removes_what_they_sent_but_not_what_others_sent(desk: Desk,
                                                                         tmp_path: Path) -> None:
    from leaddesk.services.personal_data import erase

    _import(desk, _chat(tmp_path, "Wang Lei", {"drawing.pdf": DRAWING, "photo.jpg": PHOTO}))
    _import(desk, _chat(tmp_path, "Lukas Becker", {"Zeichnung.pdf": DRAWING}))
    with desk.transaction() as session:
        from leaddesk.db.models import Contact
        wang = session.scalars(select(Contact.id).where(Contact.name == "Wang Lei")).one()
    erase(desk, str(wang), actor="anna")
    rows = _rows(desk)
    assert [name for name, _, _ in rows] == ["Zeichnung.pdf"]
    assert [p.name for p in desk.attachments.iterdir() if p.is_file()] == [rows[0][2]]


def _wechat_backup(folder: Path, media: dict[str, bytes], rows: list[tuple[str, str, str]]) -> Path:
    """A WeChat backup tool's CSV zipped with its File\\...\\ media: rows of (type, text, src)."""
    header = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
    lines = [header] + [f"{i},{7000 + i},{kind},0,wxid_buyer,陈经理,{text},{src},2024/10/4 11:{40 + i}"
                        for i, (kind, text, src) in enumerate(rows, start=1)]
    path = folder / "陈经理.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("陈经理.csv", "\n".join(lines))
        for name, data in media.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("src", "kept"), [
    ("File\\dd0e\\Image\\2024-10\\01c1.dat", True),  # as the tool writes it, Windows separators
    ("File/dd0e/File/2024-10/bracket.pdf", True),
    ("File\\dd0e\\Image\\2024-10\\not-in-the-zip.dat", False),  # named only
    ("..\\..\\etc\\passwd", False),  # a path out of the backup finds nothing outside the zip
])
def test_a_wechat_backups_media_come_with_its_messages(desk: Desk, tmp_path: Path, src: str,
                                                       kept: bool) -> None:
    media = {"File/dd0e/Image/2024-10/01c1.dat": PHOTO, "File/dd0e/File/2024-10/bracket.pdf": DRAWING}
    path = _wechat_backup(tmp_path, media, [("文本", "请看图纸", ""), ("图片", "图片", src)])
    report = _import(desk, path)
    assert (report.channel, report.messages_created) == ("wechat", 2)
    rows = _rows(desk)
    name = src.replace("\\", "/").rsplit("/", 1)[-1]
    expected = DRAWING if name.endswith(".pdf") else PHOTO
    if kept:
        assert [(n, size) for n, size, _ in rows] == [(name, len(expected))]
        assert blob_path(desk.attachments, str(rows[0][2])).read_bytes() == expected
    else:
        assert all(sha is None for _, _, sha in rows) and not any(desk.attachments.glob("*"))


def test_a_mail_too_big_to_hold_keeps_its_drawing(desk: Desk, tmp_path: Path) -> None:
    """Over 8 MB a mail is read as it goes (importers/bigmail.py): its attached file is kept
    all the same, byte for byte, and nothing is left in the desk's incoming folder."""
    import base64

    drawing = bytes(range(256)) * 40_000  # 10 MB: the mail is read as it goes
    encoded = base64.encodebytes(drawing).decode()
    path = tmp_path / "drawing.eml"
    path.write_text("From: Lukas Becker <l.becker@aero.example>\nTo: info@ericcointernational.com\n"
                    "Subject: the mount\nDate: Tue, 20 Apr 2021 09:00:00 +0000\n"
                    "Message-ID: <big@aero.example>\n"
                    'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\n'
                    "Content-Type: text/plain; charset=utf-8\n\nThe drawing, rev. 2.\n--b\n"
                    "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n"
                    f'Content-Disposition: attachment; filename="mount-rev2.pdf"\n\n{encoded}--b--\n')
    assert path.stat().st_size > 8 * 2**20
    report = _import(desk, path)
    assert report.messages_created == 1
    [(name, size, sha)] = _rows(desk)
    assert (name, size) == ("mount-rev2.pdf", len(drawing))
    assert blob_path(desk.attachments, str(sha)).read_bytes() == drawing
    assert not [p for p in desk.originals.rglob("*") if p.is_file()]


def test_a_wechat_backups_file_is_found_by_its_path_first(desk: Desk, tmp_path: Path) -> None:
    """image/1.jpg and thumb/1.jpg are two files: the message's path picks its own, and a
    src naming the chat table itself attaches nothing."""
    media = {"File/Image/1.jpg": PHOTO, "File/Thumb/1.jpg": DRAWING}
    path = _wechat_backup(tmp_path, media, [("图片", "图片", "File\\Image\\1.jpg"),
                                            ("图片", "图片", "陈经理.csv")])
    _import(desk, path)
    [(name, size, _sha)] = _rows(desk)
    assert (name, size) == ("1.jpg", len(PHOTO))


def test_a_wechat_backup_zipped_in_gbk_is_read_as_one(desk: Desk, tmp_path: Path) -> None:
    header = "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime"
    rows = [header, "1,1,文本,0,wxid_buyer,陈经理,请报价五十台,,2024/10/4 11:40"]
    path = tmp_path / "backup.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("陈经理.csv", "\r\n".join(rows).encode("gbk"))
        archive.writestr("File/Image/a.jpg", PHOTO)
    report = _import(desk, path)
    assert (report.channel, report.messages_created) == ("wechat", 1)
