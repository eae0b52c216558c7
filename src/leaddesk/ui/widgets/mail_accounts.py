"""The desk's mail accounts, as Settings shows them: each one's address, servers, security
and whether its password is stored; Add… opens the account form, Remove asks first and
forgets the account and its password (the mails it brought stay). Reads and writes run
off the GUI thread; an account is stored or removed at once, apart from Save."""

from functools import partial

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services import operations, reads
from leaddesk.services.desk import Desk
from leaddesk.services.mail.accounts import AccountView
from leaddesk.ui.dialogs.mail_account import MailAccountDialog
from leaddesk.ui.forms import error_label
from leaddesk.ui.operations import Operations, Reader


class MailAccountsPage(QWidget):
    """List, add and remove the mail accounts the desk syncs."""

    def __init__(self, desk: Desk, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk, self._ops = desk, ops
        self._reader = Reader(ops, self)
        self.accounts: list[AccountView] = []
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Address"), self.tr("IMAP"), self.tr("SMTP"),
            self.tr("Security"), self.tr("Password")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.empty = QLabel(self.tr("No mail account yet: add one to sync its mail and answer "
                                    "buyers from LeadDesk."))
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self._on_add)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._on_remove)
        self.said = QLabel()
        self.said.setWordWrap(True)
        self.error = error_label()
        self.error.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.said)
        layout.addWidget(self.error)
        layout.addStretch(0)  # takes the room only while the table is hidden (no account)
        self.refresh()

    def refresh(self) -> None:
        """Read the accounts (and the keyring) off the GUI thread."""
        self._reader.read(partial(reads.mail_accounts, self._desk), self._show, self.error.setText)

    def _show(self, accounts: list[AccountView]) -> None:
        self.accounts = accounts
        self.table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            smtp = (f"{account.smtp} ({self._security(account.smtp_security)})" if account.smtp
                    else self.tr("none"))
            stored = self.tr("stored") if account.password_stored else self.tr("none stored")
            login = self.tr("Logs in as {0}").format(account.user) + (
                "\n" + self.tr("Trusts {0}").format(account.ca_file) if account.ca_file else "")
            for column, text in enumerate((account.name, account.email, account.imap, smtp,
                                           self._security(account.security), stored)):
                item = QTableWidgetItem(text)
                item.setToolTip(login)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(accounts))
        self.empty.setVisible(not accounts)
        self._on_selected()

    def _security(self, security: str) -> str:
        return {"tls": self.tr("TLS"), "starttls": self.tr("STARTTLS"),
                "none": self.tr("none (unencrypted)")}.get(security, security)

    def _selected(self) -> AccountView | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self.accounts[row] if selected and 0 <= row < len(self.accounts) else None

    def _on_selected(self) -> None:
        self.remove_button.setEnabled(self._selected() is not None)

    def _on_add(self) -> None:
        self.form = form = MailAccountDialog(self._desk, self._ops, self)
        form.accepted.connect(lambda: self._on_added(form.added))
        form.open()

    def _on_added(self, view: AccountView | None) -> None:
        if view is None:
            return
        self.said.setText(self.tr("Added {0}; its mail comes with the next sync (Sync mail now, F5).")
                          .format(view.name))
        self.refresh()

    def _on_remove(self) -> None:
        account = self._selected()
        if account is None:
            return
        self.confirm = confirm = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Remove mail account"),
            self.tr("Remove {0} ({1})? LeadDesk stops syncing it and forgets its password; the "
                    "mails it brought stay in the desk.").format(account.name, account.email),
            QMessageBox.StandardButton.Cancel, self)
        remove = confirm.addButton(self.tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        confirm.buttonClicked.connect(
            lambda button: self._remove(account.name) if button is remove else None)
        confirm.open()

    def _remove(self, name: str) -> None:
        self.error.setText("")
        self._ops.run(partial(operations.remove_mail_account, self._desk, name),
                      done=lambda _: self._on_removed(name), failed=self.error.setText)

    def _on_removed(self, name: str) -> None:
        self.said.setText(self.tr("Removed {0}; its mails stay in the desk.").format(name))
        self.refresh()
