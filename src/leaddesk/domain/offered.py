"""Identities a buyer typed into a chat ("my number is ...", an address): who a buyer
known only by a name is, and which typed identities become theirs and which point at
another contact, a likely duplicate for a person to decide on."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leaddesk.domain.drafts import ContactDraft, InquiryDraft
from leaddesk.domain.identities import NormalizedIdentity
from leaddesk.domain.vocabulary import IdentityKind


def typed_buyer(draft: InquiryDraft) -> ContactDraft:
    """The buyer a draft is with: a buyer the source names but gives no identity for is
    who they typed they are; otherwise the source's buyer."""
    contact = draft.contact
    if draft.offered and not (contact.phones or contact.emails or contact.wechat_ids):
        return ContactDraft(name=contact.name, company=contact.company,
                            country=contact.country, phones=draft.offered.phones,
                            emails=draft.offered.emails, wechat_ids=draft.offered.wechat_ids,
                            likely_spam=contact.likely_spam)
    return contact


@dataclass(frozen=True)
class Offer:
    """What comes of the identities a buyer typed."""

    new: list[NormalizedIdentity]  # held by no contact: they become the buyer's
    elsewhere: set[int]  # other contacts holding some of them: likely duplicates


def sort_offer(found: Sequence[NormalizedIdentity], owners: Mapping[tuple[IdentityKind, str], int],
               contact_id: int) -> Offer:
    """Sort typed identities (`owners`: which contact holds each usable one) for the buyer
    `contact_id`."""
    return Offer([i for i in found if i.key not in owners],
                 {owner for owner in owners.values() if owner != contact_id})
