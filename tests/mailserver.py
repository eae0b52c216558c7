"""A throw-away Dovecot IMAP server for the tests: run as the test user from a config in a
temporary folder, one mail user with a password, implicit TLS on a free local port with a
self-signed certificate the test trusts, a Sent folder marked by its special-use flag."""

import imaplib
import os
import pwd
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER, PASSWORD = "sales@example.com", "s3cret-Imap"
SENT = "Sent Messages"  # not named "Sent": the client must find it by its \Sent flag

_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 0
first_valid_gid = 0
ssl = required
ssl_cert = <{root}/server.crt
ssl_key = <{root}/server.key
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox "{sent}" {{
    special_use = \\Sent
    auto = create
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = create
  }}
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {starttls_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""


def free_port() -> int:
    """A TCP port nothing listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def self_signed(folder: Path, name: str, host: str = "127.0.0.1") -> tuple[Path, Path]:
    """A self-signed certificate for `host` and its key, written to folder/name.crt|.key."""
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    # an EC key: made at once, where an RSA key's primes take seconds on a busy machine
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", f"/CN={host}", "-addext", f"subjectAltName=IP:{host}",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


@dataclass
class MailServer:
    """A running Dovecot: where it listens, who may log in, what certificate it shows."""

    root: Path
    port: int
    ca_file: Path  # the certificate a client must trust to reach it
    starttls_port: int = 0  # plain IMAP where a login needs STARTTLS first (ssl = required)
    user: str = USER
    password: str = PASSWORD
    host: str = "127.0.0.1"
    sent: str = SENT
    _process: "subprocess.Popen[bytes] | None" = field(default=None, repr=False)

    @property
    def maildir(self) -> Path:
        """The user's maildir (INBOX at its top, other folders as .Name)."""
        return self.root / "mail" / self.user

    @contextmanager
    def client(self) -> Iterator[imaplib.IMAP4_SSL]:
        """A logged-in IMAP connection that trusts the server's certificate."""
        context = ssl.create_default_context(cafile=str(self.ca_file))
        connection = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=context, timeout=30)
        try:
            connection.login(self.user, self.password)
            yield connection
        finally:
            with suppress(imaplib.IMAP4.error, OSError):
                connection.logout()

    def append(self, mails: Iterable[bytes], folder: str = "INBOX") -> int:
        """APPEND each mail to the folder; returns how many went in."""
        count = 0
        with self.client() as connection:
            for data in mails:
                status, _ = connection.append(_quoted(folder), None, None, _crlf(data))
                assert status == "OK"
                count += 1
        return count

    def recreate(self, folder: str = "INBOX") -> int:
        """Give the folder a new UIDVALIDITY, keeping its mails: they are fetched, the folder
        emptied and its index removed, and they are appended again (for INBOX, which cannot
        be deleted, the index files go, so Dovecot makes a new UIDVALIDITY). Returns the new
        UIDVALIDITY."""
        with self.client() as connection:
            connection.select(_quoted(folder))
            _, found = connection.uid("SEARCH", "ALL")
            mails = []
            for uid in found[0].split():
                _, data = connection.uid("FETCH", uid, "(BODY.PEEK[])")
                mails.append(bytes(data[0][1]))  # type: ignore[index]
        self.stop()
        place = self.maildir if folder == "INBOX" else self.maildir / f".{folder}"
        for part in ("cur", "new"):
            for item in (place / part).iterdir():
                item.unlink()
        for item in place.glob("dovecot*"):
            item.unlink()
        time.sleep(1.1)  # UIDVALIDITY is the creation time in seconds: a new second
        self.start()
        self.append(mails, folder)
        return self.uidvalidity(folder)

    def uidvalidity(self, folder: str = "INBOX") -> int:
        """The folder's UIDVALIDITY as the server says it."""
        with self.client() as connection:
            _, data = connection.status(_quoted(folder), "(UIDVALIDITY)")
        text = bytes(data[0]).decode()  # type: ignore[arg-type]
        return int(text.rsplit("UIDVALIDITY", 1)[1].strip(" )"))

    def flags(self, folder: str = "INBOX") -> list[bytes]:
        """Every mail's flags, to show nothing was marked."""
        with self.client() as connection:
            connection.select(_quoted(folder), readonly=True)
            _, data = connection.fetch("1:*", "(FLAGS)")
        return [bytes(item) for item in data if isinstance(item, bytes)]

    def start(self) -> None:
        """Start Dovecot (again) on the same port; waits until it accepts connections. It
        runs in the foreground as this process's child, so stopping it is a signal and a
        wait (the daemon `dovecot stop` talks to takes seconds to go)."""
        self._process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(self.root / "dovecot.conf")], stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and self._process.poll() is None:
            try:
                with socket.create_connection((self.host, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError(f"dovecot did not start: {(self.root / 'dovecot.log').read_text()}")

    def kill(self) -> None:
        """Kill Dovecot at once, as a crash or a pulled cable would: every connection drops."""
        if self._process is not None:
            os.killpg(self._process.pid, signal.SIGKILL)  # its own group: it and its children
            self._process.wait()
            self._process = None

    def stop(self) -> None:
        """Stop Dovecot and every process it runs; the port is closed when this returns."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _crlf(data: bytes) -> bytes:
    """A mail with CRLF line ends, as IMAP carries it."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


@contextmanager
def throwaway_mail_server() -> Iterator[MailServer]:
    """Dovecot from a config in a temporary folder, run as the user running the tests (as
    root, its logins, internal processes and mail as unprivileged users, so the folder is
    one they can enter, not pytest's private tmp_path)."""
    if not Path(DOVECOT).exists():
        raise RuntimeError("dovecot not found: install the Debian package dovecot-imapd")
    root = Path(tempfile.mkdtemp(prefix="leaddesk-imap-"))
    root.chmod(0o755)
    for folder in ("run", "state", "mail", "home"):
        (root / folder).mkdir()
    entry = pwd.getpwuid(os.getuid())
    internal, login = entry.pw_name, entry.pw_name
    if os.getuid() == 0:  # Dovecot refuses root for logins and for mail: unprivileged users
        internal, login, entry = "dovecot", "dovenull", pwd.getpwnam("nobody")
        for folder in ("mail", "home"):
            os.chown(root / folder, entry.pw_uid, entry.pw_gid)
    self_signed(root, "server")
    port, starttls_port = free_port(), free_port()
    (root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n", encoding="utf-8")
    (root / "dovecot.conf").write_text(_CONFIG.format(
        root=root, internal=internal, login=login, uid=entry.pw_uid, gid=entry.pw_gid,
        port=port, starttls_port=starttls_port, sent=SENT), encoding="utf-8")
    server = MailServer(root, port, root / "server.crt", starttls_port)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
