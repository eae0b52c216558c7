"""Identities a buyer typed: who a buyer known only by a name is, and which typed
identities become theirs and which point at another contact."""

import pytest

from leaddesk.domain.drafts import ContactDraft, InquiryDraft
from leaddesk.domain.identities import normalize_email, normalize_phone
from leaddesk.domain.offered import sort_offer, typed_buyer
from leaddesk.domain.vocabulary import Channel

TYPED = ContactDraft(phones=["+49 1512 3456789"], emails=["ada@typed.example"], wechat_ids=["ada_wx"])


@pytest.mark.parametrize(("contact", "offered", "expected"), [
    # known by a name only: what they typed is who they are, name and company kept
    (ContactDraft(name="Ada", company="Acme", country="DE", likely_spam=True), TYPED,
     ContactDraft(name="Ada", company="Acme", country="DE", phones=TYPED.phones, emails=TYPED.emails,
                  wechat_ids=TYPED.wechat_ids, likely_spam=True)),
    # the source gives an identity: the source's buyer, the typed ones offered apart
    (ContactDraft(name="Ada", phones=["+44 7700 900461"]), TYPED,
     ContactDraft(name="Ada", phones=["+44 7700 900461"])),
    (ContactDraft(name="Ada", wechat_ids=["ada_wechat"]), TYPED,
     ContactDraft(name="Ada", wechat_ids=["ada_wechat"])),
    (ContactDraft(name="Ada"), None, ContactDraft(name="Ada")),
])
def test_a_buyer_known_by_name_only_is_who_they_typed_they_are(
        contact: ContactDraft, offered: ContactDraft | None, expected: ContactDraft) -> None:
    draft = InquiryDraft(Channel.WHATSAPP, contact, offered=offered)
    assert typed_buyer(draft) == expected


PHONE, EMAIL = normalize_phone("+49 1512 3456789"), normalize_email("ada@typed.example")


@pytest.mark.parametrize(("owners", "new", "elsewhere"), [
    ({}, [PHONE, EMAIL], set()),  # no one holds them: they become the buyer's
    ({PHONE.key: 5}, [EMAIL], set()),  # the buyer holds one already
    ({PHONE.key: 9}, [EMAIL], {9}),  # another contact holds one: a likely duplicate
    ({PHONE.key: 9, EMAIL.key: 11}, [], {9, 11}),
    ({PHONE.key: 9, EMAIL.key: 9}, [], {9}),
])
def test_typed_identities_become_the_buyers_or_point_at_a_duplicate(
        owners: dict[object, int], new: list[object], elsewhere: set[int]) -> None:
    offer = sort_offer([PHONE, EMAIL], owners, contact_id=5)  # type: ignore[arg-type]
    assert (offer.new, offer.elsewhere) == (new, elsewhere)
