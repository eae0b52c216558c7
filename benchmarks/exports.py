"""Exports of 100,000 inquiries: the lead report as CSV and XLSX, each in a child process
(for its peak memory), against baselines measured in the same run: a plain SELECT of the
same columns written with csv.writer, and with xlsxwriter's constant-memory mode (the
ratio's floor), and a dump of fifteen stored columns for scale. Medians of three runs."""

import csv
import json
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import xlsxwriter

from benchmarks.common import CACHE, PEAK_RSS, peak_rss_mb, report
from benchmarks.search import cached_desk

INQUIRIES_TARGET = 100_000
RUNS = 3  # each export and baseline; the median is reported (this machine varies by 5%)
_CHILD = PEAK_RSS + """
import json, sys, time
from pathlib import Path
from leaddesk.reports.build import build_report
from leaddesk.reports.rows import Period
from leaddesk.services.desk import open_desk
db, fmt, out = sys.argv[1:4]
started = time.perf_counter()
with open_desk(db) as desk, desk.transaction() as session:
    done = build_report(session, fmt, Path(out), Period())
print(json.dumps({"seconds": time.perf_counter() - started, "rows": done.rows,
                  "rss_mb": peak_rss_mb()}))
"""
# The same columns as the lead report, as a person would write them in plain SQL: no
# phone formatting, no formula guard, times as stored.
_SAME_COLUMNS = """
SELECT i.id, i.contact_id, c.name, c.company, c.country, r.phones, r.emails, i.channel,
       i.started_at, (julianday(t.answered) - julianday(t.asked)) * 1440, t.n, c.stage,
       c.lost_reason, c.owner, a.title, a.url, i.article_link, i.utm_source, i.utm_medium,
       i.utm_campaign, f.due, i.last_message_at, substr(m.body, 1, 300)
FROM inquiries i JOIN contacts c ON c.id = i.contact_id
LEFT JOIN articles a ON a.id = i.article_id
LEFT JOIN (SELECT inquiry_id, min(CASE WHEN direction = 'in' THEN sent_at END) AS asked,
                  min(CASE WHEN direction = 'out' THEN sent_at END) AS answered, count(*) AS n,
                  min(CASE WHEN direction = 'in' THEN id END) AS first_in
           FROM messages GROUP BY inquiry_id) t ON t.inquiry_id = i.id
LEFT JOIN messages m ON m.id = t.first_in
LEFT JOIN (SELECT contact_id, group_concat(CASE WHEN kind = 'phone' THEN value END, '; ') AS phones,
                  group_concat(CASE WHEN kind = 'email' THEN value END, '; ') AS emails
           FROM identities GROUP BY contact_id) r ON r.contact_id = i.contact_id
LEFT JOIN (SELECT contact_id, min(due_at) AS due FROM followups WHERE done_at IS NULL
           GROUP BY contact_id) f ON f.contact_id = i.contact_id
ORDER BY i.started_at, i.id"""
# Fifteen stored columns and no aggregate: a plain table dump, for scale.
_STORED_COLUMNS = (
    "SELECT i.id, c.name, c.company, c.country, i.channel, i.started_at, c.stage, c.lost_reason, "
    "c.owner, a.title, a.url, i.utm_source, i.utm_medium, i.utm_campaign, i.last_message_at "
    "FROM inquiries i JOIN contacts c ON c.id = i.contact_id "
    "LEFT JOIN articles a ON a.id = i.article_id ORDER BY i.started_at")
BASELINES = {"same columns": _SAME_COLUMNS, "stored columns": _STORED_COLUMNS}


def _baseline(db: Path, fmt: str, sql: str, out: Path) -> float:
    started = time.perf_counter()
    connection = sqlite3.connect(db)
    rows = connection.execute(sql)
    if fmt == "csv":
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerows(rows)
    else:
        book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
        sheet = book.add_worksheet()
        for number, row in enumerate(rows):
            sheet.write_row(number, 0, row)
        book.close()
    connection.close()
    return time.perf_counter() - started


def run() -> None:
    db, _ = cached_desk(INQUIRIES_TARGET * 3)  # two to four messages per inquiry
    count = sqlite3.connect(db).execute("SELECT count(*) FROM inquiries").fetchone()[0]
    rows = []
    for fmt in ("csv", "xlsx"):
        out = CACHE / f"report.{fmt}"
        runs = [json.loads(subprocess.run(
            [sys.executable, "-c", _CHILD, str(db), fmt, str(out)], capture_output=True,
            text=True, check=True).stdout.strip().splitlines()[-1]) for _ in range(RUNS)]
        floors = {name: statistics.median(_baseline(db, fmt, sql, CACHE / f"baseline.{fmt}")
                                          for _ in range(RUNS))
                  for name, sql in BASELINES.items()}
        seconds = statistics.median(run["seconds"] for run in runs)
        rows.append([f"{fmt} lead report", runs[0]["rows"], seconds,
                     max(run["rss_mb"] for run in runs), seconds / floors["same columns"]])
        rows.extend([f"{fmt} baseline, {name}", count, floor, 0.0, floor / floors["same columns"]]
                    for name, floor in floors.items())
    target = report("exports", ["what", "inquiries", "seconds", "peak RSS MB",
                                "x same-columns baseline"], rows,
                    {"targets": {"xlsx_seconds": 10, "csv_seconds": 2, "rss_mb": 250,
                                 "x_baseline": 2},
                     "parent_rss_mb": peak_rss_mb()})
    print(f"written to {target}")
