"""The first start asks the person's name, which then signs what they do; it is asked once."""

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from leaddesk.settings import Settings


def _type_name(qtbot: QtBot, typed: str, seen: list[QWidget]) -> None:
    """When a dialog asks, type `typed` into its name field and press Save."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog)
        field = dialog.findChild(QLineEdit)
        qtbot.keyClicks(field, typed)
        save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Save")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, answer)


def test_the_first_start_asks_the_name_once(qtbot: QtBot) -> None:
    from leaddesk.ui.dialogs.your_name import ask_name_once

    seen: list[QWidget] = []
    _type_name(qtbot, "  Amy   Chen ", seen)
    settings = ask_name_once(Settings.load())
    assert len(seen) == 1 and seen[0].windowTitle() == "Welcome to LeadDesk"
    assert settings.user_name == "Amy Chen" and Settings.load().user_name == "Amy Chen"
    closed: list[QWidget | None] = []
    QTimer.singleShot(200, lambda: closed.append(QApplication.activeModalWidget()))
    again = ask_name_once(Settings.load())  # the next start: nothing asked
    qtbot.wait(300)
    assert again.user_name == "Amy Chen" and closed == [None]


def test_an_empty_name_cannot_be_saved(qtbot: QtBot) -> None:
    from leaddesk.ui.dialogs.your_name import YourNameDialog

    dialog = YourNameDialog(Settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "   ")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name, "Li")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and Settings.load().user_name == "Li"


@pytest.mark.parametrize(("stored", "asked"), [
    ({}, True),  # no settings yet: the first start
    ({"user_name": "Amy Chen"}, False),  # a name someone typed before the question existed
])
def test_who_is_asked(data_dir: Path, stored: dict[str, str], asked: bool) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.json").write_text(json.dumps(stored), encoding="utf-8")
    assert Settings.load().name_given is not asked
