"""The whole originals of values too long to store whole (a message, a card): files in a
folder beside the desk, named by their SHA-256, readable by their owner only. A stored
message names its file; the file goes when nothing names it any more."""

import hashlib
import shutil
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import URL, Engine, select, union

from leaddesk import paths
from leaddesk.db.models import Contact, Message
from leaddesk.domain.drafts import Overflow


def folder_for(url: URL, kind: str = "originals") -> Path:
    """The originals (or another `kind` of kept file, "attachments") of one desk:
    `desk.db.originals/` beside a SQLite file; for a server, a folder per server and
    database in the data folder."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        database = Path(url.database)
        return database.with_name(f"{database.name}.{kind}")
    key = f"{url.host or ''}:{url.port or ''}/{url.database or ''}?{url.query.get('host', '')}"
    return paths.data_dir() / kind / hashlib.sha256(key.encode()).hexdigest()[:16]


def private_folder(folder: Path) -> Path:
    """`folder`, made if missing, entered by its owner only."""
    return _private(folder)


def _private(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder.chmod(0o700)
    return folder


def incoming(folder: Path) -> Path:
    """Where an import writes its spill files: on the same disk, so keeping one is a rename."""
    return folder / "incoming"


class Keeper:
    """Moves one import's spill files into the desk's folder; `undo` takes back the ones
    it added if the import fails."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.added: list[Path] = []

    def keep(self, overflow: Overflow) -> str:
        """The kept file's name (the same content is kept once)."""
        name = f"{overflow.sha256}{overflow.suffix}"
        target = _private(self.folder) / name
        if target.exists():
            overflow.path.unlink(missing_ok=True)
        else:
            shutil.move(str(overflow.path), target)
            target.chmod(0o600)
            self.added.append(target)
        return name

    def undo(self) -> None:
        """Remove what this import added."""
        for path in self.added:
            path.unlink(missing_ok=True)
        self.added = []


def path_of(folder: Path, name: str) -> Path:
    """A kept file's path (names are ours: a SHA-256 and a suffix, never a path)."""
    return folder / Path(name).name


def forget(engine: Engine, folder: Path, names: Iterable[str | None]) -> int:
    """Remove the kept files among `names` that no message or contact names any more
    (after the change that dropped them was committed). Returns how many went."""
    wanted = {name for name in names if name}
    if not wanted:
        return 0
    with engine.connect() as connection:
        named = set(connection.scalars(union(
            select(Message.original_file).where(Message.original_file.in_(wanted)),
            select(Contact.original_file).where(Contact.original_file.in_(wanted)))))
    gone = 0
    for name in wanted - named:
        path = path_of(folder, name)
        if path.exists():
            path.unlink()
            gone += 1
    return gone
