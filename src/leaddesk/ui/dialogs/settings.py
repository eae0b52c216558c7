"""Settings, built from the one declaration table (leaddesk.settings): a field per
setting, its label and type from the declaration; a bad value is named, nothing saved.
Beside them, on a tab of their own, the desk's mail accounts (ui/widgets/mail_accounts.py),
which are stored as they are added, apart from Save."""

from dataclasses import fields

from keyring.errors import KeyringError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk import passwords
from leaddesk.domain.countries import region_for
from leaddesk.services.desk import Desk
from leaddesk.services.desk_file import desk_file_problem
from leaddesk.settings import Settings
from leaddesk.ui.forms import error_label, save_cancel
from leaddesk.ui.operations import Operations

LANGUAGES = (("English", "en"), ("简体中文", "zh_CN"))
HIDDEN = ("saved_searches", "column_maps", "name_given")  # edited where they are made
MULTILINE = ("signature",)


class SettingsDialog(QDialog):
    """Edit the user's settings; `saved` is True after a valid Save. Given the desk, the
    mail accounts too (`accounts`)."""

    def __init__(self, parent: QWidget | None = None, desk: Desk | None = None,
                 ops: Operations | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.settings = Settings.load()
        self.saved = False
        self.editors: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        general = QWidget()
        self.form = form = QFormLayout(general)
        for item in fields(Settings):
            if item.name in HIDDEN:
                continue
            value = getattr(self.settings, item.name)
            editor: QWidget
            if item.name == "language":
                editor = QComboBox()
                for label, code in LANGUAGES:
                    editor.addItem(label, code)
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif item.name == "backup_cap_mb":
                editor = QSpinBox()
                editor.setRange(0, 10_000_000)
                editor.setSpecialValueText(self.tr("3 × the desk"))
                editor.setValue(value)
            elif item.name == "mail_sync_minutes":
                editor = QSpinBox()
                editor.setRange(0, 24 * 60)  # 0 (only when asked) is a value, as its label says
                editor.setSpecialValueText(self.tr("only when asked"))
                editor.setValue(value)
            elif isinstance(value, bool):
                editor = QCheckBox()
                editor.setChecked(value)
            elif item.name == "mail_first_days":
                editor = QSpinBox()
                editor.setRange(0, 36500)
                editor.setSpecialValueText(self.tr("all its mail"))
                editor.setValue(value)
            elif isinstance(value, int):
                editor = QSpinBox()
                editor.setRange(1, 3650)
                editor.setValue(value)
            elif item.name in MULTILINE:
                editor = QPlainTextEdit(str(value))
                editor.setTabChangesFocus(True)  # Tab goes on through the form
                lines = editor.fontMetrics().lineSpacing()
                editor.setFixedHeight(4 * lines + 2 * int(editor.document().documentMargin()) + 8)
            else:
                text = ", ".join(value) if isinstance(value, list) else str(value)
                editor = QLineEdit(text)
            self.editors[item.name] = editor
            form.addRow(QCoreApplication.translate(item.metadata["context"], item.metadata["label"]),
                         editor)
        self.editors["database"].setToolTip(self.tr(
            "A password in a PostgreSQL URL is kept in the password store below, never in "
            "the settings file"))
        self.tabs.addTab(general, self.tr("General"))
        self.accounts = None
        if desk is not None and ops is not None:
            from leaddesk.ui.widgets.mail_accounts import MailAccountsPage

            self.accounts = MailAccountsPage(desk, ops)
            self.tabs.addTab(self.accounts, self.tr("Mail accounts"))
            self.resize(820, self.sizeHint().height())  # an account's servers on one line
        self.password_store = QLabel(self.tr("Passwords are kept in {0}")
                                     .format(passwords.store_description()))
        self.password_store.setWordWrap(True)
        self.error = error_label()
        buttons, self.save_button = save_cancel(self, self._on_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.password_store)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _on_save(self) -> None:
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            current = getattr(self.settings, name)
            if isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                values[name] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QLineEdit) and isinstance(current, list):
                values[name] = [part.strip() for part in editor.text().split(",") if part.strip()]
            elif isinstance(editor, QLineEdit):
                values[name] = editor.text().strip()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText().strip()
        region = str(values.get("default_region", ""))
        if region and region_for(region) is None:
            self.error.setText(self.tr("Unknown country: {0}").format(region))
            return
        if region:
            values["default_region"] = region_for(region)
        problem = desk_file_problem(str(values.get("database", "")))
        if problem is not None:  # a desk that would not open, or be made where none was meant
            self.error.setText(problem)
            return
        for name, value in values.items():
            setattr(self.settings, name, value)
        self.settings.name_given = self.settings.name_given or bool(self.settings.user_name)
        try:
            self.settings.save()  # a database password goes to the keyring here
        except (KeyringError, OSError) as exc:
            self.error.setText(self.tr("Not saved: {0}").format(passwords.scrub(str(exc))))
            return
        self.saved = True
        self.accept()
