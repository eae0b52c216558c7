"""Database upkeep: upgrade, backup and a consistency check."""

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import func, select, text

from leaddesk.db.engine import database_url, make_engine
from leaddesk.db.models import Contact, Identity, Inquiry, Message
from leaddesk.db.schema import backup_sqlite, current_revision, head_revision, prepare
from leaddesk.errors import DatabaseError
from leaddesk.passwords import scrub, without_password
from leaddesk.paths import private_file
from leaddesk.services.desk import Desk


def upgrade(db: str | None) -> str:
    """Create or upgrade the database; says which ("created", "upgraded", "current")."""
    engine = make_engine(database_url(db))
    try:
        return prepare(engine)
    finally:
        engine.dispose()


def backup(desk: Desk, target: Path) -> Path:
    """A consistent copy: SQLite's online backup, or pg_dump's custom format."""
    target = target.expanduser().resolve()
    if target.exists():
        raise DatabaseError(f"{target}: already exists; choose a new file name")
    if desk.engine.url.get_backend_name() == "sqlite":
        return backup_sqlite(desk.engine, target)
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError("pg_dump is not installed; it is needed to back up PostgreSQL")
    url = desk.engine.url.set(drivername="postgresql")
    # The password only in the child's environment: a command line is visible to every
    # local user (ps, /proc/PID/cmdline); a process's environment only to its owner.
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
    private_file(target)  # pg_dump would make it with the umask's mode
    done = subprocess.run([pg_dump, "--format=custom", "--file", str(target),
                           "--dbname", without_password(url).render_as_string(hide_password=False)],
                          capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise DatabaseError(scrub(f"pg_dump failed: {last}"))
    return target


def check(desk: Desk) -> list[str]:
    """Problems found in the database, one line each; an empty list means healthy."""
    problems: list[str] = []
    with desk.engine.connect() as connection:
        if desk.engine.url.get_backend_name() == "sqlite":
            result = connection.execute(text("PRAGMA integrity_check")).scalars().all()
            problems += [f"integrity: {line}" for line in result if line != "ok"]
            for row in connection.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key: {row[0]} row {row[1]} points at a missing {row[2]}")
        revision = current_revision(connection)
        if revision != head_revision():
            problems.append(f"schema is at {revision}, this LeadDesk expects {head_revision()}")
        empty = connection.scalar(
            select(func.count()).select_from(Inquiry).join(Contact, Contact.id == Inquiry.contact_id)
            .where(~select(Message.id).where(Message.inquiry_id == Inquiry.id).exists(),
                   Contact.erased_at.is_(None))
        )
        if empty:
            problems.append(f"{empty} inquiries have no messages")
        bare = connection.scalar(
            select(func.count()).select_from(Contact)
            .where(Contact.merged_into_id.is_(None), Contact.name == "", Contact.erased_at.is_(None),
                   Contact.deleted_at.is_(None),
                   ~select(Identity.id).where(Identity.contact_id == Contact.id).exists())
        )
        if bare:
            problems.append(f"{bare} contacts have neither a name nor any identity")
        unreachable = connection.scalar(
            select(func.count()).select_from(Contact)
            .where(Contact.merged_into_id.is_(None), Contact.erased_at.is_(None),
                   Contact.deleted_at.is_(None),
                   ~select(Identity.id).where(Identity.contact_id == Contact.id).exists(),
                   select(Message.id).join(Inquiry, Inquiry.id == Message.inquiry_id)
                   .where(Inquiry.contact_id == Contact.id).exists())
        )
        if unreachable:
            problems.append(f"{unreachable} contacts have messages but no phone, email or WeChat ID "
                            "to reach them")
    return problems
