"""The window's care of the desk: a quick check after an unclean shutdown with writes
held until it passes, a damaged desk offered its newest good backup, and a close that
waits at most 2 s for the closing backup."""

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.errors import DatabaseError
from leaddesk.paths import beside
from leaddesk.services.backups import list_backups, make_backup
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.desk_care import CLOSE_WAIT_S
from leaddesk.ui.main_window import MainWindow
from tests.desks import corrupt, counts, integrity, leave_uncleanly


@pytest.fixture
def demo_desk(tmp_path: Path) -> Path:
    database = tmp_path / "desk.db"
    with open_desk(str(database)) as desk, desk.transaction() as session:
        fill_demo(session, actor="t")
    return database


def _write(desk: Desk) -> None:
    from leaddesk.services.followups import schedule_followup

    with desk.transaction() as session:
        schedule_followup(session, 1, datetime.now(UTC) + timedelta(days=1), "call", actor="t")


def test_after_an_unclean_shutdown_writes_wait_for_the_quick_check(
    qtbot: QtBot, demo_desk: Path, data_dir: Path
) -> None:
    leave_uncleanly(demo_desk)  # a LeadDesk killed with the desk open
    desk = open_desk(str(demo_desk))
    assert desk.unclean
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    import_action = next(a for a in window.actions() if a.text() == "&Import…")
    assert not import_action.isEnabled()  # until the check has passed
    with pytest.raises(DatabaseError, match="unclean shutdown"):
        _write(desk)
    with qtbot.waitSignal(window.care.checked, timeout=20_000) as checked:
        pass
    assert checked.args == [[]]
    assert desk.writes_held is None and import_action.isEnabled()
    assert "sound" in window.statusBar().currentMessage()
    _write(desk)  # writes go through now
    window.close()
    desk.close()
    assert len(list_backups(data_dir / "backups", demo_desk)) == 1  # the closing backup
    assert not beside(demo_desk, ".in-use").exists()  # closed cleanly this time
    with open_desk(str(demo_desk)) as again:
        assert not again.unclean


def test_a_damaged_desk_is_offered_its_newest_good_backup(
    qtbot: QtBot, demo_desk: Path, data_dir: Path, tmp_path: Path
) -> None:
    good = make_backup(demo_desk, data_dir / "backups")
    was = counts(demo_desk)
    leave_uncleanly(demo_desk)
    corrupt(demo_desk)
    desk = open_desk(str(demo_desk))
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.care.checked, timeout=20_000) as checked:
        pass
    assert checked.args[0]  # the problems the quick check found
    dialog = window.care.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.good == good and "newest good backup" in dialog.informativeText()
    dialog.grab().save(str(tmp_path / "shot-damaged.png"))
    with pytest.raises(DatabaseError, match="damaged"):  # read-only meanwhile
        _write(desk)
    with qtbot.waitSignal(window.care.restored, timeout=30_000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert integrity(demo_desk) == ["ok"] and counts(demo_desk) == was
    assert restored.args[0].kept.name.startswith("desk.db.before-restore-")
    assert desk.writes_held is None
    _write(desk)  # the restored desk takes changes
    assert window.table.model().rowCount() == was["inquiries"]
    window.close()
    desk.close()


def test_closing_waits_at_most_two_seconds_for_a_backup(qtbot: QtBot, big_desk: Path,
                                                        data_dir: Path) -> None:
    desk = open_desk(str(big_desk))
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.inbox.complete, timeout=60_000)  # the inbox has its ids
    backups = window.care.backups
    assert backups is not None and backups.start()  # as the daily one would
    assert backups.running
    started = time.monotonic()
    window.close()
    waited = time.monotonic() - started
    desk.close()
    print(f"closing waited {waited:.3f} s")
    assert waited <= CLOSE_WAIT_S + 0.1, f"closing waited {waited:.2f} s"
    folder = data_dir / "backups"
    assert backups.thread is not None
    backups.thread.join(10)  # a stopped backup cleans up after itself within a step
    finished = list_backups(folder, big_desk)
    assert [p.name for p in folder.iterdir()] == [b.path.name for b in finished]  # no partial
    if not finished:  # abandoned cleanly: the next start makes it
        assert backups.needed()


def test_a_desk_too_damaged_to_open_is_offered_its_backup_before_the_window(
    qtbot: QtBot, demo_desk: Path, data_dir: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from leaddesk.ui.desk_care import recover
    from leaddesk.ui.dialogs.damaged import DamagedDeskDialog

    make_backup(demo_desk, data_dir / "backups")
    was = counts(demo_desk)
    corrupt(demo_desk, "sqlite_schema")  # the header and the table of tables: nothing reads
    with pytest.raises(DatabaseError, match=r"not a database file|malformed") as failure:
        open_desk(str(demo_desk))
    shown: list[str] = []

    def click_restore() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DamagedDeskDialog)
        shown.append(dialog.informativeText())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(100, click_restore)
    desk = recover(str(demo_desk), failure.value)
    assert desk is not None and "newest good backup" in shown[0]
    assert counts(demo_desk) == was and integrity(demo_desk) == ["ok"]
    _write(desk)
    desk.close()
