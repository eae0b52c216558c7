"""At the first start, the person's name: it signs their replies, notes and stage changes
(the computer's login name, often "root", says nothing to a colleague or a buyer)."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from leaddesk.settings import Settings
from leaddesk.ui.forms import error_label, save_cancel

NAME_LENGTH = 120  # as long as the activity trail keeps an actor


class YourNameDialog(QDialog):
    """Ask for the person's name; saved in the settings on Save."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Welcome to LeadDesk"))
        form = QFormLayout(self)
        intro = QLabel(self.tr("Your name signs your replies, notes and stage changes, "
                               "as colleagues and buyers read them."))
        intro.setWordWrap(True)
        form.addRow(intro)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_LENGTH)
        self.name.setPlaceholderText(self.tr("e.g. Amy Chen"))
        form.addRow(self.tr("Your name"), self.name)
        self.error = error_label()
        buttons, self.save_button = save_cancel(self, self._on_save)
        form.addRow(self.error)
        form.addRow(buttons)
        self.save_button.setEnabled(False)
        self.name.textChanged.connect(lambda text: self.save_button.setEnabled(bool(text.strip())))

    def _on_save(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            return
        self.settings.user_name, self.settings.name_given = name, True
        try:
            self.settings.save()
        except OSError as exc:
            self.error.setText(self.tr("Not saved: {0}").format(exc))
            return
        self.accept()


def ask_name_once(settings: Settings) -> Settings:
    """At the first start (no name given yet), ask for it; the settings as they are after."""
    if not settings.name_given:
        YourNameDialog(settings).exec()
    return settings
