"""Identities and links that a buyer types into a message ("my number is ...")."""

import re

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.identities import normalize_phone
from leaddesk.domain.vocabulary import Validity

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-().\u00a0]{6,18}\d(?!\w)")
_WECHAT = re.compile(r"(?:微信号?|wechat(?:\s*id)?|weixin|vx|wx)\s*[:：是为]?\s*([A-Za-z][\w-]{5,19})",
                     re.IGNORECASE)
_WECHAT_WORDS = ("微信", "wechat", "weixin", "vx", "wx")  # what the pattern above needs to see
_URL = re.compile(r"https?://[^\s<>\"'）)》，。]+", re.IGNORECASE)


def find_identities(text: str, hints: list[str]) -> ContactDraft:
    """Valid phone numbers, emails and WeChat IDs written in free text."""
    found = ContactDraft()
    for line in text.splitlines():
        if "@" in line:  # the address pattern is costly to try at every word of a long chat
            found.emails += [match.group(0).rstrip(".") for match in _EMAIL.finditer(line)]
    lowered = text.lower()
    if any(word in lowered for word in _WECHAT_WORDS):  # most chats never name WeChat
        found.wechat_ids += [match.group(1) for match in _WECHAT.finditer(text)]
    for match in _PHONE.finditer(text):
        raw = match.group(0)
        phone = normalize_phone(raw, hints)
        if sum(ch.isdigit() for ch in raw) >= 8 and phone.validity is Validity.VALID:
            found.phones.append(phone.value)  # read with the hints it was found with
    return found


def find_urls(text: str) -> list[str]:
    """Web addresses in free text, without trailing punctuation."""
    return [match.group(0).rstrip(".,;:!?") for match in _URL.finditer(text)]
