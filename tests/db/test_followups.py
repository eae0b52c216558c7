"""Follow-ups: scheduled, completed with an outcome, snoozed, and listed by when due."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from leaddesk.domain.drafts import ContactDraft
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.contacts import match_contact
from leaddesk.services.desk import Desk
from leaddesk.services.followups import (
    Due,
    complete_followup,
    list_followups,
    schedule_followup,
    snooze_followup,
)

ME = "tester"
NOW = datetime(2021, 4, 21, 10, 0, tzinfo=UTC)
OFFSETS = {"last week": -timedelta(days=6), "an hour ago": -timedelta(hours=1),
           "tonight": timedelta(hours=8), "in three days": timedelta(days=3),
           "next month": timedelta(days=30)}


@pytest.fixture
def scheduled(desk: Desk) -> dict[str, int]:
    with desk.transaction() as session:
        contact = match_contact(session, ContactDraft(name="Priya", phones=["+91 98765 43210"]),
                                actor=ME).contact_id
        return {note: schedule_followup(session, contact, NOW + offset, "call", actor=ME,
                                        note=note) for note, offset in OFFSETS.items()}


@pytest.mark.parametrize(("due", "notes"), [
    (Due.OVERDUE, ["last week", "an hour ago"]),
    (Due.TODAY, ["an hour ago", "tonight"]),
    (Due.WEEK, ["an hour ago", "tonight", "in three days"]),
    (Due.ALL, list(OFFSETS)),
])
def test_followups_are_listed_by_when_due(desk: Desk, scheduled: dict[str, int], due: Due,
                                          notes: list[str]) -> None:
    with desk.transaction() as session:
        found = list_followups(session, due, now=NOW, zone=ZoneInfo("UTC"))
    assert [f.note for f in found] == notes


def test_today_is_the_users_day_not_utcs(desk: Desk, scheduled: dict[str, int]) -> None:
    with desk.transaction() as session:
        found = list_followups(session, Due.TODAY, now=NOW, zone=ZoneInfo("Asia/Shanghai"))
    assert [f.note for f in found] == ["an hour ago"]  # 18:00 in Shanghai; tonight is tomorrow


def test_done_and_snoozed_followups(desk: Desk, scheduled: dict[str, int]) -> None:
    with desk.transaction() as session:
        complete_followup(session, scheduled["last week"], "sent the quotation", actor=ME)
        moved = snooze_followup(session, scheduled["an hour ago"], timedelta(days=1), actor=ME)
    assert moved > datetime.now(UTC) + timedelta(hours=23)
    with desk.transaction() as session:
        assert list_followups(session, Due.OVERDUE, now=NOW) == []
        with pytest.raises(InvalidInputError, match="already done"):
            complete_followup(session, scheduled["last week"], "again", actor=ME)


@pytest.mark.parametrize(("action", "error"), [
    (lambda s, ids: complete_followup(s, ids["tonight"], "  ", actor=ME), "what came of"),
    (lambda s, ids: snooze_followup(s, ids["tonight"], timedelta(0), actor=ME), "later"),
    (lambda s, ids: complete_followup(s, 999, "done", actor=ME), "no follow-up #999"),
    (lambda s, ids: schedule_followup(s, 999, NOW, "call", actor=ME), "no contact #999"),
    (lambda s, ids: schedule_followup(s, 1, NOW, "fax", actor=ME), "unknown follow-up kind"),
])
def test_bad_followup_actions_are_refused(desk: Desk, scheduled: dict[str, int], action, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises((InvalidInputError, NotFoundError), match=error), \
            desk.transaction() as session:
        action(session, scheduled)
