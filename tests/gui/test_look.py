"""The window as a person sees it: counts of what needs attention beside the views, a
toolbar with the day's actions, channels marked by their icons, and a layout that fits
1280x720."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.widgets.navigation import VIEW_ROLE
from tests.gui.helpers import click_view, load_demo, settle

ME = "tester"


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    """Wang Lei asked by WhatsApp an hour ago and nobody answered yet."""
    opened = open_desk(str(tmp_path / "desk.db"))
    with opened.transaction() as session:
        log_inquiry(session, LogInquiry(Channel.WHATSAPP, ContactDraft(
            name="Wang Lei", phones=["+86 139 1234 5678"]), "Price for 200 drills?",
            received_at=datetime.now(UTC) - timedelta(hours=1)), actor=ME)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, ME)
    qtbot.addWidget(shown)
    shown.show()
    settle(qtbot, shown.ops)
    return shown


def navigation_texts(window: MainWindow) -> dict[str, str]:
    """Each view's entry as the navigation shows it."""
    items = [window.navigation.item(row) for row in range(window.navigation.count())]
    return {item.data(VIEW_ROLE): item.text() for item in items if item.data(VIEW_ROLE)}


def toolbar_button(window: MainWindow, text: str) -> QToolButton:
    """The toolbar's button whose visible text starts with `text`."""
    return next(button for button in window.toolbar.findChildren(QToolButton)
                if button.isVisible() and button.text().startswith(text))


def test_the_followups_count_shows_what_fell_due(qtbot: QtBot, window: MainWindow) -> None:
    assert navigation_texts(window)["followups"] == "Follow-ups"
    actions = window.detail.contact_actions
    for note in ("call back", "send the price", "ask for the drawing"):  # planned for yesterday
        actions.due.setDate(QDate.currentDate().addDays(-1))
        qtbot.keyClicks(actions.note, note)
        qtbot.mouseClick(actions.add_followup, Qt.MouseButton.LeftButton)
        settle(qtbot, window.ops)
    qtbot.waitUntil(lambda: navigation_texts(window)["followups"] == "Follow-ups (3)", timeout=5000)
    item = next(window.navigation.item(r) for r in range(window.navigation.count())
                if window.navigation.item(r).text() == "Follow-ups (3)")
    assert "3 overdue" in item.toolTip() and item.font().bold()


def test_a_new_inquiry_counts_in_the_inbox_and_log_inquiry_is_on_the_toolbar(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.waitUntil(lambda: navigation_texts(window)["inbox"] == "Inbox (1)", timeout=5000)
    qtbot.mouseClick(toolbar_button(window, "Log inquiry"), Qt.MouseButton.LeftButton)
    dialog = window.log_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.identity, "maria@santos.example")
    qtbot.keyClicks(dialog.name, "Maria Santos")
    qtbot.keyClicks(dialog.text, "Datasheet of the ER-FOG, please")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: navigation_texts(window)["inbox"] == "Inbox (2)", timeout=5000)


def test_the_toolbar_says_its_shortcuts_and_reply_follows_the_buyer(qtbot: QtBot, window: MainWindow) -> None:
    tips = {toolbar_button(window, text).toolTip()
            for text in ("Log inquiry", "Import", "Reply", "Follow-up")}
    assert any("Ctrl+N" in tip for tip in tips) and any("Ctrl+I" in tip for tip in tips)
    reply = toolbar_button(window, "Reply")
    qtbot.waitUntil(reply.isEnabled, timeout=5000)  # the buyer shown has a WhatsApp number
    assert "WhatsApp" in reply.toolTip() and "+8613912345678" in reply.toolTip()


def test_the_channel_column_and_the_history_show_the_channels_icon(qtbot: QtBot, window: MainWindow) -> None:
    model = window.table.model()
    channel = model.index(0, 3)
    assert channel.data() == "WhatsApp"  # the word stays beside the icon
    mark = channel.data(Qt.ItemDataRole.DecorationRole)
    assert mark is not None and not mark.isNull()
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
    window.detail.tabs.setCurrentWidget(window.detail.history)
    qtbot.waitUntil(lambda: window.detail.history.entries.topLevelItemCount() > 0, timeout=5000)
    entry = window.detail.history.entries.topLevelItem(0)
    assert entry.text(1) == "WhatsApp" and not entry.icon(1).isNull()


def test_the_window_fits_1280_by_720(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    load_demo(qtbot, window)
    window.resize(1280, 720)
    click_view(qtbot, window, "Inbox")
    qtbot.wait(50)
    assert not window.table.horizontalScrollBar().isVisible()
    for button in window.toolbar.findChildren(QToolButton):
        if button.defaultAction() is not None and button.defaultAction().isVisible():
            assert button.isVisible() and window.toolbar.rect().contains(button.geometry())
    navigation = window.navigation
    for row in range(navigation.count()):
        item = navigation.item(row)
        wanted = navigation.fontMetrics().horizontalAdvance(item.text()) + navigation.iconSize().width()
        assert navigation.visualItemRect(item).width() >= wanted, item.text()
    assert window.grab().save(str(tmp_path / "1280x720.png"))
