"""Talking to an IMAP server: connecting over verified TLS, finding INBOX and the Sent
folder by its special-use flag, and reading mails without marking them (BODY.PEEK[])."""

import imaplib
import re
import socket
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime

from leaddesk.errors import LeadDeskError
from leaddesk.services.mail.accounts import Login

TIMEOUT = 60  # seconds a server may stay silent before the sync gives up on it
_LIST = re.compile(rb'^\((?P<flags>[^)]*)\)\s+(?:"(?:[^"\\]|\\.)*"|NIL)\s+(?P<name>.*)$', re.IGNORECASE)
_UID = re.compile(rb"\bUID\s+(\d+)", re.IGNORECASE)
_INTERNALDATE = re.compile(rb'INTERNALDATE\s+"[^"]*"', re.IGNORECASE)
_SIZE = re.compile(rb"\bRFC822\.SIZE\s+(\d+)", re.IGNORECASE)
_NUMBER = re.compile(rb"\d+")


class MailError(LeadDeskError):
    """A mail server that cannot be reached, trusted, logged in to or read: one line."""


@dataclass(frozen=True)
class FolderState:
    """A selected folder as the server gives it."""

    name: str
    uidvalidity: int
    exists: int


@dataclass(frozen=True)
class Fetched:
    """One mail as the server holds it."""

    uid: int
    data: bytes
    received: datetime | None  # INTERNALDATE: when the server got it


def tls_context(account: Login) -> ssl.SSLContext:
    """Certificates verified and the host name checked: against the account's own CA file
    when it names one (a company's own server), else the system's."""
    return ssl.create_default_context(cafile=account.ca_file or None)


@contextmanager
def connected(account: Login, password: str) -> Iterator[imaplib.IMAP4]:
    """A logged-in connection; MailError (one line naming the server) if the server is
    down, its certificate not trusted or the login refused."""
    where = f"{account.name}: {account.imap_host}:{account.imap_port}"
    try:
        if account.security == "tls":
            connection: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                account.imap_host, account.imap_port, ssl_context=tls_context(account),
                timeout=TIMEOUT)
        else:
            connection = imaplib.IMAP4(account.imap_host, account.imap_port, timeout=TIMEOUT)
            if account.security == "starttls":
                connection.starttls(ssl_context=tls_context(account))
    except ssl.SSLCertVerificationError as exc:
        raise MailError(f"{where}: the server's certificate is not trusted "
                        f"({exc.verify_message or exc.reason})") from None
    except ssl.SSLError as exc:
        raise MailError(f"{where}: TLS failed ({exc.reason or exc})") from None
    except (imaplib.IMAP4.error, OSError) as exc:
        raise MailError(f"{where}: cannot reach the server ({_reason(exc)})") from None
    try:
        try:
            connection.login(account.username, password)
        except imaplib.IMAP4.abort as exc:
            raise MailError(f"{where}: the connection dropped ({_reason(exc)})") from None
        except imaplib.IMAP4.error:
            raise MailError(f"{where}: the server refused the login of {account.username} "
                            "(wrong user name or password?)") from None
        except OSError as exc:
            raise MailError(f"{where}: the connection dropped ({_reason(exc)})") from None
        yield connection
    finally:
        with suppress(imaplib.IMAP4.error, OSError):
            connection.logout()
        with suppress(OSError):  # a dropped connection's logout fails before it closes
            connection.shutdown()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"no answer in {TIMEOUT} s"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc).rpartition("=> ")[2] or type(exc).__name__  # imaplib: "command: X => why"


def _checked(where: str, reply: tuple[str, list[object]]) -> list[object]:
    status, data = reply
    if status != "OK":
        text = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
        raise MailError(f"{where}: the server said {status} {text}".rstrip())
    return data


def _command(where: str, call: "object") -> list[object]:
    """Run one IMAP command; a dropped connection or a refusal as one MailError line."""
    try:
        reply = call()  # type: ignore[operator]
    except imaplib.IMAP4.abort as exc:
        raise MailError(f"{where}: the connection dropped ({_reason(exc)})") from None
    except imaplib.IMAP4.error as exc:
        raise MailError(f"{where}: {_reason(exc)}") from None
    except OSError as exc:
        raise MailError(f"{where}: the connection dropped ({_reason(exc)})") from None
    return _checked(where, reply)


def folders(connection: imaplib.IMAP4, where: str) -> dict[str, str]:
    """The folders synced, by role: `inbox`, and `sent` where a folder has the \\Sent flag
    (its name is whatever the server and language call it)."""
    found = {"inbox": "INBOX"}
    for item in _command(where, lambda: connection.list()):
        literal = None  # a name the server sends as a literal: {n} then its bytes
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            item, literal = item[0], item[1]
        if not isinstance(item, bytes):
            continue
        match = _LIST.match(item.strip())
        if match and b"\\sent" in match["flags"].lower().split():
            found.setdefault("sent", _unquote(literal if literal is not None else match["name"]))
    return found


def _unquote(name: bytes) -> str:
    text = name.strip()
    if text.startswith(b'"') and text.endswith(b'"'):
        text = re.sub(rb"\\(.)", rb"\1", text[1:-1])
    return text.decode("ascii", "replace")  # modified UTF-7, as the server wants it back


def quoted(name: str) -> str:
    """A folder name as a quoted IMAP string."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def examine(connection: imaplib.IMAP4, name: str, where: str, *, writable: bool = False) -> FolderState:
    """Open a folder read-only (EXAMINE: nothing in it changes, \\Seen included), or, when
    the person asked for their mails to be marked read, for writing (SELECT)."""
    data = _command(where, lambda: connection.select(quoted(name), readonly=not writable))
    _, validity = connection.response("UIDVALIDITY")
    numbers = [int(n) for v in validity if isinstance(v, bytes) for n in _NUMBER.findall(v)]
    if not numbers:
        raise MailError(f"{where}: the server gave no UIDVALIDITY")
    exists = int(data[0]) if data and isinstance(data[0], bytes) and data[0].isdigit() else 0
    return FolderState(name, numbers[0], exists)


def mark_seen(connection: imaplib.IMAP4, uids: list[int], where: str) -> None:
    """Set \\Seen on these mails (the one change LeadDesk makes on a server, when asked)."""
    if uids:
        _command(where, lambda: connection.uid("STORE", uid_set(uids), "+FLAGS.SILENT", r"(\Seen)"))


def uids_after(connection: imaplib.IMAP4, last_uid: int, since: date | None, where: str) -> list[int]:
    """The UIDs above `last_uid` (received on or after `since`), in order."""
    criteria = ["UID", f"{last_uid + 1}:*"]
    if since is not None:
        criteria += ["SINCE", since.strftime("%d-%b-%Y")]
    data = _command(where, lambda: connection.uid("SEARCH", *criteria))
    found = {int(n) for d in data if isinstance(d, bytes) for n in d.split()}
    return sorted(uid for uid in found if uid > last_uid)  # `n:*` names the last even if lower


def uid_set(uids: list[int]) -> str:
    """Sorted UIDs as an IMAP set, runs written a:b (a command line stays short)."""
    runs: list[str] = []
    start = previous = uids[0]
    for uid in [*uids[1:], None]:
        if uid is not None and uid == previous + 1:
            previous = uid
            continue
        runs.append(str(start) if start == previous else f"{start}:{previous}")
        if uid is not None:
            start = previous = uid
    return ",".join(runs)


def sizes(connection: imaplib.IMAP4, uids: list[int], where: str) -> dict[int, int]:
    """Each mail's size in bytes (to fetch them in batches of bounded memory)."""
    found: dict[int, int] = {}
    for start in range(0, len(uids), 5000):
        part = uids[start:start + 5000]
        for item in _command(where, lambda p=part: connection.uid("FETCH", uid_set(p),  # type: ignore[misc]
                                                                    "(UID RFC822.SIZE)")):
            line = item[0] if isinstance(item, tuple) else item
            if isinstance(line, bytes):
                uid, size = _UID.search(line), _SIZE.search(line)
                if uid and size:
                    found[int(uid[1])] = int(size[1])
    return found


def fetch(connection: imaplib.IMAP4, uids: list[int], where: str) -> list[Fetched]:
    """The mails of these UIDs, whole, without setting \\Seen (BODY.PEEK[])."""
    if not uids:
        return []
    data = _command(where, lambda: connection.uid("FETCH", uid_set(uids),
                                                  "(UID INTERNALDATE BODY.PEEK[])"))
    mails = []
    for item in data:
        if not isinstance(item, tuple) or len(item) < 2:
            continue
        head, body = item[0], item[1]
        if not isinstance(head, bytes) or not isinstance(body, bytes):
            continue
        uid = _UID.search(head)
        if uid is None:
            continue
        mails.append(Fetched(int(uid[1]), body, _received(head)))
    return mails


def _received(head: bytes) -> datetime | None:
    found = _INTERNALDATE.search(head)
    if found is None:
        return None
    moment = imaplib.Internaldate2tuple(b"(" + found[0] + b")")
    if moment is None:
        return None
    return datetime.fromtimestamp(time.mktime(moment), UTC)  # the tuple is local time
