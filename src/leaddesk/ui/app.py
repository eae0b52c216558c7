"""Composition root of the window: the desk, the settings and the main window."""

import os
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from leaddesk import __version__
from leaddesk.errors import LeadDeskError
from leaddesk.settings import Settings
from leaddesk.ui.missing_desk import open_desk_asking
from leaddesk.ui.words import set_language

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


def install_translator(app: QCoreApplication, language: str) -> bool:
    """Show the window in `language` (e.g. zh_CN) when its compiled translation exists."""
    if language.startswith("en"):
        return False
    translator = QTranslator(app)
    folder = resources.files("leaddesk.resources")
    if not translator.load(str(folder / f"leaddesk_{language}.qm")):
        return False
    qt_own = QTranslator(app)  # Qt's own words: Save, Cancel, the date pickers
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    set_language(language)
    return app.installTranslator(translator)


BENCH_ENV = "LEADDESK_BENCH_FIRST_PAINT"  # used by `make bench`: paint, measure, exit


def _report_first_paint(app: QCoreApplication, window: "MainWindow") -> int:
    """Paint once, print when (wall clock) and how big the process is, scroll the inbox to
    its end, print again, and exit."""
    import json
    import time

    from leaddesk.process import peak_rss_mb

    window.repaint()
    painted = time.time()
    rss = peak_rss_mb()
    while not window.inbox.complete:  # the rest of the ids arrive from their worker
        app.processEvents()
        time.sleep(0.01)
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    app.processEvents()
    print(json.dumps({"painted_at": painted, "rss_mb_first_paint": rss,
                      "rss_mb_after_scrolling": peak_rss_mb(),
                      "rows": window.table.model().rowCount()}), flush=True)
    window.close()
    return 0


def _log_unexpected(kind: type[BaseException], exc: BaseException, trace: object) -> None:
    """A bug in a slot: its traceback in the log, scrubbed of passwords, and on stderr."""
    from leaddesk.failures import log_failure

    log = log_failure(exc, traceback=True)
    print(f"leaddesk: unexpected error: {kind.__name__} (details in {log})", file=sys.stderr)


def run_window(db: str | None) -> int:
    """Open the window on the database named by --db (or the default) until it closes."""
    sys.excepthook = _log_unexpected
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("LeadDesk")
    app.setApplicationVersion(__version__)
    settings = Settings.load()
    install_translator(app, settings.language)
    try:
        opened = open_desk_asking(db or settings.database or None, settings.backup_folder)
        if opened is None:  # the desk file is missing and the person quit
            return 1
        desk = opened
        if not db and desk.path is not None and settings.database and \
                Path(settings.database).expanduser().resolve() != desk.path:
            settings.database = str(desk.path)  # another file chosen: the desk from now on
            settings.save()
    except LeadDeskError as exc:
        from leaddesk.ui.desk_care import recover

        rescued = recover(db or settings.database or None, exc)
        if rescued is None:
            QMessageBox.critical(None, "LeadDesk", str(exc))
            raise
        desk = rescued
    from leaddesk.ui.dialogs.your_name import ask_name_once
    from leaddesk.ui.main_window import MainWindow

    if not os.environ.get(BENCH_ENV):
        settings = ask_name_once(settings)  # the first start: whose replies these are
    window = MainWindow(desk, settings.user_name, settings.default_region)
    window.show()
    if os.environ.get(BENCH_ENV):
        return _report_first_paint(app, window)
    try:
        code = app.exec()
    finally:
        desk.close()
    if window.restart_wanted:  # a new language: the same command again, in place of this one
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    return code
