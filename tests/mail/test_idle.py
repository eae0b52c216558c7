"""IMAP IDLE against a real Dovecot: a mail appended while the desk waits is announced at
once, Cancel and the renewal end the wait in about a second, and a server that dies while
it waits is one line."""

import threading
import time
from collections.abc import Callable

import pytest

from leaddesk.services.mail.accounts import Login
from leaddesk.services.mail.idle import wait_for_mail
from leaddesk.services.mail.imap import MailError
from tests.mail.test_sync import mail
from tests.mailserver import MailServer


def login_of(server: MailServer) -> Login:
    return Login(1, "sales", server.user, server.user, server.host, server.port, "tls", str(server.ca_file))


def later(seconds: float, what: Callable[[], object]) -> threading.Thread:
    thread = threading.Thread(target=lambda: (time.sleep(seconds), what()))
    thread.start()
    return thread


@pytest.mark.parametrize(("event", "announced", "within_s"), [
    ("a mail arrives", True, 5.0),
    ("cancel", False, 3.0),
    ("time to renew", False, 4.0),
])
def test_the_wait_ends_when_mail_arrives_on_cancel_or_to_renew(
        mail_server: MailServer, event: str, announced: bool, within_s: float) -> None:
    cancel = threading.Event()
    action: Callable[[], object] = {"a mail arrives": lambda: mail_server.append([mail(1)]),
                                    "cancel": cancel.set, "time to renew": lambda: None}[event]
    started = time.monotonic()
    helper = later(1.0, action)
    changed = wait_for_mail(login_of(mail_server), mail_server.password, cancel,
                            renew_s=2.0 if event == "time to renew" else 60.0, tick_s=0.2)
    helper.join()
    assert changed is announced and time.monotonic() - started < within_s
    # the connection was left as imaplib knows it: the next wait works as the first
    helper = later(0.5, lambda: mail_server.append([mail(2)]))
    assert wait_for_mail(login_of(mail_server), mail_server.password, threading.Event(), tick_s=0.2)
    helper.join()


def test_a_server_that_dies_while_the_desk_waits_is_one_line(mail_server: MailServer) -> None:
    helper = later(1.0, mail_server.kill)
    with pytest.raises(MailError, match=r"^sales: 127\.0\.0\.1:\d+: the connection dropped while waiting"):
        wait_for_mail(login_of(mail_server), mail_server.password, threading.Event(), tick_s=0.2)
    helper.join()
