"""The Follow-ups view as a person reads it: today's list holds everything due today (the
hours already gone marked late), the due time is shown whole, kinds in the user's words."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel, FollowUpKind
from leaddesk.services import operations
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import LogInquiry
from leaddesk.ui.main_window import MainWindow
from tests.gui.helpers import click_view, settle


def _group(window: MainWindow, title: str) -> QTreeWidgetItem:
    tree = window.followups.tree
    return next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0).startswith(title))


def test_today_holds_every_follow_up_due_today_and_marks_the_late_ones(qtbot: QtBot, desk: Desk) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    local = now.astimezone()
    start = local.replace(hour=0, minute=0, second=0).astimezone(UTC)
    if now - start < timedelta(minutes=5) or start + timedelta(days=1) - now < timedelta(minutes=5):
        pytest.skip("too close to midnight for an hour earlier and later today")
    earlier, later = max(start + timedelta(minutes=1), now - timedelta(hours=1)), \
        min(start + timedelta(days=1, minutes=-1), now + timedelta(hours=1))
    dues = {"Ana": now - timedelta(days=2), "Ben": earlier, "Cleo": earlier, "Dan": later}
    for name, due in dues.items():
        operations.log_inquiry(desk, LogInquiry(
            Channel.EMAIL, ContactDraft(name=name, emails=[f"{name}@x.example"]), "price?",
            followup_due=due, followup_kind=FollowUpKind.QUOTE), actor="t")
    window = MainWindow(desk, "tester")
    qtbot.addWidget(window)
    window.show()
    settle(qtbot, window.ops)
    click_view(qtbot, window, "Follow-ups")
    today, overdue = _group(window, "Today"), _group(window, "Overdue")
    assert (today.text(0), overdue.text(0)) == ("Today (3)", "Overdue (1)")
    shown = {today.child(i).text(1): today.child(i).text(0) for i in range(today.childCount())}
    assert [name for name, due in shown.items() if due.endswith("(late)")] == ["Ben", "Cleo"]
    assert {today.child(i).text(2) for i in range(today.childCount())} == {"quote"}
    tree = window.followups.tree
    widest = max(tree.fontMetrics().horizontalAdvance(due) for due in shown.values())
    assert tree.columnWidth(0) >= widest + tree.indentation()  # the due time whole, not "2026-11-28 11…"
