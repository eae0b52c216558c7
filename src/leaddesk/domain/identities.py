"""One buyer across channels: phone numbers, emails and WeChat IDs, normalised and marked.

A normalised identity keeps the raw text it came from and says how far it can be
trusted (valid, possible, invalid). Nothing is dropped and nothing is silently
moved to another country.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat

from leaddesk.domain.countries import region_for
from leaddesk.domain.vocabulary import IdentityKind, Validity

# Marks that phone exports and chat apps put around numbers and names.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
_WECHAT_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]{5,19}")
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_PHONE_LIKE = re.compile(r"[+＋]?[\d\s()（）.\-/－]{6,}(?:\s*(?:ext|x|#)\.?\s*\d+)?", re.IGNORECASE)
MAX_IDENTITY_LENGTH = 320
MIN_PHONE_DIGITS = 6  # fewer digits than any number people give: "123" on a spam form


@dataclass(frozen=True, slots=True)
class NormalizedIdentity:
    """One way to reach a contact, as normalised from the raw text a person wrote (not
    yet stored: the stored one is `db.models.Identity`)."""

    kind: IdentityKind
    value: str
    raw: str
    validity: Validity
    region: str | None = None

    @property
    def key(self) -> tuple[IdentityKind, str]:
        """What makes two identities the same: kind and normalised value."""
        return (self.kind, self.value)


def clean_text(text: str) -> str:
    """Text without invisible direction marks, with non-breaking spaces made plain."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return text.replace("\u00a0", " ").replace("\u202f", " ").strip()


def region_hints(country: str | None, default_region: str | None) -> list[str]:
    """The region hint chain: the record's country, then the configured default region."""
    hints = [region_for(country), region_for(default_region)]
    return [hint for hint in dict.fromkeys(hints) if hint]


def _parse(text: str, region: str | None) -> PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except NumberParseException:
        return None


def _validity(number: PhoneNumber) -> Validity:
    if phonenumbers.is_valid_number(number):
        return Validity.VALID
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.IS_POSSIBLE and (number.national_number or 0) >= 10**5:
        return Validity.POSSIBLE  # dialable from abroad, though not in a known range
    return Validity.INVALID


def normalize_phone(raw: str, hints: Iterable[str | None] = ()) -> NormalizedIdentity:
    """A phone number as E.164, trying the region hints in order.

    The first hint that yields a valid number wins; when none does, the number is
    kept as the first hint read it and marked possible or invalid. A number written
    with its country code ignores the hints. Text that is no number at all keeps its
    digits as the value and is marked invalid.
    """
    text = clean_text(raw)[:MAX_IDENTITY_LENGTH].replace("＋", "+")
    text = re.sub(r"^tel:", "", text, flags=re.IGNORECASE)  # vCard 4.0 and links write tel:+86...
    if text.startswith("00") and not text.startswith("000"):
        text = "+" + text[2:]  # the international prefix most of the world dials
    regions: list[str | None] = [region for region in dict.fromkeys(hints) if region] or [None]
    first: PhoneNumber | None = None
    for region in regions:
        number = _parse(text, region)
        if number is None:
            continue
        first = first or number
        if phonenumbers.is_valid_number(number):
            first = number
            break
    if first is None:
        digits = re.sub(r"\D", "", text)
        return NormalizedIdentity(IdentityKind.PHONE, digits or text, raw, Validity.INVALID, None)
    value = phonenumbers.format_number(first, PhoneNumberFormat.E164)
    found_region: str | None = phonenumbers.region_code_for_number(
        first
    ) or phonenumbers.region_code_for_country_code(first.country_code or 0)
    if found_region == phonenumbers.UNKNOWN_REGION:
        found_region = None
    return NormalizedIdentity(IdentityKind.PHONE, value, raw, _validity(first), found_region)


@lru_cache(maxsize=65536)
def readable_phone(e164: str) -> str:
    """+4915123456789 as +49 1512 3456789: as people write it, and with its spaces no
    spreadsheet reads it as a number or a formula. Anything else comes back as it was."""
    number = _from_e164(e164)
    if number is None:
        return e164
    return str(phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL))


def _from_e164(e164: str) -> PhoneNumber | None:
    """The number a stored E.164 value stands for, without phonenumbers' general parser
    (six times slower; every phone an import stores is formatted)."""
    digits = e164[1:]
    if not (e164.startswith("+") and digits.isascii() and digits.isdigit() and len(digits) > 3):
        return None
    for size in (1, 2, 3):  # country calling codes are prefix-free
        code = int(digits[:size])
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            national = digits[size:]
            number = PhoneNumber(country_code=code, national_number=int(national))
            zeros = len(national) - len(national.lstrip("0"))
            if zeros and len(national) > 1:  # Italy's leading zero, as the parser keeps it
                number.italian_leading_zero = True
                if zeros > 1:
                    number.number_of_leading_zeros = min(zeros, len(national) - 1)
            return number
    return None


def email_text(raw: str) -> str:
    """An address as written, without `mailto:`, brackets or quotes; lower-cased, it is
    the address as stored (no validation: quick enough for every mail of an archive)."""
    text = clean_text(raw)[:MAX_IDENTITY_LENGTH]
    return re.sub(r"^mailto:", "", text, flags=re.IGNORECASE).strip("<> \t\"'")


def normalize_email(raw: str) -> NormalizedIdentity:
    """An email address, lower-cased, marked valid when it has a proper mailbox and domain."""
    text = email_text(raw)
    value = text.lower()
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return NormalizedIdentity(IdentityKind.EMAIL, value, raw, Validity.INVALID)
    return NormalizedIdentity(IdentityKind.EMAIL, value, raw, Validity.VALID)


def is_wechat_id(text: str) -> bool:
    """Whether text follows WeChat's ID rules: 6-20 characters, a letter first, then
    letters, digits, `_` or `-`."""
    return _WECHAT_ID.fullmatch(text) is not None


def could_be_phone(text: str) -> bool:
    """Whether a phone field holds enough digits to be anyone's number (the shortest
    numbers people give, with or without their country code, have six)."""
    return sum(ch.isdigit() for ch in clean_text(text)) >= MIN_PHONE_DIGITS


def looks_like_phone(text: str) -> bool:
    """Whether text reads as a phone number written in any common format."""
    cleaned = clean_text(text)
    digits = sum(ch.isdigit() for ch in cleaned)
    if _DATE_LIKE.fullmatch(cleaned):
        return False
    return _PHONE_LIKE.fullmatch(cleaned) is not None and MIN_PHONE_DIGITS <= digits <= 17


def normalize_wechat(raw: str, hints: Iterable[str | None] = ()) -> NormalizedIdentity:
    """A WeChat ID; one that is really a phone number counts as that phone.

    WeChat IDs are case-insensitive, so the value is lower-cased.
    """
    text = clean_text(raw)[:MAX_IDENTITY_LENGTH]
    text = re.sub(r"^(?:wechat|weixin|wx|微信号?)\s*(?:id)?\s*[:：]\s*", "", text, flags=re.I)
    if looks_like_phone(text):
        return normalize_phone(text, hints)
    validity = Validity.VALID if is_wechat_id(text) else Validity.INVALID
    return NormalizedIdentity(IdentityKind.WECHAT, text.lower(), raw, validity)


def normalize_identity(
    raw: str, kind: IdentityKind | None = None, hints: Iterable[str | None] = ()
) -> NormalizedIdentity:
    """Any identity, its kind taken from the text when not given."""
    hints = list(hints)
    if kind is IdentityKind.EMAIL or (kind is None and "@" in raw):
        return normalize_email(raw)
    if kind is IdentityKind.PHONE or (kind is None and looks_like_phone(raw)):
        return normalize_phone(raw, hints)
    return normalize_wechat(raw, hints)
