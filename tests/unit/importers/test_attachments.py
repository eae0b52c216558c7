"""Attachments as drafts: the media in a WhatsApp zip matched to the message naming them,
a mail's attached parts, hostile names made safe, big files named with their size."""

import random
import zipfile
from pathlib import Path

import pytest

from leaddesk.domain.attachments import readable_size, safe_name
from leaddesk.domain.drafts import AttachmentDraft
from tests.unit.importers.conftest import DATA

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
PDF = b"%PDF-1.4\n" + b"spec sheet " * 300 + b"\n%%EOF\n"
CHAT = ("[01/01/2021, 10:00:00] Wang Lei: Hello, drawing attached\n"
        "[01/01/2021, 10:00:05] Wang Lei: \u200e<attached: 00000001-PHOTO-2021-01-01.jpg>\n"
        "01/01/2021, 10:01 - Wang Lei: IMG-20210101-WA0001.jpg (file attached)\n"
        "[01/01/2021, 10:02:00] Wang Lei: \u200e<attached: missing.pdf>\n"
        "[01/01/2021, 10:03:00] Ericco Sales: Thank you\n")


def _zip(folder: Path, members: dict[str, bytes]) -> Path:
    path = folder / "WhatsApp Chat - Wang Lei.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _files(parsed) -> list[list[AttachmentDraft]]:  # type: ignore[no-untyped-def]
    return [m.files for d in parsed.inquiries for m in d.messages]


def _read(draft: AttachmentDraft) -> bytes:
    with draft.opener() as stream:
        return stream.read()


def test_the_media_in_a_zip_are_drafts_of_the_messages_naming_them(parse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _zip(tmp_path, {"_chat.txt": CHAT.encode(), "00000001-PHOTO-2021-01-01.jpg": JPEG,
                           "IMG-20210101-WA0001.jpg": JPEG[::-1], "unrelated.opus": b"OggS"})
    files = _files(parse(path.name, path))
    assert [[(f.name, f.size, f.media_type) for f in found] for found in files] == [
        [], [("00000001-PHOTO-2021-01-01.jpg", len(JPEG), "image/jpeg")],
        [("IMG-20210101-WA0001.jpg", len(JPEG), "image/jpeg")], [], []]
    assert _read(files[1][0]) == JPEG and _read(files[2][0]) == JPEG[::-1]


def test_the_sample_zip_keeps_its_datasheet(parse) -> None:  # type: ignore[no-untyped-def]
    sample = DATA / "samples/whatsapp/WhatsApp Chat - Ahmed Al Mansouri.zip"
    if not sample.exists():
        sample = Path("/work/shared/samples/whatsapp/WhatsApp Chat - Ahmed Al Mansouri.zip")
    found = [f for files in _files(parse(sample.name, sample)) for f in files]
    assert [(f.name, f.media_type) for f in found] == [("00000007-ER-INS-02 datasheet.pdf",
                                                         "application/pdf")]


def _mail(filename: str, payload: bytes, kind: str = "application/pdf",
          disposition: str = "attachment") -> bytes:
    import base64

    encoded = base64.encodebytes(payload).decode()
    return (f"From: Wang Lei <wanglei@feikong.example.cn>\nTo: sales@ericco.example\n"
            f"Date: Mon, 3 May 2021 14:05:09 +0800\nSubject: RFQ\nMIME-Version: 1.0\n"
            f'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
            f"Please quote, drawing attached.\n--b\nContent-Type: {kind}\n"
            f'Content-Disposition: {disposition}; filename="{filename}"\n'
            f"Content-Transfer-Encoding: base64\n\n{encoded}--b--\n").encode()


@pytest.mark.parametrize(("filename", "disposition", "expected"), [
    ("ER-INS-02 drawing.pdf", "attachment", "ER-INS-02 drawing.pdf"),
    ("../../etc/passwd", "attachment", "passwd"),
    ("/etc/shadow", "attachment", "shadow"),
    ("..\\\\..\\\\windows\\\\system32\\\\evil.pdf", "attachment", "evil.pdf"),
    ("CON.pdf", "attachment", "_CON.pdf"),
    ("logo.png", "inline", None),
])
def test_a_mail_s_attached_part_is_a_draft_with_a_safe_name(parse, filename: str, disposition: str,  # type: ignore[no-untyped-def]
                                                           expected: str | None) -> None:
    parsed = parse("rfq.eml", _mail(filename, PDF, disposition=disposition))
    files = _files(parsed)[0]
    if expected is None:
        assert files == []
        return
    assert [(f.name, f.size, f.media_type) for f in files] == [(expected, len(PDF), "application/pdf")]
    assert _read(files[0]) == PDF


@pytest.mark.parametrize(("name", "safe"), [
    ("../../etc/passwd", "passwd"), ("C:\\Windows\\win.ini", "win.ini"), ("aux", "_aux"),
    ("nul.txt", "_nul.txt"), ("..", "attachment"), ("", "attachment"), (".hidden", "hidden"),
    ("a\x00b\u202egpj.exe", "a_b_gpj.exe"), ("spec:v2?.pdf", "spec_v2_.pdf"),
    ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
])
def test_a_stranger_s_file_name_is_never_a_path(name: str, safe: str) -> None:
    assert safe_name(name) == safe
    assert "/" not in safe_name(name) and "\\" not in safe_name(name)


@pytest.mark.parametrize(("size", "shown"), [(912, "912 B"), (48 * 1024, "48 KB"),
                                             (int(3.4 * 1024 * 1024), "3.4 MB"),
                                             (3 * 1024 ** 3, "3.0 GB")])
def test_sizes_as_people_read_them(size: int, shown: str) -> None:
    assert readable_size(size) == shown


def test_a_file_over_the_cap_is_a_draft_with_its_size_and_never_read(parse, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = random.Random(7).randbytes(3 * 1024 * 1024)  # compresses no better than a photo
    path = _zip(tmp_path, {"_chat.txt": CHAT.encode(), "00000001-PHOTO-2021-01-01.jpg": big,
                           "IMG-20210101-WA0001.jpg": JPEG})
    from leaddesk.services.attachments import Blobs

    blobs = Blobs(tmp_path / "kept", file_cap=1024 * 1024)
    files = [f for found in _files(parse(path.name, path)) for f in found]
    kept = [blobs.keep(f) for f in files]
    assert [k.sha256 is None for k in kept] == [True, False]
    assert blobs.skipped == [("00000001-PHOTO-2021-01-01.jpg", len(big))]
    assert [p.name for p in (tmp_path / "kept").iterdir() if p.is_file()] == [kept[1].sha256]
    note = blobs.note() or ""
    assert "1 attachments over the size cap" in note and "00000001-PHOTO-2021-01-01.jpg (3.0 MB)" in note
