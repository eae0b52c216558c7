"""The window under the responsiveness benchmark (run by benchmarks/responsiveness.py in a
process of its own): python -m benchmarks.responsiveness_child DESK CHAT XLSX STARTED"""

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from leaddesk.process import rss_mb
from leaddesk.services import operations
from leaddesk.services.desk import open_desk
from leaddesk.ui.main_window import MainWindow

TICK_MS = 10


class Gaps:
    """A timer on the GUI thread: how long each wait between its ticks really was."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.seen: list[int] = []
        self.timer = QTimer(interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.seen.append(now - self.last)
        self.last = now

    def take(self) -> list[int]:
        seen, self.seen = self.seen, []
        return seen or [TICK_MS]


def wait(condition: Callable[[], bool], timeout_s: float = 1800) -> None:
    """Let the event loop run (timers and all) until `condition` holds."""
    loop = QEventLoop()
    check = QTimer(interval=5)
    check.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline = time.monotonic() + timeout_s
    check.start()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("a step took too long")
        loop.exec()
    check.stop()


def main() -> int:
    db, chat, xlsx, started = sys.argv[1], Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
    app = QApplication(sys.argv)
    desk = open_desk(db)
    window = MainWindow(desk, "bench")
    window.resize(1400, 860)
    shown: list[int] = []
    window.detail.refetched.connect(lambda: shown.append(1))
    window.show()
    wait(lambda: bool(shown))  # the newest inquiry's conversation is in the pane
    window.repaint()
    start_s, rss_start = time.time() - started, rss_mb()
    wait(lambda: window.ops.idle and window.inbox.complete)  # the rest of the start-up reads
    gaps = Gaps()
    steps: list[dict[str, object]] = []

    def step(name: str, act: Callable[[], None], done: Callable[[], bool]) -> None:
        wait(lambda: window.ops.idle)
        gaps.take()
        begun = time.perf_counter()
        act()
        wait(lambda: done() and window.ops.idle)
        seconds = time.perf_counter() - begun
        seen = sorted(gaps.take())
        steps.append({"name": name, "seconds": seconds, "longest_ms": seen[-1] - 0.0,
                      "p99_ms": seen[min(len(seen) - 1, int(len(seen) * 0.99))] - 0.0,
                      "rss_mb": rss_mb()})

    def opened(row: int) -> Callable[[], None]:
        def act() -> None:
            shown.clear()
            window.table.selectRow(row)
        return act

    step("open an older inquiry", opened(1), lambda: bool(shown))
    step("open the newest inquiry (a 5 MB message)", opened(0), lambda: bool(shown))
    imported: list[object] = []
    window.imported.connect(imported.append)
    step("import a 100,000-message chat", lambda: window.import_files([chat]), lambda: bool(imported))
    revert = next(a for a in window.actions() if a.text() == "&Revert last import…")

    def undo() -> None:  # File > Revert last import…, and Revert in the question it asks
        revert.trigger()
        question = window.revert_question
        next(b for b in question.buttons() if b.text() == "Revert").click()

    step("undo that import", undo, lambda: "Undid" in window.statusBar().currentMessage())
    pair = [window.inbox.row_of(r) for r in (2, 3)]
    merges: list[int] = []
    first, second = (row.contact_id for row in pair if row is not None)
    step("merge two contacts", lambda: window.ops.run(
        lambda: operations.merge_contacts(desk, first, second, actor="bench"), done=merges.append),
        lambda: bool(merges))
    step("undo the merge", lambda: window.ops.run(
        lambda: operations.undo_merge(desk, merges[0], actor="bench")), lambda: True)
    exported: list[object] = []
    window.reports.exported.connect(exported.append)
    window.show_view("reports")
    window.reports.since.setDate(QDate(2000, 1, 1))  # every inquiry of the desk, not the last 3 months
    window.reports.until.setDate(QDate(2100, 1, 1))
    step("export the XLSX report", lambda: window.reports.export("xlsx", xlsx), lambda: bool(exported))
    steps[-1]["name"] = f"export the XLSX report ({window.reports.error.text().split(' rows')[0]} rows)"
    window.show_view("inbox")
    wait(lambda: window.inbox.complete)
    bar = window.table.verticalScrollBar()

    def scroll() -> None:  # page by page, as PageDown does, each page painted
        bar.setValue(0)
        while bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep())
            window.table.viewport().repaint()
            app.processEvents()

    step("scroll the inbox end to end, page by page", scroll, lambda: True)
    rss_after_scroll = rss_mb()
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]

    def switch() -> None:
        for name in names:
            item = next(window.navigation.item(i) for i in range(window.navigation.count())
                        if window.navigation.item(i).text() == name)
            window.navigation.setCurrentItem(item)
            wait(lambda: window.ops.idle)
        window.show_view("inbox")

    step("switch through every view", switch, lambda: True)
    print(json.dumps({"start_s": start_s, "rss_start_mb": rss_start, "steps": steps,
                      "rss_after_scroll_mb": rss_after_scroll, "inquiries": window.inbox.rowCount()}),
          flush=True)
    window.close()
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
