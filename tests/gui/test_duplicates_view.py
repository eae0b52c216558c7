"""Possible duplicates as a salesperson meets them: two files imported from the window
make a pair, the view shows it at once, and the merge dialog says why in plain words."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.ui.dialogs.merge import MergeDialog
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, settle

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def _card(name: str, company: str, *phones: str) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", f"ORG:{company}"]
    return "\r\n".join([*lines, *(f"TEL;TYPE=CELL:{phone}" for phone in phones), "END:VCARD", ""])


# Each: the two files, and why the pair they make is suggested, as the window says it.
PAIRS = {
    "name and company": (
        [_card("Wang Lei", "Shenzhen Ruixin", "+86 139 9288 4879"),
         _card("wang  lei", "SHENZHEN RUIXIN", "+86 138 0013 8000")],
        "same name and company"),
    "one card with two numbers": (
        [_card("Wang Lei", "Ruixin", "+86 139 9288 4879") + _card("Li Na", "Feikong", "+86 138 0013 8000"),
         _card("W. Lei", "", "+86 139 9288 4879", "+86 138 0013 8000")],
        "same phone +86 138 0013 8000"),
}


@pytest.mark.parametrize("case", list(PAIRS))
def test_an_import_of_two_files_shows_their_pair_and_why(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path, case: str) -> None:
    cards, why = PAIRS[case]
    files = []
    for number, text in enumerate(cards):
        files.append(tmp_path / f"contacts-{number}.vcf")
        files[-1].write_text(text, encoding="utf-8")
    chat = tmp_path / "WhatsApp Chat with Maria Santos.txt"  # an inquiry: the desk is not empty
    shutil.copy(SAMPLES / "whatsapp" / chat.name, chat)
    window.import_files([chat, files[0]])
    settle(qtbot, window.ops)
    click_view(qtbot, window, "Duplicates")
    view = window.duplicates
    assert view.isVisible() and view.table.rowCount() == 0
    window.import_files([files[1]])  # what File > Import and dropping files both call
    settle(qtbot, window.ops)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10_000)
    assert view.table.item(0, 2).text() == why
    view.table.selectRow(0)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in view.findChildren(MergeDialog) if d.isVisible())
    assert dialog.why.isVisible() and dialog.why.text() == f"Suggested because: {why}"
    dialog.reject()
