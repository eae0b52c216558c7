"""Which contact a draft belongs to, given who holds its identities."""

from leaddesk.domain.identities import normalize_email, normalize_phone, normalize_wechat
from leaddesk.domain.resolution import resolve
from leaddesk.domain.vocabulary import IdentityKind

PHONE = normalize_phone("+49 1512 3456789")
EMAIL = normalize_email("lukas@becker.example")
WECHAT = normalize_wechat("lukas_becker")
BAD = normalize_phone("12", ["DE"])


def test_unknown_identities_create_a_contact() -> None:
    outcome = resolve([PHONE, EMAIL], {})
    assert outcome.contact_id is None
    assert set(outcome.new_identities) == {PHONE, EMAIL}


def test_any_known_identity_finds_the_contact_and_the_rest_are_new() -> None:
    outcome = resolve([PHONE, EMAIL], {EMAIL.key: 7})
    assert (outcome.contact_id, outcome.conflicting, outcome.new_identities) == (7, (), (PHONE,))


def test_identities_of_two_contacts_are_a_duplicate_not_a_merge() -> None:
    outcome = resolve([WECHAT, EMAIL, PHONE], {EMAIL.key: 3, WECHAT.key: 9, PHONE.key: 5})
    assert outcome.contact_id == 5  # the phone decides
    assert outcome.conflicting == (3, 9)
    assert outcome.new_identities == ()


def test_invalid_identities_recognise_no_one() -> None:
    outcome = resolve([BAD], {BAD.key: 4})
    assert outcome.contact_id is None
    assert BAD.key == (IdentityKind.PHONE, BAD.value)


def test_repeated_identities_count_once() -> None:
    outcome = resolve([PHONE, normalize_phone("0049 1512 3456789")], {})
    assert outcome.new_identities == (PHONE,) or len(outcome.new_identities) == 1
