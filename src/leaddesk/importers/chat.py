"""What chat importers share: choosing the buyer among a chat's authors."""

from collections import Counter
from collections.abc import Iterable

from leaddesk.domain.drafts import ContactDraft, MessageDraft
from leaddesk.domain.extract import find_identities
from leaddesk.domain.identities import clean_text, looks_like_phone, region_hints
from leaddesk.domain.vocabulary import Direction
from leaddesk.importers.base import Own


def choose_buyer(authors: Iterable[str], own: Own, partner: str | None) -> str:
    """The buyer of a chat: the partner the file names, else the first author who is not
    one of ours (in a chat of two), else the most active one of the others."""
    order = [author for author in authors if author]
    if partner:
        match = next((a for a in order if clean_text(a).casefold() == partner.casefold()), None)
        return match or partner
    theirs = [author for author in order if not own.is_us(author)]
    if not theirs:
        return order[0] if order else ""
    counts = Counter(theirs)
    return theirs[0] if len(counts) <= 2 else counts.most_common(1)[0][0]


def directions(messages: list[MessageDraft], buyer: str, own: Own) -> None:
    """Mark messages `out` when ours: by our settings, or, in a chat of two, everyone
    who is not the buyer."""
    authors = {m.author for m in messages if m.author}
    two_party = len(authors) <= 2
    for message in messages:
        ours = own.is_us(message.author) or (two_party and message.author != buyer)
        message.direction = Direction.OUT if ours else Direction.IN


def contact_for(buyer: str, messages: list[MessageDraft], default_region: str) -> tuple[
        ContactDraft, ContactDraft]:
    """The buyer as a draft (a name that is a number is also their phone), and the
    identities they typed into their messages."""
    name = clean_text(buyer)
    contact = ContactDraft(name=name, phones=[name] if looks_like_phone(name) else [])
    typed = " \n".join(m.body for m in messages if m.direction is Direction.IN)
    offered = find_identities(typed, region_hints(None, default_region))
    return contact, offered
