"""The Settings dialog keeps a database password in the keyring, never in settings.json,
and says which store holds it."""

import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.keyring_file import FileKeyring
from leaddesk.passwords import SERVICE
from leaddesk.settings import Settings
from leaddesk.ui.dialogs.settings import SettingsDialog

URL = "postgresql+psycopg://amy:Tr0ub4dor&3@db.example.com:5433/sales"


@pytest.mark.parametrize(("system_keyring", "store_says"), [
    ("file backend of the test", "a private file"),
    ("none at all", "a private file (no system keyring found)"),
])
def test_a_typed_postgres_password_goes_to_the_keyring(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, system_keyring: str, store_says: str
) -> None:
    if system_keyring == "none at all":  # what keyring gives where the system has no keyring
        keyring.set_keyring(fail.Keyring())
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert store_says in dialog.password_store.text()
    dialog.grab().save(str(tmp_path / "shot-settings.png"))
    editor = dialog.editors["database"]
    editor.clear()
    qtbot.keyClicks(editor, URL)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved, dialog.error.text()
    text = (data_dir / "settings.json").read_text(encoding="utf-8")
    assert "Tr0ub4dor" not in text
    assert Settings.load().database == "postgresql+psycopg://amy@db.example.com:5433/sales"
    assert FileKeyring().get_password(SERVICE, "amy@db.example.com:5433/sales") == "Tr0ub4dor&3"
    assert stat.S_IMODE((data_dir / "passwords.json").stat().st_mode) == 0o600
    from leaddesk.db.engine import database_url

    assert database_url(Settings.load().database).password == "Tr0ub4dor&3"  # put back on open
