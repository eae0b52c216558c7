"""The main window: wires the inbox to the desk; an empty desk offers demo data."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.demo import fill_demo
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import list_inquiries
from leaddesk.ui.models.inbox import InboxModel

INBOX_PAGE = 500


class EmptyDesk(QWidget):
    """What a new user sees: what LeadDesk is for and a way to start."""

    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addStretch()
        title = QLabel("<h2>Your desk is empty</h2>")
        hint = QLabel("Inquiries from WhatsApp, WeChat, email and the site form will appear here.\n"
                      "Load a demo desk to look around.")
        self.demo_button = QPushButton("Load demo data")
        self.demo_button.clicked.connect(self.demo_requested)
        for widget in (title, hint):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addWidget(self.demo_button, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()


class MainWindow(QMainWindow):
    """The inbox of one desk."""

    def __init__(self, desk: Desk, actor: str) -> None:
        super().__init__()
        self.desk, self.actor = desk, actor
        self.setWindowTitle(f"LeadDesk — {desk.name}")
        self.resize(1100, 700)
        self.inbox = InboxModel(self)
        self.table = QTableView()
        self.table.setModel(self.inbox)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.empty = EmptyDesk()
        self.empty.demo_requested.connect(self._on_demo_requested)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.table)
        self.setCentralWidget(self.pages)
        self.refresh()

    def refresh(self) -> None:
        with self.desk.transaction() as session:
            rows = list_inquiries(session, INBOX_PAGE)
        self.inbox.set_inquiries(rows)
        self.pages.setCurrentWidget(self.table if rows else self.empty)
        self.statusBar().showMessage(f"{len(rows)} inquiries shown")
        self.table.resizeColumnsToContents()

    def _on_demo_requested(self) -> None:
        with self.desk.transaction() as session:
            fill_demo(session, actor=self.actor)
        self.refresh()
