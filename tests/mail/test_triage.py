"""What an unknown sender's mail is, from its headers: the obviously-not-inquiries are told
apart from candidates, and only the receiving server's verdict says a sender is verified."""

import pytest

from leaddesk.services.mail.triage import Kind, verdict

OWN = {"ericcointernational.com"}
BASE = b"From: Buyer <buyer@aero.example>\nTo: info@ericcointernational.com\nSubject: Quote\n"


def _mail(*headers: bytes, sender_base: bytes = BASE) -> bytes:
    return sender_base + b"".join(h + b"\n" for h in headers) + b"\nPlease quote.\n"


@pytest.mark.parametrize(("headers", "sender", "kind"), [
    ((), "buyer@aero.example", Kind.CANDIDATE),
    ((b"List-Unsubscribe: <mailto:leave@news.example>",), "news@news.example", Kind.NEWSLETTER),
    ((b"List-Id: <offers.news.example>",), "news@news.example", Kind.NEWSLETTER),
    ((b"Precedence: bulk",), "news@news.example", Kind.NEWSLETTER),
    ((b"Auto-Submitted: auto-replied",), "buyer@aero.example", Kind.AUTO_REPLY),
    ((b"Auto-Submitted: no",), "buyer@aero.example", Kind.CANDIDATE),
    ((b"X-Autoreply: yes",), "buyer@aero.example", Kind.AUTO_REPLY),
    ((b"Content-Type: multipart/report; report-type=delivery-status; boundary=x",),
     "postmaster@aero.example", Kind.BOUNCE),
    ((), "MAILER-DAEMON@mx.aero.example", Kind.BOUNCE),
    ((b"X-Spam-Flag: YES",), "buyer@aero.example", Kind.SPAM),
    ((b"X-Spam-Status: Yes, score=9.1",), "buyer@aero.example", Kind.SPAM),
    ((b"X-Spam-Status: No, score=0.1",), "buyer@aero.example", Kind.CANDIDATE),
    ((), "colleague@ericcointernational.com", Kind.INTERNAL),
])
def test_what_a_mail_is(headers: tuple[bytes, ...], sender: str, kind: Kind) -> None:
    assert verdict(_mail(*headers), sender, OWN).kind is kind


@pytest.mark.parametrize(("subject", "kind"), [
    (b"Automatic reply: Quote", Kind.AUTO_REPLY),
    (b"Out of Office: back Monday", Kind.AUTO_REPLY),
    (b"=?utf-8?b?6Ieq5Yqo5Zue5aSNOiDmiqXku7c=?=", Kind.AUTO_REPLY),  # 自动回复: 报价
    (b"Re: automatic gyroscope quote", Kind.CANDIDATE),
])
def test_an_auto_reply_by_its_subject(subject: bytes, kind: Kind) -> None:
    data = b"From: b@aero.example\nSubject: " + subject + b"\n\nhi\n"
    assert verdict(data, "b@aero.example", OWN).kind is kind


@pytest.mark.parametrize(("results", "verified"), [
    ((), None),
    ((b"Authentication-Results: mx.ericco.example; dkim=pass; dmarc=pass header.from=aero.example",),
     True),
    ((b"Authentication-Results: mx.ericco.example; spf=fail; dmarc=fail header.from=aero.example",),
     False),
    # a forger writes a passing verdict below the receiving server's: the topmost decides
    ((b"Authentication-Results: mx.ericco.example; dmarc=fail header.from=aero.example",
      b"Authentication-Results: mx.aero.example; dmarc=pass header.from=aero.example"), False),
    ((b"Authentication-Results: mx.ericco.example; spf=pass",), None),
])
def test_only_the_topmost_verdict_verifies_a_sender(results: tuple[bytes, ...],
                                                    verified: bool | None) -> None:
    data = b"".join(r + b"\n" for r in results) + BASE + b"\nhi\n"
    assert verdict(data, "buyer@aero.example", OWN).sender_verified is verified
