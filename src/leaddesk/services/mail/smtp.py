"""Talking to an account's SMTP server: implicit TLS or STARTTLS with its certificate
verified, AUTH where the server offers it, and every refusal as one line naming the
server. A send and "Test connection" go through the same login."""

import smtplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from leaddesk.services.mail.accounts import Login
from leaddesk.services.mail.imap import TIMEOUT, MailError, tls_context


@contextmanager
def smtp_connected(login: Login, password: str) -> Iterator[smtplib.SMTP]:
    """A connection to the account's SMTP server, logged in where it offers AUTH, that says
    QUIT when the block ends; MailError (one line naming the server) for what fails in
    connecting, in the login, or in what the block sends through it."""
    if not login.smtp_host or not login.smtp_port:
        raise MailError(f"{login.name}: no SMTP server; add the account again with --smtp HOST[:PORT]")
    host, port, security = login.smtp_host, login.smtp_port, login.smtp_security
    where = f"{login.name}: {host}:{port}"
    ready = False  # connected and logged in: what fails after that failed in the block
    try:
        if security == "tls":
            server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT,
                                                    context=tls_context(login))
        else:
            server = smtplib.SMTP(host, port, timeout=TIMEOUT)
        try:
            server.ehlo()
            if security == "starttls":
                server.starttls(context=tls_context(login))
                server.ehlo()
            if server.has_extn("auth"):
                server.login(login.username, password)
            ready = True
            yield server
        finally:  # QUIT, whatever it is answered: what the block did is done (a mail the
            with suppress(smtplib.SMTPException, OSError):  # server took stays taken)
                server.quit()
            server.close()
    except smtplib.SMTPRecipientsRefused as exc:
        refused = ", ".join(f"{who} ({code} {why.decode('utf-8', 'replace')})"
                            for who, (code, why) in exc.recipients.items())
        raise MailError(f"{where}: the server refused the recipient {refused}") from None
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"{where}: the server refused the login of {login.username} "
                        "(wrong user name or password?)") from None
    except ssl.SSLCertVerificationError as exc:
        raise MailError(f"{where}: the server's certificate is not trusted "
                        f"({exc.verify_message or exc.reason})") from None
    except ssl.SSLError as exc:
        raise MailError(f"{where}: TLS failed ({exc.reason or exc})") from None
    except smtplib.SMTPResponseException as exc:
        said = exc.smtp_error
        said = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
        raise MailError(f"{where}: the server said {exc.smtp_code} {said}") from None
    except (smtplib.SMTPException, OSError) as exc:
        why = f"no answer in {TIMEOUT} s" if isinstance(exc, socket.timeout | TimeoutError) else (
            getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)
        what = "the connection dropped" if ready else "cannot reach the server"
        raise MailError(f"{where}: {what} ({str(why).lower()})") from None
