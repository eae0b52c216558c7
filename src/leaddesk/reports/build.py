"""Making a report file: rows for a period, in the chosen format."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from leaddesk.errors import InvalidInputError
from leaddesk.reports.csv_report import write_csv
from leaddesk.reports.rows import Period, lead_rows
from leaddesk.reports.summary import Tally, summarise
from leaddesk.reports.views import table

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
    # reportlab and xlsxwriter load only for their format: the window starts without them
    if fmt == "pdf":
        from leaddesk.reports.pdf_report import write_pdf

        since = period.since.date().isoformat() if period.since else "the beginning"
        until = period.until.date().isoformat() if period.until else "today"
        summary = summarise(lead_rows(session, period))
        write_pdf(summary, target, title="Leads and where they come from",
                  period=f"From {since} to {until}")
        return ReportDone(target, fmt, summary.inquiries)
    if fmt == "csv":
        count = write_csv(*table(lead_rows(session, period), by), target)
    else:
        from leaddesk.reports.xlsx_report import write_xlsx

        tally = Tally()  # the Summary sheet's figures, gathered as the rows stream past
        headers, values = table(tally.passing(lead_rows(session, period)), by)
        count = write_xlsx(headers, values, tally.summary, target,
                           {"inquiry": "Leads", "contact": "Contacts", "article": "Articles"}[by])
    return ReportDone(target, fmt, count)
