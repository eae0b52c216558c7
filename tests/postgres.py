"""A throw-away PostgreSQL server for the test session, started from the machine's binaries."""

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_numbers = itertools.count()
BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def find_binary(name: str) -> str | None:
    """pg_ctl or initdb on PATH or in Debian's versioned folder."""
    found = shutil.which(name)
    if found:
        return found
    for folder in BIN_DIRS:
        if (folder / name).exists():
            return str(folder / name)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def throwaway_server() -> Iterator[str]:
    """Start a server on a Unix socket in a temporary folder; yields an admin URL.

    PostgreSQL refuses to run as root, so as root the server runs as the `postgres`
    user (or `nobody`)."""
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found")
    root = Path(tempfile.mkdtemp(prefix="leaddesk-pg-"))
    root.chmod(0o755)
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    prefix: list[str] = []
    user = pwd.getpwuid(os.getuid()).pw_name
    if os.getuid() == 0:
        user = "postgres" if _user_exists("postgres") else "nobody"
        entry = pwd.getpwnam(user)
        os.chown(sockets, entry.pw_uid, entry.pw_gid)
        os.chown(root, entry.pw_uid, entry.pw_gid)
        prefix = ["runuser", "-u", user, "--"]
    port = _free_port()
    log = root / "server.log"
    subprocess.run([*prefix, initdb, "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
                    "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True)
    options = f"-k {sockets} -p {port} -c listen_addresses='' -c fsync=off " \
              "-c synchronous_commit=off -c full_page_writes=off"
    subprocess.run([*prefix, pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://{user}@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
                       check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def database_name() -> str:
    """A database name no other test in this run uses."""
    return f"leaddesk_test_{os.getpid()}_{next(_numbers)}"


@contextmanager
def fresh_database(server: str, name: str) -> Iterator[str]:
    """A new, empty database on the server, dropped afterwards; yields its URL."""
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
