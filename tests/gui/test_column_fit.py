"""The views' columns sized to what they show and to the window, as a person first sees
them: no address or number cut while a column stands half empty, no scroll bar."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, load_demo


@pytest.mark.parametrize(("view", "whole"), [
    ("Contacts", ("Phones", "Emails")),  # an address cut is no address
    ("Articles", ("Title", "Published")),  # on one line, not wrapped to two
])
def test_a_views_columns_fit_their_content_and_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, view: str, whole: tuple[str, ...]
) -> None:
    load_demo(qtbot, window)  # at the size of a first start
    click_view(qtbot, window, view)
    table = {"Contacts": window.contacts.table, "Articles": window.articles.table}[view]
    assert table.rowCount() > 5
    assert not table.horizontalScrollBar().isVisible()
    shown = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    # a cell's text is cut ("…") when it is wider than the column less Qt's margins
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    for column in map(headers.index, whole):
        assert column in shown
        for row in range(table.rowCount()):
            text = table.item(row, column).text()
            assert table.fontMetrics().horizontalAdvance(text) <= table.columnWidth(column) - margin, text
    assert window.grab().save(str(tmp_path / f"{view}.png"))  # looked at
