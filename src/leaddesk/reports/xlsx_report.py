"""The lead report as XLSX: dates as dates, every text as text (never a formula), a frozen
header, autofilter, and a Summary sheet with native Excel charts."""

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import xlsxwriter

from leaddesk.domain.vocabulary import channel_name
from leaddesk.reports.rows import TIME_COLUMNS
from leaddesk.reports.summary import Summary

WIDTHS = {"contact": 22, "company": 26, "country": 14, "phones": 20, "emails": 30, "wechat_ids": 18,
          "first_message_at": 17, "next_followup": 17, "last_activity": 17, "article_title": 40,
          "article_url": 40, "first_message": 60, "lost_reason": 20}
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()


@lru_cache(maxsize=8192)
def _day_number(day: str) -> int:
    return date.fromisoformat(day).toordinal() - _EXCEL_EPOCH


def excel_time(text: str) -> float:
    """`YYYY-MM-DD HH:MM` as Excel's serial date number (days since 1899-12-30)."""
    return _day_number(text[:10]) + (int(text[11:13]) * 60 + int(text[14:16])) / 1440


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[Any]], summary: Callable[[], Summary],
               target: Path, sheet_name: str = "Leads") -> int:
    """Write the rows' sheet, then the Summary sheet from `summary()` (called once the rows
    are written, so a stream of rows can feed it); returns the number of rows."""
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True, "strings_to_formulas": False,
                                             "strings_to_numbers": False, "strings_to_urls": False})
    header = book.add_format({"bold": True, "bg_color": "#DDE7F5", "border": 1})
    when = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    summary_sheet = book.add_worksheet("Summary")
    leads = book.add_worksheet(sheet_name)
    times = {column for column, name in enumerate(headers) if name in TIME_COLUMNS}
    for column, name in enumerate(headers):
        leads.write_string(0, column, name.replace("_", " ") + (" (UTC)" if column in times else ""),
                           header)
        leads.set_column(column, column, WIDTHS.get(name, 12))
    text, number = leads.write_string, leads.write_number
    count = 0
    for count, row in enumerate(rows, 1):
        for column, value in enumerate(row):
            if value is None or value == "":
                continue
            if value.__class__ is str:
                if column in times:
                    number(count, column, excel_time(value), when)
                else:
                    text(count, column, value)  # text stays text: no formula, ever
            else:
                number(count, column, value)
    leads.freeze_panes(1, 0)
    leads.autofilter(0, 0, max(1, count), len(headers) - 1)
    _summary(book, summary_sheet, summary(), header)
    book.close()
    return count


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
    first, last = _table(sheet, 9, 0, "Inquiries per week by channel",
                         ["week", *map(channel_name, summary.channels)], weeks, bold)
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
         [(channel_name(c), m) for c, m in summary.response_by_channel], "column", "P20"),
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
