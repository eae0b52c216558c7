"""A contact's whole history: inquiries on every channel, follow-ups, stage changes and
notes in time order, across merges, a page at a time."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import NotFoundError
from leaddesk.services.contacts import edit_contact, set_stage
from leaddesk.services.desk import Desk
from leaddesk.services.followups import complete_followup, schedule_followup
from leaddesk.services.inquiries import LogInquiry, add_message, log_inquiry
from leaddesk.services.merge import merge_contacts
from leaddesk.services.timeline import (
    FollowUpEntry,
    InquiryEntry,
    NoteEntry,
    StageEntry,
    contact_timeline,
    open_followups,
    read_timeline,
)

ME = "tester"
JAN = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
WANG = ContactDraft(name="Wang Lei", company="Lei Tools", phones=["+86 139 1234 5678"],
                    emails=["wang@leitools.example"])


def _inquiry(session: Session, channel: Channel, text: str, at: datetime, *,
             draft: ContactDraft = WANG, subject: str = "") -> tuple[int, int]:
    logged = log_inquiry(session, LogInquiry(channel, draft, text, received_at=at, subject=subject),
                         actor=ME)
    return logged.contact_id, logged.id


def _wang(desk: Desk) -> int:
    """Wang Lei: WhatsApp in January (two messages), a mail in February, a done and an
    open follow-up, moved to quoted, a note."""
    with desk.transaction() as session:
        contact, whatsapp = _inquiry(session, Channel.WHATSAPP, "\n  Price for 200 drills?\nThanks",
                                     JAN)
        add_message(session, whatsapp, "Sending it today.", actor=ME, sent_at=JAN + timedelta(hours=2))
        _inquiry(session, Channel.EMAIL, "Please see the drawing.", JAN + timedelta(days=31),
                 subject="Drawing for the custom order")
        done = schedule_followup(session, contact, JAN + timedelta(days=1), "call", actor=ME,
                                 note="ask about volume")
        schedule_followup(session, contact, datetime.now(UTC) + timedelta(days=3), "quote", actor=ME,
                          note="send the quotation")
    with desk.transaction() as session:
        complete_followup(session, done, "wants 300, not 200", actor=ME)
    with desk.transaction() as session:
        set_stage(session, contact, "quoted", actor=ME)
    with desk.transaction() as session:
        edit_contact(session, contact, actor=ME, note="prefers WeChat after 18:00")
    return contact


def _described(entry: object) -> tuple[str, ...]:
    match entry:
        case InquiryEntry(channel=channel, title=title, messages=messages):
            return ("inquiry", channel, title, str(messages))
        case FollowUpEntry(kind=kind, done_at=done_at, outcome=outcome):
            return ("follow-up", kind, "done" if done_at else "open", outcome or "")
        case StageEntry(before=before, after=after, reason=reason):
            return ("stage", before, after, reason or "")
        case NoteEntry(text=text):
            return ("note", text)
    raise AssertionError(entry)


WHOLE = [
    ("inquiry", "whatsapp", "Price for 200 drills?", "2"),
    ("inquiry", "email", "Drawing for the custom order", "1"),
    ("follow-up", "call", "done", "wants 300, not 200"),
    ("stage", "new", "quoted", ""),
    ("note", "prefers WeChat after 18:00"),
    ("follow-up", "quote", "open", ""),
]


@pytest.mark.parametrize(("limit", "entries", "not_shown"), [
    (500, WHOLE, 0),
    # the newest inquiry, follow-up, stage change or note of each kind: what is older than
    # the oldest of a kind that was cut is left out, and counted
    (1, WHOLE[4:], 4),
])
def test_a_contacts_history_in_time_order(desk: Desk, limit: int, entries: list[tuple[str, ...]],
                                          not_shown: int) -> None:
    contact = _wang(desk)
    with desk.transaction() as session:
        timeline = contact_timeline(session, contact, limit=limit)
    assert [_described(e) for e in timeline.entries] == entries
    assert timeline.not_shown == not_shown
    assert (timeline.since is None) == (not_shown == 0)
    ats = [e.at for e in timeline.entries]
    assert ats == sorted(ats)


def test_an_inquiry_entry_says_when_its_last_message_came(desk: Desk) -> None:
    contact = _wang(desk)
    with desk.transaction() as session:
        first = contact_timeline(session, contact).entries[0]
    assert isinstance(first, InquiryEntry)
    assert (first.at, first.last_message_at) == (JAN, JAN + timedelta(hours=2))


@pytest.mark.parametrize("asked", ["survivor", "merged"])
def test_a_merged_contacts_history_is_its_survivors(desk: Desk, asked: str) -> None:
    contact = _wang(desk)
    with desk.transaction() as session:
        other, _ = _inquiry(session, Channel.WECHAT, "你好, wechat here", JAN + timedelta(days=2),
                            draft=ContactDraft(name="Wang Lei", wechat_ids=["wanglei_tools"]))
        merge_contacts(session, contact, other, actor=ME)
    with desk.transaction() as session:
        timeline = contact_timeline(session, contact if asked == "survivor" else other)
    assert timeline.contact_id == contact
    inquiries = [(e.channel, e.title) for e in timeline.entries if isinstance(e, InquiryEntry)]
    assert inquiries == [("whatsapp", "Price for 200 drills?"), ("wechat", "你好, wechat here"),
                         ("email", "Drawing for the custom order")]
    with desk.transaction() as session:
        assert [f.note for f in open_followups(session, other)] == ["send the quotation"]


def test_thousands_of_inquiries_are_read_a_page_at_a_time(desk: Desk) -> None:
    with desk.transaction() as session:
        contact = 0
        for n in range(30):
            contact, _ = _inquiry(session, Channel.SITE_FORM, f"request {n}", JAN + timedelta(hours=n))
    with desk.transaction() as session:
        timeline = contact_timeline(session, contact, limit=10)
    assert [e.title for e in timeline.entries if isinstance(e, InquiryEntry)] == [
        f"request {n}" for n in range(20, 30)]
    assert timeline.not_shown == 20
    assert timeline.since == JAN + timedelta(hours=20)


def test_notes_a_contact_came_with_are_in_its_history(desk: Desk) -> None:
    with desk.transaction() as session:
        contact, _ = _inquiry(session, Channel.EMAIL, "hello", JAN,
                              draft=ContactDraft(name="Lukas", emails=["lukas@becker.example"],
                                                 notes="met at Canton Fair"))
    with desk.transaction() as session:
        notes = [e.text for e in contact_timeline(session, contact).entries if isinstance(e, NoteEntry)]
    assert notes == ["met at Canton Fair"]


@pytest.mark.parametrize("contact", [999, -1])
def test_no_history_for_a_contact_that_is_not_there(desk: Desk, contact: int) -> None:
    with pytest.raises(NotFoundError), desk.transaction() as session:
        contact_timeline(session, contact)
    assert read_timeline(desk, contact) is None
