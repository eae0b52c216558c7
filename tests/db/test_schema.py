"""The schema: models and migrations agree; new, old, newer and foreign databases."""

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from leaddesk.db.base import Base
from leaddesk.db.engine import database_url, make_engine
from leaddesk.db.schema import alembic_config, current_revision, head_revision, prepare
from leaddesk.db.search_index import include_object
from leaddesk.errors import DatabaseError
from leaddesk.services.desk import open_desk


def test_migrations_build_exactly_the_models(db_url: str) -> None:
    engine = make_engine(database_url(db_url))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}), Base.metadata)
    engine.dispose()
    assert differences == []


def test_the_known_head_is_the_scripts_head() -> None:
    from leaddesk.db.schema import script_head

    assert head_revision() == script_head()


def test_a_new_database_is_created_at_head(db_url: str) -> None:
    engine = make_engine(database_url(db_url))
    assert prepare(engine) == "created"
    assert prepare(engine) == "current"
    with engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert {"contacts", "identities", "inquiries", "messages", "articles", "followups",
                "activities", "tags", "import_batches"} <= set(inspect(connection).get_table_names())
    engine.dispose()


def test_an_older_sqlite_database_is_upgraded_after_a_copy_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(database_url(str(path)))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.execute(text("INSERT INTO contacts (name, company, owner, stage, notes, "
                                "likely_spam, created_at, updated_at, version) VALUES "
                                "('Lukas Becker', '', '', 'new', '', 0, '2021-04-13 10:00:00', "
                                "'2021-04-13 10:00:00', 1)"))
    engine.dispose()
    desk = open_desk(str(path))
    with desk.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
        assert connection.scalar(text("SELECT name FROM contacts")) == "Lukas Becker"
    desk.close()
    copies = list(tmp_path.glob("old.db.before-upgrade-0001-*"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM contacts").fetchone() == ("Lukas Becker",)


def test_a_database_from_a_newer_leaddesk_is_refused(db_url: str) -> None:
    open_desk(db_url).close()
    engine = make_engine(database_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseError, match="newer LeadDesk"):
        open_desk(db_url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "9999"
    engine.dispose()


def test_a_foreign_database_is_refused_and_left_alone(db_url: str) -> None:
    engine = make_engine(database_url(db_url))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    with pytest.raises(DatabaseError, match="not a LeadDesk database"):
        open_desk(db_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["invoices"]
    engine.dispose()


@pytest.mark.parametrize("content", [
    b"this is not a database" * 100,
    b"SQLite format 3\x00" + b"\xff" * 4000,  # a damaged SQLite file
    b"\x00" * 10,
])
def test_a_corrupt_file_is_refused_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as error:
        open_desk(str(path))
    assert str(path) in str(error.value)
    assert "\n" not in str(error.value)
    assert path.read_bytes() == content


@pytest.mark.parametrize(("value", "message"), [
    ("mysql://user@host/db", "unknown database scheme 'mysql'"),
    ("ftp://example.com/desk.db", "unknown database scheme 'ftp'"),
    ("postgresql+psycopg://user@:notaport/db", "cannot read database URL"),
])
def test_unknown_or_broken_urls_are_refused(value: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        database_url(value)


def test_the_url_comes_from_the_argument_then_the_environment_then_the_data_folder(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert database_url(None).database == str(data_dir / "leaddesk.db")
    monkeypatch.setenv("LEADDESK_DB", str(tmp_path / "env.db"))
    assert database_url(None).database == str(tmp_path / "env.db")
    assert database_url(str(tmp_path / "arg.db")).database == str(tmp_path / "arg.db")
    assert database_url("postgres://u@h/d").drivername == "postgresql+psycopg"


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    desk = open_desk(str(tmp_path / "desk.db"))
    with desk.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("PRAGMA busy_timeout")) == 5000
    desk.close()


def test_a_locked_database_gives_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.db"
    open_desk(str(path)).close()
    monkeypatch.setattr("leaddesk.db.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="locked"):
            open_desk(str(path))
    finally:
        holder.rollback()
        holder.close()


def test_a_plain_engine_sees_aware_utc_times(tmp_path: Path) -> None:
    desk = open_desk(str(tmp_path / "desk.db"))
    raw = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    with raw.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    raw.dispose()
    desk.close()


def test_a_migration_that_copies_a_table_keeps_the_rows_pointing_at_it(tmp_path: Path) -> None:
    from leaddesk.db.schema import migrating

    desk = open_desk(str(tmp_path / "d.db"))
    with desk.engine.begin() as connection:
        connection.execute(text("INSERT INTO contacts (id, name, company, owner, stage, notes, likely_spam, "
                                "created_at, updated_at, version) VALUES (1, 'Lukas Becker', '', '', 'new', "
                                "'', 0, '2021-04-13 10:00:00', '2021-04-13 10:00:00', 1)"))
        connection.execute(text("INSERT INTO identities (contact_id, kind, value, raw, validity, created_at) "
                                "VALUES (1, 'phone', '+4915123456789', '+49 1512', 'valid', "
                                "'2021-04-13 10:00:00')"))
    with migrating(desk.engine) as connection:  # 0014's downgrade copies the contacts table
        command.downgrade(alembic_config(connection), "0013")
        command.upgrade(alembic_config(connection), "head")
    with desk.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM identities")).scalar() == 1
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    desk.close()
