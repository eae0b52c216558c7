"""WhatsApp exports: every layout, the date order from the whole file, system and media lines."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from leaddesk.domain.drafts import MessageDraft
from leaddesk.domain.vocabulary import Direction
from leaddesk.importers.base import CHUNK_MESSAGES, Fingerprints, ImportFileError, ImportOptions, Own
from leaddesk.importers.detect import parse_file
from leaddesk.importers.whatsapp import decide_order
from leaddesk.job import Job
from tests.unit.importers.conftest import DATA
from tests.unit.importers.conftest import UTC as UTC_ZONE

LAYOUTS = {
    "android-dmy": "13/04/2021, 09:41 - Lukas: Hello\n13/04/2021, 09:45 - Ericco Sales: Hi",
    "android-mdy-12h": "4/13/21, 9:41\u202fAM - Lukas: Hello\n4/13/21, 9:45\u202fAM - Ericco Sales: Hi",
    "android-spanish": "13/04/2021, 9:41 a. m. - Lukas: Hello\n13/04/2021, 9:45 a. m. - Ericco Sales: Hi",
    "android-dots": "13.04.21, 09:41 - Lukas: Hello\n13.04.21, 09:45 - Ericco Sales: Hi",
    "android-ymd": "2021-04-13, 09:41 - Lukas: Hello\n2021-04-13, 09:45 - Ericco Sales: Hi",
    "ios-seconds": "[13/04/2021, 09:41:00] Lukas: Hello\n[13/04/2021, 09:45:00] Ericco Sales: Hi",
    "ios-no-comma": "[04/13/21 09:41] Lukas: Hello\n[04/13/21 09:45] Ericco Sales: Hi",
    "ios-12h-nbsp": "[13/04/2021, 9:41:00\u00a0AM] Lukas: Hello\n"
                    "[13/04/2021, 9:45:00\u00a0AM] Ericco Sales: Hi",
    "ios-dashes": "[13-04-21 09:41:00] Lukas: Hello\n[13-04-21 09:45:00] Ericco Sales: Hi",
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_layout_gives_the_same_two_messages(parse, layout: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parse("WhatsApp Chat with Lukas.txt", LAYOUTS[layout])
    messages = parsed.inquiries[0].messages
    assert [(m.sent_at, m.author, m.body, m.direction) for m in messages] == [
        (datetime(2021, 4, 13, 9, 41, tzinfo=UTC), "Lukas", "Hello", Direction.IN),
        (datetime(2021, 4, 13, 9, 45, tzinfo=UTC), "Ericco Sales", "Hi", Direction.OUT),
    ]
    assert parsed.inquiries[0].contact.name == "Lukas"


@pytest.mark.parametrize(("dates", "preferred", "order", "settled"), [
    (["01/02/21", "13/02/21"], "MDY", "DMY", True),  # a 13 first settles it
    (["02/01/21", "02/13/21"], "DMY", "MDY", True),
    (["2021/02/01", "2021/02/03"], "DMY", "YMD", True),
    (["15-01-20", "11-05-20"], "MDY", "DMY", True),  # the chat must run forward in time
    (["01/02/21", "03/02/21"], "MDY", "MDY", False),  # the file cannot tell: the locale decides
    (["01/02/21", "03/02/21"], "DMY", "DMY", False),
])
def test_the_date_order_comes_from_the_whole_file(
    dates: list[str], preferred: str, order: str, settled: bool
) -> None:
    assert decide_order(dates, preferred) == (order, settled)


def test_an_undecided_order_is_said(parse) -> None:  # type: ignore[no-untyped-def]
    parsed = parse("chat.txt", "01/02/2021, 10:00 - A: one\n03/02/2021, 10:00 - A: two",
                   date_order="MDY")
    assert parsed.inquiries[0].messages[1].sent_at.date().isoformat() == "2021-03-02"
    assert parsed.notes == ["date order MDY taken from the settings; the file cannot tell"]


def test_the_lukas_sample(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/whatsapp/WhatsApp Chat with +49 1512 3456789.txt"
    draft = parse(path.name, path).inquiries[0]
    messages = draft.messages
    assert len(messages) == 8  # the encryption notice is no one's message
    assert draft.contact.phones == ["+49 1512 3456789"]
    assert messages[4].body == "Thanks. Two questions:\n1) can you do bias stability below 0.05°/h?\n" \
        "2) is RS-422 output standard?"
    assert messages[3].attachment == "Media omitted"
    assert [m.direction.value for m in messages].count("out") == 4


def test_the_ios_zip_sample_with_marks_and_attachments(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/whatsapp/WhatsApp Chat - Ahmed Al Mansouri.zip"
    draft = parse(path.name, path).inquiries[0]
    bodies = [m.body for m in draft.messages]
    assert draft.contact.name == "Ahmed Al Mansouri"
    assert not any("\u200e" in b or "encrypted" in b for b in bodies)
    assert [m.attachment for m in draft.messages if m.attachment] == [
        "00000007-ER-INS-02 datasheet.pdf", "image omitted"]


def test_typed_numbers_are_offered_and_12h_clocks_read(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/whatsapp/WhatsApp Chat with Maria Santos.txt"
    draft = parse(path.name, path).inquiries[0]
    assert draft.offered.phones == ["+5511912345678"]
    assert draft.messages[0].sent_at == datetime(2021, 4, 12, 21, 41, tzinfo=UTC)


@pytest.mark.parametrize("name", ["test_[mmddyy]_24hrs.txt", "test_ddmmyy_24hrs.txt",
                                  "test_mmddyy_24hrs.txt", "test_mmddyyyy_12hrs.txt",
                                  "test_yyyymmdd_24hrs.txt"])
def test_chat_miner_layouts_agree(parse, name: str) -> None:  # type: ignore[no-untyped-def]
    messages = parse(name, DATA / "chat-miner" / name).inquiries[0].messages
    assert [(m.sent_at.isoformat(), m.author) for m in messages] == [
        ("2019-01-01T11:25:00+00:00", "John Doe"), ("2019-01-20T11:23:00+00:00", "John Doe"),
        ("2019-01-30T20:49:00+00:00", "Jahn Doe"), ("2020-06-10T15:55:00+00:00", "John-John Doe"),
        ("2021-12-10T10:10:00+00:00", "John Doe 🤓"), ("2021-12-20T12:10:00+00:00", "🤓"),
        ("2021-12-30T22:01:00+00:00", "John Doe")]
    assert messages[2].body == "Lorem ipsum dolor sit amet,\nconsectetur adipiscing elit. Duis libero."
    assert messages[1].body == "."


def test_our_staff_from_the_settings_write_out(parse) -> None:  # type: ignore[no-untyped-def]
    text = "13/04/2021, 09:41 - A: hi\n13/04/2021, 09:42 - Me: hello\n13/04/2021, 09:43 - B: yo"
    messages = parse("chat.txt", text, own=Own(names={"Me"})).inquiries[0].messages
    assert [m.direction for m in messages] == [Direction.IN, Direction.OUT, Direction.IN]


@pytest.mark.parametrize(("content", "message", "line"), [
    ("13/04/2021, 09:41 - A: hi\n45/45/2021, 09:41 - A: hi", "dates cannot be read", 1),
    ("Just some notes\n13/04/2021, 09:41 - A: hi", "not a WhatsApp chat export", 1),
    ("13/04/2021, 09:41 - A: hi\n13/04/2021, 29:41 - A: hi", "impossible time", 2),
])
def test_broken_chats_name_the_line(parse, content: str, message: str, line: int) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match=message) as error:
        parse("chat.txt", content, channel="whatsapp")
    assert (error.value.source, error.value.line) == ("chat.txt", line)


@pytest.mark.parametrize(("line", "kept"), [
    ("13/04/2021, 09:41 - Lukas: We removed the old sensor", True),
    ("13/04/2021, 09:41 - Lukas: I added the datasheet you asked for", True),
    ("13/04/2021, 09:41 - Lukas: He left", True),
    ("[13/04/2021, 09:41:00] Lukas: \u200eLukas added Anna", False),  # an iOS group event
    ("[13/04/2021, 09:41:00] Lukas: \u200eMessages and calls are end-to-end encrypted.", False),
    ("13/04/2021, 09:41 - Group: Messages and calls are end-to-end encrypted.", False),
])
def test_a_persons_words_are_never_taken_for_a_system_line(parse, line: str, kept: bool) -> None:  # type: ignore[no-untyped-def]
    chat = line + "\n13/04/2021, 09:50 - Lukas: thanks"
    bodies = [m.body for m in parse("chat.txt", chat, channel="whatsapp").inquiries[0].messages]
    assert (len(bodies) == 2) is kept


def _stamped(lines: list[tuple[str, str, str]]) -> list[str | None]:
    messages = [MessageDraft(datetime.fromisoformat(when).replace(tzinfo=UTC), Direction.IN, text,
                             author=author, original=text) for when, author, text in lines]
    Fingerprints("whatsapp", "Ana").stamp(messages)
    return [m.fingerprint for m in messages]


@pytest.mark.parametrize(("lines", "distinct"), [
    ([("2021-02-01 10:00", "Ana", "ok"), ("2021-02-01 10:00", "Ana", "ok")], 2),  # said twice
    ([("2021-10-31 02:30", "Ana", "ok"), ("2021-10-31 02:50", "Ana", "hm"),
      ("2021-10-31 02:30", "Ana", "ok")], 3),  # the clock put back an hour
    ([("2021-02-01 10:00", "Ana", "ok"), ("2021-02-01 10:00", "Bo", "ok")], 2),
])
def test_repeated_lines_stay_apart(lines: list[tuple[str, str, str]], distinct: int) -> None:
    assert len(set(_stamped(lines))) == distinct


def test_a_longer_chat_keeps_the_earlier_stamps() -> None:
    lines = [(f"2021-02-{1 + i // 100:02d} 10:{i % 60:02d}", "Ana", f"ok {i % 3}") for i in range(2000)]
    stamps = _stamped(lines)
    assert stamps[:1500] == _stamped(lines[:1500])
    assert None not in stamps and len(set(stamps)) == len(stamps)


@pytest.mark.parametrize(("encoding", "before"), [
    ("utf-8-sig", 0), ("utf-16", 0), ("cp1252", 3000),  # cp1252 only after the first 64 KiB
])
def test_chats_in_other_encodings(parse, encoding: str, before: int) -> None:  # type: ignore[no-untyped-def]
    plain = "".join(f"13/04/2021, 09:{i % 60:02d} - Ana: line {i}\n" for i in range(before))
    data = plain.encode(encoding) if before else b""
    data += "13/04/2021, 10:00 - Ana: Café crème\n13/04/2021, 10:01 - Ericco Sales: Olá".encode(encoding)
    messages = parse("WhatsApp Chat with Ana.txt", data).inquiries[0].messages
    assert [m.body for m in messages[-2:]] == ["Café crème", "Olá"]
    assert len(messages) == before + 2


def test_a_long_chat_is_handed_on_while_it_is_read(tmp_path: Path) -> None:
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    chat.write_text("".join(f"13/04/2021, 09:{i % 60:02d} - Ana: line {i}\n"
                            for i in range(2 * CHUNK_MESSAGES + 1)))
    ticks: list[int] = []
    parsed = parse_file(chat, "auto", ImportOptions(), UTC_ZONE,
                        Job(progress=lambda done, _: ticks.append(done)))
    read_when_handed: list[int] = []
    sizes = []
    for draft in parsed.inquiries:
        read_when_handed.append(ticks[-1])
        sizes.append(len(draft.messages))
    assert sizes == [CHUNK_MESSAGES, CHUNK_MESSAGES, 1]
    assert read_when_handed[0] < 2 * chat.stat().st_size * 0.75  # before the second reading ended
