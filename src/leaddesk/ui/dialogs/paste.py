"""Paste conversation: text copied from WhatsApp or WeChat, previewed as the importer
reads it, then imported like a file (same checks, same batch, same undo)."""

import html
import shutil
import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.errors import LeadDeskError
from leaddesk.importers.detect import parse_file
from leaddesk.services.changes import EVERYTHING, Changes
from leaddesk.services.desk import Desk
from leaddesk.services.import_settings import import_setup
from leaddesk.services.imports import ImportReport, import_file
from leaddesk.services.operations import Outcome
from leaddesk.settings import Settings
from leaddesk.ui.operations import Operations

PREVIEW_MESSAGES = 5


class PasteDialog(QDialog):
    """`report` holds the import's report after Import."""

    def __init__(self, desk: Desk, actor: str, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste conversation"))
        self._desk, self._actor, self._ops = desk, actor, ops
        self.report: ImportReport | None = None
        self.channel = QComboBox()
        self.channel.addItem("WhatsApp", "whatsapp")
        self.channel.addItem(self.tr("WeChat"), "wechat")
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(self.tr("who the buyer is (name or number), if the text "
                                                "does not say"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the copied chat here"))
        self.preview = QLabel(" ")
        self.preview.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self._on_import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.channel, self.partner, self.text, self.preview, buttons):
            layout.addWidget(widget)
        self.text.textChanged.connect(self._on_changed)
        self.channel.currentIndexChanged.connect(self._on_changed)
        self.partner.textChanged.connect(self._on_changed)
        self.resize(640, 520)

    def _file(self, folder: Path) -> Path:
        partner = self.partner.text().strip().replace("/", " ")
        name = f"WhatsApp Chat with {partner}.txt" if partner and \
            self.channel.currentData() == "whatsapp" else "pasted-chat.txt"
        path = folder / name
        path.write_text(self.text.toPlainText(), encoding="utf-8")
        return path

    def _on_changed(self) -> None:
        self.import_button.setEnabled(False)
        if not self.text.toPlainText().strip():
            self.preview.setText(" ")
            return
        with tempfile.TemporaryDirectory() as folder:
            try:
                setup = import_setup(Settings.load())  # who we are, as saved now
                parsed = parse_file(self._file(Path(folder)), self.channel.currentData(),
                                    setup.options, setup.zone)
                drafts = list(parsed.inquiries)  # read while the file is there
            except LeadDeskError as exc:
                self.preview.setText(f"<span style='color:#cf222e'>{html.escape(str(exc))}</span>")
                return
        messages = [m for draft in drafts for m in draft.messages]
        lines = [f"{m.sent_at.astimezone():%Y-%m-%d %H:%M} <b>{html.escape(m.author)}</b>: "
                 f"{html.escape(m.body[:80])}" for m in messages[:PREVIEW_MESSAGES]]
        buyer = html.escape(drafts[0].contact.name) if drafts else ""
        self.preview.setText(self.tr("{0} messages from {1}").format(len(messages), buyer)
                             + "<br>" + "<br>".join(lines))
        self.import_button.setEnabled(bool(messages))

    def _on_import(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="leaddesk-paste-"))
        path, channel = self._file(folder), self.channel.currentData()
        self.import_button.setEnabled(False)
        setup = import_setup(Settings.load())

        def work() -> Outcome[ImportReport]:
            try:
                report = import_file(self._desk, path, setup.options, actor=self._actor,
                                     channel=channel, gap_days=setup.gap_days, zone=setup.zone)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
            changed = Changes.of(batches=[report.batch]) | EVERYTHING if report.batch else Changes()
            return Outcome(report, changed)

        self._ops.run(work, done=self._on_imported, failed=self._on_failed)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.preview.setText(f"<span style='color:#cf222e'>{html.escape(message)}</span>")
