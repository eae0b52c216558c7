"""The files buyers send: kept beside the desk as the originals are (folder 0700, files
0600), named by their SHA-256 so the same bytes are kept once, under a cap per file and
per desk; listed, read and saved elsewhere by id. Nothing here runs or fetches anything."""

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select

from leaddesk import paths
from leaddesk.db.models import Attachment, Inquiry, Message
from leaddesk.domain.attachments import readable_size, safe_name
from leaddesk.domain.drafts import AttachmentDraft
from leaddesk.errors import NotFoundError
from leaddesk.importers.sources import ZIP_READING
from leaddesk.services.desk import Desk
from leaddesk.services.originals import private_folder

FILE_CAP = 25 * 1024 * 1024  # bytes of one attachment kept; a bigger one is only named
DESK_CAP = 2 * 1024 * 1024 * 1024  # bytes all of a desk's attachments may take
_BLOCK = 1 << 20


def blob_path(folder: Path, sha256: str) -> Path:
    """Where the bytes of this SHA-256 are (the name is ours, never a sender's)."""
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise NotFoundError(f"no attachment file {sha256!r}")
    return folder / sha256


@dataclass
class Kept:
    """What storing one attachment came to: its SHA-256, or None when it was only named."""

    sha256: str | None
    over_cap: bool = False


@dataclass
class Blobs:
    """One import's attachment files: each written once, by its SHA-256, while the caps
    allow; `undo` takes back the files it added if the import fails."""

    folder: Path
    file_cap: int = FILE_CAP
    desk_cap: int = DESK_CAP
    added: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # over a cap: name, size
    _used: int | None = None

    def used(self) -> int:
        """Bytes the desk's attachments take now."""
        if self._used is None:
            self._used = sum(entry.stat().st_size for entry in os.scandir(self.folder)
                             if entry.is_file()) if self.folder.is_dir() else 0
        return self._used

    def keep(self, draft: AttachmentDraft) -> Kept:
        """Store one attachment's bytes (read in blocks, never whole) unless over a cap."""
        if draft.size > self.file_cap or self.used() + draft.size > self.desk_cap:
            self.skipped.append((draft.name, draft.size))
            return Kept(None, over_cap=True)
        incoming = private_folder(private_folder(self.folder) / "incoming")
        digest, size = hashlib.sha256(), 0
        handle, name = tempfile.mkstemp(dir=incoming)
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out, draft.opener() as stream:
                for block in iter(lambda: stream.read(_BLOCK), b""):
                    size += len(block)
                    if size > self.file_cap or self.used() + size > self.desk_cap:
                        raise _OverCap
                    digest.update(block)
                    out.write(block)
        except _OverCap:
            temporary.unlink(missing_ok=True)
            self.skipped.append((draft.name, max(size, draft.size)))
            return Kept(None, over_cap=True)
        except (*ZIP_READING, OSError, ValueError):  # a damaged member: named, not kept
            temporary.unlink(missing_ok=True)
            return Kept(None)
        sha = digest.hexdigest()
        target = self.folder / sha
        if target.exists():
            temporary.unlink()
        else:
            os.chmod(temporary, paths.FILE_MODE)
            os.replace(temporary, target)
            self.added.append(target)
            self._used = self.used() + size
        return Kept(sha)

    def note(self) -> str | None:
        """The import report's one line on what was over a cap, if anything was."""
        if not self.skipped:
            return None
        shown = ", ".join(f"{name} ({readable_size(size)})" for name, size in self.skipped[:5])
        more = f" and {len(self.skipped) - 5} more" if len(self.skipped) > 5 else ""
        return (f"{len(self.skipped)} attachments over the size cap "
                f"({readable_size(self.file_cap)} a file, {readable_size(self.desk_cap)} a desk) "
                f"recorded by name and size only: {shown}{more}")

    def undo(self) -> None:
        """Remove what this import added."""
        for path in self.added:
            path.unlink(missing_ok=True)
        self.added = []


class _OverCap(Exception):
    pass


@dataclass(frozen=True)
class AttachmentRow:
    """One attachment as the conversation and `leaddesk attachments` show it."""

    id: int
    message_id: int
    name: str
    size: int
    media_type: str
    stored: bool
    sha256: str | None

    @property
    def is_image(self) -> bool:
        """Whether a preview can be made of it."""
        return self.stored and self.media_type in ("image/jpeg", "image/png", "image/gif",
                                                   "image/webp", "image/bmp")

    def as_json(self) -> dict[str, object]:
        """As `attachments --json` prints it."""
        return {"id": self.id, "message": self.message_id, "name": self.name, "size": self.size,
                "media_type": self.media_type, "stored": self.stored, "sha256": self.sha256}


def _row(attachment: Attachment) -> AttachmentRow:
    return AttachmentRow(attachment.id, attachment.message_id, attachment.name, attachment.size,
                         attachment.media_type, attachment.sha256 is not None, attachment.sha256)


def inquiry_attachments(desk: Desk, inquiry_id: int) -> list[AttachmentRow]:
    """The attachments of one inquiry's messages, in the messages' order."""
    with desk.transaction() as session:
        if session.get(Inquiry, inquiry_id) is None:
            raise NotFoundError(f"no inquiry #{inquiry_id}")
        return [_row(a) for a in session.scalars(
            select(Attachment).join(Message, Message.id == Attachment.message_id)
            .where(Message.inquiry_id == inquiry_id)
            .order_by(Message.sent_at, Message.id, Attachment.id))]


def attachment(desk: Desk, attachment_id: int) -> AttachmentRow:
    """One attachment by its id."""
    with desk.transaction() as session:
        found = session.get(Attachment, attachment_id)
        if found is None:
            raise NotFoundError(f"no attachment #{attachment_id}")
        return _row(found)


def stored_file(desk: Desk, row: AttachmentRow) -> Path:
    """The kept file of an attachment (to read, never to run)."""
    if row.sha256 is None:
        raise NotFoundError(f"attachment #{row.id} ({row.name}) was over the size cap; "
                            "only its name and size were kept")
    path = blob_path(desk.attachments, row.sha256)
    if not path.is_file():
        raise NotFoundError(f"the file of attachment #{row.id} ({row.name}) is missing")
    return path


def save_attachment(desk: Desk, attachment_id: int, target: Path) -> Path:
    """Write one attachment's bytes to `target` (a file, or a folder to put it in under
    its safe name). Returns the file written."""
    row = attachment(desk, attachment_id)
    source = stored_file(desk, row)
    if target.is_dir():
        target = target / safe_name(row.name)
    shutil.copyfile(source, target)
    return target


def viewing_copy(desk: Desk, attachment_id: int) -> Path:
    """A copy of an attachment in a private temporary folder, under its safe name, for the
    system's viewer to open (the kept file itself is never handed out)."""
    row = attachment(desk, attachment_id)
    source = stored_file(desk, row)
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-attachment-"))
    os.chmod(folder, paths.FOLDER_MODE)
    target = folder / safe_name(row.name)
    shutil.copyfile(source, target)
    os.chmod(target, paths.FILE_MODE)
    return target


def forget(engine: Engine, folder: Path, hashes: Iterable[str | None]) -> int:
    """Remove the kept files among `hashes` that no attachment names any more (after the
    change that dropped them was committed). Returns how many went."""
    wanted = {sha for sha in hashes if sha}
    if not wanted:
        return 0
    with engine.connect() as connection:
        named = set(connection.scalars(select(Attachment.sha256).where(
            Attachment.sha256.in_(wanted)).distinct()))
    gone = 0
    for sha in wanted - named:
        path = blob_path(folder, sha)
        if path.exists():
            path.unlink()
            gone += 1
    return gone
