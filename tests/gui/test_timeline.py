"""A buyer's whole history as a person reaches it: from the Contacts view (click,
double-click or Enter on a row) and beside the conversation in the inbox; the open
follow-ups listed under the conversation, done or snoozed there."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services.contacts import set_stage
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.followups import complete_followup, schedule_followup
from leaddesk.services.inquiries import LogInquiry, add_message, log_inquiry
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, settle

ME = "tester"
JAN = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    """Wang Lei wrote by WhatsApp in January and by email in February; a call is done,
    a quotation is still to send; he was moved to quoted. Maria wrote once by the form."""
    opened = open_desk(str(tmp_path / "desk.db"))
    wang = ContactDraft(name="Wang Lei", company="Lei Tools", phones=["+86 139 1234 5678"],
                        emails=["wang@leitools.example"])
    with opened.transaction() as session:
        whatsapp = log_inquiry(session, LogInquiry(Channel.WHATSAPP, wang, "Price for 200 drills?",
                                                   received_at=JAN), actor=ME)
        add_message(session, whatsapp.id, "Sending it today.", actor=ME, sent_at=JAN + timedelta(hours=1))
        log_inquiry(session, LogInquiry(Channel.EMAIL, wang, "Please see the drawing.",
                                        received_at=JAN + timedelta(days=31),
                                        subject="Drawing for the custom order"), actor=ME)
        log_inquiry(session, LogInquiry(Channel.SITE_FORM, ContactDraft(
            name="Maria Santos", emails=["maria@santos.example"]), "Datasheet please",
            received_at=JAN + timedelta(days=3)), actor=ME)
        call = schedule_followup(session, whatsapp.contact_id, JAN + timedelta(days=1), "call",
                                 actor=ME, note="ask about volume")
        schedule_followup(session, whatsapp.contact_id, datetime.now(UTC) + timedelta(days=2),
                          "quote", actor=ME, note="send the <b>quotation</b>")
    with opened.transaction() as session:
        complete_followup(session, call, "wants 300, not 200", actor=ME)
    with opened.transaction() as session:
        set_stage(session, whatsapp.contact_id, "quoted", actor=ME)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> MainWindow:
    shown = MainWindow(desk, ME)
    qtbot.addWidget(shown)
    shown.show()
    settle(qtbot, shown.ops)
    return shown


def _shows_as_typed(label: QLabel) -> bool:
    """A note shows as typed: "<b>" is two characters and a letter, not bold."""
    return label.textFormat() == Qt.TextFormat.PlainText and "<b>" in label.text()


def _entries(tree: QTreeWidget) -> list[tuple[str, str]]:
    return [(tree.topLevelItem(i).text(1), tree.topLevelItem(i).text(2))
            for i in range(tree.topLevelItemCount())]


def _choose_contact(qtbot: QtBot, window: MainWindow, name: str, how: str) -> None:
    """In the Contacts view, pick a contact's row the way a person does."""
    click_view(qtbot, window, "Contacts")
    table = window.contacts.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)
    table.setFocus()
    if how == "Enter":  # walk down to it with the keyboard, then Enter
        table.setCurrentCell(0, 0)
        for _ in range(row):
            qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(table, Qt.Key.Key_Return)
    else:
        centre = table.visualItemRect(table.item(row, 0)).center()
        click = qtbot.mouseDClick if how == "double-click" else qtbot.mouseClick
        click(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle(qtbot, window.ops)


@pytest.mark.parametrize("how", ["Enter", "click", "double-click"])
def test_choosing_a_contact_shows_its_whole_history_in_time_order(
        qtbot: QtBot, window: MainWindow, how: str) -> None:
    _choose_contact(qtbot, window, "Maria Santos", "click")  # another one first
    _choose_contact(qtbot, window, "Wang Lei", how)
    history = window.contacts.history
    assert history.isVisible()
    assert "Wang Lei" in history.head.text()
    shown = _entries(history.entries)
    assert [where for where, _what in shown] == ["WhatsApp", "email", "Follow-up", "Stage",
                                                 "Follow-up"]
    assert shown[0][1].startswith("Price for 200 drills? · 2 messages")
    assert shown[1][1].startswith("Drawing for the custom order · 1 message")
    assert shown[2][1] == "call done: wants 300, not 200 · ask about volume"
    assert shown[3][1] == "new → quoted"
    assert shown[4][1] == "quote due · send the <b>quotation</b>"


def test_clicking_an_inquiry_in_the_history_opens_its_conversation(
        qtbot: QtBot, window: MainWindow) -> None:
    _choose_contact(qtbot, window, "Wang Lei", "click")
    tree = window.contacts.history.entries
    first = tree.topLevelItem(0)  # the WhatsApp chat, not the newest inquiry
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(first).center())
    settle(qtbot, window.ops)
    assert window.views.currentWidget() is window.splitter
    assert window.detail.timeline.isVisible()
    assert "Price for 200 drills?" in window.detail.timeline.toPlainText()
    assert "Sending it today." in window.detail.timeline.toPlainText()


def _history_tab(qtbot: QtBot, window: MainWindow) -> QTreeWidget:
    """Click "History" beside the conversation."""
    bar = window.detail.tabs.tabBar()
    tab = next(i for i in range(bar.count()) if bar.tabText(i) == "History")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    settle(qtbot, window.ops)
    return window.detail.history.entries


def test_the_history_is_one_click_from_a_selected_inquiry(qtbot: QtBot, window: MainWindow) -> None:
    assert "Drawing for the custom order" in window.detail.timeline.toPlainText()  # the newest
    shown = _entries(_history_tab(qtbot, window))
    assert [where for where, _what in shown][:2] == ["WhatsApp", "email"]


def test_a_follow_up_done_in_the_detail_pane_leaves_the_list_and_shows_done(
        qtbot: QtBot, window: MainWindow) -> None:
    followups = window.detail.followups
    assert followups.isVisible()
    assert [row.label.text().split(" due ")[0] for row in followups.rows] == ["quote"]
    assert _shows_as_typed(followups.rows[0].label)
    row = followups.rows[0]
    qtbot.mouseClick(row.done_button, Qt.MouseButton.LeftButton)
    assert row.outcome.isVisible() and row.outcome.hasFocus()
    qtbot.keyClicks(row.outcome, "sent, he will answer Monday")
    qtbot.keyClick(row.outcome, Qt.Key.Key_Return)
    settle(qtbot, window.ops)
    assert followups.rows == []
    assert not followups.isVisible()
    shown = _entries(_history_tab(qtbot, window))
    assert shown[-1] == ("Follow-up", "quote done: sent, he will answer Monday · send the <b>quotation</b>")


@pytest.mark.parametrize(("outcome", "error"), [("", "say what came of the follow-up"),
                                                ("   ", "say what came of the follow-up")])
def test_done_needs_an_outcome(qtbot: QtBot, window: MainWindow, outcome: str, error: str) -> None:
    row = window.detail.followups.rows[0]
    qtbot.mouseClick(row.done_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(row.outcome, outcome)
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    assert window.detail.followups.error.text() == error
    assert len(window.detail.followups.rows) == 1


@pytest.mark.parametrize(("choice", "days"), [("1 day", 1), ("3 days", 3), ("1 week", 7)])
def test_a_follow_up_snoozed_in_the_detail_pane_moves_later(
        qtbot: QtBot, window: MainWindow, choice: str, days: int) -> None:
    row = window.detail.followups.rows[0]
    before = row.label.text()
    action = next(a for a in row.snooze_button.menu().actions() if a.text() == choice)
    action.trigger()
    settle(qtbot, window.ops)
    (moved,) = window.detail.followups.rows
    expected = (datetime.now(UTC) + timedelta(days=2 + days)).astimezone()
    assert moved.label.text() != before
    assert moved.label.text().startswith(f"quote due {expected:%Y-%m-%d}")


@pytest.mark.parametrize(("stage", "shown"), [("won", "quoted → won"),
                                              ("contacted", "quoted → contacted")])
def test_the_history_follows_a_change_made_beside_it(qtbot: QtBot, window: MainWindow, stage: str,
                                                     shown: str) -> None:
    history = _history_tab(qtbot, window)
    before = history.topLevelItemCount()
    actions = window.detail.contact_actions
    actions.stage.setCurrentIndex(actions.stage.findText(stage))
    qtbot.mouseClick(actions.save_stage, Qt.MouseButton.LeftButton)
    settle(qtbot, window.ops)
    entries = _entries(history)
    assert len(entries) == before + 1
    assert ("Stage", shown) in entries


@pytest.mark.parametrize(("clicks", "inquiries", "earlier"), [
    (0, ["form 3", "form 4"], True), (1, ["form 1", "form 2", "form 3", "form 4"], True),
    (2, [f"form {n}" for n in range(5)], False)])
def test_a_long_history_shows_its_newest_page_and_earlier_ones_on_request(
        qtbot: QtBot, desk: Desk, clicks: int, inquiries: list[str], earlier: bool) -> None:
    from leaddesk.ui.operations import Operations
    from leaddesk.ui.widgets.timeline import ContactTimeline

    draft = ContactDraft(name="Busy <b>Buyer</b>", emails=["busy@buyer.example"])
    with desk.transaction() as session:
        contact = 0
        for n in range(5):
            contact = log_inquiry(session, LogInquiry(Channel.SITE_FORM, draft, f"form {n}",
                                                      received_at=JAN + timedelta(hours=n)),
                                  actor=ME).contact_id
    ops = Operations()
    history = ContactTimeline(desk, ops, page=2)
    qtbot.addWidget(history)
    history.show()
    history.show_contact(contact)
    settle(qtbot, ops)
    for _ in range(clicks):
        qtbot.mouseClick(history.earlier_button, Qt.MouseButton.LeftButton)
        settle(qtbot, ops)
    assert [what.split(" · ")[0] for where, what in _entries(history.entries)
            if where == "site form"] == inquiries
    assert history.earlier_button.isVisible() == earlier
    assert ("earlier entries not shown" in history.head.text()) == earlier
    assert "Busy &lt;b&gt;Buyer&lt;/b&gt;" in history.head.text()  # a name is text, never markup
