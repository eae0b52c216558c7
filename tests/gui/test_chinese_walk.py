"""The whole window in Chinese, walked as a person does: every view and the dialogs opened
from it. Any word a person reads in the window's own chrome (buttons, menus, tabs, column
heads, form labels, placeholders, navigation, status line) that is Latin and not a name
the product keeps as it is (WhatsApp, CSV, ...) is an English word a Chinese user meets."""

import re
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.widgets.article_picker import ArticlePicker
from tests.gui.helpers import click_view, load_demo, settle

# Kept as they are in a Chinese window: product and protocol names, formats, keys.
ALLOWED = {"leaddesk", "whatsapp", "wechat", "csv", "pdf", "xlsx", "vcard", "vcf", "imap", "smtp", "tls",
           "starttls", "url", "postgresql", "sqlite", "id", "ctrl", "shift", "alt", "del", "utm",
           "eml", "mbox", "zip", "txt", "html", "ok", "qr", "dmarc", "mb", "gb", "kb", "pm", "am",
           "english",  # the language picker names each language in itself
           "channel",  # a search filter is typed as it is written: channel:wechat
           "germany", "de", "zh", "pt"}  # examples of what a field accepts, typed as they are
LATIN = re.compile(r"[A-Za-z]{2,}")


def chrome(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what the window itself says on the visible widgets under `root`."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        kind = type(widget).__name__
        if isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            yield from ((kind, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QComboBox) and not (isinstance(widget, ArticlePicker) or widget.isEditable()):
            yield from ((kind, widget.itemText(i)) for i in range(widget.count()))
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else (
            widget.header() if isinstance(widget, QTreeView) else None)
        if header is not None and not header.isHidden() and header.model() is not None:
            yield from ((f"{kind} header", str(header.model().headerData(
                c, Qt.Orientation.Horizontal) or "")) for c in range(header.count()))
        layout = widget.layout()
        if isinstance(layout, QFormLayout):
            for row in range(layout.rowCount()):
                item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None and hasattr(label, "text"):
                    yield "form label", label.text()
        if widget.isWindow() and widget.windowTitle() and not isinstance(widget, MainWindow):
            yield "window title", widget.windowTitle()  # (the main window's names the desk's file)


def menus(window: MainWindow) -> Iterator[tuple[str, str]]:
    for menu in window.menuBar().findChildren(QMenu):
        yield from (("menu", action.text()) for action in menu.actions() if not action.isSeparator())


def english(found: Iterator[tuple[str, str]]) -> set[tuple[str, str]]:
    return {(where, text) for where, text in found
            if any(word.lower() not in ALLOWED for word in LATIN.findall(text.replace("&", "")))}


def test_every_view_and_dialog_speaks_chinese(qtbot: QtBot, chinese: None, desk: Desk) -> None:
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    load_demo(qtbot, window)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    seen = english(chrome(window)) | english(menus(window))
    navigation = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    seen |= english(("navigation", text) for text in navigation)
    for i in range(window.navigation.count()):
        window.navigation.setCurrentRow(i)
        settle(qtbot, window.ops)
        seen |= english(chrome(window))
    click_view(qtbot, window, navigation[0].split(" (")[0])
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    contact = window.detail.contact_actions.contact_id
    assert contact is not None
    dialogs: list[QWidget] = [window.contact_work.edit(contact)]
    window._on_log_requested()
    dialogs.append(window.log_dialog)
    window.settings_flow.open()
    dialogs.append(window.settings_flow.dialog)
    for dialog in dialogs:
        settle(qtbot, window.ops)
        seen |= english(chrome(dialog))
        dialog.close()
    assert not seen, sorted(seen)
