"""Testing an account's servers without touching its mail: log in to IMAP and look for the
Sent folder, connect and log in to SMTP and QUIT without sending; what worked and what
did not, one line ("Test connection" in Settings, `leaddesk mail test`)."""

from dataclasses import asdict, dataclass
from typing import Any

from leaddesk import passwords
from leaddesk.services.desk import Desk
from leaddesk.services.mail.accounts import AccountSpec, Login, find_accounts, login_of, password_of
from leaddesk.services.mail.imap import MailError, connected, folders
from leaddesk.services.mail.smtp import smtp_connected


@dataclass(frozen=True)
class Part:
    """How one server answered: `ok`, and what it said (what worked, or the MailError line)."""

    ok: bool
    said: str


@dataclass(frozen=True)
class Checked:
    """An account's test: its IMAP server and, where it has one, its SMTP server."""

    account: str
    imap: Part
    smtp: Part | None

    @property
    def failed(self) -> bool:
        """Whether either server failed."""
        return not self.imap.ok or (self.smtp is not None and not self.smtp.ok)

    @property
    def line(self) -> str:
        """IMAP: logged in, Sent folder found; SMTP: logged in (or what failed)."""
        return f"IMAP: {self.imap.said}" + (f"; SMTP: {self.smtp.said}" if self.smtp else "")

    def as_json(self) -> dict[str, Any]:
        """The test as `mail test --json` prints it."""
        return {**asdict(self), "failed": self.failed}


def check_login(login: Login, password: str) -> Checked:
    """Log in to both servers, each tested whatever the other answered (a wrong SMTP port
    does not hide that IMAP works)."""
    passwords.known(password)  # scrubbed from whatever this process writes
    return Checked(login.name, _imap(login, password),
                   _smtp(login, password) if login.smtp_host else None)


def check_spec(spec: AccountSpec, password: str) -> Checked:
    """Test an account as typed, before it is stored; FieldError for a value it refuses."""
    return check_login(login_of(spec), password)


def check_account(desk: Desk, name: str) -> Checked:
    """Test a stored account with the password in the keyring (NotFoundError for a name
    that is none)."""
    with desk.transaction() as session:
        login = Login.of(find_accounts(session, [name])[0])
    password = password_of(login)
    if password is None:
        missing = Part(False, "no password in the keyring; add the account again with "
                              "--password-stdin")
        return Checked(login.name, missing, missing if login.smtp_host else None)
    return check_login(login, password)


def _imap(login: Login, password: str) -> Part:
    try:
        with connected(login, password) as connection:
            found = folders(connection, login.name)
    except MailError as exc:
        return _failed(login, exc)
    if "sent" in found:
        return Part(True, f"logged in, Sent folder found ({found['sent']})")
    return Part(True, "logged in, no folder is marked as the Sent folder (\\Sent): sent mail "
                      "is not copied there")


def _smtp(login: Login, password: str) -> Part:
    try:
        with smtp_connected(login, password) as server:
            asked = server.has_extn("auth")
    except MailError as exc:
        return _failed(login, exc)
    return Part(True, "logged in" if asked else "connected (the server asks for no login)")


def _failed(login: Login, exc: MailError) -> Part:
    """The MailError's line without the account's name (the test is of one account)."""
    return Part(False, str(exc).removeprefix(f"{login.name}: "))
