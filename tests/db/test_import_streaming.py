"""Big files are stored as they are read: where a chunk ends changes nothing, and a
cancel at any point writes nothing."""

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Identity, Inquiry, Message
from leaddesk.importers.base import CHUNK_MESSAGES
from leaddesk.job import Cancelled, Job
from leaddesk.services.desk import Desk
from tests.db.test_imports import _counts, _import


def _chat(path: Path, count: int, quiet_after: set[int]) -> Path:
    """A chat of `count` lines a minute apart, quiet for 40 days after the given lines."""
    moment, lines = datetime(2021, 1, 1, 9, 0, tzinfo=UTC), []
    for i in range(count):
        lines.append(f"{moment:%d/%m/%Y, %H:%M} - {'Ana' if i % 3 else 'Ericco Sales'}: line {i}\n")
        moment += timedelta(days=40) if i in quiet_after else timedelta(minutes=1)
    path.write_text("".join(lines))
    return path


def _sizes(desk: Desk) -> list[int]:
    with desk.transaction() as session:
        return list(session.scalars(
            select(func.count(Message.id)).join(Inquiry).group_by(Inquiry.id)
            .order_by(Inquiry.started_at)))


@pytest.mark.parametrize(("quiet_after", "sizes"), [
    ({CHUNK_MESSAGES - 1}, [CHUNK_MESSAGES, CHUNK_MESSAGES + 500]),  # quiet where a chunk ends
    ({CHUNK_MESSAGES + 1199}, [CHUNK_MESSAGES + 1200, CHUNK_MESSAGES - 700]),  # inside one
    (set(), [2 * CHUNK_MESSAGES + 500]),  # a chunk's end is not a pause
])
def test_a_chat_longer_than_a_chunk(desk: Desk, tmp_path: Path, quiet_after: set[int],
                                     sizes: list[int]) -> None:
    count = 2 * CHUNK_MESSAGES + 500
    chat = _chat(tmp_path / "WhatsApp Chat with Ana.txt", count, quiet_after)
    first = _import(desk, chat)
    assert (first.messages_created, first.inquiries_created) == (count, len(sizes))
    assert _sizes(desk) == sizes
    again = _import(desk, chat)
    assert (again.messages_created, again.messages_skipped) == (0, count)
    longer = _chat(chat, count + 10, quiet_after)
    assert (_import(desk, longer).messages_created, _sizes(desk)[-1]) == (10, sizes[-1] + 10)


def _mail(i: int, moment: datetime, message_id: str, extra: str = "") -> str:
    return (f"From buyer{i % 40}@mail.example {moment:%a %b %d %H:%M:%S %Y}\n"
            f"From: Buyer <buyer{i % 40}@mail.example>\nTo: info@ericcointernational.com\n"
            f"Subject: Topic {i}\nDate: {moment:%a, %d %b %Y %H:%M:%S +0000}\n"
            f"Message-ID: {message_id}\n{extra}\nbody {i}\n\n")


def test_an_mbox_longer_than_a_chunk_threads_and_skips_across_chunks(
        desk: Desk, tmp_path: Path) -> None:
    moment, mails = datetime(2021, 1, 1, 9, 0, tzinfo=UTC), []
    count = CHUNK_MESSAGES + 300
    for i in range(count):
        moment += timedelta(minutes=1)
        if i == CHUNK_MESSAGES + 100:  # a copy of the fourth mail, a chunk later
            mails.append(_mail(3, moment, "<m3@mail.example>"))
        elif i == CHUNK_MESSAGES + 200:  # an answer to the 41st, under another subject
            mails.append(_mail(40, moment, f"<m{i}@mail.example>", "In-Reply-To: <m40@mail.example>\n"))
        else:
            mails.append(_mail(i, moment, f"<m{i}@mail.example>"))
    box = tmp_path / "inbox.mbox"
    box.write_text("".join(mails))
    report = _import(desk, box)
    assert (report.messages_created, report.messages_skipped) == (count - 1, 1)
    with desk.transaction() as session:
        homes = dict(session.execute(select(Message.message_id, Message.inquiry_id).where(
            Message.message_id.in_(["<m40@mail.example>",
                                    f"<m{CHUNK_MESSAGES + 200}@mail.example>"]))).all())
    assert len(homes) == 2 and len(set(homes.values())) == 1


@pytest.mark.parametrize("when", [0.0, 1.9])  # while reading, or after rows were written
def test_cancel_stops_cleanly_with_nothing_written(desk: Desk, tmp_path: Path, when: float) -> None:
    chat = _chat(tmp_path / "WhatsApp Chat with Ana.txt", 6 * CHUNK_MESSAGES, set())
    seen: list[tuple[int, int]] = []
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= when * chat.stat().st_size:
            cancel.set()

    with pytest.raises(Cancelled):
        _import(desk, chat, job=Job(progress=progress, cancel=cancel))
    assert seen and seen[-1][0] >= when * chat.stat().st_size
    assert {total for _, total in seen} == {2 * chat.stat().st_size}  # the file is read twice
    assert _counts(desk) == (0, 0, 0)


def test_progress_runs_forward_to_the_end(desk: Desk, tmp_path: Path) -> None:
    chat = _chat(tmp_path / "WhatsApp Chat with Ana.txt", 12000, set())
    seen: list[tuple[int, int]] = []
    report = _import(desk, chat, job=Job(progress=lambda d, t: seen.append((d, t))))
    assert report.messages_created == 12000
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1] == (2 * chat.stat().st_size,) * 2


def _letter(sender: str, to: str, minute: int) -> str:
    return (f"From {sender} Mon Jan  4 10:{minute:02d}:00 2021\nFrom: {sender}\nTo: {to}\n"
            f"Subject: Quote {minute}\nDate: Mon, 4 Jan 2021 10:{minute:02d}:00 +0000\n"
            f"Message-ID: <q{minute}@mail.example>\n\nText {minute}\n\n")


@pytest.mark.parametrize(("letters", "directions"), [
    # a buyer writes in, then a colleague whose address is not in the settings answers
    ([("ana@buyer.example", "info@ericco.example"), ("li@ericco.example", "ana@buyer.example")],
     {"<q0@mail.example>": ("in", "ana@buyer.example"), "<q1@mail.example>": ("out", "ana@buyer.example")}),
    # the answer comes first: nothing tells it is ours yet
    ([("li@ericco.example", "ana@buyer.example"), ("ana@buyer.example", "info@ericco.example")],
     {"<q0@mail.example>": ("in", "li@ericco.example"), "<q1@mail.example>": ("in", "ana@buyer.example")}),
])
def test_an_answer_from_an_unknown_colleague_is_ours_once_the_buyer_is_known(
        desk: Desk, tmp_path: Path, letters: list[tuple[str, str]],
        directions: dict[str, tuple[str, str]]) -> None:
    box = tmp_path / "box.mbox"
    box.write_text("".join(_letter(sender, to, minute) for minute, (sender, to) in enumerate(letters)))
    _import(desk, box)
    with desk.transaction() as session:
        rows = session.execute(select(Message.message_id, Message.direction, Identity.value)
                               .join(Inquiry, Inquiry.id == Message.inquiry_id)
                               .join(Identity, Identity.contact_id == Inquiry.contact_id)).all()
    assert {message_id: (direction, address) for message_id, direction, address in rows} == directions
