"""`leaddesk attachments INQUIRY`: the files buyers sent, listed (and as JSON), and one
written out with --save; a wrong id is a one-line error."""

import base64
import json
from pathlib import Path

import pytest

from tests.cli.run import leaddesk

DRAWING = b"%PDF-1.4\n" + b"drawing of the mount " * 500


def _mail(folder: Path) -> Path:
    path = folder / "rfq.eml"
    encoded = base64.encodebytes(DRAWING).decode()
    path.write_text(
        "From: Wang Lei <wanglei@feikong.example.cn>\nTo: sales@ericco.example\n"
        "Date: Mon, 3 May 2021 14:05:09 +0800\nSubject: RFQ\nMIME-Version: 1.0\n"
        'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\n'
        "Please quote, drawing attached.\n--b\nContent-Type: application/pdf\n"
        'Content-Disposition: attachment; filename="../../ER-INS-02 drawing.pdf"\n'
        f"Content-Transfer-Encoding: base64\n\n{encoded}--b--\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    database = str(tmp_path / "desk.db")
    code, _, err = leaddesk(capsys, "--db", database, "import", str(_mail(tmp_path)))
    assert (code, err) == (0, "")
    return database


def test_attachments_are_listed_and_one_is_saved(db: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = leaddesk(capsys, "--db", db, "attachments", "1", "--json")
    listed = json.loads(out)
    assert code == 0
    assert [(a["name"], a["size"], a["media_type"], a["stored"]) for a in listed] == [
        ("ER-INS-02 drawing.pdf", len(DRAWING), "application/pdf", True)]
    code, out, _ = leaddesk(capsys, "--db", db, "attachments", "1")
    assert code == 0 and "ER-INS-02 drawing.pdf" in out and "10 KB" in out
    target = tmp_path / "out.pdf"
    code, out, _ = leaddesk(capsys, "--db", db, "attachments", "1", "--save", str(listed[0]["id"]),
                            str(target))
    assert code == 0 and target.read_bytes() == DRAWING


@pytest.mark.parametrize(("args", "error"), [
    (("attachments", "1", "--save", "99", "x.pdf"), "inquiry #1 has no attachment 99"),
    (("attachments", "42"), "no inquiry #42"),
])
def test_a_wrong_id_is_one_line(db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
                                error: str) -> None:
    code, _, err = leaddesk(capsys, "--db", db, *args)
    assert code == 1 and err.strip() == f"leaddesk: {error}"
