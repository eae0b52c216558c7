"""Driving the window as a person does, and waiting for what it does off the GUI thread."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.operations import Operations


def settle(qtbot: QtBot, ops: Operations, timeout: int = 20_000) -> None:
    """Wait until every operation and read has finished and its answer is on screen."""
    qtbot.waitUntil(lambda: ops.idle, timeout=timeout)
    QApplication.processEvents()


def click_view(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Click a view's name in the navigation, and let it read what it shows."""
    item = next(window.navigation.item(i) for i in range(window.navigation.count())
                if shown_as(window.navigation.item(i).text(), title))
    centre = window.navigation.visualItemRect(item).center()
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot, window.ops)


def load_demo(qtbot: QtBot, window: MainWindow) -> None:
    """Click "load demo data" on the empty desk, and wait for the inbox."""
    qtbot.mouseClick(window.empty.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.workspace, timeout=20_000)
    settle(qtbot, window.ops)



def shown_as(text: str, title: str) -> bool:
    """Whether a navigation entry is a view's, with or without a count ("Inbox (3)")."""
    return text == title or text.startswith(f"{title} (")
