"""Settings saved in the dialog apply to what starts after the Save, without a restart."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.settings import Settings
from leaddesk.ui.dialogs.settings import SettingsDialog
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import settle

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def open_settings(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """File > Settings…, as a person opens it. A dialog run with exec() would hold the test
    in its own loop: it is closed after 3 s, and the test fails instead of hanging."""
    def close_a_blocking_dialog() -> None:
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, SettingsDialog) and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(3000, close_a_blocking_dialog)
    next(a for a in window.actions() if a.text() == "Se&ttings…").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)
    return dialog


@pytest.mark.parametrize(("setting", "typed", "sample", "buyer"), [
    ("own_emails", "info@ericcointernational.com", "email/reply-from-sales.eml",
     "l.becker@aero-systems.example.de"),
    ("own_emails", "Ericco Sales <INFO@ericcointernational.com>", "email/reply-from-sales.eml",
     "l.becker@aero-systems.example.de"),
])
def test_our_own_address_saved_in_settings_reaches_the_next_import(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path, setting: str, typed: str,
    sample: str, buyer: str,
) -> None:
    from leaddesk.services.contacts import list_contacts

    dialog = open_settings(qtbot, window)
    qtbot.keyClicks(dialog.editors[setting], typed)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved
    mail = tmp_path / Path(sample).name
    shutil.copy(SAMPLES / sample, mail)
    with qtbot.waitSignal(window.imported, timeout=20_000):
        window.import_files([mail])  # what File > Import and dropping a file both call
    settle(qtbot, window.ops)
    assert window.table.model().rowCount() == 1
    with desk.transaction() as session:  # the buyer's mail under the buyer, none under us
        assert [c.emails or [c.name] for c in list_contacts(session)] == [[buyer]]


@pytest.mark.parametrize("setting", ["language", "database"])
def test_a_new_language_or_desk_offers_to_restart_now(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path, setting: str) -> None:
    dialog = open_settings(qtbot, window)
    editor = dialog.editors[setting]
    editor.setFocus()
    if setting == "language":
        qtbot.keyClick(editor, Qt.Key.Key_Down)  # English -> 简体中文
    else:
        qtbot.keyClicks(editor, str(tmp_path / "other.db"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox), timeout=5000)
    offer = QApplication.activeModalWidget()
    assert isinstance(offer, QMessageBox)
    buttons = {b.text(): b for b in offer.findChildren(QPushButton)}
    assert {"Restart now", "Later"} <= set(buttons)
    qtbot.mouseClick(buttons["Later"], Qt.MouseButton.LeftButton)
    assert window.isVisible()  # later: the window stays as it is


def test_the_name_saved_in_settings_signs_what_the_window_does_next(
    qtbot: QtBot, window: MainWindow, desk: Desk, tmp_path: Path,
) -> None:
    from leaddesk.services.imports import list_batches

    dialog = open_settings(qtbot, window)
    dialog.editors["user_name"].clear()
    qtbot.keyClicks(dialog.editors["user_name"], "Amy Chen")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    chat = tmp_path / "WhatsApp Chat with Maria Santos.txt"
    shutil.copy(SAMPLES / "whatsapp" / chat.name, chat)
    with qtbot.waitSignal(window.imported, timeout=20_000):
        window.import_files([chat])
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        assert [b.actor for b in list_batches(session)] == ["Amy Chen"]


def test_the_signature_is_written_on_several_lines(qtbot: QtBot, window: MainWindow,
                                                  tmp_path: Path) -> None:
    dialog = open_settings(qtbot, window)
    editor = dialog.editors["signature"]
    assert isinstance(editor, QPlainTextEdit)
    editor.setFocus()
    qtbot.keyClicks(editor, "Amy Li")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Ericco Sales · +86 29 8888 0000")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # goes on to the next field, writes no tab
    assert QApplication.focusWidget() is not editor
    dialog.grab().save(str(tmp_path / "shot-settings-signature.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved, dialog.error.text()
    assert Settings.load().signature == "Amy Li\nEricco Sales · +86 29 8888 0000"
    again = open_settings(qtbot, window)
    shown = again.editors["signature"]
    assert isinstance(shown, QPlainTextEdit)
    assert shown.toPlainText() == "Amy Li\nEricco Sales · +86 29 8888 0000"
    again.reject()


def test_syncing_only_when_asked_survives_a_save(qtbot: QtBot, window: MainWindow) -> None:
    settings = Settings.load()
    settings.mail_sync_minutes = 0
    settings.save()
    dialog = open_settings(qtbot, window)
    editor = dialog.editors["mail_sync_minutes"]
    assert isinstance(editor, QSpinBox)
    assert (editor.value(), editor.text()) == (0, "only when asked")  # as saved, not 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved and Settings.load().mail_sync_minutes == 0
