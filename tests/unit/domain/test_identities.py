"""Phone numbers, emails and WeChat IDs: one buyer however they were written."""

import pytest

from leaddesk.domain.identities import (
    clean_text,
    looks_like_phone,
    normalize_email,
    normalize_identity,
    normalize_phone,
    normalize_wechat,
    readable_phone,
    region_hints,
)
from leaddesk.domain.vocabulary import IdentityKind, Validity

V, P, X = Validity.VALID, Validity.POSSIBLE, Validity.INVALID

PHONES = [
    # raw, country on the record, default region, E.164 (or kept digits), validity, region
    ("0086 13992884879", None, None, "+8613992884879", V, "CN"),
    ("+86-139-9288-4879", None, None, "+8613992884879", V, "CN"),
    ("13992884879", "CN", None, "+8613992884879", V, "CN"),
    ("13992884879", None, "CN", "+8613992884879", V, "CN"),
    ("+86 139 9288 4879", "Germany", None, "+8613992884879", V, "CN"),
    ("+86-13992884879", None, None, "+8613992884879", V, "CN"),
    ("+8613992884879", None, None, "+8613992884879", V, "CN"),
    ("098765 43210", "India", None, "+919876543210", V, "IN"),
    ("098765 43210", "印度", None, "+919876543210", V, "IN"),
    ("(905) 666-1234", "US", None, "+19056661234", V, "CA"),
    ("+49 1512 3456789", None, None, "+4915123456789", V, "DE"),
    ("01512 3456789", "德国", None, "+4915123456789", V, "DE"),
    ("01512 3456789", "Deutschland", None, "+4915123456789", V, "DE"),
    ("+55 11 91234-5678", None, None, "+5511912345678", V, "BR"),
    ("+5511912345678", None, None, "+5511912345678", V, "BR"),
    ("+7 912 345-67-89", None, None, "+79123456789", V, "RU"),
    ("+84 91 234 56 78", None, None, "+84912345678", V, "VN"),
    ("+86-138-0013-8000", None, None, "+8613800138000", V, "CN"),
    ("138 0013 8000", "China", None, "+8613800138000", V, "CN"),
    ("186 2801 3579", "中国", None, "+8618628013579", V, "CN"),
    ("\u200e+49 1512 3456789\u202c", None, None, "+4915123456789", V, "DE"),
    ("+49\u00a01512\u00a03456789", None, None, "+4915123456789", V, "DE"),
    ("＋86 139 9288 4879", None, None, "+8613992884879", V, "CN"),
    ("+1 212-555-0199 ext. 12", None, None, "+12125550199", V, "US"),
    ("07700 900123", "UK", None, "+447700900123", P, "GB"),  # a range set aside for drama
    ("+971 50 123 4567", None, None, "+971501234567", V, "AE"),
    ("050 123 4567", "United Arab Emirates", None, "+971501234567", V, "AE"),
    ("07400 123456", "UK", None, "+447400123456", V, "GB"),
    ("+44 20 7946 0958", None, None, "+442079460958", V, "GB"),
    # a number that does not fit the record's country is marked, never moved elsewhere
    ("12345", "DE", None, "+4912345", X, "DE"),
    ("+86 12345", None, None, "+8612345", X, "CN"),
    ("tel:+86-138-0013-8000", None, None, "+8613800138000", V, "CN"),  # vCard 4.0 URI
    ("123", None, None, "123", X, None),  # the spam row of the form export
    ("not a number", None, None, "not a number", X, None),
    ("", "CN", None, "", X, None),
    ("9999999999999999999999", None, None, "9999999999999999999999", X, None),
    ("=HYPERLINK(\"http://x\")", None, None, "=HYPERLINK(\"http://x\")", X, None),
]


@pytest.mark.parametrize(("raw", "country", "default", "value", "validity", "region"), PHONES)
def test_phone_numbers_become_e164_with_the_region_hint_chain(
    raw: str, country: str | None, default: str | None, value: str, validity: Validity,
    region: str | None,
) -> None:
    phone = normalize_phone(raw, region_hints(country, default))
    assert (phone.value, phone.validity, phone.region) == (value, validity, region)
    assert phone.raw == raw
    assert phone.kind is IdentityKind.PHONE


def test_the_same_number_written_three_ways_is_one_identity() -> None:
    keys = {normalize_phone(raw, ["CN"]).key
            for raw in ("0086 13992884879", "+86-139-9288-4879", "13992884879")}
    assert keys == {(IdentityKind.PHONE, "+8613992884879")}


EMAILS = [
    ("Lukas.Becker@Example.DE", "lukas.becker@example.de", V),
    ("  <info@ericcointernational.com> ", "info@ericcointernational.com", V),
    ("mailto:Sales@Example.com", "sales@example.com", V),
    ("wang.lei@163.com", "wang.lei@163.com", V),
    ("\u200eanna@nordwind.example\u200f", "anna@nordwind.example", V),
    ("王磊@例子.中国", "王磊@例子.中国", V),
    ("no-at-sign.example.com", "no-at-sign.example.com", X),
    ("two@@example.com", "two@@example.com", X),
    ("spaces in@example.com", "spaces in@example.com", X),
    ("trailing-dot@example.", "trailing-dot@example.", X),
    ("", "", X),
]


@pytest.mark.parametrize(("raw", "value", "validity"), EMAILS)
def test_emails_are_lower_cased_and_marked(raw: str, value: str, validity: Validity) -> None:
    email = normalize_email(raw)
    assert (email.value, email.validity, email.raw) == (value, validity, raw)


WECHAT = [
    ("wangLei_88", IdentityKind.WECHAT, "wanglei_88", V),
    ("wxid_abc123", IdentityKind.WECHAT, "wxid_abc123", V),
    ("微信: chen-manager", IdentityKind.WECHAT, "chen-manager", V),
    ("WeChat ID: LenaFischer", IdentityKind.WECHAT, "lenafischer", V),
    ("a-b_c1", IdentityKind.WECHAT, "a-b_c1", V),
    ("abcde", IdentityKind.WECHAT, "abcde", X),  # too short
    ("1abcdef", IdentityKind.WECHAT, "1abcdef", X),  # must start with a letter
    ("abcdefghijklmnopqrstu", IdentityKind.WECHAT, "abcdefghijklmnopqrstu", X),  # 21 characters
    ("bad id!", IdentityKind.WECHAT, "bad id!", X),
    # a WeChat "ID" that is really a phone number counts as that phone
    ("13800138000", IdentityKind.PHONE, "+8613800138000", V),
    ("+86 186 2801 3579", IdentityKind.PHONE, "+8618628013579", V),
]


@pytest.mark.parametrize(("raw", "kind", "value", "validity"), WECHAT)
def test_wechat_ids_follow_wechats_rules(
    raw: str, kind: IdentityKind, value: str, validity: Validity
) -> None:
    identity = normalize_wechat(raw, ["CN"])
    assert (identity.kind, identity.value, identity.validity) == (kind, value, validity)


@pytest.mark.parametrize(("raw", "kind"), [
    ("lukas@example.de", IdentityKind.EMAIL),
    ("+49 1512 3456789", IdentityKind.PHONE),
    ("(905) 666-1234", IdentityKind.PHONE),
    ("wang_lei88", IdentityKind.WECHAT),
])
def test_the_kind_is_read_from_the_text(raw: str, kind: IdentityKind) -> None:
    assert normalize_identity(raw, hints=["US"]).kind is kind


@pytest.mark.parametrize(("text", "expected"), [
    ("+49 1512 3456789", True), ("(905) 666-1234", True), ("0086 13992884879", True),
    ("2021-04-13", False), ("12", False), ("hello 1234567", False),
])
def test_looks_like_phone(text: str, expected: bool) -> None:
    assert looks_like_phone(text) is expected


def test_clean_text_drops_invisible_marks() -> None:
    assert clean_text("\u200eAhmed\u202f Al\u00a0Mansouri\u202c") == "Ahmed  Al Mansouri"


@pytest.mark.parametrize(("stored", "shown"), [
    ("+4915123456789", "+49 1512 3456789"),
    ("+8613992884879", "+86 139 9288 4879"),
    ("+390612345678", "+39 06 1234 5678"),  # Italy keeps its leading zero
    ("+2250712345678", "+225 07 12 34 5678"),  # and Côte d'Ivoire its own
    ("+12025550143", "+1 202-555-0143"),
    ("+999123456", "+999123456"),  # no such country code: as it was
    ("0151 2345", "0151 2345"),  # not E.164: as it was
    ("=1+2", "=1+2"),
    ("", ""),
])
def test_readable_phone(stored: str, shown: str) -> None:
    assert readable_phone(stored) == shown


def test_readable_phone_agrees_with_the_parser_for_every_region() -> None:
    """The fast E.164 path must format exactly as phonenumbers' own parser would."""
    import phonenumbers

    checked = 0
    for region in phonenumbers.SUPPORTED_REGIONS:
        for kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            expected = phonenumbers.format_number(phonenumbers.parse(e164),
                                                  phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            assert readable_phone(e164) == expected, region
            checked += 1
    assert checked > 400
