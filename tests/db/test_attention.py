"""What the navigation counts: recent inquiries waiting for an answer, follow-ups overdue or
due today, duplicate pairs nobody decided on."""

from datetime import UTC, datetime, timedelta

import pytest

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.services import attention as needs
from leaddesk.services.attention import attention
from leaddesk.services.desk import Desk
from leaddesk.services.followups import complete_followup, schedule_followup
from leaddesk.services.inquiries import LogInquiry, add_message, log_inquiry

ME = "tester"
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def _asked(desk: Desk, name: str, ago: timedelta, answered: bool = False) -> int:
    with desk.transaction() as session:
        logged = log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(
            name=name, emails=[f"{name.lower()}@buyer.example"]), "Price please?",
            received_at=NOW - ago), actor=ME)
        if answered:
            add_message(session, logged.id, "Here it is.", actor=ME, sent_at=NOW - ago + timedelta(minutes=5))
        return logged.contact_id


@pytest.mark.parametrize(("asked", "unanswered"), [
    ([("Ana", timedelta(hours=2), False)], 1),
    ([("Ana", timedelta(hours=2), True)], 0),  # our answer came last
    ([("Ana", timedelta(days=40), False)], 0),  # a month old: a lost lead, not today's work
    ([("Ana", timedelta(hours=2), False), ("Bo", timedelta(days=3), False),
      ("Cai", timedelta(days=1), True)], 2),
])
def test_recent_inquiries_whose_buyer_wrote_last_are_counted(
    desk: Desk, asked: list[tuple[str, timedelta, bool]], unanswered: int
) -> None:
    for name, ago, answered in asked:
        _asked(desk, name, ago, answered)
    with desk.transaction() as session:
        assert attention(session, NOW).unanswered == unanswered


def test_unanswered_are_counted_up_to_many(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(needs, "MANY", 2)
    for name in ("Ana", "Bo", "Cai"):
        _asked(desk, name, timedelta(hours=1))
    with desk.transaction() as session:
        assert attention(session, NOW).unanswered == 2


@pytest.mark.parametrize(("due", "done", "overdue", "today"), [
    (-timedelta(days=2), False, 1, 0),
    (-timedelta(hours=1), False, 0, 1),  # this morning: today's, its hour gone
    (timedelta(hours=3), False, 0, 1),
    (timedelta(days=1), False, 0, 0),  # tomorrow
    (-timedelta(days=2), True, 0, 0),  # done
])
def test_followups_overdue_and_due_today(desk: Desk, due: timedelta, done: bool, overdue: int,
                                         today: int) -> None:
    contact = _asked(desk, "Ana", timedelta(hours=2), answered=True)
    with desk.transaction() as session:
        followup = schedule_followup(session, contact, NOW + due, "call", actor=ME)
        if done:
            complete_followup(session, followup, "called", actor=ME)
    with desk.transaction() as session:
        counted = attention(session, NOW)
    assert (counted.overdue, counted.due_today, counted.followups) == (overdue, today, overdue + today)
    assert counted.duplicates == 0
