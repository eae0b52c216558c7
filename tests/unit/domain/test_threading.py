"""How messages join inquiries: chats split where they go quiet and join the inquiry whose
time they fall in, mails thread by reply headers either way round, else by subject."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from leaddesk.domain.drafts import ContactDraft, InquiryDraft, MessageDraft
from leaddesk.domain.threading import Threading, chat_home, mail_home, split_chat, threading_of
from leaddesk.domain.vocabulary import Channel, Direction

GAP = timedelta(days=14)
DAY0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _at(days: float) -> datetime:
    return DAY0 + timedelta(days=days)


def _message(days: float = 0, message_id: str | None = None,
             references: tuple[str, ...] = ()) -> MessageDraft:
    return MessageDraft(_at(days), Direction.IN, "hello", message_id=message_id,
                        references=list(references))


@pytest.mark.parametrize(("channel", "message_id", "expected"), [
    (Channel.WHATSAPP, None, Threading.CHAT),
    (Channel.WECHAT, None, Threading.CHAT),
    (Channel.WHATSAPP, "<m1@x>", Threading.CHAT),
    (Channel.EMAIL, None, Threading.MAIL),
    (Channel.EMAIL, "<m1@x>", Threading.MAIL),
    (Channel.SITE_FORM, "<form@x>", Threading.MAIL),  # a form that came by mail
    (Channel.SITE_FORM, None, Threading.ALONE),
    (Channel.PHONE, None, Threading.ALONE),
])
def test_how_a_draft_threads(channel: Channel, message_id: str | None, expected: Threading) -> None:
    first = _message(message_id=message_id)
    assert threading_of(InquiryDraft(channel, ContactDraft(), [first]), first) is expected


@pytest.mark.parametrize(("days", "parts"), [
    ([0], [[0]]),
    ([0, 1, 2], [[0, 1, 2]]),
    ([0, 14], [[0, 14]]),  # exactly the gap: still one conversation
    ([0, 14.01], [[0], [14.01]]),
    ([0, 10, 20, 40, 41, 60], [[0, 10, 20], [40, 41], [60]]),
    ([], []),
])
def test_a_chat_is_split_where_it_goes_quiet_for_longer_than_the_gap(
        days: list[float], parts: list[list[float]]) -> None:
    split = split_chat([_message(d) for d in days], GAP)
    assert [[m.sent_at for m in part] for part in split] == [[_at(d) for d in part] for part in parts]


@dataclass
class _Span:
    id: int
    started: datetime
    last: datetime


KNOWN = [_Span(1, _at(0), _at(5)), _Span(2, _at(60), _at(61)), _Span(3, _at(62), _at(70))]


@pytest.mark.parametrize(("days", "home"), [
    (3, 1),  # within an inquiry's time
    (-14, 1),  # the gap before its first message
    (19, 1),  # the gap after its last
    (19.01, None),
    (-14.01, None),
    (40, None),  # between two: a new inquiry
    (62, 2),  # held by two: the first known
    (84, 3),
])
def test_a_chat_part_joins_the_known_inquiry_whose_time_holds_it(days: float, home: int | None) -> None:
    assert chat_home(_at(days), KNOWN, GAP) == home


def test_known_inquiries_are_read_only_as_far_as_needed() -> None:
    read: list[int] = []

    def known() -> Iterator[_Span]:
        for span in KNOWN:
            read.append(span.id)
            yield span

    assert chat_home(_at(1), known(), GAP) == 1
    assert read == [1]


@dataclass
class _Stored:
    """Mails stored so far: Message-ID -> inquiry, replied-to Message-ID -> inquiry, and
    inquiries by (contact, subject) with their last message."""

    with_id: dict[str, int] = field(default_factory=dict)
    answering: dict[str, int] = field(default_factory=dict)
    about: dict[tuple[int, str], int] = field(default_factory=dict)
    last: dict[int, datetime] = field(default_factory=dict)

    def inquiry_with(self, message_id: str) -> int | None:
        return self.with_id.get(message_id)

    def inquiry_answering(self, message_id: str) -> int | None:
        return self.answering.get(message_id)

    def inquiry_about(self, contact_id: int, channel: Channel, thread_key: str,
                      since: datetime) -> int | None:
        return self.about.get((contact_id, thread_key))

    def last_message_at(self, inquiry_id: int) -> datetime:
        return self.last[inquiry_id]


STORED = _Stored(with_id={"<a@x>": 10, "<b@x>": 20}, answering={"<c@x>": 30},
                 about={(7, "price"): 40, (7, "old"): 50, (8, "price"): 60},
                 last={10: _at(0), 20: _at(0), 30: _at(0), 40: _at(20), 50: _at(1), 60: _at(0)})


@pytest.mark.parametrize(("message_id", "references", "thread_key", "days", "home"), [
    ("<new@x>", ("<a@x>",), "price", 30, 10),  # a reply joins what it answers
    ("<new@x>", ("<zz@x>", "<b@x>", "<a@x>"), None, 30, 20),  # the first known reference
    ("<c@x>", (), "price", 30, 30),  # its reply came first
    ("<c@x>", ("<a@x>",), None, 30, 10),  # references before replies
    ("<new@x>", (), "price", 30, 40),  # same contact and subject, within the gap
    ("<new@x>", (), "price", 34, 40),  # exactly the gap after its last message
    ("<new@x>", (), "price", 34.01, None),  # quiet for longer: a new inquiry
    ("<new@x>", (), "old", 30, None),
    ("<new@x>", (), "unknown", 30, None),
    ("<new@x>", (), None, 30, None),  # no subject to go by
    (None, (), "price", 30, 40),
])
def test_a_mail_threads_by_reply_headers_either_way_round_else_by_subject(
        message_id: str | None, references: tuple[str, ...], thread_key: str | None, days: float,
        home: int | None) -> None:
    draft = InquiryDraft(Channel.EMAIL, ContactDraft(emails=["buyer@x.example"]),
                         [_message(days, message_id, references)], thread_key=thread_key)
    assert mail_home(draft, 7, STORED, GAP) == home
