"""Fixtures shared by the suite: isolated data folders, SQLite and a real PostgreSQL."""

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from leaddesk import paths
from leaddesk.services.desk import Desk, open_desk
from tests.postgres import throwaway_server

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
DATA = Path(__file__).parent / "data"
_numbers = itertools.count()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder: nothing touches the real user's files."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One throw-away server for the whole session."""
    if os.environ.get("LEADDESK_SKIP_POSTGRES"):
        pytest.skip("LEADDESK_SKIP_POSTGRES is set")
    with throwaway_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the throw-away server."""
    name = f"leaddesk_test_{os.getpid()}_{next(_numbers)}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_server).set(database=name)
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database of each kind: a SQLite file and a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "desk.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def desk(db_url: str) -> Iterator[Desk]:
    """An open, empty desk on each kind of database."""
    opened = open_desk(db_url)
    yield opened
    opened.close()
