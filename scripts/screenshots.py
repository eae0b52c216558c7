"""`make screenshots`: each main view of a demo desk rendered offscreen to docs/screenshots/."""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import open_desk
from leaddesk.ui.dialogs.log_inquiry import LogInquiryDialog
from leaddesk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def main() -> int:
    app = QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-shots-"))
    with open_desk(str(folder / "desk.db")) as desk:
        window = MainWindow(desk, "Ericco Sales", "CN")
        window.resize(1360, 780)
        window.show()
        app.processEvents()
        window.grab().save(str(OUT / "welcome.png"))
        with desk.transaction() as session:
            fill_demo(session, actor="Ericco Sales")
        window.refresh()
        window.table.selectRow(1)
        app.processEvents()
        window.grab().save(str(OUT / "inbox.png"))
        window.navigation.setCurrentRow(2)
        app.processEvents()
        window.grab().save(str(OUT / "reports.png"))
        window.navigation.setCurrentRow(0)
        window.search.setText("陀螺")
        window._on_search_due()
        app.processEvents()
        window.grab().save(str(OUT / "search.png"))
        dialog = LogInquiryDialog(desk, "Ericco Sales", "CN", window)
        dialog.identity.setText("0086 139 9288 4879")
        dialog.name.setText("王磊")
        dialog.text.setPlainText("想询价 ER-FOGI-40 光纤陀螺仪，2 台样品。")
        dialog.resize(620, 460)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(OUT / "log-inquiry.png"))
        dialog.close()
        window.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
