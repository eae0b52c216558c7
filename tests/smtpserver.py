"""A throw-away SMTP server for the tests (aiosmtpd on 127.0.0.1): STARTTLS required, with
the IMAP server's certificate, AUTH with the mail user's password, recording every mail it
takes and refusing the recipients a test names."""

import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.mailserver import MailServer, free_port


@dataclass
class Received:
    """One mail as the server took it."""

    sender: str
    recipients: list[str]
    data: bytes


@dataclass
class SmtpServer:
    """Where it listens, what it took, and whom it refuses."""

    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    refused: set[str] = field(default_factory=set)  # recipients answered with 550

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refused:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


@contextmanager
def throwaway_smtp_server(imap: MailServer) -> Iterator[SmtpServer]:
    """An SMTP server with the same certificate and login as the IMAP server."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(imap.ca_file, imap.root / "server.key")

    def login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        good = isinstance(data, LoginPassword) and (data.login, data.password) == (
            imap.user.encode(), imap.password.encode())
        return AuthResult(success=good, handled=False)

    smtp = SmtpServer("127.0.0.1", free_port())
    controller = Controller(smtp, hostname=smtp.host, port=smtp.port, tls_context=context,
                            require_starttls=True, authenticator=login, auth_required=True,
                            auth_require_tls=True)
    controller.start()
    try:
        yield smtp
    finally:
        controller.stop()
