"""The Reports view: the manager's figures for a period, drawn live from the database,
and the exports (CSV, XLSX, PDF) of the same period."""

from datetime import UTC, date, datetime, time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports.build import ReportDone
from leaddesk.reports.rows import Period
from leaddesk.reports.summary import Summary
from leaddesk.services import reads
from leaddesk.services.desk import Desk
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness
from leaddesk.ui.words import country, date_field, duration, week, word

BAR = QColor("#1f6feb")


class BarChart(QWidget):
    """A titled horizontal bar chart of (label, value) pairs."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.values: list[tuple[str, float]] = []
        self.setMinimumSize(320, 200)

    def set_values(self, values: list[tuple[str, float]]) -> None:
        self.values = values[:10]
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(QRectF(4, 0, self.width(), 20), self.title)
        font.setBold(False)
        painter.setFont(font)
        if not self.values:
            painter.drawText(QRectF(4, 24, self.width(), 20), self.tr("nothing in this period"))
            return
        top = max(value for _, value in self.values) or 1
        row = (self.height() - 26) / len(self.values)
        label_width = min(180, self.width() // 2)
        for index, (label, value) in enumerate(self.values):
            y = 24 + index * row
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(4, y, label_width - 8, row), Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                                              label_width - 8))
            width = (self.width() - label_width - 48) * value / top
            painter.fillRect(QRectF(label_width, y + row * 0.2, width, row * 0.6), BAR)
            painter.drawText(QRectF(label_width + width + 4, y, 44, row),
                             Qt.AlignmentFlag.AlignVCenter, f"{value:g}")


class ReportsView(QWidget):
    """Period picker, headline figures, four charts and the exports."""

    exported = Signal(object)  # the path of a finished export
    drawn = Signal(object)  # the Summary now on screen

    def __init__(self, desk: Desk, ops: Operations) -> None:
        super().__init__()
        self._desk, self._ops = desk, ops
        self._reader = Reader(ops)  # the period's figures: the newest reading is drawn
        self.fresh = Freshness(self, self.refresh)
        ops.changed.connect(lambda _changes: self.fresh.changed())  # any change may count
        today = QDate.currentDate()
        self.since = date_field(today.addMonths(-3))
        self.until = date_field(today.addDays(1))
        for picker in (self.since, self.until):
            picker.dateChanged.connect(self.refresh)
        self.headline = QLabel()
        self.error = error_label()
        self.written = QLabel()  # where the last export went
        self.written.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.hide()
        self.open_folder.clicked.connect(self._on_open_folder)
        self._folder: Path | None = None
        self.charts = {"weeks": BarChart(self.tr("Inquiries per week")),
                       "articles": BarChart(self.tr("Top articles")),
                       "countries": BarChart(self.tr("Countries")),
                       "stages": BarChart(self.tr("Contacts by stage"))}
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.since)
        controls.addWidget(QLabel(self.tr("until")))
        controls.addWidget(self.until)
        controls.addStretch()
        self.export_buttons = {}
        for fmt in ("csv", "xlsx", "pdf"):
            button = QPushButton(self.tr("Export {0}…").format(fmt.upper()))
            button.clicked.connect(lambda _checked=False, f=fmt: self.export(f))
            controls.addWidget(button)
            self.export_buttons[fmt] = button
        grid = QGridLayout()
        for index, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, index // 2, index % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.headline)
        layout.addLayout(grid, 1)
        written = QHBoxLayout()
        written.addWidget(self.written, 1)
        written.addWidget(self.open_folder)
        layout.addLayout(written)
        layout.addWidget(self.error)

    def period(self) -> Period:
        def moment(picked: QDate) -> datetime:
            return datetime.combine(date(picked.year(), picked.month(), picked.day()), time(), UTC)

        return Period(since=moment(self.since.date()), until=moment(self.until.date()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def refresh(self) -> None:
        """Read the period's figures off the GUI thread (a big desk takes a second or more),
        then draw them; a change of period while reading draws the newer reading only."""
        period = self.period()

        self._reader.read(partial(reads.summary, self._desk, period), self._on_read, self.error.setText)

    def _on_read(self, summary: Summary) -> None:
        self.draw(summary)
        self.drawn.emit(summary)

    def draw(self, summary: Summary) -> None:
        """The headline and the four charts of a period's figures."""
        response = duration(summary.median_response_minutes)
        self.headline.setText(self.tr("<b>{0}</b> inquiries · <b>{1}</b> contacts · <b>{2}</b> won "
                                      "· <b>{3}</b> lost · median first response <b>{4}</b>")
                              .format(summary.inquiries, summary.contacts, summary.won,
                                      summary.lost, response))
        weeks = [(week(w), float(sum(counts[i] for counts in summary.per_week.values())))
                 for i, w in enumerate(summary.weeks)][-10:]
        self.charts["weeks"].set_values(weeks)
        self.charts["articles"].set_values([(a, float(n)) for a, n in summary.top_articles])
        self.charts["countries"].set_values([(country(c), float(n)) for c, n in summary.countries])
        self.charts["stages"].set_values([(word(s), float(n)) for s, n in summary.funnel])

    def export(self, fmt: str, target: str | None = None) -> None:
        """Export the period as `fmt` to `target` (asked for when not given), off the GUI
        thread: a big desk takes seconds, the window stays usable."""
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"),
                                                    f"leads.{fmt}", f"*.{fmt}")
        if not target:
            return
        period, path = self.period(), Path(target)

        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.error.clear()
        self.open_folder.hide()
        self.written.setText(self.tr("Writing {0}…").format(path.name))
        self._ops.read(partial(reads.report, self._desk, fmt, path, period), self._on_exported,
                       self._on_export_failed)

    def _on_exported(self, done: ReportDone) -> None:
        self._export_done()
        self.written.setText(self.tr("{0} rows written to {1}").format(done.rows, done.path))
        self._folder = done.path.parent
        self.open_folder.setToolTip(str(self._folder))
        self.open_folder.show()
        self.exported.emit(done.path)

    def _on_export_failed(self, message: str) -> None:
        self._export_done()
        self.written.clear()
        self.error.setText(message)

    def _on_open_folder(self) -> None:
        """Show the folder the report went to in the system's file manager."""
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def _export_done(self) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(True)
