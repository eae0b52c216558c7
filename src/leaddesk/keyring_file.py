"""A keyring backend for systems without a keyring: a 0600 JSON file in the data folder."""

import json
from typing import Any

import keyring.backend
from keyring.errors import PasswordDeleteError

from leaddesk import paths


class FileKeyring(keyring.backend.KeyringBackend):
    """A keyring for systems without one: a JSON file only its owner can read, in the data
    folder (resolved when used, so --data-dir and each test's folder are honoured). Never
    chosen over a real keyring: LeadDesk picks it only where keyring found none."""

    priority = 0.1  # type: ignore[assignment]  # above fail/null (0), below every real one

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            data: Any = json.loads(paths.passwords_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, data: dict[str, dict[str, str]]) -> None:
        with paths.atomic_private(paths.passwords_file()) as handle:
            handle.write(json.dumps(data, indent=1, ensure_ascii=False).encode("utf-8"))

    def get_password(self, service: str, username: str) -> str | None:
        """The stored password, or None."""
        return self._read().get(service, {}).get(username)

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store (or replace) a password."""
        data = self._read()
        data.setdefault(service, {})[username] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        """Forget a password."""
        data = self._read()
        if username not in data.get(service, {}):
            raise PasswordDeleteError(f"no password for {username}")
        del data[service][username]
        self._write(data)
