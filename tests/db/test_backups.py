"""Automatic backups of a SQLite desk: what they hold, which are kept, the size cap, and
restores that refuse what they should."""

import gzip
import sqlite3
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.errors import DatabaseError
from leaddesk.services.backups import (
    BackupStopped,
    backup_name,
    cap_bytes,
    list_backups,
    make_backup,
    rotate,
)
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import open_desk
from leaddesk.services.restore import restore
from tests.desks import corrupt, counts, integrity

DESK = Path("leaddesk.db")


@pytest.fixture
def demo_desk(tmp_path: Path) -> Path:
    database = tmp_path / "desk" / "leaddesk.db"
    with open_desk(str(database)) as desk, desk.transaction() as session:
        fill_demo(session, actor="t")
    return database


def _made(folder: Path, stamps: list[str], sizes: dict[str, int] | None = None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for stamp in stamps:
        moment = datetime.strptime(stamp, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)
        (folder / backup_name(DESK, moment)).write_bytes(b"x" * (sizes or {}).get(stamp, 10))


def _left(folder: Path) -> list[str]:
    return [b.made_at.strftime("%Y-%m-%d %H:%M") for b in list_backups(folder, DESK)]


EVERY_DAY = [f"{(datetime(2026, 1, 1) + timedelta(days=d)):%Y-%m-%d} 12:00" for d in range(59)]


@pytest.mark.parametrize(("made", "kept"), [
    # 59 days, one a day, Thursday 1 January to Saturday 28 February 2026: the last seven
    # days, then the newest of each of the four ISO weeks before them
    (EVERY_DAY, ["2026-02-28 12:00", "2026-02-27 12:00", "2026-02-26 12:00", "2026-02-25 12:00",
                 "2026-02-24 12:00", "2026-02-23 12:00", "2026-02-22 12:00",  # daily
                 "2026-02-21 12:00", "2026-02-15 12:00", "2026-02-08 12:00", "2026-02-01 12:00"]),
    # several a day: the newest of each day counts
    (["2026-03-02 08:00", "2026-03-02 12:00", "2026-03-02 18:30", "2026-03-01 09:00"],
     ["2026-03-02 18:30", "2026-03-01 09:00"]),
    # days without a backup (the laptop was off): the last seven days that have one, then
    # one a week: 7 April (week 15), 4 April (week 14, which 1 April shares)
    ([f"2026-04-{day:02d} 10:00" for day in range(1, 30, 3)],
     ["2026-04-28 10:00", "2026-04-25 10:00", "2026-04-22 10:00", "2026-04-19 10:00",
      "2026-04-16 10:00", "2026-04-13 10:00", "2026-04-10 10:00",
      "2026-04-07 10:00", "2026-04-04 10:00"]),
])
def test_rotation_keeps_seven_daily_and_four_weekly(tmp_path: Path, made: list[str],
                                                     kept: list[str]) -> None:
    folder = tmp_path / "backups"
    _made(folder, made)
    rotate(folder, DESK, cap=10**9)
    assert _left(folder) == kept


@pytest.mark.parametrize(("sizes", "cap", "kept"), [
    ({"2026-05-03 10:00": 40, "2026-05-02 10:00": 40, "2026-05-01 10:00": 40}, 100,
     ["2026-05-03 10:00", "2026-05-02 10:00"]),  # the oldest goes first
    ({"2026-05-03 10:00": 40, "2026-05-02 10:00": 40, "2026-05-01 10:00": 40}, 120,
     ["2026-05-03 10:00", "2026-05-02 10:00", "2026-05-01 10:00"]),  # exactly at the cap
    ({"2026-05-03 10:00": 500, "2026-05-02 10:00": 40}, 100,
     ["2026-05-03 10:00"]),  # the newest stays even when it alone is over the cap
])
def test_the_size_cap(tmp_path: Path, sizes: dict[str, int], cap: int, kept: list[str]) -> None:
    folder = tmp_path / "backups"
    _made(folder, list(sizes), sizes)
    rotate(folder, DESK, cap=cap)
    assert _left(folder) == kept


def test_the_default_cap_is_three_times_the_desk(demo_desk: Path) -> None:
    assert cap_bytes(0, demo_desk) == 3 * demo_desk.stat().st_size
    assert cap_bytes(5, demo_desk) == 5 * 1024 * 1024


def test_a_backup_is_a_whole_private_gzipped_copy(demo_desk: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere" / "backups"  # the setting moves it, to another disk say
    with open_desk(str(demo_desk)):  # taken while the window has the desk open
        made = make_backup(demo_desk, folder, now=datetime(2026, 6, 1, 9, 30, tzinfo=UTC))
    assert made.path.name == "leaddesk-20260601-093000.db.gz"
    assert [p.name for p in folder.iterdir()] == [made.path.name]  # nothing partial left
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    plain = tmp_path / "plain.db"
    plain.write_bytes(gzip.decompress(made.path.read_bytes()))
    assert integrity(plain) == ["ok"] and counts(plain) == counts(demo_desk)


def test_a_stopped_backup_leaves_nothing(demo_desk: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    stop = threading.Event()
    stop.set()
    with pytest.raises(BackupStopped):
        make_backup(demo_desk, folder, cancel=stop)
    assert list(folder.iterdir()) == []


def _sql(path: Path, statement: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(statement)
    connection.close()


def _newer_schema(path: Path) -> None:
    _sql(path, "UPDATE alembic_version SET version_num = '9999'")


def _foreign(path: Path) -> None:
    path.unlink()
    _sql(path, "CREATE TABLE songs (title TEXT)")


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 this is a zip, say" * 100)


def _truncated(path: Path) -> None:
    path.write_bytes(gzip.compress(path.read_bytes())[:5000])


@pytest.mark.parametrize(("spoil", "message"), [
    (corrupt, "damaged"),
    (_newer_schema, r"written by a newer LeadDesk \(schema 9999\)"),
    (_foreign, "not a LeadDesk database"),
    (_not_sqlite, "not a database file"),
    (_truncated, "cannot be read as a backup"),
])
def test_a_bad_backup_is_refused_and_the_desk_is_untouched(
    demo_desk: Path, tmp_path: Path, spoil: object, message: str
) -> None:
    bad = tmp_path / "bad.db"
    with open_desk(str(demo_desk)) as desk:
        from leaddesk.services.upkeep import backup

        backup(desk, bad)
    spoil(bad)  # type: ignore[operator]
    before = demo_desk.read_bytes()
    with pytest.raises(DatabaseError, match=message):
        restore(demo_desk, bad)
    assert demo_desk.read_bytes() == before
    assert sorted(p.name for p in demo_desk.parent.iterdir()) == ["leaddesk.db",
                                                                   "leaddesk.db.open-lock"]


def test_a_good_backup_is_put_back_and_the_desk_kept_beside_it(demo_desk: Path,
                                                              tmp_path: Path) -> None:
    made = make_backup(demo_desk, tmp_path / "backups")
    was = counts(demo_desk)
    with open_desk(str(demo_desk)) as desk, desk.transaction() as session:  # work after it
        from leaddesk.db.models import Message

        session.query(Message).filter(Message.id <= 20).delete()
    changed = counts(demo_desk)
    assert changed != was
    done = restore(demo_desk, made.path, now=datetime(2026, 7, 1, 8, 0, tzinfo=UTC))
    assert counts(demo_desk) == was and integrity(demo_desk) == ["ok"]
    assert done.kept == demo_desk.with_name("leaddesk.db.before-restore-20260701-080000")
    assert counts(done.kept) == changed and stat.S_IMODE(done.kept.stat().st_mode) == 0o600
    assert not demo_desk.with_name("leaddesk.db-wal").exists()


def test_a_restore_is_refused_while_the_desk_is_open(demo_desk: Path, tmp_path: Path) -> None:
    made = make_backup(demo_desk, tmp_path / "backups")
    with open_desk(str(demo_desk)), pytest.raises(DatabaseError, match="open in another LeadDesk"):
        restore(demo_desk, made.path)
    restore(demo_desk, made.path)  # once it is closed
