"""What the window's tests share: a desk of their own (SQLite in the test's folder) and the
main window shown on it. A test file that needs another desk or window defines its own."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.main_window import MainWindow


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    opened = open_desk(str(tmp_path / "desk.db"))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, "tester")
    qtbot.addWidget(shown)
    shown.show()
    return shown
