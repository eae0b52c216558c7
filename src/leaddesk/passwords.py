"""Passwords: in the operating system's keyring, or — only where there is none — in a
0600 file in the data folder; and scrubbing them from anything LeadDesk writes or shows."""

import re
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from leaddesk import paths

if TYPE_CHECKING:  # keyring costs 0.2 s to import, 0.4 s to find its backend: only when used
    import keyring.backend

SERVICE = "LeadDesk"
_known: set[str] = set()  # every password this process has seen: scrubbed wherever it shows
# scheme://user:PASSWORD@ in any text, e.g. an error that quotes a URL as it was typed
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)(?P<secret>[^\s@/]*)@")
_ASSIGNED = re.compile(r"(?i)(?P<head>\b(?:PGPASSWORD|password)\s*[=:]\s*)(?P<secret>[^\s&'\"]+)")
HIDDEN = "***"


def store() -> "keyring.backend.KeyringBackend":
    """The keyring in use: the system's, or the private file where the system has none."""
    import keyring
    from keyring.backends import fail, null

    from leaddesk.keyring_file import FileKeyring

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return FileKeyring()
    return backend


def store_description() -> str:
    """Which store holds the passwords, as the Settings dialog says it."""
    from leaddesk.keyring_file import FileKeyring

    backend = store()
    if isinstance(backend, FileKeyring):
        return f"a private file (no system keyring found): {paths.passwords_file()}"
    return f"the system keyring ({backend.name})"


def account(url: URL) -> str:
    """The keyring's name for a database login: user@host[:port]/database (a server on a
    Unix socket is named by its socket folder)."""
    host = url.host or str(url.query.get("host") or "localhost")
    port = url.port or url.query.get("port")
    return f"{url.username or ''}@{host}{f':{port}' if port else ''}/{url.database or ''}"


def remember(url: URL) -> URL:
    """Put the URL's password in the keyring; returns the URL without it (to be saved)."""
    if url.password is None:
        return url
    password = str(url.password)
    _known.add(password)
    store().set_password(SERVICE, account(url), password)
    return without_password(url)


def without_password(url: URL) -> URL:
    """The same URL with no password (URL.set(password=None) keeps the old one)."""
    return url._replace(password=None)


def remember_text(value: str) -> str:
    """A database setting as it may be saved: a URL's password moved to the keyring (text
    that cannot be read as a URL loses anything that looks like a password instead)."""
    if "://" not in value or not _URL_PASSWORD.search(value):
        return value
    try:
        url = make_url(value)
    except (ArgumentError, ValueError):
        return scrub(value)
    return remember(url).render_as_string(hide_password=False)


def with_password(url: URL) -> URL:
    """The URL with its password put back from the keyring, when it has none of its own."""
    if url.get_backend_name() == "sqlite" or not url.username:
        return url
    if url.password is not None:
        _known.add(str(url.password))
        return url
    from keyring.errors import KeyringError

    try:
        password = store().get_password(SERVICE, account(url))
    except KeyringError:
        return url  # a locked or broken keyring: libpq may still find ~/.pgpass
    if password is None:
        return url
    _known.add(password)
    return url.set(password=password)


def known(password: str) -> None:
    """Scrub `password` from what this process writes from now on (an account's, say)."""
    if password:
        _known.add(password)


def scrub(text: str) -> str:
    """`text` with every password it may hold replaced by ***: those in URLs, `password=`
    assignments, and any password this process has handled."""
    text = _URL_PASSWORD.sub(lambda m: m["head"] + HIDDEN + "@", text)
    text = _ASSIGNED.sub(lambda m: m["head"] + HIDDEN, text)
    for secret in sorted(_known, key=len, reverse=True):
        if len(secret) >= 3:  # a one-letter password would blank every such letter
            text = text.replace(secret, HIDDEN)
    return text
