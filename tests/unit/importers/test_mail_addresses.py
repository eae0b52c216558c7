"""Mail addresses: from the parsed structure of the header only, never from its display text."""

import pytest

from leaddesk.importers.mail import parse_mail
from leaddesk.importers.mail_addresses import MAX_ADDRESS_HEADER

LUKAS = "l.becker@aero-systems.example.de"
DATE = b"Date: Mon, 3 May 2021 14:05:09 +0800\n"


def _mail(*headers: bytes, body: bytes = b"hello\n") -> bytes:
    return b"\n".join(headers) + b"\n" + DATE + b"Content-Type: text/plain\n\n" + body


# (raw From value, the (display name, address) the mail is filed under)
FORGED_FROM = {
    "encoded comma before the address": (
        b"=?utf-8?q?Attacker=2C_l.becker@aero-systems.example.de?= <attacker@evil.example>",
        ("Attacker, l.becker@aero-systems.example.de", "attacker@evil.example")),
    "encoded CR/LF and a Bcc line": (
        b"=?utf-8?q?Attacker=0D=0ABcc:_victim@x.com?= <attacker@evil.example>",
        ("AttackerBcc: victim@x.com", "attacker@evil.example")),
    "quoted address as the name": (
        b'"l.becker@aero-systems.example.de" <attacker@evil.example>',
        (LUKAS, "attacker@evil.example")),
    "unquoted address as the name": (
        b"l.becker@aero-systems.example.de <attacker@evil.example>", (LUKAS, "attacker@evil.example")),
    "encoded angle-addr as the only word": (
        b"=?utf-8?q?Lukas_=3Cl.becker=40aero-systems.example.de=3E?=", ("", "")),
    "encoded word as the local part": (b"=?utf-8?q?l.becker?=@aero-systems.example.de", ("", "")),
    "base64 encoded address as the name": (
        b"=?utf-8?b?bC5iZWNrZXJAYWVyby1zeXN0ZW1zLmV4YW1wbGUuZGU=?= <attacker@evil.example>",
        (LUKAS, "attacker@evil.example")),
    "8-bit bytes in the name": (
        b"l.becker@aero-systems.example.de \xc4\xe3\xba\xc3 <attacker@evil.example>",  # GBK
        ("l.becker@aero-systems.example.de 你好", "attacker@evil.example")),
    "two angle-addrs": (b'"Lukas" <l.becker@aero-systems.example.de> <attacker@evil.example>', ("", "")),
    "unbalanced quote": (b'"Lukas <l.becker@aero-systems.example.de>', ("", "")),
    "unbalanced angle bracket": (b"Lukas <attacker@evil.example", ("Lukas", "attacker@evil.example")),
    "a comment closing early": (b"alice@example.org)<attacker@evil.example>", ("", "")),
    "a group": (b"friends: =?utf-8?q?l.becker@aero-systems.example.de?= <attacker@evil.example>;",
                (LUKAS, "attacker@evil.example")),
    "an empty group": (b"undisclosed-recipients:;", ("", "")),
    "an empty address": (b"<>", ("", "")),
    "comments nested past the parser's recursion": (b"(" * 3000 + b")" * 3000 + b" <a@evil.example>",
                                                    ("", "")),
    "a header longer than the parser is given": (b'"' + b"x" * MAX_ADDRESS_HEADER + b'" <a@evil.example>',
                                                 ("", "")),
    "an old route": (b"develop!nextmime@ebony@sblab.att.example",
                     ("", '"develop!nextmime@ebony"@sblab.att.example')),
    "the old comment form": (b"izzy@scr.atm.example (Dr. Mark K. Joseph)",
                             ("Dr. Mark K. Joseph", "izzy@scr.atm.example")),
    "words before a bare address": (b"Big Bug bb@bug.example", ("Big Bug", "bb@bug.example")),
}


@pytest.mark.parametrize("case", FORGED_FROM)
def test_the_sender_is_the_parsed_address_never_the_display_text(case: str) -> None:
    raw, sender = FORGED_FROM[case]
    mail = parse_mail(_mail(b"From: " + raw, b"To: info@ericcointernational.com", b"Subject: hi"))
    assert mail.sender == sender
    assert not any(ch in mail.sender[0] for ch in "\r\n\t\x00")


@pytest.mark.parametrize("case", ["encoded comma before the address", "encoded CR/LF and a Bcc line",
                                  "unquoted address as the name", "8-bit bytes in the name"])
def test_sender_and_reply_to_are_parsed_the_same_way(case: str) -> None:
    raw, (_, address) = FORGED_FROM[case]
    robot = parse_mail(_mail(b"From: Website <noreply@ericcointernational.com>", b"Reply-To: " + raw))
    assert robot.reply_to is not None and robot.reply_to[1] == address
    unsigned = parse_mail(_mail(b"From: <>", b"Sender: " + raw))
    assert unsigned.sender[1] == address


def test_recipients_are_only_the_parsed_addresses() -> None:
    mail = parse_mail(_mail(b"From: li@ericco.example",
                            b"To: =?utf-8?q?Bob=0D=0ABcc:_victim@x.com?= <bob@buyer.example>,",
                            b"\tl.becker@aero-systems.example.de <carol@buyer.example>",
                            b"Cc: =?utf-8?q?=3Cvictim2=40x.com=3E?="))
    assert [address for _, address in mail.recipients] == ["bob@buyer.example", "carol@buyer.example"]
