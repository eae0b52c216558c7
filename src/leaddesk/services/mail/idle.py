"""Waiting for new mail with IMAP IDLE (RFC 2177): the server says at once when INBOX
changes, so a buyer's mail reaches the desk within seconds instead of at the next poll.
One connection is kept and IDLE issued again after each answer and before the server's
30-minute limit; a mail that came while the desk was not listening (between two waits,
during a reconnection) is found by the folder's count. Cancel ends the wait within a
tick. Python 3.11's imaplib has no IDLE: the command is written on its connection."""

import imaplib
import re
import select
import socket
import ssl
import threading
import time
from collections.abc import Callable

from leaddesk.services.mail.accounts import Login
from leaddesk.services.mail.imap import MailError, connected, examine

RENEW_S = 25 * 60  # a server may drop an IDLE after 30 minutes: ask again before
ANSWER_S = 10  # seconds a server may take to answer IDLE or DONE
_EXISTS = re.compile(rb"^\* (\d+) EXISTS\b", re.IGNORECASE)
_RECENT = re.compile(rb"^\* \d+ RECENT\b", re.IGNORECASE)
_BYE = re.compile(rb"^\* BYE\b", re.IGNORECASE)


class NoIdle(MailError):
    """The server does not offer IDLE: the window polls it instead."""


class Goodbye(MailError):
    """The server ended the connection (`* BYE`, a restart): connect again at once."""


def watch_inbox(login: Login, password: str, cancel: threading.Event, announce: Callable[[], None],
                *, known: int | None = None, renew_s: float = RENEW_S, tick_s: float = 1.0,
                idling: threading.Event | None = None) -> int:
    """Wait on INBOX until Cancel, calling `announce()` for each change the server reports
    and once at the start if the folder holds more mails than `known` (the count this
    returned last time). Returns the folder's count as last seen. MailError (one line)
    when the server cannot be reached or drops the connection; NoIdle when it has no
    IDLE; Goodbye when it said BYE. `idling` is set each time the server is listening."""
    where = f"{login.name}: {login.imap_host}:{login.imap_port}"
    with connected(login, password) as connection:
        if "IDLE" not in connection.capabilities:
            raise NoIdle(f"{where}: the server does not offer IDLE; it is polled instead")
        count = examine(connection, "INBOX", where).exists
        if known is not None and count > known:
            announce()  # arrived while nobody listened
        try:
            while not cancel.is_set():
                changed, seen = _idle(connection, cancel, time.monotonic() + renew_s, tick_s, idling)
                count = seen if seen is not None else count
                if changed:
                    announce()
        except Goodbye as exc:
            raise Goodbye(f"{where}: {exc}") from None
        except (imaplib.IMAP4.abort, OSError) as exc:
            raise MailError(f"{where}: the connection dropped while waiting for mail ({exc})") from None
        return count


def _idle(connection: imaplib.IMAP4, cancel: threading.Event, until: float, tick_s: float,
          idling: threading.Event | None) -> tuple[bool, int | None]:
    """One IDLE, read straight off the socket (a timeout would break imaplib's buffered
    file): after EXAMINE's answer nothing is buffered, and DONE's answer is read to its
    end, so the connection is as imaplib left it. Whether INBOX changed, and its count."""
    tag = connection._new_tag()  # type: ignore[attr-defined]
    connection.send(tag + b" IDLE\r\n")
    lines = _Lines(connection.socket())
    changed, count = False, None
    while True:  # untagged updates may come before the server's "+ idling"
        line = lines.next(cancel, time.monotonic() + ANSWER_S, tick_s)
        if line is None:
            if not cancel.is_set():
                raise imaplib.IMAP4.abort("no answer to IDLE")
            break  # cancelled before the server listened: DONE all the same, and its answer
        if line.startswith(b"+"):
            if idling is not None:
                idling.set()
            break
        if line.startswith(tag):
            raise imaplib.IMAP4.abort(f"IDLE refused: {line[:200]!r}")
        changed, count = _noted(line, changed, count)
    while not changed and (line := lines.next(cancel, until, tick_s)) is not None:
        changed, count = _noted(line, changed, count)
    connection.send(b"DONE\r\n")
    while True:
        line = lines.next(threading.Event(), time.monotonic() + ANSWER_S, tick_s)
        if line is None:
            raise imaplib.IMAP4.abort("no answer to DONE")
        if line.startswith(tag):
            return changed, count
        changed, count = _noted(line, changed, count)


def _noted(line: bytes, changed: bool, count: int | None) -> tuple[bool, int | None]:
    """What an untagged line says of INBOX: a new count, a mail come, or the server gone."""
    if _BYE.match(line):
        raise Goodbye(f"the server said {line[:200].decode('ascii', 'replace')}")
    exists = _EXISTS.match(line)
    if exists:
        return True, int(exists[1])
    return changed or bool(_RECENT.match(line)), count


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
