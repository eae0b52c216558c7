"""A desk file that is not where the settings say, at start: never made again silently
(an empty desk would look as if everything were lost). The window says which file is
missing and offers another file, the newest backup, or a new desk; the very first start
on the default path simply makes it."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from leaddesk import paths
from leaddesk.errors import LeadDeskError
from leaddesk.services.backups import Backup, list_backups
from leaddesk.services.desk import Desk, open_desk
from leaddesk.services.desk_file import desk_file_problem, first_start, missing_desk
from leaddesk.services.restore import restore


class MissingDeskDialog(QMessageBox):
    """Choose another file, restore the newest backup, create a new desk, or quit."""

    def __init__(self, database: Path, newest: Backup | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("The desk is missing"))
        self.newest = newest
        self.setText(self.tr("The desk file {0} is not there. Nothing has been created in "
                             "its place.").format(database))
        if newest is not None:
            when = newest.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
            self.setInformativeText(self.tr("Its newest backup is from {0}.").format(when))
        else:
            self.setInformativeText(self.tr("No backup of it was found."))
        self.choose_button = self.addButton(self.tr("Choose another file…"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.restore_button = self.addButton(self.tr("Restore the backup"),
                                             QMessageBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(newest is not None)
        self.create_button = self.addButton(self.tr("Create a new desk"),
                                            QMessageBox.ButtonRole.ActionRole)
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button if newest is not None else self.choose_button)

    def say(self, message: str) -> None:
        """Why the last choice did not work (a chosen file that is no desk)."""
        self.setInformativeText(message)


def open_desk_asking(db: str | None, backup_folder: str = "") -> Desk | None:
    """Open the desk `db` names (or the default); when its file is missing, ask what to
    do first. None: the person quit."""
    database = missing_desk(db)
    if database is None or first_start(database, backup_folder):
        return open_desk(db)
    folder = paths.backups_dir(backup_folder)
    backups = list_backups(folder, database)
    dialog = MissingDeskDialog(database, backups[0] if backups else None)
    while True:
        dialog.exec()
        clicked = dialog.clickedButton()
        try:
            if clicked is dialog.create_button:
                return open_desk(str(database))
            if clicked is dialog.restore_button and dialog.newest is not None:
                restore(database, dialog.newest.path)
                return open_desk(str(database))
            if clicked is dialog.choose_button:
                title = QCoreApplication.translate("MissingDeskDialog", "Choose a desk")
                name, _ = QFileDialog.getOpenFileName(None, title, str(database.parent))
                problem = desk_file_problem(name) if name else None
                if problem is not None:
                    dialog.say(problem)
                elif name:
                    return open_desk(name)
                continue
        except LeadDeskError as exc:  # a backup or a file that is no good: say so, ask again
            dialog.say(str(exc))
            continue
        return None
