"""The Articles view: the site's pages with how many inquiries each brought, the links
that carry an article into a chat (wa.me and mailto with its code), and the import of the
site's pages from a sitemap, saved pages or a CSV."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.errors import LeadDeskError
from leaddesk.services import operations, reads
from leaddesk.services.article_files import ARTICLE_FILES, ArticlesImported
from leaddesk.services.article_links import ArticleLinks
from leaddesk.services.articles import ArticleSummary
from leaddesk.services.changes import Changes
from leaddesk.services.desk import Desk
from leaddesk.settings import Settings
from leaddesk.ui.column_fit import FittedColumns, content_widths
from leaddesk.ui.context_menu import offer
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.views import Freshness
from leaddesk.ui.words import day

TITLE = 100  # characters of a title a column is made wide for, at most


class ArticlesView(QWidget):
    """Articles and their chat links."""

    refetched = Signal()

    def __init__(self, desk: Desk, ops: Operations) -> None:
        super().__init__()
        self._desk, self._ops = desk, ops
        self._reader = Reader(ops)
        self.fresh = Freshness(self, self.refresh)
        ops.changed.connect(self._on_changed)
        self.links: ArticleLinks | None = None
        headers = [self.tr("Code"), self.tr("Title"), self.tr("Kind"), self.tr("Inquiries"),
                   self.tr("Published")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)  # a long title on one line, cut in a narrow window
        self.table.horizontalHeader().setStretchLastSection(True)
        self.columns = FittedColumns(self.table, (60, 420, 70, 70), (1,), 90)  # the title narrows
        self.table.currentCellChanged.connect(self._on_article_chosen)
        offer(self.table, lambda: [
            (self.tr("Copy WhatsApp link"), lambda: self._copy("whatsapp"), self.links is not None),
            (self.tr("Copy email link"), lambda: self._copy("mailto"), self.links is not None)])
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.copy_whatsapp = QPushButton(self.tr("Copy WhatsApp link"))
        self.copy_mail = QPushButton(self.tr("Copy email link"))
        self.copy_whatsapp.clicked.connect(lambda: self._copy("whatsapp"))
        self.copy_mail.clicked.connect(lambda: self._copy("mailto"))
        self.import_button = QPushButton(self.tr("Import articles…"))
        self.import_button.setToolTip(self.tr("The site's sitemap (.xml, .xml.gz), saved pages (.html) "
                                              "or a CSV of articles"))
        self.import_button.clicked.connect(self._on_import_asked)
        self.imported = QLabel()
        self.error = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_whatsapp)
        buttons.addWidget(self.copy_mail)
        buttons.addStretch()
        buttons.addWidget(self.imported)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.error)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fresh.shown()

    def _on_changed(self, changes: Changes) -> None:
        if changes.everything or changes.articles or changes.inquiries:  # the counts shown
            self.fresh.changed()

    def refresh(self) -> None:
        """Read the catalogue and its counts off the GUI thread."""
        self._reader.read(partial(reads.articles_listed, self._desk), self._show)

    def _show(self, articles: list[ArticleSummary]) -> None:
        self.table.setRowCount(len(articles))
        rows = [(article.code or "", article.title, article.kind, str(article.inquiries),
                 day(article.published_at.date()) if article.published_at else "")
                for article in articles]
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if column == 1 else "")  # a title cut in a narrow window
                self.table.setItem(row, column, item)
        *wanted, dates = content_widths(self.table, rows, TITLE * self.fontMetrics().averageCharWidth())
        self.columns.want(tuple(wanted), dates)
        self._on_article_chosen(self.table.currentRow())
        self.refetched.emit()

    def _on_article_chosen(self, row: int, *_ignored: int) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        self.links = None
        for button in (self.copy_whatsapp, self.copy_mail):
            button.setEnabled(False)
        if item is None:
            self.detail.setText(self.tr("Choose an article to get its chat links."))
            return
        settings = Settings.load()
        try:
            self.links = reads.links_of(self._desk, item.text(), next(iter(settings.own_phones), ""),
                                        next(iter(settings.own_emails), ""))
        except LeadDeskError as exc:
            self.detail.setText(str(exc))
            return
        self.detail.setText(self.tr("A chat started from these links arrives linked to {0}:")
                            .format(self.links.code) + f"<br><small>{self.links.whatsapp}</small>")
        for button in (self.copy_whatsapp, self.copy_mail):
            button.setEnabled(True)

    def _copy(self, which: str) -> None:
        if self.links is not None:
            QGuiApplication.clipboard().setText(getattr(self.links, which))

    def _on_import_asked(self) -> None:
        """Ask which files (a dialog that does not block: the window goes on)."""
        chooser = QFileDialog(self, self.tr("Import articles"), "",
                              self.tr("Sitemaps, saved pages, CSV ({0})").format(" ".join(ARTICLE_FILES)))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFiles)
        chooser.filesSelected.connect(lambda names: self.import_files([Path(n) for n in names]))
        chooser.open()

    def import_files(self, paths: list[Path]) -> None:
        """Add the pages these files name to the catalogue, off the GUI thread."""
        if not paths:
            return
        self.import_button.setEnabled(False)
        self.error.clear()
        self.imported.setText(self.tr("Reading {0}…").format(", ".join(p.name for p in paths)))
        self._ops.run(partial(operations.import_articles, self._desk, paths), self._on_imported,
                      self._on_import_failed)

    def _on_imported(self, done: ArticlesImported) -> None:
        self.import_button.setEnabled(True)
        self.imported.setText(self.tr("{0} pages in the catalogue from {1} entries; {2} inquiries linked")
                              .format(len(set(done.articles)), done.entries, sum(done.linked.values())))

    def _on_import_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.imported.clear()
        self.error.setText(message)  # the file and what is wrong with it; nothing was stored
