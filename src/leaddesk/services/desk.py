"""Opening the desk: the database named by --db, made ready, and a session factory."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from leaddesk.db import keep_index  # noqa: F401  (keeps the contact index in step)
from leaddesk.db.engine import database_url, describe, make_engine
from leaddesk.db.schema import prepare
from leaddesk.errors import ConflictError, DatabaseError
from leaddesk.services.originals import folder_for


class Desk:
    """One open database: its engine and a session per user action."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = describe(engine.url)
        self.originals = folder_for(engine.url)  # whole texts too long to store, beside the desk
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> "Desk":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_desk(db: str | None = None) -> Desk:
    """Open (create, or upgrade after a backup) the database named by --db / LEADDESK_DB."""
    engine = make_engine(database_url(db))
    try:
        prepare(engine)
    except Exception:
        engine.dispose()
        raise
    return Desk(engine)
