"""IMAP IDLE against a real Dovecot: a mail appended while the desk waits is announced at
once, one that came while nobody listened is announced on connecting, Cancel ends the
wait within a tick, a renewal keeps listening, and a server that dies is one line."""

import threading
import time
from collections.abc import Callable

import pytest

from leaddesk.services.mail.accounts import Login
from leaddesk.services.mail.idle import watch_inbox
from leaddesk.services.mail.imap import MailError
from tests.mail.test_sync import mail
from tests.mailserver import MailServer


def login_of(server: MailServer) -> Login:
    return Login(1, "sales", server.user, server.user, server.host, server.port, "tls", str(server.ca_file))


class Watch:
    """`watch_inbox` in a thread of its own, as the window runs it."""

    def __init__(self, server: MailServer, *, known: int | None = None, renew_s: float = 60.0) -> None:
        self.cancel, self.idling, self.announced = threading.Event(), threading.Event(), threading.Event()
        self.count: list[int] = []
        self.error: list[BaseException] = []

        def run() -> None:
            try:
                self.count.append(watch_inbox(login_of(server), server.password, self.cancel,
                                              self.announced.set, known=known, renew_s=renew_s,
                                              tick_s=0.1, idling=self.idling))
            except MailError as exc:
                self.error.append(exc)

        self.thread = threading.Thread(target=run)
        self.thread.start()

    def stop(self) -> float:
        """Cancel and wait; the seconds it took to end."""
        started = time.monotonic()
        self.cancel.set()
        self.thread.join(20)
        assert not self.thread.is_alive()
        return time.monotonic() - started


@pytest.mark.parametrize(("then", "announced"), [
    (lambda server: server.append([mail(1)]), True),  # a mail arrives while it listens
    (lambda server: None, False),  # nothing: Cancel ends the wait
])
def test_a_mail_is_announced_while_listening_and_cancel_ends_the_wait(
        mail_server: MailServer, then: Callable[[MailServer], object], announced: bool) -> None:
    watch = Watch(mail_server)
    assert watch.idling.wait(20)
    then(mail_server)
    assert watch.announced.wait(10 if announced else 1) is announced
    assert watch.stop() < 2 and watch.error == [] and watch.count == [1 if announced else 0]


def test_a_mail_that_came_while_nobody_listened_is_announced_on_connecting(mail_server: MailServer) -> None:
    mail_server.append([mail(1), mail(2)])
    watch = Watch(mail_server, known=1)  # the last watch saw one mail
    assert watch.announced.wait(20)
    watch.stop()
    assert watch.count == [2]


def test_the_wait_is_renewed_and_listens_on(mail_server: MailServer) -> None:
    watch = Watch(mail_server, renew_s=0.5)
    assert watch.idling.wait(20)
    time.sleep(1.5)  # renewed at least twice
    watch.idling.clear()
    assert watch.idling.wait(10)  # listening again after a renewal
    mail_server.append([mail(1)])
    assert watch.announced.wait(10)
    watch.stop()


def test_a_server_that_dies_while_the_desk_waits_is_one_line(mail_server: MailServer) -> None:
    watch = Watch(mail_server)
    assert watch.idling.wait(20)
    mail_server.kill()
    watch.thread.join(20)
    [error] = watch.error
    assert str(error).startswith(f"sales: 127.0.0.1:{mail_server.port}: the connection dropped while waiting")
