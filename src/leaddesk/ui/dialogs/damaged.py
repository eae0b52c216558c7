"""What the window offers when the desk failed its check: restore the newest good backup,
choose another, or quit; the desk stays open read-only meanwhile."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from leaddesk.services.backups import Backup
from leaddesk.ui.words import day_time


class DamagedDeskDialog(QMessageBox):
    """Three choices for a damaged desk; the damaged file is kept beside the restored one."""

    restore_chosen = Signal(Path)
    choose_chosen = Signal()
    quit_chosen = Signal()

    def __init__(self, problems: list[str], good: Backup | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("The desk is damaged"))
        self.good = good
        self.setText(self.tr("The desk did not pass its check after an unclean shutdown. It is "
                             "open read-only: nothing you see is lost, but nothing can be "
                             "changed."))
        shown = problems[:3] + ([self.tr("… {0} more").format(len(problems) - 3)]
                                if len(problems) > 3 else [])
        if good is not None:
            when = day_time(good.made_at)
            offer = self.tr("The newest good backup is from {0} ({1:.1f} MB). Restoring it keeps "
                            "the damaged desk beside it.").format(when, good.size / 1e6)
        else:
            offer = self.tr("No good automatic backup was found; choose a backup file.")
        self.setInformativeText(offer)
        self.setDetailedText("\n".join(shown))
        self.restore_button = self.addButton(self.tr("Restore it"), QMessageBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(good is not None)
        self.choose_button = self.addButton(self.tr("Choose another…"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button if good is not None else self.choose_button)
        self.buttonClicked.connect(self._on_clicked)

    def say(self, message: str) -> None:
        """Show why the last try did not work (a chosen backup that is damaged too)."""
        self.setInformativeText(message)

    def _on_clicked(self, button: object) -> None:
        if button is self.restore_button and self.good is not None:
            self.restore_chosen.emit(self.good.path)
        elif button is self.choose_button:
            self.choose_chosen.emit()
        elif button is self.quit_button:
            self.quit_chosen.emit()
