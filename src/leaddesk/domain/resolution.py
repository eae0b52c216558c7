"""Deciding which contact a draft belongs to, from the contacts its identities point at."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from leaddesk.domain.identities import NormalizedIdentity
from leaddesk.domain.vocabulary import IdentityKind, Validity


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome for one draft.

    `contact_id` is the contact to use (None: create one). `conflicting` lists other
    contacts the draft's identities also point at: a likely duplicate that a person
    decides on, never a silent merge. `new_identities` are the draft's identities
    that no contact holds yet.
    """

    contact_id: int | None
    conflicting: tuple[int, ...] = ()
    new_identities: tuple[NormalizedIdentity, ...] = field(default=())


def matchable(identity: NormalizedIdentity) -> bool:
    """Invalid identities are kept but never used to recognise anyone."""
    return identity.validity is not Validity.INVALID


# When a draft's identities disagree, the strongest kind decides.
STRENGTH = {IdentityKind.PHONE: 0, IdentityKind.EMAIL: 1, IdentityKind.WECHAT: 2}


def resolve(
    identities: Iterable[NormalizedIdentity], owners: Mapping[tuple[IdentityKind, str], int]
) -> Resolution:
    """Resolve a draft given which contact already owns each known identity key."""
    unique = list({identity.key: identity for identity in identities}.values())
    found = sorted(
        ((STRENGTH[i.kind], owners[i.key]) for i in unique if matchable(i) and i.key in owners),
    )
    ids = list(dict.fromkeys(contact_id for _, contact_id in found))
    new = tuple(i for i in unique if i.key not in owners)
    if not ids:
        return Resolution(None, (), new)
    return Resolution(ids[0], tuple(ids[1:]), new)
