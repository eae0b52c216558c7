"""What a new user sees: what LeadDesk is for, and the two ways to start."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyDesk(QWidget):
    """Offers demo data and import on an empty desk."""

    demo_requested = Signal()
    import_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.addStretch()
        for text in ("<h2>" + self.tr("Your desk is empty") + "</h2>",
                     self.tr("Inquiries from WhatsApp, WeChat, email and the site form appear "
                             "here.<br>Drop chat exports, mails or form CSVs on this window, or "
                             "start with a demo.")):
            label = QLabel(text)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.import_button = QPushButton(self.tr("Import files…"))
        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addStretch()
