"""A database path is checked where it is typed, and a desk file missing at start is never
silently made again: the person is told which file and chooses what happens."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from leaddesk import paths
from leaddesk.services.backups import make_backup
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import open_desk
from leaddesk.settings import Settings
from leaddesk.ui.dialogs.settings import SettingsDialog
from tests.desks import counts


def _demo(path: Path) -> None:
    with open_desk(str(path)) as desk, desk.transaction() as session:
        fill_demo(session, actor="t")


def _not_a_desk(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE songs (title TEXT)")
    connection.close()


@pytest.mark.parametrize(("name", "make", "said"), [
    ("no-such-folder/desk.db", None, "does not exist"),
    ("notes.txt", lambda p: p.write_text("shopping list"), "not a LeadDesk desk"),
    ("music.db", _not_a_desk, "not a LeadDesk desk"),
])
def test_a_database_path_that_cannot_be_a_desk_is_refused_in_settings(
    qtbot: QtBot, tmp_path: Path, name: str, make: Callable[[Path], None] | None, said: str,
) -> None:
    target = tmp_path / name
    if make is not None:
        make(target)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.editors["database"], str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said in dialog.error.text() and "\n" not in dialog.error.text()
    assert not dialog.saved and Settings.load().database == ""


def test_a_database_path_of_a_desk_or_a_new_file_in_a_folder_is_saved(qtbot: QtBot,
                                                                      tmp_path: Path) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.editors["database"], str(tmp_path / "new.db"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved and Settings.load().database == str(tmp_path / "new.db")


def _answer(qtbot: QtBot, button: str, seen: list[str]) -> None:
    """When the question shows, note what it says and click `button` on it."""
    def click() -> None:
        from leaddesk.ui.missing_desk import MissingDeskDialog

        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MissingDeskDialog):
            QTimer.singleShot(50, click)
            return
        seen.append(dialog.text() + " " + dialog.informativeText())
        clicked: QWidget = getattr(dialog, button)
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, click)


@pytest.mark.parametrize("choice", ["restore_button", "create_button", "quit_button"])
def test_a_missing_desk_is_named_and_the_person_chooses(qtbot: QtBot, tmp_path: Path,
                                                         data_dir: Path, choice: str) -> None:
    from leaddesk.ui.missing_desk import open_desk_asking

    database = tmp_path / "office" / "leads.db"
    database.parent.mkdir()
    _demo(database)
    was = counts(database)
    make_backup(database, data_dir / "backups")
    database.unlink()
    seen: list[str] = []
    _answer(qtbot, choice, seen)
    desk = open_desk_asking(str(database))
    assert seen and str(database) in seen[0] and "backup" in seen[0]
    if choice == "quit_button":
        assert desk is None and not database.exists()  # nothing made in its place
        return
    assert desk is not None
    desk.close()
    if choice == "restore_button":
        assert counts(database) == was
    else:  # a new, empty desk, because the person said so
        assert set(counts(database).values()) == {0}


def test_the_very_first_start_simply_creates_the_default_desk(qtbot: QtBot) -> None:
    from leaddesk.ui.missing_desk import open_desk_asking

    asked: list[QWidget | None] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: asked.append(QApplication.activeModalWidget()))
    timer.start()
    desk = open_desk_asking(None)
    QApplication.processEvents()
    timer.stop()
    assert desk is not None and desk.path == paths.default_database()
    assert not any(asked)
    desk.close()
