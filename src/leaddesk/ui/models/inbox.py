"""The inbox table: one row per inquiry, most recently active first."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from leaddesk.services.inquiries import InquirySummary

COLUMNS = ("Contact", "Company", "Channel", "Last message", "Messages", "Stage", "Article")
Index = QModelIndex | QPersistentModelIndex


class InboxModel(QAbstractTableModel):
    """Inquiry summaries as table rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InquirySummary] = []

    def set_inquiries(self, rows: list[InquirySummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        values = (row.contact, row.company, row.channel.replace("_", " "),
                  row.last_message_at.astimezone().strftime("%Y-%m-%d %H:%M"), row.messages,
                  row.stage, row.article_title or row.article_url or "")
        return values[index.column()]
