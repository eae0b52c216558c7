"""Right-click menus as a person uses them: on an inquiry, a contact, a follow-up and an
article, each offering what can be done to it there."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk, open_desk
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, load_demo, settle

# A popup menu asks the platform to raise it and grab the keyboard; offscreen cannot.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    desk: Desk = open_desk(str(tmp_path / "desk.db"))
    shown = MainWindow(desk, "tester")
    qtbot.addWidget(shown)
    shown.show()
    load_demo(qtbot, shown)
    return shown


def _right_click(view: QAbstractItemView, at: QPoint) -> QMenu:
    """Right-click at a point of the view's rows, as the mouse would; the menu shown."""
    where = view.viewport().mapToGlobal(at)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, where))
    menu = view.property("context_menu")
    assert isinstance(menu, QMenu) and menu.isVisible()
    return menu


def _entry(menu: QMenu, *path: str):  # type: ignore[no-untyped-def]
    for text in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.text() == text)
    return next(a for a in menu.actions() if a.text() == path[-1])


def test_an_inquirys_menu_sets_its_contacts_stage(qtbot: QtBot, window: MainWindow) -> None:
    table = window.table
    first = table.visualRect(table.model().index(0, 0)).center()
    menu = _right_click(table, first)
    assert [a.text() for a in menu.actions()] == ["Stage", "Edit contact…", "Delete contact…"]
    current = table.model().index(0, 5).data()
    target = "won" if current != "won" else "quoted"
    _entry(menu, "Stage", target).trigger()
    settle(qtbot, window.ops)
    qtbot.waitUntil(lambda: table.model().index(0, 5).data() == target, timeout=5000)


def test_a_contacts_menu_copies_its_number_and_offers_merge_for_two(qtbot: QtBot, window: MainWindow) -> None:
    click_view(qtbot, window, "Contacts")
    view = window.contacts
    table = view.table
    row = next(r for r, c in enumerate(view.shown) if c.phones)
    menu = _right_click(table, table.visualRect(table.model().index(row, 0)).center())
    phone = view.shown[row].phones[0]
    assert not _entry(menu, "Merge…").isEnabled() and _entry(menu, "Edit contact…").isEnabled()
    _entry(menu, f"Copy {phone}").trigger()
    assert QGuiApplication.clipboard().text() == phone
    table.selectRow(0)
    table.selectionModel().select(table.model().index(1, 0), table.selectionModel().SelectionFlag.Select
                                  | table.selectionModel().SelectionFlag.Rows)
    menu = _right_click(table, table.visualRect(table.model().index(1, 0)).center())
    assert _entry(menu, "Merge…").isEnabled() and not _entry(menu, "Edit contact…").isEnabled()


def test_a_follow_ups_menu_snoozes_it(qtbot: QtBot, window: MainWindow) -> None:
    click_view(qtbot, window, "Follow-ups")
    tree = window.followups.tree
    overdue = tree.topLevelItem(0)
    before = overdue.childCount()
    first = tree.visualItemRect(overdue.child(0)).center()
    menu = _right_click(tree, first)
    _entry(menu, "Snooze", "Snooze 1 week").trigger()
    settle(qtbot, window.ops)
    assert tree.topLevelItem(0).childCount() == before - 1


def test_an_articles_menu_copies_its_chat_link(qtbot: QtBot, window: MainWindow) -> None:
    from leaddesk.settings import Settings

    settings = Settings.load()
    settings.own_phones, settings.own_emails = ["+86 139 9288 4879"], ["info@ericcointernational.com"]
    settings.save()
    click_view(qtbot, window, "Articles")
    table = window.articles.table
    table.selectRow(1)
    menu = _right_click(table, table.visualRect(table.model().index(1, 0)).center())
    _entry(menu, "Copy WhatsApp link").trigger()
    assert QGuiApplication.clipboard().text().startswith("https://wa.me/8613992884879")
