"""Add a mail account: its address (a known provider's servers filled in as it is typed),
login, security, an optional CA file and the password (to the keyring); "Test connection"
logs in to both servers off the GUI thread first, and Save stores it as an operation. A
bad value is one red line naming its field, and nothing is stored."""

from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.mail_providers import provider_for
from leaddesk.errors import FieldError
from leaddesk.services import operations
from leaddesk.services.desk import Desk
from leaddesk.services.mail.accounts import IMAP_PORTS, PLAIN_RISK, AccountSpec, AccountView, account_of
from leaddesk.services.mail.check import Checked, check_spec
from leaddesk.ui.forms import ERROR_STYLE, save_cancel
from leaddesk.ui.operations import Operations, Reader
from leaddesk.ui.refusals import in_words

HINT_STYLE = "color: palette(placeholder-text)"


class MailAccountDialog(QDialog):
    """The form of a new account; `added` holds it after a Save the desk took."""

    def __init__(self, desk: Desk, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add mail account"))
        self._desk, self._ops = desk, ops
        self._reader = Reader(ops, self)  # a test's answer after the form closed is dropped
        self.added: AccountView | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. sales"))
        self.email = QLineEdit()
        self.email.setPlaceholderText("sales@example.com")
        self.email.textChanged.connect(self._on_address)
        self.provider = QLabel()
        self.provider.setWordWrap(True)
        self.provider.setStyleSheet(HINT_STYLE)
        self.imap = QLineEdit()
        self.imap.setPlaceholderText("imap.example.com:993")
        self.smtp = QLineEdit()
        self.smtp.setPlaceholderText(self.tr("smtp.example.com:465 (empty: no sending)"))
        self._typed = {self.imap: False, self.smtp: False}  # the person wrote a server: kept
        for server in self._typed:
            server.textEdited.connect(partial(self._on_server_typed, server))
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("the email address"))
        self.security = QComboBox()
        self.security.addItem(self.tr("TLS (recommended)"), "tls")
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.security.addItem(self.tr("None (unencrypted)"), "none")
        self.security.currentIndexChanged.connect(self._on_security)
        self.plain_warning = QLabel(self.tr("Warning: {0}").format(PLAIN_RISK))
        self.plain_warning.setWordWrap(True)
        self.plain_warning.setStyleSheet(ERROR_STYLE)
        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(self.tr("empty: the system's certificates"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._on_choose)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.choose_button)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the keyring"))
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.said.setMinimumHeight(3 * self.said.fontMetrics().lineSpacing())  # both servers' refusals
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._on_test)
        self._testing = False
        buttons, self.save_button = save_cancel(self, self._on_save)
        self.labels = {"name": self.tr("Name"), "email": self.tr("Email"),
                       "imap": self.tr("IMAP server"), "smtp": self.tr("SMTP server"),
                       "user": self.tr("User"), "security": self.tr("Security"),
                       "ca_file": self.tr("CA file"), "password": self.tr("Password")}
        self.fields = {"name": self.name, "email": self.email, "imap": self.imap,
                       "smtp": self.smtp, "user": self.user, "security": self.security,
                       "ca_file": self.ca_file, "password": self.password}
        self.form = form = QFormLayout()
        for key in ("name", "email"):
            form.addRow(self.labels[key], self.fields[key])
        form.addRow("", self.provider)
        for key in ("imap", "smtp", "user", "security"):
            form.addRow(self.labels[key], self.fields[key])
        form.addRow("", self.plain_warning)
        form.addRow(self.labels["ca_file"], ca_row)
        form.addRow(self.labels["password"], self.password)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch()
        form.addRow("", test_row)
        form.addRow("", self.said)
        form.setRowVisible(self.provider, False)  # until a known provider's address is typed
        form.setRowVisible(self.plain_warning, False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _spec(self) -> AccountSpec:
        def given(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return AccountSpec(self.name.text(), self.email.text().strip(), given(self.imap),
                           given(self.smtp), given(self.user), self.security.currentData(),
                           given(self.ca_file))

    def _on_address(self) -> None:
        known = provider_for(self.email.text()) if "@" in self.email.text() else None
        if known is not None:
            self.provider.setText(" ".join([self.tr("{0}: its servers are filled in.").format(known.name),
                                            known.note]).strip())
        self.form.setRowVisible(self.provider, known is not None)
        self._fill()

    def _on_security(self) -> None:
        self.form.setRowVisible(self.plain_warning, self.security.currentData() == "none")
        self._fill()

    def _on_server_typed(self, server: QLineEdit, text: str) -> None:
        self._typed[server] = bool(text)  # emptied again: filled from the provider again

    def _fill(self) -> None:
        """The provider's servers in the fields the person has not written in; IMAP on the
        chosen security's port."""
        known = provider_for(self.email.text()) if "@" in self.email.text() else None
        security = self.security.currentData()
        imap = smtp = ""
        if known is not None:
            port = known.imap[1] if security == "tls" else IMAP_PORTS[security]
            imap, smtp = f"{known.imap[0]}:{port}", f"{known.smtp[0]}:{known.smtp[1]}"
        for server, text in ((self.imap, imap), (self.smtp, smtp)):
            if not self._typed[server]:
                server.setText(text)
        self.imap.setPlaceholderText(f"imap.example.com:{IMAP_PORTS[security]}")

    def _on_choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Certificate to trust"), "",
                                              self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if path:
            self.ca_file.setText(path)

    def _checked_spec(self) -> AccountSpec | None:
        """The form as an account, or None with the first wrong field named and focused."""
        spec = self._spec()
        if not self.password.text():
            self._refuse("password", self.tr("type the account's password"))
            return None
        try:
            account_of(spec)  # in memory: the addresses, servers and the CA file checked
        except FieldError as exc:
            self._refuse(exc.field, in_words(exc.problem))
            return None
        return spec

    def _refuse(self, field: str, problem: str) -> None:
        self._say(f"{self.labels.get(field, field)}: {problem}", failed=True)
        widget = self.fields.get(field)
        if widget is not None:
            widget.setFocus()

    def _say(self, text: str, *, failed: bool) -> None:
        self.said.setStyleSheet(ERROR_STYLE if failed else "")
        self.said.setText(text)

    def _on_test(self) -> None:
        spec = self._checked_spec()
        if spec is None:
            return
        if self._testing:  # one at a time (the button stays enabled: disabled, it would
            return         # pass its focus on to the Name field)
        password = self.password.text()
        self._testing = True
        self._say(self.tr("Testing…"), failed=False)
        self._reader.read(lambda: check_spec(spec, password), self._on_checked, self._on_failed)

    def _on_checked(self, checked: Checked) -> None:
        self._testing = False
        self._say(checked.line, failed=checked.failed)

    def _on_save(self) -> None:
        spec = self._checked_spec()
        if spec is None:
            return
        password = self.password.text()
        self.save_button.setEnabled(False)
        self._say(self.tr("Saving…"), failed=False)
        self._ops.run(lambda: operations.add_mail_account(self._desk, spec, password),
                      done=self._on_added, failed=self._on_failed)

    def _on_added(self, view: AccountView) -> None:
        self.added = view
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._testing = False
        self.save_button.setEnabled(True)
        self._say(message, failed=True)
