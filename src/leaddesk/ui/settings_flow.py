"""File > Settings…: what is saved applies to whatever starts after the Save (who acts,
the default country; imports read the rest from the saved file each time); a new language
or another desk offers to restart now, as the open window cannot change either under it."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from leaddesk.settings import Settings

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


class SettingsFlow(QObject):
    """Opens the Settings dialog for a window and applies what is saved in it."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window

    def open(self) -> None:
        """Show the dialog (window-modal; the window goes on painting behind it)."""
        from leaddesk.ui.dialogs.settings import SettingsDialog

        window = self._window
        self.dialog = dialog = SettingsDialog(window, window.desk, window.ops)
        before = (dialog.settings.language, dialog.settings.database)
        dialog.accepted.connect(lambda: self._on_saved(dialog.settings, *before))
        dialog.open()

    def apply(self, settings: Settings) -> None:
        """Who acts and the default country, from now on. The views that act keep the
        actor as `_actor`, given when they were made."""
        window = self._window
        window.actor, window.region = settings.user_name, settings.default_region
        for acting in (window.detail.contact_actions, window.followups, window.duplicates, window.senders):
            acting._actor = settings.user_name
        window.mail.apply(settings)  # how often the mailboxes sync

    def _on_saved(self, settings: Settings, language_before: str, database_before: str) -> None:
        self.apply(settings)
        self._window.statusBar().showMessage(self.tr("Settings saved"), 10_000)
        if settings.language != language_before:
            why = self.tr("The window shows the new language when LeadDesk starts again.")
        elif settings.database != database_before:
            why = self.tr("The window opens the other desk when LeadDesk starts again.")
        else:
            return
        self.restart_offer = offer = QMessageBox(QMessageBox.Icon.Question, self.tr("Restart"), why,
                                                 QMessageBox.StandardButton.NoButton, self._window)
        restart = offer.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        offer.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        offer.buttonClicked.connect(lambda button: self._restart() if button is restart else None)
        offer.open()

    def _restart(self) -> None:
        """Close (with the closing backup) and start again: ui/app.py sees `restart_wanted`."""
        self._window.restart_wanted = True
        self._window.close()
