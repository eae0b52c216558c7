"""`leaddesk db restore FILE` as a person types it: a backup back in place, the desk as it
was kept beside it; a file that is no good backup refused in one line."""

import gzip
import sqlite3
from pathlib import Path

import pytest

from leaddesk.__main__ import main
from tests.desks import counts


@pytest.mark.parametrize("compressed", [False, True])
def test_db_restore_puts_a_backup_back(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       compressed: bool) -> None:
    db, copy = tmp_path / "desk.db", tmp_path / "copy.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "db", "backup", str(copy)]) == 0
    was = counts(db)
    if compressed:
        copy = copy.with_name("copy.db.gz")
        copy.write_bytes(gzip.compress((tmp_path / "copy.db").read_bytes()))
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("DELETE FROM followups")
    connection.close()
    capsys.readouterr()
    assert main(["db", "restore", str(copy), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"restored {copy} (schema ") and ".before-restore-" in out
    assert counts(db) == was
    [kept] = tmp_path.glob("desk.db.before-restore-*")
    assert counts(kept)["followups"] == 0


def test_db_restore_refuses_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, foreign = tmp_path / "desk.db", tmp_path / "songs.db"
    assert main(["--db", str(db), "demo"]) == 0
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), "db", "restore", str(foreign)]) == 1
    _, err = capsys.readouterr()
    assert err == f"leaddesk: {foreign}: not a LeadDesk database (it holds other tables)\n"
    assert db.read_bytes() == before
