"""The files under each message of the conversation: name and size, a small preview of
an image (made off the GUI thread from the kept file, never from a URL), "Open" with the
system's viewer on a private copy, and "Save as…"."""

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QTextDocument
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from leaddesk.domain.attachments import openable, readable_size, safe_name
from leaddesk.services import attachments as service
from leaddesk.services.attachments import AttachmentRow
from leaddesk.services.desk import Desk
from leaddesk.ui.operations import Operations, Reader

THUMBNAIL = QSize(160, 120)


def _thumbnail(path: Path) -> QImage | None:
    """A small image of a kept picture, decoded at the small size (QImageReader keeps
    Qt's allocation limit against an image that claims to be huge)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid() or size.isEmpty():
        return None
    reader.setScaledSize(size.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
                         if size.width() > THUMBNAIL.width() or size.height() > THUMBNAIL.height()
                         else size)
    image = reader.read()
    return None if image.isNull() else image


def _files(desk: Desk, inquiry_id: int) -> tuple[list[AttachmentRow], dict[int, QImage]]:
    """An inquiry's attachments and the previews of its pictures (on a worker thread)."""
    rows = service.inquiry_attachments(desk, inquiry_id)
    previews: dict[int, QImage] = {}
    for row in rows:
        if row.is_image:
            try:
                image = _thumbnail(service.stored_file(desk, row))
            except Exception:  # a missing or damaged picture simply has no preview
                image = None
            if image is not None:
                previews[row.id] = image
    return rows, previews


class ConversationFiles(QObject):
    """The attachments of the inquiry in the conversation, read beside it."""

    ready = Signal(int)  # the inquiry whose files were read

    def __init__(self, desk: Desk, ops: Operations, parent: QWidget) -> None:
        super().__init__(parent)
        self._desk, self._ops, self._parent = desk, ops, parent
        self._reader = Reader(ops)
        self._inquiry: int | None = None
        self._by_message: dict[int, list[AttachmentRow]] = {}
        self._previews: dict[int, QImage] = {}
        self._dialog: QFileDialog | None = None

    def fetch(self, inquiry_id: int | None) -> None:
        """Read an inquiry's files (or forget them); `ready` says when they are in."""
        if inquiry_id != self._inquiry:
            self._by_message, self._previews = {}, {}
        self._inquiry = inquiry_id
        if inquiry_id is not None:
            self._reader.read(partial(_files, self._desk, inquiry_id),
                              lambda found: self._read(inquiry_id, found))

    def _read(self, inquiry_id: int, found: tuple[list[AttachmentRow], dict[int, QImage]]) -> None:
        if inquiry_id != self._inquiry:
            return
        rows, self._previews = found
        self._by_message = {}
        for row in rows:
            self._by_message.setdefault(row.message_id, []).append(row)
        self.ready.emit(inquiry_id)

    def under(self, message_id: int) -> str:
        """HTML for the files under one message ("" when it has none, or they are not read yet)."""
        parts = []
        for row in self._by_message.get(message_id, []):
            name = html.escape(row.name)
            line = f"📎 {name} · {readable_size(row.size)}"
            if row.stored:
                if openable(row.name):
                    line += f" · <a href='attachment-open:{row.id}'>" + self.tr("Open") + "</a>"
                line += f" · <a href='attachment-save:{row.id}'>" + self.tr("Save as…") + "</a>"
            else:
                line += " · <i>" + self.tr("over the size cap: only the name was kept") + "</i>"
            if row.id in self._previews:
                line = f"<img src='attachment-preview:{row.id}'><br>" + line
            parts.append(line)
        return "".join(f"<br>{part}" for part in parts)

    def add_previews(self, document: QTextDocument) -> None:
        """Give the conversation's document the previews its HTML names (after each setHtml)."""
        for attachment_id, image in self._previews.items():
            document.addResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl(f"attachment-preview:{attachment_id}"), image)

    def handle(self, link: str) -> bool:
        """Open or save an attachment a link names; whether the link was one of these."""
        kind, _, value = link.partition(":")
        if kind not in ("attachment-open", "attachment-save") or not value.isdigit():
            return False
        row = next((r for rows in self._by_message.values() for r in rows if r.id == int(value)), None)
        if row is None:
            return True
        if kind == "attachment-open":
            self._open(row)
        else:
            self._save(row)
        return True

    def _open(self, row: AttachmentRow) -> None:
        if not openable(row.name):  # the link is not offered; a crafted one does nothing
            return
        def view(copy: Path) -> None:  # the system's viewer shows the copy; LeadDesk runs nothing
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

        self._ops.read(partial(service.viewing_copy, self._desk, row.id), view, self._failed)

    def _save(self, row: AttachmentRow) -> None:
        dialog = QFileDialog(self._parent, self.tr("Save attachment"),
                             str(Path.home() / safe_name(row.name)))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.fileSelected.connect(lambda target: self._write(row, target))
        self._dialog = dialog  # kept while it is open
        dialog.open()

    def _write(self, row: AttachmentRow, target: str) -> None:
        if target:
            self._ops.read(partial(service.save_attachment, self._desk, row.id, Path(target)),
                           lambda _written: None, self._failed)

    def _failed(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Attachment"), message,
                          QMessageBox.StandardButton.Ok, self._parent)
        self._box = box  # kept while it is open; it does not stop the window
        box.open()
