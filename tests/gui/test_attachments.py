"""What buyers send, as a person sees it in the conversation: each file's name and size
under its message, a preview of a picture, and "Save as…" writing the very bytes."""

import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from leaddesk.importers.base import ImportOptions
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.imports import import_file
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle

ME = "tester"
DRAWING = b"%PDF-1.4\n" + b"drawing of the mount " * 500  # 10 KB


def _png() -> bytes:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#3080c0"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path) -> Desk:
    """Wang Lei's WhatsApp chat, exported with its media: a drawing and a photo."""
    chat = tmp_path / "WhatsApp Chat - Wang Lei.zip"
    with zipfile.ZipFile(chat, "w") as archive:
        archive.writestr("_chat.txt", "[01/02/2026, 09:00:00] Wang Lei: Please quote this mount\n"
                         "[01/02/2026, 09:00:10] Wang Lei: \u200e<attached: drawing.pdf>\n"
                         "[01/02/2026, 09:00:20] Wang Lei: \u200e<attached: photo.png>\n")
        archive.writestr("drawing.pdf", DRAWING)
        archive.writestr("photo.png", _png())
    opened = open_desk(str(tmp_path / "desk.db"))
    import_file(opened, chat, ImportOptions(), actor=ME, zone=ZoneInfo("UTC"))
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, ME)
    qtbot.addWidget(shown)
    shown.resize(1400, 900)
    shown.show()
    settle(qtbot, shown.ops)
    settle(qtbot, shown.ops)  # the files are read once the conversation is in
    return shown


def test_the_conversation_shows_each_file_with_its_size_and_a_preview(window: MainWindow) -> None:
    text = window.detail.timeline.toPlainText()
    assert "drawing.pdf · 10 KB · Open · Save as…" in text
    assert "photo.png · " in text
    assert "attachment-preview:" in window.detail.timeline.toHtml()  # the picture's preview


def _click_link(qtbot: QtBot, window: MainWindow, after: str, label: str) -> None:
    """Click the link `label` that follows `after` in the conversation, as a person does."""
    browser = window.detail.timeline
    document = browser.document()
    found = document.find(label, document.find(after))
    assert not found.isNull(), f"no {label!r} after {after!r}"
    cursor = QTextCursor(document)
    cursor.setPosition(found.selectionStart() + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                     pos=browser.cursorRect(cursor).center())


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform's file dialog
def test_save_as_writes_the_same_bytes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    _click_link(qtbot, window, "drawing.pdf", "Save as…")

    def dialog() -> QFileDialog | None:
        return next((w for w in QApplication.topLevelWidgets()
                     if isinstance(w, QFileDialog) and w.isVisible()), None)

    qtbot.waitUntil(lambda: dialog() is not None, timeout=5000)
    shown = dialog()
    assert shown is not None
    target = tmp_path / "mount drawing.pdf"
    name = shown.findChild(QLineEdit, "fileNameEdit")
    qtbot.waitUntil(lambda: name.text() == "drawing.pdf", timeout=5000)  # its own name is offered
    qtbot.wait(200)  # the dialog has read the folder it opened in
    name.selectAll()
    qtbot.keyClicks(name, str(target))
    assert name.text() == str(target)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(target.exists, timeout=5000)
    settle(qtbot, window.ops)
    assert target.read_bytes() == DRAWING
