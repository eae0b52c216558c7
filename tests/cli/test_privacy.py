"""The desk's files are its owner's alone, and passwords never lie around: not in the
settings, not on a command line, not in the log."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from leaddesk.__main__ import main
from leaddesk.keyring_file import FileKeyring
from leaddesk.passwords import SERVICE, account
from leaddesk.settings import Settings

SECRET = "pw-Secret-4711"


def leaddesk_process(data: Path, *args: str, env: dict[str, str] | None = None,
                     ) -> subprocess.CompletedProcess[str]:
    """A real run of the command line, as a person starts it, under umask 022."""
    return subprocess.run([sys.executable, "-m", "leaddesk", *args], capture_output=True, text=True,
                          env={**os.environ, "LEADDESK_DATA_DIR": str(data), **(env or {})},
                          umask=0o022, timeout=240)


def modes(folder: Path) -> dict[str, int]:
    """Every folder and file under `folder` (itself included), with its permission bits."""
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.stat().st_mode)
    return found


def test_everything_in_the_data_folder_is_private_after_real_runs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert leaddesk_process(data, "demo").returncode == 0  # the default desk, in the data folder
    assert leaddesk_process(data, "search", "gyro", "--save", "gyro").returncode == 0  # settings
    backup = leaddesk_process(data, "db", "backup", str(data / "copy.db"))
    assert backup.returncode == 0, backup.stderr
    failed = leaddesk_process(data, "import", str(tmp_path / "missing.txt"))  # writes the log
    assert failed.returncode == 1
    found = modes(data)
    assert {"leaddesk.db", "settings.json", "copy.db", "leaddesk.log"} <= set(found)
    folders = {name for name in found if (data / name).is_dir()}
    assert {name: mode for name, mode in found.items() if name in folders} == \
        dict.fromkeys(folders, 0o700)
    assert {name: mode for name, mode in found.items() if name not in folders} == \
        {name: 0o600 for name in found if name not in folders}


def test_a_desk_made_by_sqlite_elsewhere_keeps_its_wal_private(tmp_path: Path) -> None:
    db = tmp_path / "elsewhere" / "desk.db"
    assert leaddesk_process(tmp_path / "data", "--db", str(db), "demo").returncode == 0
    made = modes(db.parent)
    assert made["desk.db"] == 0o600 and made["."] == 0o700  # a folder LeadDesk made


@pytest.mark.postgres
def test_pg_dump_gets_the_password_from_its_environment_not_its_arguments(
    postgres_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = subprocess.run(["sh", "-c", "command -v pg_dump"], capture_output=True, text=True)
    assert real.returncode == 0, "pg_dump is needed"
    spy = tmp_path / "bin"
    spy.mkdir()
    seen = tmp_path / "pg_dump-saw.txt"
    (spy / "pg_dump").write_text(  # what `ps` would show, and what it was given to connect
        "#!/bin/sh\n"
        f"printf 'ARGV %s\\n' \"$*\" >> '{seen}'\n"
        f"printf 'PGPASSWORD %s\\n' \"$PGPASSWORD\" >> '{seen}'\n"
        f"exec '{real.stdout.strip()}' \"$@\"\n")
    (spy / "pg_dump").chmod(0o755)
    monkeypatch.setenv("PATH", f"{spy}{os.pathsep}{os.environ['PATH']}")
    url = make_url(postgres_url).set(password=SECRET).render_as_string(hide_password=False)
    target = tmp_path / "desk.dump"
    assert main(["--db", url, "db", "backup", str(target)]) == 0
    assert target.read_bytes()[:5] == b"PGDMP"  # the backup was really made
    argv, env = seen.read_text().splitlines()
    assert argv.startswith("ARGV ") and SECRET not in argv and "--dbname" in argv
    assert env == f"PGPASSWORD {SECRET}"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.postgres
def test_remember_keeps_the_url_in_the_settings_and_the_password_in_the_keyring(
    postgres_url: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = make_url(postgres_url).set(password=SECRET)
    assert main(["--db", url.render_as_string(hide_password=False), "--remember", "contacts"]) == 0
    assert SECRET not in (data_dir / "settings.json").read_text(encoding="utf-8")
    assert make_url(Settings.load().database) == url._replace(password=None)
    assert FileKeyring().get_password(SERVICE, account(url)) == SECRET
    from leaddesk.db.engine import database_url

    assert database_url(Settings.load().database).password == SECRET  # put back on open
    capsys.readouterr()
    assert main(["contacts", "--json"]) == 0  # the remembered desk is the default now


@pytest.mark.parametrize("args", [
    ["--db", f"postgresql://amy:{SECRET}@db.example:notaport/desk", "contacts"],  # quoted back
    ["--db", f"postgresql+psycopg://amy:{SECRET}@/desk?host=/nonexistent-socket", "contacts"],
])
def test_neither_stderr_nor_the_log_shows_a_password(tmp_path: Path, args: list[str]) -> None:
    data = tmp_path / "data"
    done = leaddesk_process(data, *args)
    assert done.returncode == 1 and done.stderr.startswith("leaddesk: ")
    log = (data / "leaddesk.log").read_text(encoding="utf-8")
    assert log.strip() and SECRET not in log and SECRET not in done.stderr


def test_a_traceback_in_the_log_is_scrubbed(data_dir: Path) -> None:
    from leaddesk import passwords
    from leaddesk.failures import log_failure

    passwords.known("an-account-password")
    try:
        raise RuntimeError(f"cannot reach postgresql://amy:{SECRET}@db.example/desk "
                           "with an-account-password")
    except RuntimeError as exc:
        log = log_failure(exc, traceback=True)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "amy:***@db.example" in text
    assert SECRET not in text and "an-account-password" not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_a_password_left_in_an_older_settings_file_moves_to_the_keyring(data_dir: Path) -> None:
    import json

    data_dir.mkdir(parents=True)
    settings = data_dir / "settings.json"
    settings.write_text(json.dumps({"database": f"postgresql+psycopg://amy:{SECRET}@db.example/sales",
                                    "language": "zh_CN"}), encoding="utf-8")
    loaded = Settings.load()
    assert (loaded.database, loaded.language) == ("postgresql+psycopg://amy@db.example/sales", "zh_CN")
    assert SECRET not in settings.read_text(encoding="utf-8")
    assert FileKeyring().get_password(SERVICE, "amy@db.example/sales") == SECRET
