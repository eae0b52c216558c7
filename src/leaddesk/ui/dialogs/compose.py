"""Write a mail from the conversation: a reply to the inquiry's last buyer mail (its words
quoted below) or a new mail to the contact, a template in their language, files attached.
The mail goes as an operation off the GUI thread; what the server refused is one line
here, and the text stays as the person wrote it."""

from pathlib import Path
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.errors import InvalidInputError
from leaddesk.services import operations
from leaddesk.services.desk import Desk
from leaddesk.services.import_settings import import_setup
from leaddesk.services.mail.send import NO_ACCOUNT, Outgoing, Preview, Sent, contact_address, preview
from leaddesk.services.mail.templates import Signer, templates
from leaddesk.settings import Settings
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.refusals import in_words


class ComposeDialog(QDialog):
    """To, subject, text and files of one mail; `sent` holds what went, after Send."""

    def __init__(self, desk: Desk, actor: str, ops: Operations, target: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Write mail"))
        self._desk, self._actor, self._ops, self._target = desk, actor, ops, target
        self._reader = Reader(ops, self)  # an answer after the dialog closed is dropped
        settings = Settings.load()
        # the name on the mail is the person at this desk (the window's actor)
        self._signer = Signer(actor, settings.signature, next(iter(settings.own_phones), ""))
        self.sent: Sent | None = None
        self._sending = False
        self.to = QLabel()
        self.account = QLabel()
        self.subject = QLineEdit()
        self.template = QComboBox()
        self.template.addItem(self.tr("(no template)"), None)
        self._template_problem = ""
        try:
            names = sorted({name for name, _ in templates()})
        except InvalidInputError as exc:  # an unreadable template of the person's: said, the rest works
            names, self._template_problem = [], str(exc)
        for name in names:
            self.template.addItem(name, name)
        self.template.currentIndexChanged.connect(self._on_template)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Your answer…"))
        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        self.attach_button = QPushButton(self.tr("Attach files…"))
        self.attach_button.clicked.connect(self._on_attach)
        self.remove_button = QPushButton(self.tr("Remove file"))
        self.remove_button.clicked.connect(self._on_remove_file)
        self.error = error_label()
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(False)  # until the mail's recipient is read
        self.buttons.accepted.connect(self._on_send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.account)
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("Subject"), self.subject)
        form.addRow(self.tr("Template"), self.template)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.attach_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.files)
        layout.addLayout(file_buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(720, 560)
        self._read(None)

    def _outgoing(self, template: str | None) -> Outgoing:
        return Outgoing(self._target, None, None, template)

    def _read(self, template: str | None) -> None:
        self.error.setText(self._template_problem)
        self._reader.read(lambda: preview(self._desk, self._outgoing(template), self._signer),
                          self._on_preview, self._on_refused)

    def _on_preview(self, shown: Preview) -> None:
        self.account.setText(f"{shown.sender} ({shown.account})")
        self.to.setText(shown.to)
        if not self.subject.isModified() or not self.subject.text():
            self.subject.setText(shown.subject)
        self.text.setPlainText(shown.text if shown.text.strip() else "")
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
        self.send_button.setEnabled(True)

    def _on_refused(self, message: str) -> None:
        self.error.setText(message)
        if message == in_words(NO_ACCOUNT):  # none set up yet: the mail program writes it
            self.mail_program = self.buttons.addButton(self.tr("Write in my mail program"),
                                                       QDialogButtonBox.ButtonRole.ActionRole)
            self.mail_program.clicked.connect(self._in_mail_program)

    def _in_mail_program(self) -> None:
        self._reader.read(lambda: contact_address(self._desk, self._target), self._open_mailto,
                          self._on_refused)

    def _open_mailto(self, address: str) -> None:
        QDesktopServices.openUrl(QUrl(f"mailto:{quote(address, safe='@')}"))
        self.reject()

    def _on_template(self) -> None:
        if self.text.document().isModified() and self.text.toPlainText().strip():
            self.error.setText(self.tr("The template replaces what you wrote: pick it before writing"))
            self.template.blockSignals(True)
            self.template.setCurrentIndex(0)
            self.template.blockSignals(False)
            return
        self._read(self.template.currentData())

    def _on_attach(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        """Add files to the mail (what "Attach files…" picks)."""
        shown = {self.files.item(i).text() for i in range(self.files.count())}
        for path in dict.fromkeys(paths):
            if path not in shown:
                self.files.addItem(path)

    def _on_remove_file(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))

    def _on_send(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.error.setText(self.tr("Write something to send"))
            return
        files = [Path(self.files.item(i).text()) for i in range(self.files.count())]
        outgoing = Outgoing(self._target, text, self.subject.text(), None, files, quoted=False)
        setup = import_setup(Settings.load())
        self.send_button.setEnabled(False)
        self._sending = True  # until the server answered: the answer is said here, not lost
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(False)
        self.error.setText(self.tr("Sending…"))
        self._ops.run(lambda: operations.send_mail(self._desk, outgoing, setup.options, actor=self._actor,
                                                   signer=self._signer, gap_days=setup.gap_days),
                      done=self._on_sent, failed=self._on_failed)

    def reject(self) -> None:
        """Cancel and Esc, except while the mail is on its way."""
        if not self._sending:
            super().reject()

    def _on_sent(self, sent: Sent) -> None:
        self._sending = False
        self.sent = sent
        self.error.setText("; ".join(sent.warnings))
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._sending = False
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)
        self.send_button.setEnabled(True)
        self.error.setText(message)  # the text and files stay as they were
