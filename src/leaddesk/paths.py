"""Every filesystem location LeadDesk uses, with one override for all of them."""

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "LeadDesk"
DATA_DIR_ENV = "LEADDESK_DATA_DIR"

_override: Path | None = None


def set_data_dir(path: str | Path | None) -> None:
    """Use `path` instead of the platform's user data folder (from --data-dir)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The folder of the default database and the settings: --data-dir, then
    LEADDESK_DATA_DIR, then the platform's user data folder."""
    if _override is not None:
        return _override
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return Path(user_data_dir(APP_NAME, APP_NAME))


def default_database() -> Path:
    """The SQLite file used when no --db or LEADDESK_DB is given."""
    return data_dir() / "leaddesk.db"


def settings_file() -> Path:
    """The user's settings (window state is kept apart, by Qt)."""
    return data_dir() / "settings.json"
