"""Mail accounts: added, listed and removed in the desk, their passwords in the operating
system's keyring (never in the desk, the settings, the logs or a command's arguments)."""

from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from leaddesk import passwords
from leaddesk.db.models import MailAccount
from leaddesk.domain.identities import normalize_email
from leaddesk.domain.mail_providers import PROVIDERS, Provider, provider_for
from leaddesk.domain.vocabulary import Validity
from leaddesk.errors import FieldError, InvalidInputError, NotFoundError

SECURITY = ("tls", "starttls", "none")
IMAP_PORTS = {"tls": 993, "starttls": 143, "none": 143}
SMTP_PORTS = {"tls": 465, "starttls": 587, "none": 25}
PLAIN_RISK = ("the password and every mail cross the network unencrypted; use it only for a "
              "server on this machine or a trusted network")
PLAIN_WARNING = f"--security none: {PLAIN_RISK}"


@dataclass
class AccountSpec:
    """An account as `mail add` (or the Settings dialog) gives it: servers as HOST[:PORT],
    anything not given pre-filled from the provider or the security's usual port."""

    name: str
    email: str
    imap: str | None = None
    smtp: str | None = None
    user: str | None = None
    security: str = "tls"
    ca_file: str | None = None
    provider: str | None = None


@dataclass
class AccountView:
    """One account as `mail list` shows it."""

    name: str
    email: str
    user: str
    imap: str
    smtp: str | None
    security: str
    smtp_security: str
    ca_file: str | None
    password_stored: bool
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Login:
    """What a sync or a send needs of an account, read once and kept apart from any session."""

    id: int
    name: str
    email: str
    username: str
    imap_host: str
    imap_port: int
    security: str
    ca_file: str | None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_security: str = "tls"

    @classmethod
    def of(cls, account: MailAccount) -> "Login":
        """The account's login details."""
        return cls(account.id, account.name, account.email, account.username, account.imap_host,
                   account.imap_port, account.security, account.ca_file, account.smtp_host,
                   account.smtp_port, account.smtp_security)


def server(text: str, option: str, default_port: int) -> tuple[str, int]:
    """HOST[:PORT] (an IPv6 address in brackets) as host and port; FieldError naming the
    option (imap, smtp) for anything else."""
    value = text.strip()
    host, port = value, default_port
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        if rest.startswith(":"):
            port = _port(rest[1:], option, value)
    elif value.count(":") == 1:
        host, _, number = value.partition(":")
        port = _port(number, option, value)
    if not host or any(c.isspace() or c in "/@" for c in host):
        raise FieldError(option, f"{text!r}: write HOST or HOST:PORT, e.g. imap.example.com:993")
    return host.lower(), port


def _port(number: str, option: str, value: str) -> int:
    if not number.isdigit() or not 0 < int(number) < 65536:
        raise FieldError(option, f"{value!r}: the port is a number from 1 to 65535")
    return int(number)


def keyring_name(account: MailAccount | Login) -> str:
    """The keyring's name for an account's login: imap:user@host:port."""
    return f"imap:{account.username}@{account.imap_host}:{account.imap_port}"


def add_account(session: Session, spec: AccountSpec, password: str | None) -> AccountView:
    """Store a new account (its password in the keyring); InvalidInputError for a name in
    use, and FieldError for what `account_of` refuses."""
    account = account_of(spec)
    name = account.name
    if session.scalar(select(MailAccount.id).where(MailAccount.name == name)) is not None:
        raise InvalidInputError(f"a mail account named {name!r} exists already")
    session.add(account)
    session.flush()
    if password:  # in the caller's transaction: a keyring that fails stores no account
        passwords.known(password)
        passwords.store().set_password(passwords.SERVICE, keyring_name(account), password)
    view = _view(account, bool(password))
    view.warnings = warnings_of(spec)
    return view


def account_of(spec: AccountSpec) -> MailAccount:
    """The account a spec makes, not stored (whether its name is taken is not known here):
    servers as given, else the provider's; FieldError naming the field for a name too long
    or none, an unknown security, a bad address or server, a missing CA file, or no server
    where none is known."""
    if not spec.name.strip() or len(spec.name.strip()) > 80:
        raise FieldError("name", "1 to 80 characters, e.g. sales",
                         "an account's name is 1 to 80 characters, e.g. sales")
    if spec.security not in SECURITY:
        raise FieldError("security", f"{spec.security!r}: one of {', '.join(SECURITY)}")
    address = normalize_email(spec.email)
    if address.validity is not Validity.VALID:
        raise FieldError("email", f"{spec.email!r}: not an email address")
    if spec.provider and spec.provider.strip().lower() not in PROVIDERS:
        raise FieldError("provider", f"{spec.provider!r}: one of {', '.join(PROVIDERS)}")
    known = provider_for(address.value, spec.provider)
    if spec.imap is None and known is None:
        raise FieldError("imap", f"none given, and no provider is known for {address.value}",
                         f"no known mail provider for {address.value}: give --imap HOST[:PORT]")
    if spec.ca_file is not None and not Path(spec.ca_file).is_file():
        raise FieldError("ca_file", f"{spec.ca_file}: no such file")
    plain = spec.security == "none"
    if spec.imap is not None:
        imap_host, imap_port = server(spec.imap, "imap", IMAP_PORTS[spec.security])
    else:
        assert known is not None
        imap_host, imap_port = known.imap
    smtp_host, smtp_port, smtp_security = _smtp(spec, known, plain)
    return MailAccount(
        name=spec.name.strip(), email=address.value, username=(spec.user or address.value).strip(),
        imap_host=imap_host, imap_port=imap_port, smtp_host=smtp_host, smtp_port=smtp_port,
        security=spec.security, smtp_security=smtp_security,
        ca_file=str(Path(spec.ca_file).resolve()) if spec.ca_file else None)


def login_of(spec: AccountSpec) -> Login:
    """The login an account would have, before it is stored (to test it first): no id yet."""
    return replace(Login.of(account_of(spec)), id=0)


def warnings_of(spec: AccountSpec) -> list[str]:
    """What a person adding this account should know: that plain is unencrypted, and
    what the provider needs (an app password, IMAP switched on)."""
    found = [PLAIN_WARNING] if spec.security == "none" else []
    known = provider_for(normalize_email(spec.email).value, spec.provider)
    if known is not None and known.note:
        found.append(known.note)
    return found


def _smtp(spec: AccountSpec, known: Provider | None, plain: bool) -> tuple[str | None, int | None, str]:
    if spec.smtp is not None:
        default = SMTP_PORTS["none" if plain else "tls"]
        host, port = server(spec.smtp, "smtp", default)
        security = "none" if plain else ("tls" if port == 465 else "starttls")
        return host, port, security
    if known is not None and spec.imap is None:
        return known.smtp[0], known.smtp[1], "none" if plain else known.smtp_security
    return None, None, "none" if plain else "tls"


def _view(account: MailAccount, stored: bool) -> AccountView:
    return AccountView(
        account.name, account.email, account.username, f"{account.imap_host}:{account.imap_port}",
        f"{account.smtp_host}:{account.smtp_port}" if account.smtp_host else None,
        account.security, account.smtp_security, account.ca_file, stored)


def password_of(account: MailAccount | Login) -> str | None:
    """The account's password from the keyring (None when none is stored)."""
    password = passwords.store().get_password(passwords.SERVICE, keyring_name(account))
    if password:
        passwords.known(password)  # scrubbed from whatever this process writes
    return password


def list_accounts(session: Session) -> list[AccountView]:
    """Every account, by name, with whether the keyring holds its password."""
    accounts = session.scalars(select(MailAccount).order_by(MailAccount.name))
    return [_view(account, password_of(account) is not None) for account in accounts]


def find_accounts(session: Session, names: list[str]) -> list[MailAccount]:
    """The named accounts (every account when none is named); NotFoundError for a name
    that is none."""
    if not names:
        return list(session.scalars(select(MailAccount).order_by(MailAccount.name)))
    found = {a.name: a for a in session.scalars(select(MailAccount).where(MailAccount.name.in_(names)))}
    missing = [name for name in names if name not in found]
    if missing:
        raise NotFoundError(f"no mail account named {missing[0]!r} (see `leaddesk mail list`)")
    return [found[name] for name in dict.fromkeys(names)]


def remove_account(session: Session, name: str) -> None:
    """Forget an account, how far it was synced, and its password (unless another account
    logs in the same way). The mails it brought stay in the desk."""
    account = find_accounts(session, [name])[0]
    login = keyring_name(account)
    session.execute(delete(MailAccount).where(MailAccount.id == account.id))
    others = [a for a in session.scalars(select(MailAccount)) if keyring_name(a) == login]
    if not others:
        from keyring.errors import PasswordDeleteError

        with suppress(PasswordDeleteError):  # none was stored
            passwords.store().delete_password(passwords.SERVICE, login)
