"""The window as a person meets it: an empty desk offers demo data, then shows the inbox."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import open_desk
from leaddesk.ui.main_window import MainWindow


def test_an_empty_desk_offers_demo_data_and_then_shows_the_inbox(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with open_desk(str(tmp_path / "desk.db")) as desk:
        window = MainWindow(desk, "tester")
        qtbot.addWidget(window)
        window.show()
        assert window.pages.currentWidget() is window.empty
        qtbot.mouseClick(window.empty.demo_button, Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is window.table
        model = window.table.model()
        assert model.rowCount() >= 40
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        assert headers[:3] == ["Contact", "Company", "Channel"]
        channels = {model.index(r, 2).data() for r in range(model.rowCount())}
        assert channels == {"whatsapp", "wechat", "email", "site form"}
        assert window.windowTitle().startswith("LeadDesk — ")
        window.grab().save(str(tmp_path / "shot.png"))  # looked at by hand as well
        assert (tmp_path / "shot.png").stat().st_size > 1000
