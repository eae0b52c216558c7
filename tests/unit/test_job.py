"""Job control apart from what a file means: progress, Cancel and what the work says."""

from dataclasses import fields

import pytest

from leaddesk.importers.base import ImportOptions
from leaddesk.job import Cancelled, Job


def test_import_options_say_only_what_a_file_means() -> None:
    assert {f.name for f in fields(ImportOptions)} == {
        "own", "default_region", "date_order", "column_map", "remembered_maps", "spill",
        "attachment_file_cap", "attachment_desk_cap"}  # what of a file is kept, not how the job runs
    assert not hasattr(ImportOptions(), "tick")


@pytest.mark.parametrize(("steps", "cancel_after", "heard", "cancelled"), [
    ([(1, 4), (2, 4), (4, 4)], None, [(1, 4), (2, 4), (4, 4)], False),
    ([(1, 4), (2, 4), (4, 4)], 1, [(1, 4)], True),  # Cancel pressed after the first step
    ([(1, 4)], 0, [], True),  # pressed before anything was counted
])
def test_a_job_reports_progress_until_cancel(steps: list[tuple[int, int]], cancel_after: int | None,
                                             heard: list[tuple[int, int]], cancelled: bool) -> None:
    seen: list[tuple[int, int]] = []
    job = Job(progress=lambda done, total: seen.append((done, total)))
    stopped = False
    for number, (done, total) in enumerate(steps):
        if number == cancel_after:
            job.cancel.set()
        try:
            job.tick(done, total)
        except Cancelled as exc:
            stopped = True
            assert str(exc) == "import cancelled; nothing was written"
            break
    assert (seen, stopped) == (heard, cancelled)


@pytest.mark.parametrize("texts", [["waiting for another import", ""], []])
def test_a_job_passes_on_what_the_work_says(texts: list[str]) -> None:
    said: list[str] = []
    job, unwatched = Job(status=said.append), Job()
    for text in texts:
        job.say(text)
        unwatched.say(text)  # nobody listening: nothing happens
        unwatched.tick(1, 1)
    assert said == texts
