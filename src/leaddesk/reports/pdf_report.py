"""The management summary as a PDF of one to three pages, drawn with ReportLab: vector
charts that stay sharp when printed, and Chinese names set in a CID font that every PDF
reader has (no font file to ship)."""

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from leaddesk.domain.vocabulary import channel_name
from leaddesk.reports.summary import Summary

CJK_FONT = "STSong-Light"
PALETTE = [colors.HexColor(c) for c in ("#1f6feb", "#2da44e", "#bf8700", "#cf222e", "#8250df",
                                        "#57606a")]
WIDTH = A4[0] - 36 * mm


def _fonts() -> None:
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


def _font_for(texts: Sequence[str]) -> str:
    """Helvetica for Latin text; the CID font only where Chinese needs it (its Latin
    letters are set too tightly)."""
    return CJK_FONT if any(ord(ch) > 0x2E7F for text in texts for ch in text) else "Helvetica"


def _label(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bars(title: str, labels: list[str], series: Sequence[Sequence[float]], names: list[str],
          horizontal: bool = False, height: float = 62 * mm) -> Drawing:
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    chart.x, chart.y = (60 * mm if horizontal else 12 * mm), 10 * mm
    chart.width = WIDTH - chart.x - (38 * mm if len(series) > 1 else 6 * mm)
    chart.height = height - 20 * mm
    empty = not labels or not series or not all(len(values) for values in series)
    chart.data = [[0]] if empty else [list(values) for values in series]  # an empty chart, drawn
    chart.categoryAxis.categoryNames = [""] if empty else labels
    chart.categoryAxis.labels.fontName = _font_for(labels)
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    if not horizontal:
        chart.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
        chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    if len(chart.data) > 1:
        chart.categoryAxis.style = "stacked"
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    drawing.add(String(0, height - 5 * mm, title, fontName="Helvetica-Bold", fontSize=10))
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = WIDTH - 34 * mm, height - 14 * mm
        legend.fontSize = 7
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
        drawing.add(legend)
    return drawing


def write_pdf(summary: Summary, target: Path, *, title: str, period: str) -> None:
    """The summary: headline figures and five charts."""
    _fonts()
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["Normal"], fontName="Helvetica", fontSize=9,
                          textColor=colors.HexColor("#57606a"))
    document = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=16 * mm, bottomMargin=16 * mm, title=title,
                                 author="LeadDesk")
    headline = Table(
        [["Inquiries", "Contacts", "Won", "Lost", "Median first response"],
         [str(summary.inquiries), str(summary.contacts), str(summary.won), str(summary.lost),
          f"{summary.median_response_minutes:.0f} min" if summary.median_response_minutes is not None
          else "—"]],
        colWidths=[WIDTH / 5] * 5)
    headline.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica"), ("FONTSIZE", (0, 0), (-1, 0), 8),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.HexColor("#57606a")),
        ("FONTNAME", (0, 1), (-1, 1), "Helvetica-Bold"), ("FONTSIZE", (0, 1), (-1, 1), 16),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#d0d7de")),
    ]))
    weeks = [w.strftime("%d %b") for w in summary.weeks]
    step = max(1, len(weeks) // 26)  # at most ~26 bars: group older weeks
    grouped = [weeks[i] for i in range(0, len(weeks), step)]
    per_week = [[sum(counts[i:i + step]) for i in range(0, len(counts), step)]
                for counts in summary.per_week.values()]
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph(f"{period} - made {datetime.now():%Y-%m-%d %H:%M} by LeadDesk", body),
        Spacer(1, 5 * mm), headline, Spacer(1, 6 * mm),
        _bars("Inquiries per week by channel", grouped, per_week,
              [channel_name(c) for c in summary.per_week]),
        Spacer(1, 4 * mm),
        _bars("Top 10 articles (inquiries they brought)",
              [_label(a) for a, _ in reversed(summary.top_articles)],
              [[n for _, n in reversed(summary.top_articles)]], ["inquiries"], horizontal=True,
              height=max(40 * mm, 12 * mm + 7 * mm * len(summary.top_articles))),
        Spacer(1, 4 * mm),
        _bars("Countries", [c for c, _ in summary.countries], [[n for _, n in summary.countries]],
              ["inquiries"]),
        _bars("Contacts by stage", [s for s, _ in summary.funnel], [[n for _, n in summary.funnel]],
              ["contacts"]),
        _bars("Median first response by channel (minutes)",
              [channel_name(c) for c, _ in summary.response_by_channel],
              [[m for _, m in summary.response_by_channel]], ["minutes"]),
    ]
    document.build(story)
