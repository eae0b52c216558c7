"""Window start-up on a 1,000,000-message desk: process start to a painted inbox, and the
process size after scrolling the inbox to its end, next to a bare PySide6 window with a
100-row QTableView measured in the same run."""

import json
import os
import subprocess
import sys
import tempfile
import time

from benchmarks.common import PEAK_RSS, median_p95, report
from benchmarks.search import cached_desk

RUNS = 5
_BARE = PEAK_RSS + """
import json, sys, time
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv)
model = QStandardItemModel(100, 6)
for r in range(100):
    for c in range(6):
        model.setItem(r, c, QStandardItem(f"{r}:{c}"))
view = QTableView(); view.setModel(model); view.resize(1200, 760); view.show(); view.repaint()
print(json.dumps({"painted_at": time.time(),
                  "rss_mb_first_paint": peak_rss_mb()}))
"""


def _timed(command: list[str], env: dict[str, str]) -> dict[str, float]:
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True, timeout=300)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["seconds"] = figures["painted_at"] - started
    return figures


def run(messages: int = 1_000_000) -> None:
    db, _ = cached_desk(messages)
    # its own data folder: no window layout of the person running it, and the closing
    # backup of the big desk goes to a temporary folder
    scratch = tempfile.mkdtemp(prefix="leaddesk-bench-window-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADDESK_BENCH_FIRST_PAINT="1",
               LEADDESK_DATA_DIR=scratch)
    leaddesk = [sys.executable, "-m", "leaddesk", "--db", str(db)]
    desk = [_timed(leaddesk, env) for _ in range(RUNS)]
    bare = [_timed([sys.executable, "-c", _BARE], env) for _ in range(RUNS)]
    (median, p95), (bare_median, bare_p95) = (median_p95([r["seconds"] for r in desk]),
                                               median_p95([r["seconds"] for r in bare]))
    rows = [
        ["leaddesk window, 1M-message desk", median, p95, max(r["rss_mb_first_paint"] for r in desk),
         max(r["rss_mb_after_scrolling"] for r in desk), median / bare_median],
        ["bare PySide6 window, 100-row table", bare_median, bare_p95,
         max(r["rss_mb_first_paint"] for r in bare), 0.0, 1.0],
    ]
    target = report("window", ["what", "median s", "p95 s", "RSS MB at paint",
                               "RSS MB after scrolling", "x bare"], rows,
                    {"inquiries_listed": desk[0]["rows"], "targets": {"first_paint_s": 1.0,
                                                                       "rss_mb": 300}})
    print(f"written to {target}")
