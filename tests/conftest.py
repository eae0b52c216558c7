"""Fixtures shared by the suite: isolated data folders, SQLite and a real PostgreSQL."""

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest

from leaddesk import paths
from leaddesk.keyring_file import FileKeyring
from leaddesk.services.desk import Desk, open_desk
from tests.postgres import database_name, fresh_database, throwaway_server

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder and keyring: nothing touches the real user's
    files or passwords. The umask is the usual 022, so a file LeadDesk leaves readable by
    others shows as such."""
    folder = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    # the keyring of this process, and of every leaddesk a test starts (keyring reads it)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "leaddesk.keyring_file.FileKeyring")
    before = keyring.get_keyring() if keyring.core._keyring_backend is not None else None
    keyring.set_keyring(FileKeyring())
    umask = os.umask(0o022)
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)
    os.umask(umask)
    if before is not None:
        keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def no_thread_outlives_its_test() -> Iterator[None]:
    """A thread a test started and left running goes on into the next tests, on a closed
    desk and a deleted folder (once, that crashed the whole suite): each test waits for
    its own, and this names the one that did not."""
    before = set(threading.enumerate())
    yield
    left = [thread for thread in threading.enumerate()
            if thread not in before and not isinstance(thread, threading._DummyThread)]
    for thread in left:
        thread.join(60)
    assert not [thread for thread in left if thread.is_alive()], f"threads left running: {left}"


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
    with fresh_database(postgres_server, database_name()) as url:
        yield url



BIG_DESK_MESSAGES = 60_000  # ~150 MB: a backup or a restore takes a moment


@pytest.fixture(scope="session")
def big_desk_original(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A big synthetic SQLite desk, made once per session (`leaddesk demo --messages`)."""
    folder = tmp_path_factory.mktemp("big-desk")
    database = folder / "big.db"
    done = subprocess.run([sys.executable, "-m", "leaddesk", "--data-dir", str(folder / "data"),
                           "--db", str(database), "demo", "--messages", str(BIG_DESK_MESSAGES)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return database


@pytest.fixture
def big_desk(big_desk_original: Path, tmp_path: Path) -> Path:
    """This test's own copy of the big desk."""
    target = tmp_path / "big.db"
    shutil.copyfile(big_desk_original, target)
    return target


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
