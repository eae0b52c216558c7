"""The throw-away Dovecot itself: TLS only with its own certificate trusted, a password
that must be right, a Sent folder known by its flag, mails kept as appended."""

import imaplib
import ssl

import pytest

from tests.mail.conftest import mail_files
from tests.mailserver import MailServer


def test_it_holds_every_appended_mail(mail_server: MailServer) -> None:
    files = mail_files()
    assert len(files) > 50  # the samples and the corpus are there
    assert mail_server.append(path.read_bytes() for path in files) == len(files)
    with mail_server.client() as connection:
        _, count = connection.select("INBOX", readonly=True)
        _, listed = connection.list()
    assert int(count[0] or 0) == len(files)
    lines = [line for line in listed if isinstance(line, bytes)]
    assert any(b"\\Sent" in line and mail_server.sent.encode() in line for line in lines)


@pytest.mark.parametrize("trusted", [False, True])
def test_tls_is_verified_against_the_test_certificate(mail_server: MailServer,
                                                      trusted: bool) -> None:
    context = ssl.create_default_context(cafile=str(mail_server.ca_file) if trusted else None)
    if not trusted:
        with pytest.raises(ssl.SSLCertVerificationError):
            imaplib.IMAP4_SSL(mail_server.host, mail_server.port, ssl_context=context, timeout=10)
        return
    connection = imaplib.IMAP4_SSL(mail_server.host, mail_server.port, ssl_context=context,
                                   timeout=10)
    with pytest.raises(imaplib.IMAP4.error):
        connection.login(mail_server.user, "wrong")
    connection.shutdown()


def test_recreating_a_folder_changes_its_uidvalidity(mail_server: MailServer) -> None:
    mail_server.append([path.read_bytes() for path in mail_files()[:3]])
    before = mail_server.uidvalidity()
    assert mail_server.recreate() != before
    with mail_server.client() as connection:
        _, count = connection.select("INBOX", readonly=True)
    assert int(count[0] or 0) == 3
