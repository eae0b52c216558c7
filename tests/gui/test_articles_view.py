"""The Articles view as a person uses it: import the site's pages from the window (a
sitemap, a saved page, a CSV) and see them in the catalogue; a bad file is one line."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, load_demo, settle

SITE = Path(__file__).resolve().parents[1] / "data" / "samples" / "site"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    desk: Desk = open_desk(str(tmp_path / "desk.db"))
    shown = MainWindow(desk, "tester")
    qtbot.addWidget(shown)
    shown.show()
    load_demo(qtbot, shown)
    click_view(qtbot, shown, "Articles")
    return shown


def _choose(qtbot: QtBot, window: MainWindow, files: list[Path]) -> None:
    """Click Import articles…, pick the files in the dialog and press Open."""
    view = window.articles
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    chooser = view.findChild(QFileDialog)
    qtbot.waitUntil(chooser.isVisible)
    chooser.setDirectory(str(files[0].parent))
    chooser.selectFile(" ".join(f'"{f.name}"' for f in files))
    chooser.accept()
    settle(qtbot, window.ops)


@pytest.mark.parametrize(("name", "content", "title"), [
    ("articles.csv", "URL,Title\nhttps://www.ericcointernational.com/news/new-imu-line.html,New IMU line\n",
     "New IMU line"),
    ("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                    'schemas/sitemap/0.9"><url><loc>https://www.ericcointernational.com/news/'
                    'new-imu-line.html</loc></url></urlset>', "New imu line"),  # its title from the URL
])
def test_articles_are_imported_from_the_window(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                               name: str, content: str, title: str) -> None:
    table = window.articles.table
    before = table.rowCount()
    (tmp_path / name).write_text(content, encoding="utf-8")
    _choose(qtbot, window, [tmp_path / name])
    assert window.articles.error.text() == ""
    assert window.articles.imported.text().startswith("1 pages in the catalogue from 1 entries")
    titles = [table.item(row, 1).text() for row in range(table.rowCount())]
    assert table.rowCount() == before + 1 and title in titles


def test_a_saved_page_and_the_sitemap_at_once(qtbot: QtBot, window: MainWindow) -> None:
    _choose(qtbot, window, [SITE / "sitemap.xml", SITE / "news-china-space-cooperation.html"])
    assert window.articles.error.text() == "" and "pages in the catalogue" in window.articles.imported.text()


@pytest.mark.parametrize(("content", "said"), [
    (b"<urlset><url><loc>https://x.example/a</loc>", "bad.xml"),  # cut short
    (b"\x00\x01\x02 not a page", "bad.xml"),
])
def test_a_bad_article_file_is_one_line_and_adds_nothing(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         content: bytes, said: str) -> None:
    table = window.articles.table
    before = table.rowCount()
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    _choose(qtbot, window, [bad])
    message = window.articles.error.text()
    assert said in message and "\n" not in message and "Traceback" not in message
    assert table.rowCount() == before and window.articles.import_button.isEnabled()
