"""What a service refuses reads in the window's language: every fixed message a service
raises is known to the window (and translated, tests/gui/test_words.py), and a refusal in
the Chinese window is Chinese."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.refusals import KNOWN, in_words
from tests.gui.helpers import settle

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "leaddesk"
ONLY_CLI = {"--messages must be at least 1"}  # `leaddesk demo --messages`: no window says it


def fixed_refusals() -> Iterator[tuple[str, str]]:
    """(file, message) of every `raise OurError("literal")` under services/ and domain/ (a
    library's own exception, raised to be caught inside, is not a refusal)."""
    for layer in ("services", "domain"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args
                        and isinstance(node.exc.func, ast.Name)):  # ours, not imaplib.IMAP4.abort(...)
                    continue
                # a FieldError names its field first, then what is wrong with it
                said = node.exc.args[1 if node.exc.func.id == "FieldError" and len(node.exc.args) > 1 else 0]
                text = said.value if isinstance(said, ast.Constant) else None
                if isinstance(text, str) and text not in ONLY_CLI:
                    yield path.name, text


def test_every_fixed_refusal_of_a_service_is_known_to_the_window() -> None:
    found = list(fixed_refusals())
    assert len(found) >= 15  # the scan finds them
    assert [(name, said) for name, said in found if said not in KNOWN] == []


@pytest.mark.parametrize(("english", "chinese_words"), [
    ("a lost lead needs a reason", "丢单需要填写原因"),
    ("no contact 'x' (give its id)", "no contact 'x' (give its id)"),  # one naming a value stays
])
def test_a_refusal_is_said_in_the_windows_language(chinese: None, english: str, chinese_words: str) -> None:
    assert in_words(english) == chinese_words


def test_a_lost_lead_without_a_reason_is_refused_in_chinese(qtbot: QtBot, chinese: None, desk: Desk) -> None:
    with desk.transaction() as session:
        fill_demo(session, actor="t")
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.ops)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    actions = window.detail.contact_actions
    actions.stage.setCurrentIndex(actions.stage.findData("lost"))
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: actions.error.text() != "", timeout=10_000)
    assert actions.error.text() == "丢单需要填写原因"
