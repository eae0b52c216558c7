"""Reply on WhatsApp or WeChat: the text written here (or a template in the buyer's
language), WhatsApp opened with it or the text copied for WeChat, and the reply stored as
ours once the person says it went. Nothing is stored before they say so."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.identities import readable_phone
from leaddesk.errors import InvalidInputError
from leaddesk.services import operations
from leaddesk.services.article_links import whatsapp_link
from leaddesk.services.desk import Desk
from leaddesk.services.mail.templates import Signer, templates
from leaddesk.services.replies import ChatReply, chat_reply
from leaddesk.settings import Settings
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader


class ChatReplyDialog(QDialog):
    """Write, hand over to the chat app, then log as sent; `logged` after it is stored."""

    def __init__(self, desk: Desk, actor: str, ops: Operations, inquiry_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reply on a chat"))
        self._desk, self._actor, self._ops, self._inquiry = desk, actor, ops, inquiry_id
        self._reader = Reader(ops, self)
        settings = Settings.load()
        # the name on the mail is the person at this desk (the window's actor)
        self._signer = Signer(actor, settings.signature, next(iter(settings.own_phones), ""))
        self._reply: ChatReply | None = None
        self.logged = False
        self.to = QLabel()
        self.template = QComboBox()
        self.template.addItem(self.tr("(no template)"), None)
        try:
            for name in sorted({name for name, _ in templates()}):
                self.template.addItem(name, name)
        except InvalidInputError:  # an unreadable template of the person's: the rest works
            pass
        self.template.currentIndexChanged.connect(lambda: self._read(self.template.currentData()))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Your answer…"))
        self.hand_over = QPushButton()
        self.hand_over.clicked.connect(self._on_hand_over)
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = self.buttons.addButton(self.tr("I sent it: log it"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_button.setEnabled(False)  # once the text went to the chat app
        self.buttons.accepted.connect(self._on_log)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("To"), self.to)
        form.addRow(self.tr("Template"), self.template)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.hand_over)
        layout.addWidget(self.said)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 420)
        self._read(None)

    def _read(self, template: str | None) -> None:
        self.error.clear()
        self._reader.read(lambda: chat_reply(self._desk, self._inquiry, template, self._signer),
                          self._on_reply, self.error.setText)

    def _on_reply(self, reply: ChatReply) -> None:
        self._reply = reply
        whatsapp = reply.way == "whatsapp"
        self.to.setText(f"{readable_phone(reply.to)} (WhatsApp)" if whatsapp else f"{reply.to} (WeChat)")
        self.hand_over.setText(self.tr("Open WhatsApp with this text") if whatsapp
                               else self.tr("Copy the text for WeChat"))
        if reply.text or not self.text.toPlainText().strip():
            self.text.setPlainText(reply.text)

    def _on_hand_over(self) -> None:
        reply, text = self._reply, self.text.toPlainText()
        if reply is None:
            return
        if not text.strip():
            self.error.setText(self.tr("Write something to send"))
            return
        self.error.clear()
        if reply.way == "whatsapp":
            QDesktopServices.openUrl(QUrl(whatsapp_link(reply.to, text)))
            self.said.setText(self.tr("WhatsApp opened: send it there, then log it here."))
        else:
            QGuiApplication.clipboard().setText(text)
            self.said.setText(self.tr("Copied: paste it in WeChat to {0}, send it, then log it here.")
                              .format(reply.to))
        self.log_button.setEnabled(True)

    def _on_log(self) -> None:
        text = self.text.toPlainText()
        self.log_button.setEnabled(False)
        self._ops.run(lambda: operations.log_reply(self._desk, self._inquiry, text, actor=self._actor),
                      done=self._on_logged, failed=self._on_failed)

    def _on_logged(self, _value: object) -> None:
        self.logged = True
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.log_button.setEnabled(True)
        self.error.setText(message)
