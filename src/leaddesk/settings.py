"""Every user setting, declared once: key, default, type and label. Window state is Qt's."""

import json
from dataclasses import dataclass, field, fields
from getpass import getuser
from pathlib import Path
from typing import Any

from leaddesk.passwords import remember_text
from leaddesk.paths import atomic_private, settings_file


def _user() -> str:
    try:
        return getuser()
    except (KeyError, OSError):
        return "staff"


def QT_TRANSLATE_NOOP(context: str, text: str) -> dict[str, str]:
    """A field's label, marked for Qt's translation tools without importing Qt here:
    `lupdate` reads the call, the settings dialog translates the text in `context`."""
    return {"label": text, "context": context}


@dataclass
class Settings:
    """The user's settings. Each field's metadata carries the label shown in the window."""

    default_region: str = field(default="", metadata=QT_TRANSLATE_NOOP("Settings", "Default country"))
    own_names: list[str] = field(
        default_factory=list,
        metadata=QT_TRANSLATE_NOOP("Settings", "Our names (messages by them are ours)"))
    own_phones: list[str] = field(default_factory=list,
                                  metadata=QT_TRANSLATE_NOOP("Settings", "Our numbers"))
    own_emails: list[str] = field(default_factory=list,
                                  metadata=QT_TRANSLATE_NOOP("Settings", "Our addresses"))
    form_senders: list[str] = field(
        default_factory=list,
        metadata=QT_TRANSLATE_NOOP("Settings", "The site form's sender addresses"))
    conversation_gap_days: int = field(
        default=30, metadata=QT_TRANSLATE_NOOP("Settings", "Start a new inquiry after this many quiet days"))
    user_name: str = field(default_factory=_user, metadata=QT_TRANSLATE_NOOP("Settings", "Your name"))
    mail_sync_minutes: int = field(default=5, metadata=QT_TRANSLATE_NOOP(
        "Settings", "Sync the mailboxes every (minutes; 0: only when asked)"))
    mail_first_days: int = field(default=90, metadata=QT_TRANSLATE_NOOP(
        "Settings", "A mailbox's first sync reads the last (days; 0: all its mail)"))
    mail_mark_read: bool = field(default=False, metadata=QT_TRANSLATE_NOOP(
        "Settings", "Mark synced mail as read on the server"))
    signature: str = field(default="", metadata=QT_TRANSLATE_NOOP("Settings", "Signature under your mails"))
    # whether the person has said their name (asked at the first start; until then
    # `user_name` is only the computer's login name, "root" on many a sales laptop)
    name_given: bool = field(default=False, metadata=QT_TRANSLATE_NOOP("Settings", "Name given"))
    database: str = field(
        default="", metadata=QT_TRANSLATE_NOOP("Settings", "Database (file or PostgreSQL URL)"))
    language: str = field(default="en", metadata=QT_TRANSLATE_NOOP("Settings", "Language"))
    column_maps: dict[str, dict[str, str]] = field(
        default_factory=dict,
        metadata=QT_TRANSLATE_NOOP("Settings", "CSV column mappings, per set of headers"))
    saved_searches: dict[str, str] = field(
        default_factory=dict, metadata=QT_TRANSLATE_NOOP("Settings", "Saved searches (name: query)"))
    backup_folder: str = field(
        default="", metadata=QT_TRANSLATE_NOOP("Settings", "Backups folder (empty: in the data folder)"))
    backup_cap_mb: int = field(
        default=0, metadata=QT_TRANSLATE_NOOP("Settings", "Backups may take up (MB; 0: 3 × the desk)"))
    attachments_cap_mb: int = field(
        default=2048, metadata=QT_TRANSLATE_NOOP("Settings", "Attachments may take up (MB)"))

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        """Settings from the user's file; unknown keys and wrong types fall back to defaults."""
        path = path or settings_file()
        try:
            stored: Any = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        settings = cls()
        if not isinstance(stored, dict):
            return settings
        for item in fields(cls):
            value = stored.get(item.name)
            if value is not None and isinstance(value, type(getattr(settings, item.name))):
                setattr(settings, item.name, value)
        if not isinstance(stored.get("name_given"), bool):  # from before the question
            settings.name_given = settings.user_name != _user()
        if remember_text(settings.database) != settings.database:  # from before the keyring
            settings.save(path)
        return settings

    def save(self, path: Path | None = None) -> None:
        """Write the settings, atomically, readable by their owner only."""
        path = path or settings_file()
        self.database = remember_text(self.database)  # a password goes to the keyring, never here
        data = {item.name: getattr(self, item.name) for item in fields(self)}
        with atomic_private(path) as handle:
            handle.write(json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
