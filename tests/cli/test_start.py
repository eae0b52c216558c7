"""A command from a shell loads only what it uses: no window, no report writers, no
migrations, no PostgreSQL driver, no phone metadata for a word search."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# What the command line must not load unless a sub-command needs it, by module prefix.
HEAVY = ("PySide6", "shiboken6", "reportlab", "xlsxwriter", "openpyxl", "alembic", "psycopg",
         "psycopg2", "sqlalchemy.dialects.postgresql", "phonenumbers.data", "email_validator")


@pytest.fixture(scope="module")
def desk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic desk at the newest schema, made by the command line."""
    database = tmp_path_factory.mktemp("start") / "desk.db"
    done = subprocess.run([sys.executable, "-m", "leaddesk", "--db", str(database), "demo",
                           "--messages", "500"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return database


def _imported(desk_file: Path, data_dir: Path, *args: str) -> tuple[str, set[str]]:
    """stdout of one `leaddesk` run and the modules it imported (`-X importtime`)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "leaddesk", "--db",
                           str(desk_file), *args], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, LEADDESK_DATA_DIR=str(data_dir)))
    assert done.returncode == 0, done.stderr[-2000:]
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    return done.stdout, modules


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("args", [
    ("search", "word"),
    ("search", "price"),
    ("search", "channel:whatsapp stage:quoted price"),
    ("search", "陀螺仪"),
    ("search", "price", "--json"),
    ("followups",),
    ("--version",),
], ids=" ".join)
def test_a_command_loads_nothing_it_does_not_use(desk_file: Path, data_dir: Path,
                                                  args: tuple[str, ...]) -> None:
    _, modules = _imported(desk_file, data_dir, *args)
    assert "leaddesk" in modules
    assert _heavy(modules) == []


@pytest.mark.parametrize(("args", "needed"), [
    (("search", "+49 1512 3456789"), "phonenumbers.data"),  # a number is read with its metadata
    (("search", "country:germany price"), "pycountry"),
], ids=lambda value: " ".join(value) if isinstance(value, tuple) else value)
def test_what_a_query_needs_is_loaded_when_it_needs_it(desk_file: Path, data_dir: Path,
                                                        args: tuple[str, ...], needed: str) -> None:
    _, modules = _imported(desk_file, data_dir, *args)
    assert needed in modules
