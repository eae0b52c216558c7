"""Composition root of the window: the desk, the settings and the main window."""

import sys
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from leaddesk import __version__
from leaddesk.errors import LeadDeskError
from leaddesk.services.desk import open_desk
from leaddesk.settings import Settings


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Show the window in `language` (e.g. zh_CN) when its compiled translation exists."""
    if language.startswith("en"):
        return False
    translator = QTranslator(app)
    folder = resources.files("leaddesk.resources")
    if not translator.load(str(folder / f"leaddesk_{language}.qm")):
        return False
    return app.installTranslator(translator)


def run_window(db: str | None) -> int:
    """Open the window on the database named by --db (or the default) until it closes."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("LeadDesk")
    app.setApplicationVersion(__version__)
    settings = Settings.load()
    install_translator(app, settings.language)
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
