"""Making a report file: rows for a period, in the chosen format."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from leaddesk.errors import InvalidInputError
from leaddesk.reports.csv_report import write_csv
from leaddesk.reports.pdf_report import write_pdf
from leaddesk.reports.rows import Period, lead_rows
from leaddesk.reports.summary import summarise
from leaddesk.reports.views import table
from leaddesk.reports.xlsx_report import write_xlsx

FORMATS = ("csv", "xlsx", "pdf")
VIEWS = ("inquiry", "contact", "article")


@dataclass(frozen=True)
class ReportDone:
    """What was written."""

    path: Path
    format: str
    rows: int


def build_report(session: Session, fmt: str, target: Path, period: Period,
                 by: str = "inquiry") -> ReportDone:
    """Write the lead report (csv, xlsx) — one row per inquiry, contact or article — or
    the management summary (pdf)."""
    if by not in VIEWS:
        raise InvalidInputError(f"unknown view {by!r}: use inquiry, contact or article")
    if fmt not in FORMATS:
        raise InvalidInputError(f"unknown format {fmt!r}: use csv, xlsx or pdf")
    if period.since and period.until and period.since >= period.until:
        raise InvalidInputError("--since must come before --until")
    if not target.parent.is_dir():
        raise InvalidInputError(f"{target.parent}: no such folder")
    rows = lead_rows(session, period)
    headers, values = table(rows, by)
    if fmt == "csv":
        write_csv(headers, values, target)
    elif fmt == "xlsx":
        write_xlsx(headers, values, summarise(rows), target,
                   {"inquiry": "Leads", "contact": "Contacts", "article": "Articles"}[by])
    else:
        since = period.since.date().isoformat() if period.since else "the beginning"
        until = period.until.date().isoformat() if period.until else "today"
        write_pdf(summarise(rows), target, title="Leads and where they come from",
                  period=f"From {since} to {until}")
    return ReportDone(target, fmt, len(values) if fmt != "pdf" else len(rows))
