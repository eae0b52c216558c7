"""Names compared as people read them, and why a pair was suggested, kept and read back."""

import pytest

from leaddesk.domain.names import name_key
from leaddesk.domain.paired import Why, why_of


@pytest.mark.parametrize(("written", "key"), [
    ("Wang Lei", "wang lei"), ("wang  lei", "wang lei"), (" WANG\tLEI ", "wang lei"),
    ("Ｗａｎｇ　Ｌｅｉ", "wang lei"), ("王磊", "王磊"), ("Müller", "müller"), ("STRASSE", "strasse"),
    ("", None), ("   ", None), ("+86 139 9288 4879", None), ("12345678", None), ("-", None), (None, None),
])
def test_a_name_as_compared(written: str | None, key: str | None) -> None:
    assert name_key(written) == key


@pytest.mark.parametrize(("why", "stored"), [
    (Why("phone", "+8613992884879"), "same phone:+8613992884879"),
    (Why("email", "wl@ruixin.example"), "same email:wl@ruixin.example"),
    (Why("wechat", "wanglei_sz"), "same wechat:wanglei_sz"),
    (Why("name and company"), "same name and company"),
    (Why("name and country"), "same name and country"),
])
def test_a_reason_is_kept_and_read_back(why: Why, stored: str) -> None:
    assert why.stored() == stored
    assert why_of(stored) == why


@pytest.mark.parametrize("words", ["a draft's identities point at both", "an identity the buyer typed",
                                   "same thing somehow"])
def test_a_reason_stored_in_words_stays_words(words: str) -> None:
    assert why_of(words) == Why("", words)
