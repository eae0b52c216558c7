"""PySide6 6.12.0 drops a reference to None on every void call and aborts Python
(MEASURED.md); the pinned version must not."""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    label = QLabel("x")
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.update()
    assert sys.getrefcount(None) >= before - 100
