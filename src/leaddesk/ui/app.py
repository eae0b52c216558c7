"""Composition root of the window: the desk, the settings and the main window."""

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from leaddesk import __version__
from leaddesk.errors import LeadDeskError
from leaddesk.services.desk import open_desk
from leaddesk.settings import Settings


def run_window(db: str | None) -> int:
    """Open the window on the database named by --db (or the default) until it closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("LeadDesk")
    app.setApplicationVersion(__version__)
    settings = Settings.load()
    try:
        desk = open_desk(db or settings.database or None)
    except LeadDeskError as exc:
        QMessageBox.critical(None, "LeadDesk", str(exc))
        raise
    from leaddesk.ui.main_window import MainWindow

    window = MainWindow(desk, settings.user_name, settings.default_region)
    window.show()
    try:
        return app.exec()
    finally:
        desk.close()
