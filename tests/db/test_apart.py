"""Operations run in a process of their own: the answer, progress and Cancel cross the
pipe, a failure is one line, and what the child wrote is on the desk the window reads."""

import os
import signal
import threading
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Message
from leaddesk.errors import LeadDeskError
from leaddesk.reports.rows import Period
from leaddesk.services.apart import Hooks, run_apart, url_of
from leaddesk.services.desk import Desk
from leaddesk.services.operations import export_report_apart, import_files_apart, undo_import_apart

SAMPLES = Path(__file__).parents[2].parent / "shared" / "samples" / "whatsapp"
CHAT = SAMPLES / "WhatsApp Chat with Maria Santos.txt"


def _refuse(hooks: Hooks) -> None:
    raise LeadDeskError("desk.db: the file is not a chat")


def _die(hooks: Hooks) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _count(hooks: Hooks) -> str:
    for done in range(1, 4):
        hooks.progress(done, 3)
    hooks.say("counted")
    return hooks.url


def _messages(desk: Desk) -> int:
    with desk.transaction() as session:
        return session.scalar(select(func.count()).select_from(Message)) or 0


def _run(desk: Desk, work: object, cancel: threading.Event | None = None) -> tuple[object, list[object]]:
    heard: list[object] = []
    answer = run_apart(work, url_of(desk.engine.url), lambda done, total: heard.append((done, total)),  # type: ignore[arg-type]
                       heard.append, cancel or threading.Event())
    return answer, heard


def test_an_import_apart_lands_on_the_desk_and_its_undo_takes_it_back(desk: Desk, tmp_path: Path) -> None:
    outcome, heard = _run(desk, partial(import_files_apart, [CHAT], "BR", "anna"))
    imported = outcome.value  # type: ignore[attr-defined]
    assert not imported.errors and imported.reports[0].messages_created == _messages(desk) > 0
    steps = [step for step in heard if isinstance(step, tuple)]
    assert steps and steps == sorted(steps) and steps[-1] == (1000, 1000)
    undone, _ = _run(desk, partial(undo_import_apart, "anna"))
    name, plan = undone.value  # type: ignore[attr-defined]
    assert name == CHAT.name and plan.removed["messages"] == imported.reports[0].messages_created
    assert _messages(desk) == 0


@pytest.mark.parametrize(("work", "said"), [
    (_refuse, "desk.db: the file is not a chat"),
    (_die, "the operation stopped unexpectedly (exit code -9)"),
])
def test_a_failure_apart_is_one_line(desk: Desk, work: object, said: str) -> None:
    with pytest.raises(LeadDeskError) as raised:
        _run(desk, work)
    assert str(raised.value) == said


def test_progress_and_words_come_back_in_order(desk: Desk) -> None:
    answer, heard = _run(desk, _count)
    assert heard == [(1, 3), (2, 3), (3, 3), "counted"]
    assert answer == url_of(desk.engine.url)


def test_cancel_reaches_the_import_and_nothing_is_written(desk: Desk) -> None:
    cancel = threading.Event()
    cancel.set()
    outcome, _ = _run(desk, partial(import_files_apart, [CHAT], "BR", "anna"), cancel)
    assert outcome.value.cancelled and _messages(desk) == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_report_written_apart_has_every_inquiry(desk: Desk, tmp_path: Path, fmt: str) -> None:
    _run(desk, partial(import_files_apart, [CHAT], "BR", "anna"))
    target = tmp_path / f"leads.{fmt}"
    done, _ = _run(desk, partial(export_report_apart, fmt, target, Period()))
    assert done.rows == 1 and done.path == target and target.stat().st_size > 0  # type: ignore[attr-defined]


def test_a_period_summed_up_apart_is_the_one_summed_up_here(desk: Desk) -> None:
    from leaddesk.reports.rows import inquiries_in, lead_rows
    from leaddesk.reports.summary import summarise
    from leaddesk.services.operations import summarise_apart

    _run(desk, partial(import_files_apart, [CHAT], "BR", "anna"))
    apart, _ = _run(desk, partial(summarise_apart, Period()))
    with desk.transaction() as session:
        assert inquiries_in(session, Period()) == 1
        assert apart == summarise(lead_rows(session, Period())) and apart.inquiries == 1  # type: ignore[attr-defined]
