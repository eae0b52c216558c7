"""Opening the desk: the database named by --db, made ready, and a session factory."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from leaddesk.db.engine import database_url, describe, make_engine
from leaddesk.db.presence import Presence
from leaddesk.db.schema import prepare
from leaddesk.errors import ConflictError, DatabaseError
from leaddesk.services.originals import folder_for

T = TypeVar("T")
_WRITES = ("insert", "update", "delete", "replace", "create", "drop", "alter")


class Desk:
    """One open database: its engine and a session per user action. A SQLite desk also
    knows whether it was left uncleanly (`unclean`), and its writes can be held while it
    is checked."""

    def __init__(self, engine: Engine, presence: Presence | None = None) -> None:
        self.engine = engine
        self.name = describe(engine.url)
        self.originals = folder_for(engine.url)  # whole texts too long to store, beside the desk
        self.attachments = folder_for(engine.url, "attachments")  # files buyers sent
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.presence = presence
        self.unclean = presence.unclean if presence is not None else False
        self.checked = False  # a check has passed since it was opened
        self._held: str | None = None
        self._held_lock = threading.Lock()

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if self.engine.url.get_backend_name() != "sqlite" or not self.engine.url.database:
            return None
        return Path(self.engine.url.database) if self.engine.url.database != ":memory:" else None

    @property
    def shared(self) -> bool:
        """Whether another process can open this desk too (a file or a server, not memory)."""
        return bool(self.engine.url.database) and self.engine.url.database != ":memory:"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        except StaleDataError:
            raise ConflictError(
                "someone else changed this record since you opened it; reload and try again"
            ) from None
        except DBAPIError as exc:
            if exc.connection_invalidated or "locked" in str(exc.orig):
                raise DatabaseError(f"{self.name}: {str(exc.orig).strip()}") from None
            raise
        finally:
            session.close()

    def hold_writes(self, reason: str) -> None:
        """Refuse every write with `reason` until `release_writes` (reads go on): while the
        desk is checked after an unclean shutdown, or for good when it is damaged."""
        with self._held_lock:
            if self._held is None:
                event.listen(self.engine, "before_cursor_execute", self._refuse_writes)
            self._held = reason

    def release_writes(self) -> None:
        """Let writes through again."""
        with self._held_lock:
            if self._held is not None:
                event.remove(self.engine, "before_cursor_execute", self._refuse_writes)
            self._held = None

    @property
    def writes_held(self) -> str | None:
        """Why writes are held, or None."""
        return self._held

    def _refuse_writes(self, _connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:7].lower().startswith(_WRITES):
            raise DatabaseError(f"{self.name}: {self._held}")

    def replace_file(self, replace: Callable[[Path], T]) -> T:
        """Let `replace(path)` put another file in place of this SQLite desk (a restore):
        this desk lets go of the file, then opens the new one (upgrading an older schema)
        under the same object, so every view keeps working on it."""
        path = self.path
        if path is None:
            raise DatabaseError(f"{self.name}: only a SQLite desk is restored from a file")
        url, held = self.engine.url, self._held
        self.release_writes()  # its listener belongs to the engine that goes
        self.engine.dispose()
        if self.presence is not None:
            self.presence.leave(clean=False)
        try:
            result = replace(path)
            held, self.unclean, self.checked = None, False, True  # put back after a check
        finally:
            engine = make_engine(url)
            presence = Presence(path)
            presence.enter()
            self.engine, self.presence = engine, presence
            self._sessions = sessionmaker(engine, expire_on_commit=False)
            if held is not None:  # nothing was put back: the desk is as held as before
                self.hold_writes(held)
        prepare(engine)
        return result

    def close(self) -> None:
        """Release every connection (and, for SQLite, this process's hold on the file)."""
        self.engine.dispose()
        if self.presence is not None:
            self.presence.leave(clean=self.checked or not self.unclean)
            self.presence = None

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_desk(db: str | None = None) -> Desk:
    """Open (create, or upgrade after a backup) the database named by --db / LEADDESK_DB."""
    url = database_url(db)
    engine = make_engine(url)
    presence = None
    try:
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            presence = Presence(Path(str(url.database)))
            presence.enter()
        prepare(engine)
    except Exception:
        engine.dispose()
        if presence is not None:
            presence.leave(clean=not presence.unclean)
        raise
    return Desk(engine, presence)
