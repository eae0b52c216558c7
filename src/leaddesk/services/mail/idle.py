"""Waiting for new mail with IMAP IDLE (RFC 2177): the server says at once when INBOX
changes, so a buyer's mail reaches the desk within seconds instead of at the next poll.
The wait is renewed before the server's 30-minute limit and stops within a second of
Cancel. Python 3.11's imaplib has no IDLE: the command is written on its connection."""

import imaplib
import re
import select
import socket
import ssl
import threading
import time

from leaddesk.services.mail.accounts import Login
from leaddesk.services.mail.imap import MailError, connected, examine

RENEW_S = 25 * 60  # a server may drop an IDLE after 30 minutes: ask again before
_CHANGED = re.compile(rb"^\* \d+ (EXISTS|RECENT)\b", re.IGNORECASE)


class NoIdle(MailError):
    """The server does not offer IDLE: the window polls it instead."""


def wait_for_mail(login: Login, password: str, cancel: threading.Event, *,
                  renew_s: float = RENEW_S, tick_s: float = 1.0) -> bool:
    """Wait on INBOX until the server announces a new mail (True) or the wait is to be
    renewed or cancelled (False). MailError (one line) when the server cannot be reached
    or drops the connection; NoIdle when it has no IDLE."""
    where = f"{login.name}: {login.imap_host}:{login.imap_port}"
    with connected(login, password) as connection:
        if "IDLE" not in connection.capabilities:
            raise NoIdle(f"{where}: the server does not offer IDLE; it is polled instead")
        examine(connection, "INBOX", where)
        try:
            return _idle(connection, cancel, time.monotonic() + renew_s, tick_s)
        except (imaplib.IMAP4.abort, OSError) as exc:
            raise MailError(f"{where}: the connection dropped while waiting for mail ({exc})") from None


def _idle(connection: imaplib.IMAP4, cancel: threading.Event, until: float, tick_s: float) -> bool:
    """IDLE, read straight off the socket (a timeout would break imaplib's buffered file):
    after EXAMINE's answer nothing is buffered, and DONE's answer is read to its end, so
    the connection is as imaplib left it."""
    tag = connection._new_tag()  # type: ignore[attr-defined]
    connection.send(tag + b" IDLE\r\n")
    lines = _Lines(connection.socket())
    first = lines.next(cancel, time.monotonic() + 60, tick_s)
    if first is None or not first.startswith(b"+"):
        raise imaplib.IMAP4.abort(f"IDLE refused: {(first or b'no answer')[:200]!r}")
    changed = False
    while not changed and (line := lines.next(cancel, until, tick_s)) is not None:
        changed = bool(_CHANGED.match(line))
    connection.send(b"DONE\r\n")
    while not (line := lines.next(threading.Event(), time.monotonic() + 60, tick_s) or b"").startswith(tag):
        if not line:
            raise imaplib.IMAP4.abort("no answer to DONE")
        changed = changed or bool(_CHANGED.match(line))
    return changed


class _Lines:
    """The server's lines, read as they come, with a look at Cancel every tick."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock, self._buffer = sock, b""

    def next(self, cancel: threading.Event, until: float, tick_s: float) -> bytes | None:
        """The next line (without CRLF); None once cancelled or at `until`."""
        while b"\r\n" not in self._buffer:
            if cancel.is_set() or time.monotonic() >= until:
                return None
            pending = isinstance(self._sock, ssl.SSLSocket) and self._sock.pending()
            if not pending and not select.select([self._sock], [], [], tick_s)[0]:
                continue
            data = self._sock.recv(65536)
            if not data:
                raise imaplib.IMAP4.abort("socket error: EOF")
            self._buffer += data
        line, _, self._buffer = self._buffer.partition(b"\r\n")
        return line
