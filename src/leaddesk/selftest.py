"""`leaddesk --self-test`: proves an installed LeadDesk works end to end — a temporary
database, the shipped sample files imported, a search, the window opened offscreen,
reports written — and exits 0, or prints what failed and exits 1."""

import os
import shutil
import tempfile
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo


def run_self_test() -> int:
    """Run every check; one line per step."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-self-test-"))
    from leaddesk import paths

    paths.set_data_dir(folder / "data")  # its window state and backups stay in the temporary
    try:
        return _steps(folder)
    except Exception as exc:  # the point is to say what broke, in one line
        print(f"self-test FAILED: {type(exc).__name__}: {exc}")
        return 1
    finally:
        paths.set_data_dir(None)
        shutil.rmtree(folder, ignore_errors=True)


def _steps(folder: Path) -> int:
    from leaddesk.importers.base import ImportOptions
    from leaddesk.reports.build import build_report
    from leaddesk.reports.rows import Period
    from leaddesk.services.desk import open_desk
    from leaddesk.services.imports import import_file
    from leaddesk.services.search import search
    from leaddesk.services.upkeep import check

    shipped = resources.files("leaddesk.data").joinpath("selftest")
    with open_desk(str(folder / "desk.db")) as desk:
        print(f"database: created {desk.name}")
        created = 0
        for entry in sorted(shipped.iterdir(), key=lambda e: e.name):
            if entry.name.startswith(("_", ".")):
                continue
            path = folder / entry.name
            path.write_bytes(entry.read_bytes())
            created += import_file(desk, path, ImportOptions(), actor="self-test",
                                   zone=ZoneInfo("UTC")).messages_created
        print(f"import: {created} messages")
        with desk.transaction() as session:
            hits = search(session, "陀螺").total + search(session, "+49 1512 3456789").total
            for fmt in ("csv", "xlsx", "pdf"):
                build_report(session, fmt, folder / f"report.{fmt}", Period())
        print(f"search: {hits} hits; reports: csv, xlsx, pdf")
        problems = check(desk)
        _window(desk)
        print("window: opened and closed offscreen")
    if created < 10 or hits < 2 or problems:
        print(f"self-test FAILED: {created} messages, {hits} hits, problems {problems}")
        return 1
    print("self-test passed")
    return 0


def _window(desk: object) -> None:
    from PySide6.QtWidgets import QApplication

    from leaddesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(desk, "self-test")  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    if window.table.model().rowCount() == 0:
        raise RuntimeError("the inbox is empty after the import")
    window.close()
