"""Operations run off the GUI thread, one write at a time, and every view refetches what
it shows from the `Changes` alone: a change to one contact reaches only the views showing
it; a view not on screen reads again when it is next shown."""

import threading
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select, text

from leaddesk.db.models import Contact, Inquiry, Message
from leaddesk.importers.base import ImportOptions
from leaddesk.services import operations
from leaddesk.services.changes import EVERYTHING, Changes
from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.imports import import_file
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.models.inbox import BLOCK, KEPT_BLOCKS, InboxModel
from leaddesk.ui.operations import Operations
from tests.gui.helpers import click_view, settle

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def desk(desk: Desk) -> Desk:
    """The shared desk (tests/gui/conftest.py), with the demo data in it."""
    with desk.transaction() as session:
        fill_demo(session, actor="t")
    return desk


@pytest.fixture
def window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The shared window, once its first reads are done."""
    settle(qtbot, window.ops)
    return window


def _counter(signal: object) -> list[int]:
    seen: list[int] = []
    signal.connect(lambda *_: seen.append(1))  # type: ignore[attr-defined]
    return seen


def _ids(desk: Desk) -> tuple[int, int, int]:
    """The first inquiry, its contact, and some other contact."""
    with desk.transaction() as session:
        first = session.scalars(select(Inquiry).order_by(Inquiry.last_message_at.desc())).first()
        assert first is not None
        other = session.scalar(select(Contact.id).where(Contact.id != first.contact_id))
        return first.id, first.contact_id, other or 0


VIEWS = ["followups", "contacts", "duplicates", "articles"]
RELEVANT: dict[str, Callable[[int, int], Changes]] = {
    "followups": lambda contact, _inquiry: Changes.of(followups=[1]),
    "contacts": lambda contact, _inquiry: Changes.of(contacts=[contact]),
    "duplicates": lambda contact, _inquiry: Changes.of(contacts=[contact]),
    "articles": lambda _contact, _inquiry: Changes.of(articles=[1]),
}
IRRELEVANT: dict[str, Changes] = {
    "followups": Changes.of(articles=[1]),
    "contacts": Changes.of(articles=[1], followups=[1]),
    "duplicates": Changes.of(inquiries=[1]),
    "articles": Changes.of(contacts=[1], followups=[1]),
}


@pytest.mark.parametrize("name", VIEWS)
def test_a_view_on_screen_refetches_only_what_concerns_it(qtbot: QtBot, window: MainWindow,
                                                         desk: Desk, name: str) -> None:
    view = getattr(window, name)
    click_view(qtbot, window, {"followups": "Follow-ups", "contacts": "Contacts",
                               "duplicates": "Duplicates", "articles": "Articles"}[name])
    refetched = _counter(view.refetched)
    window.ops.announce(IRRELEVANT[name])
    settle(qtbot, window.ops)
    assert refetched == []
    _inquiry, contact, _other = _ids(desk)
    window.ops.announce(RELEVANT[name](contact, _inquiry))
    settle(qtbot, window.ops)
    assert refetched == [1]


@pytest.mark.parametrize("name", VIEWS)
def test_a_hidden_view_reads_again_when_it_is_shown(qtbot: QtBot, window: MainWindow, name: str) -> None:
    view = getattr(window, name)
    refetched = _counter(view.refetched)
    window.ops.announce(EVERYTHING)  # the inbox is on screen: the others only note it
    settle(qtbot, window.ops)
    assert refetched == []
    window.show_view(name)
    settle(qtbot, window.ops)
    assert refetched == [1]
    window.ops.announce(EVERYTHING)
    settle(qtbot, window.ops)
    assert refetched == [1, 1]  # on screen now: at once


def test_a_stage_change_reaches_the_inbox_row_and_the_detail_pane_only(
        qtbot: QtBot, window: MainWindow, desk: Desk) -> None:
    inquiry, contact, other = _ids(desk)
    window.table.selectRow(0)
    settle(qtbot, window.ops)
    assert window.detail.inquiry_id == inquiry
    detail = _counter(window.detail.refetched)
    rows = _counter(window.inbox.dataChanged)
    resets = _counter(window.inbox.modelReset)
    window.ops.run(lambda: operations.set_stage(desk, other, "won", actor="t"))
    settle(qtbot, window.ops)
    assert (detail, resets) == ([], [])  # another contact: the pane and the list stay
    window.ops.run(lambda: operations.set_stage(desk, contact, "won", actor="t"))
    settle(qtbot, window.ops)
    assert detail == [1] and rows and resets == []  # its row read again, not the whole list
    assert window.inbox.index(0, 5).data() == "won"
    assert "won" in window.detail.head.text()


def test_writes_run_one_at_a_time_in_order_and_a_failure_is_one_line(qtbot: QtBot, desk: Desk) -> None:
    ops = Operations()
    _inquiry, contact, _other = _ids(desk)
    done: list[str] = []
    changes = _counter(ops.changed)
    for stage in ("contacted", "qualified", "quoted"):
        ops.run(lambda s=stage: operations.set_stage(desk, contact, s, actor="t"),
                done=lambda summary: done.append(summary.stage))
    failures: list[str] = []
    ops.run(lambda: operations.set_stage(desk, contact, "lost", actor="t"), failed=failures.append)
    assert ops.busy
    settle(qtbot, ops)
    assert done == ["contacted", "qualified", "quoted"] and len(changes) == 3
    assert failures == ["a lost lead needs a reason"] and not ops.busy


def test_closing_makes_the_changes_asked_for_and_then_starts_nothing(qtbot: QtBot, desk: Desk) -> None:
    """A save asked for while another ran is made when the window closes (never dropped),
    and nothing starts after: no read, no view told of a change, no worker left running."""
    ops = Operations()
    _inquiry, contact, _other = _ids(desk)
    gate = threading.Event()

    def first() -> operations.Outcome[object]:
        gate.wait(10)
        return operations.set_stage(desk, contact, "contacted", actor="t")

    ops.run(first)
    ops.run(lambda: operations.set_stage(desk, contact, "quoted", actor="t"))  # waits its turn
    heard = _counter(ops.changed)
    gate.set()
    ops.wait()  # what the window's close calls
    with desk.transaction() as session:
        assert session.get(Contact, contact).stage == "quoted"  # type: ignore[union-attr]
    read: list[object] = []
    ops.read(lambda: read.append("read"), read.append)
    ops.announce(EVERYTHING)
    qtbot.wait(200)
    assert (read, heard, ops.idle) == ([], [], True)


def test_the_inbox_keeps_a_few_screens_of_rows_however_far_it_scrolls(qtbot: QtBot, tmp_path: Path) -> None:
    from leaddesk.services.synthetic import fill_synthetic

    desk = open_desk(str(tmp_path / "big.db"))
    fill_synthetic(desk.engine, 30_000)  # about 10,000 inquiries
    model = InboxModel(desk)
    with qtbot.waitSignal(model.counted, timeout=20_000):
        model.reload()
    assert model.rowCount() > 20 * BLOCK
    for row in range(0, model.rowCount(), 25):  # a person scrolling page by page
        assert model.index(row, 0).data()
    assert model.cached_rows <= KEPT_BLOCKS * BLOCK
    model.wait()
    desk.close()


def test_scrolling_on_finds_the_rows_read_ahead_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    from leaddesk.services.synthetic import fill_synthetic

    desk = open_desk(str(tmp_path / "big.db"))
    fill_synthetic(desk.engine, 15_000)
    model = InboxModel(desk)
    with qtbot.waitSignal(model.counted, timeout=20_000):
        model.reload()
    read_here: list[str] = []
    event.listen(desk.engine, "before_cursor_execute",
                 lambda _c, _k, statement, *_rest: read_here.append(statement)
                 if threading.current_thread() is threading.main_thread() else None)
    for row in range(0, 6 * BLOCK, 25):  # page by page, the event loop running between
        assert model.index(row, 0).data() not in (None, "(unavailable)")
        qtbot.waitUntil(lambda: not model.reading_ahead, timeout=5_000)
    assert len(read_here) == 1, [s[:90] for s in read_here]  # the first block; every later one read ahead
    model.wait()
    desk.close()


def test_a_row_that_cannot_be_read_says_so_and_never_raises(qtbot: QtBot, desk: Desk) -> None:
    model = InboxModel(desk)
    model.reload()
    with desk.engine.begin() as connection:  # the desk breaks under the window
        connection.execute(text("ALTER TABLE articles RENAME TO articles_gone"))
    assert model.index(0, 0).data() == "(unavailable)"
    assert model.index(0, 1).data() is None
    with desk.engine.begin() as connection:
        connection.execute(text("ALTER TABLE articles_gone RENAME TO articles"))
    model.on_changed(EVERYTHING)
    model.reload()
    assert model.index(0, 0).data() not in (None, "(unavailable)")


def test_a_long_message_is_shown_cut_with_show_all(qtbot: QtBot, window: MainWindow, desk: Desk,
                                                   tmp_path: Path) -> None:
    long = " ".join(f"word{i}" for i in range(300_000))  # 2.2 M characters: stored cut, shown cut
    chat = tmp_path / "WhatsApp Chat with Ana.txt"
    chat.write_text(f"01/12/2026, 09:00 - Ana: {long}\n01/12/2026, 09:01 - Ana: short\n", encoding="utf-8")
    report = import_file(desk, chat, ImportOptions(), actor="t", zone=ZoneInfo("UTC"))
    window.ops.announce(Changes.of(batches=[report.batch]) | EVERYTHING)
    settle(qtbot, window.ops)
    with desk.transaction() as session:
        inquiry = session.scalar(select(Message.inquiry_id).where(Message.import_batch_id == report.batch))
    window.table.selectRow(window.inbox.row_for(inquiry) or 0)
    settle(qtbot, window.ops)
    shown = window.detail.timeline.toPlainText()
    assert "word0 word1" in shown and "Show all (1,000," in shown and len(shown) < 20_000
    timeline = window.detail.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)  # to the conversation's one link: "Show all"
    assert timeline.textCursor().selectedText().startswith("Show all")
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    settle(qtbot, window.ops)
    assert window.detail.long_message.isVisible()
    assert window.detail.long_message.toPlainText().startswith(long[:1000])
