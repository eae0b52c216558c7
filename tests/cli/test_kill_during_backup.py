"""A kill -9 at any moment of a backup or a restore leaves the desk whole (same counts,
integrity ok) and every earlier backup whole and readable."""

import gzip
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leaddesk.services.backups import Backup, list_backups, make_backup
from tests.desks import counts, integrity

BACKUP_SCRIPT = ("import sys\nfrom pathlib import Path\n"
                 "from leaddesk.services.backups import make_backup\n"
                 "make_backup(Path(sys.argv[1]), Path(sys.argv[2]))\n")


@pytest.fixture(scope="session")
def big_desk_backup(big_desk_original: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An automatic backup of the big desk, made once (every test's desk is a copy of it)."""
    return make_backup(big_desk_original, tmp_path_factory.mktemp("big-backups")).path


def _copy_of(backup: Path, folder: Path) -> Backup:
    folder.mkdir()
    shutil.copyfile(backup, folder / backup.name)
    return list_backups(folder, Path("big.db"))[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wait_for(folder: Path, pattern: str, process: subprocess.Popen[bytes], seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if any(folder.glob(pattern)):
            return True
        time.sleep(0.01)
    return False


def _kill(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(30)


def _readable(backup: Path, tmp_path: Path) -> dict[str, int]:
    plain = tmp_path / f"check-{backup.name}.db"
    plain.write_bytes(gzip.decompress(backup.read_bytes()))
    assert integrity(plain) == ["ok"]
    found = counts(plain)
    plain.unlink()
    return found


@pytest.mark.parametrize(("stage", "after"), [
    (".*.copy.partial", 0.0),  # as the copy begins
    (".*.copy.partial", 0.4),  # halfway through the copy
    ("*.db.gz.partial", 0.3),  # while it is compressed
])
def test_a_backup_killed_at_any_moment(big_desk: Path, big_desk_backup: Path, tmp_path: Path,
                                       stage: str, after: float) -> None:
    folder = tmp_path / "backups"
    earlier = _copy_of(big_desk_backup, folder)
    was, digest = counts(big_desk), _digest(earlier.path)
    process = subprocess.Popen([sys.executable, "-c", BACKUP_SCRIPT, str(big_desk), str(folder)])
    try:
        assert _wait_for(folder, stage, process), "the backup ended before that moment"
        time.sleep(after)
    finally:
        _kill(process)
    assert process.returncode == -9
    assert integrity(big_desk) == ["ok"] and counts(big_desk) == was
    assert [b.path for b in list_backups(folder, big_desk)] == [earlier.path]  # no half backup
    assert _digest(earlier.path) == digest and _readable(earlier.path, tmp_path) == was
    again = make_backup(big_desk, folder)  # the next one clears what the killed one left
    assert sorted(p.name for p in folder.iterdir()) == sorted([earlier.path.name, again.path.name])


@pytest.mark.parametrize("after", [0.0, 0.3, 0.8, 2.0])
def test_a_restore_killed_at_any_moment(big_desk: Path, big_desk_backup: Path, tmp_path: Path,
                                        after: float) -> None:
    folder = tmp_path / "backups"
    earlier = _copy_of(big_desk_backup, folder)
    older = _readable(earlier.path, tmp_path)
    connection = sqlite3.connect(big_desk)  # the desk moves on after the backup
    with connection:
        connection.execute("DELETE FROM identities WHERE id % 10 = 0")
    connection.close()
    now, digest = counts(big_desk), _digest(earlier.path)
    assert now != older
    process = subprocess.Popen([sys.executable, "-m", "leaddesk", "--db", str(big_desk), "db",
                                "restore", str(earlier.path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(big_desk.parent, f"{big_desk.name}.restoring", process)
        time.sleep(after)
    finally:
        _kill(process)
    assert integrity(big_desk) == ["ok"] and counts(big_desk) in (now, older)  # one or the other
    assert _digest(earlier.path) == digest
    kept = list(big_desk.parent.glob(f"{big_desk.name}.before-restore-*"))
    if counts(big_desk) == older and kept:
        assert counts(kept[0]) == now  # the desk as it was, beside the restored one
