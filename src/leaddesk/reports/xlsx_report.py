"""The lead report as XLSX: dates as dates, every text as text (never a formula), a frozen
header, autofilter, and a Summary sheet with native Excel charts."""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter

from leaddesk.reports.summary import Summary

WIDTHS = {"contact": 22, "company": 26, "country": 14, "phones": 20, "emails": 30,
          "first_message_at": 17, "next_followup": 17, "last_activity": 17, "article_title": 40,
          "article_url": 40, "first_message": 60, "lost_reason": 20}


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)  # times are UTC; Excel has no time zones


def write_xlsx(headers: Sequence[str], rows: Sequence[Sequence[Any]], summary: Summary,
               target: Path, sheet_name: str = "Leads") -> int:
    """Write the rows' sheet and the Summary sheet; returns the number of rows."""
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas": False,
                                             "strings_to_numbers": False, "strings_to_urls": False})
    header = book.add_format({"bold": True, "bg_color": "#DDE7F5", "border": 1})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    summary_sheet = book.add_worksheet("Summary")
    leads = book.add_worksheet(sheet_name)
    for column, name in enumerate(headers):
        leads.write_string(0, column, name.replace("_", " ") + (" (UTC)" if name.endswith("_at")
                                                                 else ""), header)
        leads.set_column(column, column, WIDTHS.get(name, 12))
    for number, row in enumerate(rows, 1):
        for column, value in enumerate(row):
            _write(leads, number, column, value, when)
    leads.freeze_panes(1, 0)
    leads.autofilter(0, 0, max(1, len(rows)), len(headers) - 1)
    _summary(book, summary_sheet, summary, header)
    book.close()
    return len(rows)


def _write(sheet: Any, row: int, column: int, value: object, when: Any) -> None:
    if value is None or value == "":
        return
    if isinstance(value, datetime):
        sheet.write_datetime(row, column, _naive(value), when)
    elif isinstance(value, int | float):
        sheet.write_number(row, column, value)
    else:
        sheet.write_string(row, column, str(value))  # text stays text: no formula, ever


def _table(sheet: Any, top: int, left: int, title: str, header: Sequence[str],
           data: Sequence[Sequence[Any]], bold: Any) -> tuple[int, int]:
    sheet.write_string(top, left, title, bold)
    for column, name in enumerate(header):
        sheet.write_string(top + 1, left + column, name, bold)
    for offset, values in enumerate(data, top + 2):
        for column, value in enumerate(values):
            if isinstance(value, int | float):
                sheet.write_number(offset, left + column, value)
            else:
                sheet.write_string(offset, left + column, str(value))
    return top + 2, top + 1 + max(1, len(data))


def _summary(book: Any, sheet: Any, summary: Summary, bold: Any) -> None:
    sheet.set_column(0, 0, 34)
    sheet.set_column(1, 12, 12)
    headline = [("Inquiries", summary.inquiries), ("Contacts", summary.contacts),
                ("Won", summary.won), ("Lost", summary.lost),
                ("Median first response (minutes)", summary.median_response_minutes or 0)]
    _table(sheet, 0, 0, "Headline", ["figure", "value"], headline, bold)
    weeks = [[w.isoformat(), *[summary.per_week[c][i] for c in summary.channels]]
             for i, w in enumerate(summary.weeks)]
    first, last = _table(sheet, 9, 0, "Inquiries per week by channel", ["week", *summary.channels],
                         weeks, bold)
    chart = book.add_chart({"type": "column", "subtype": "stacked"})
    if not summary.channels:  # an empty period: the tables say so, no chart to draw
        return
    for index in range(1, len(summary.channels) + 1):
        chart.add_series({"name": ["Summary", 10, index], "categories": ["Summary", first, 0, last, 0],
                          "values": ["Summary", first, index, last, index]})
    chart.set_title({"name": "Inquiries per week by channel"})
    sheet.insert_chart("H2", chart, {"x_scale": 1.4, "y_scale": 1.1})
    top = last + 3
    for title, header, data, kind, place in (
        ("Top 10 articles", ["article", "inquiries"], summary.top_articles, "bar", "H20"),
        ("Countries", ["country", "inquiries"], summary.countries, "pie", "H38"),
        ("Stage funnel (contacts by stage)", ["stage", "contacts"], summary.funnel, "bar", "P2"),
        ("Median first response by channel (minutes)", ["channel", "minutes"],
         summary.response_by_channel, "column", "P20"),
    ):
        first, last = _table(sheet, top, 0, title, header, data, bold)
        top = last + 3
        if not data:
            continue
        chart = book.add_chart({"type": kind})
        chart.add_series({"name": title, "categories": ["Summary", first, 0, last, 0],
                          "values": ["Summary", first, 1, last, 1], "data_labels": {"value": True}})
        chart.set_title({"name": title})
        chart.set_legend({"none": kind != "pie"})
        sheet.insert_chart(place, chart, {"x_scale": 1.2, "y_scale": 1.1})
