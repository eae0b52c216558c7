"""Mail addresses read from the parsed structure of an address header (From, To, a form's
Email field...), never from its decoded display text."""

import functools
import itertools
from email import errors
from email.headerregistry import AddressHeader
from typing import Any

from leaddesk.importers.mail_headers import UNPRINTABLE, eight_bit_text, header_text, printable, raw_bytes

MAX_ADDRESS_HEADER = 16_384  # characters: the stdlib parser is quadratic on some hostile shapes
MAX_ADDRESS = 254  # RFC 5321's longest forward path
_CACHED = 1000  # address headers up to this length are parsed once per import (they repeat)
_PARSER_FAILS = (errors.HeaderParseError, RecursionError, LookupError, ValueError, TypeError,
                 AttributeError, AssertionError)


def _tokens(tree: Any, skip: str = "") -> list[Any]:
    """A parse tree's tokens in order, depth first (without recursion), leaving out the
    insides of tokens of type `skip`."""
    found: list[Any] = []
    stack: list[Any] = [tree]
    while stack:
        token: Any = stack.pop()
        found.append(token)
        kind = token.token_type
        if isinstance(token, list) and kind not in (skip, "encoded-word"):
            stack.extend(reversed(token))
    return found


def _has_encoded_word(token: Any, skip: str = "") -> bool:
    return any(t.token_type == "encoded-word" for t in _tokens(token, skip))


def _address(mailbox: Any) -> str:
    """A parsed mailbox's address, lower-cased; "" unless the parser made it whole (a valid
    mailbox, or one broken only inside its angle brackets, `Name <a@b.example`) or when an
    encoded word stands in it (decoded text is never an address)."""
    kind = mailbox.token_type
    if kind != "mailbox" and not (kind == "invalid-mailbox" and len(mailbox) == 1
                                  and mailbox[0].token_type == "name-addr"):
        return ""
    if not mailbox.local_part or not mailbox.domain or _has_encoded_word(mailbox, "display-name"):
        return ""
    try:
        address = raw_bytes(mailbox.addr_spec).decode("utf-8")  # an internationalised address is UTF-8
    except UnicodeError:
        return ""
    if len(address) > MAX_ADDRESS or UNPRINTABLE.search(address) or any(c.isspace() for c in address):
        return ""
    return address.lower()


def _phrase_text(phrase: Any) -> str:
    """A display name as the parser decoded it, but with the whitespace between two encoded
    words dropped (RFC 2047, 6.2), which the parser keeps ("MySurvey .com")."""
    pieces: list[tuple[bool | None, str]] = []  # (encoded word, or None for whitespace; text)
    stack: list[Any] = [phrase]
    while stack:
        token = stack.pop()
        if token.token_type == "encoded-word":
            pieces.append((True, token.value))
        elif token.token_type in ("cfws", "fws", "comment"):  # a comment shows as a space
            pieces.append((None, " "))
        elif isinstance(token, list):
            stack.extend(reversed(token))
        else:
            pieces.append((False, token.value))
    words = [(i, encoded) for i, (encoded, _) in enumerate(pieces) if encoded is not None]
    between_words = {i for (a, first), (b, second) in itertools.pairwise(words)
                     if first and second for i in range(a + 1, b)}
    return "".join(text for i, (_, text) in enumerate(pieces) if i not in between_words).strip()


def _display_name(mailbox: Any, hint: str | None) -> str:
    """The mailbox's display name, else its comment (`a@b.example (Name)`, the old way):
    text to show, decoded by the parser (a comment's encoded words here)."""
    names = [t for t in _tokens(mailbox, "display-name") if t.token_type == "display-name"]
    return _shown(_phrase_text(names[0]) if names else header_text(" ".join(mailbox.comments), hint), hint)


def _shown(name: str, hint: str | None) -> str:
    """A name as text to show: 8-bit bytes in it (kept as surrogates) decoded."""
    if any("\udc80" <= ch <= "\udcff" for ch in name):
        name = eight_bit_text(raw_bytes(name), hint)
    return printable(name)


def _repaired(text: str, hint: str | None) -> list[tuple[str, str]]:
    """Shapes mail clients read and the parser does not, read the clients' way with only
    the address part parsed (a name is text, whatever it holds):
    `a@b.example <c@d.example>`, a name holding an @ written without quotes, then the
    angle-addr (the parser takes a@b and drops the rest); `Big Bug bb@bug.example`, words
    before the one bare address (the parser makes all of it the local part); and
    `a!b@c@d.example`, an old route whose last @ is the domain's (the parser gives up).
    `text` holds no encoded word: it is the mail's own."""
    text = text.strip()
    if any(c in text for c in '"(),;:\\') or "=?" in text:
        return []
    if text.count("<") == 1 and text.count(">") == 1 and text.endswith(">"):
        name, _, address = text.partition("<")
        if "@" not in name:  # without one the parser reads `Name <a@b>` itself
            return []
        address = "<" + address
    elif "<" in text or ">" in text:
        return []
    elif text.count("@") == 1 and " " in text:
        name, _, address = text.rpartition(" ")
    elif text.count("@") > 1 and not any(c.isspace() for c in text):
        local, _, domain = text.rpartition("@")
        name, address = "", f'"{local}"@{domain}'  # quoted: no further repair of it
    else:
        return []
    found = _parsed(address, hint)
    return [(_shown(name, hint), found[0][1])] if len(found) == 1 else []


def _parsed(raw: str, hint: str | None) -> tuple[tuple[str, str], ...]:
    raw = raw.replace("\r", "").replace("\n", "")  # unfolded, as the parser expects
    if len(raw) > MAX_ADDRESS_HEADER:
        return ()
    found: list[tuple[str, str]] = []
    try:
        for mailbox in AddressHeader.value_parser(raw).all_mailboxes:
            address = _address(mailbox)
            if address:
                found.append((_display_name(mailbox, hint), address))
            elif mailbox.token_type == "invalid-mailbox" and not _has_encoded_word(mailbox):
                found += _repaired(str(mailbox), hint)  # without encoded words, as written
    except _PARSER_FAILS:
        return ()
    return tuple(found)


_parsed_once = functools.lru_cache(maxsize=4096)(_parsed)


def mailboxes(raw: str, hint: str | None = None) -> list[tuple[str, str]]:
    """(display name, address) of each mailbox of an address header (From, To, a form's
    Email field...), read from its raw value with the email package's structured parser:
    encoded words stay encoded until the parser has found the addresses, and are then
    decoded as display names only. A mailbox the parser cannot make whole is left out,
    never read out of the text instead."""
    if len(raw) <= _CACHED:
        return list(_parsed_once(raw, hint))
    return list(_parsed(raw, hint))
