"""What chat importers share: choosing the buyer among a chat's authors."""

from collections.abc import Collection, Iterable, Mapping

from leaddesk.domain.drafts import ContactDraft, MessageDraft
from leaddesk.domain.extract import find_identities
from leaddesk.domain.identities import clean_text, looks_like_phone, region_hints
from leaddesk.domain.vocabulary import Direction
from leaddesk.importers.base import Own


def choose_buyer(authors: Mapping[str, int], own: Own, partner: str | None) -> str:
    """The buyer of a chat (`authors`: how many messages each wrote, in the order they
    first wrote): the partner the file names, else the first author who is not one of
    ours (in a chat of two), else the most active one of the others."""
    named = [author for author in authors if author]
    if partner:
        match = next((a for a in named if clean_text(a).casefold() == partner.casefold()), None)
        return match or partner
    theirs = [author for author in named if not own.is_us(author)]
    if not theirs:
        return named[0] if named else ""
    return theirs[0] if len(theirs) <= 2 else max(theirs, key=lambda a: authors[a])


def ours(author: str, buyer: str, own: Own, authors: Collection[str]) -> bool:
    """Whether an author writes for us: by our settings, or, in a chat of two, by not
    being the buyer."""
    return own.is_us(author) or (len(authors) <= 2 and author != buyer)


def directions(messages: list[MessageDraft], buyer: str, own: Own,
               authors: Collection[str] | None = None) -> None:
    """Mark our messages `out`; `authors` are the whole chat's when it comes in parts."""
    if authors is None:
        authors = {m.author for m in messages if m.author}
    for message in messages:
        message.direction = Direction.OUT if ours(message.author, buyer, own, authors) else Direction.IN


def buyer_contact(buyer: str) -> ContactDraft:
    """The buyer as a draft: a name that is a number is also their phone."""
    name = clean_text(buyer)
    return ContactDraft(name=name, phones=[name] if looks_like_phone(name) else [])


class Typed:
    """Numbers, addresses and WeChat IDs each author typed, searched a block of messages
    at a time as a chat is read, so a long chat is never held whole."""

    BLOCK = 2000

    def __init__(self, default_region: str) -> None:
        self._hints = region_hints(None, default_region)
        self._pending: dict[str, list[str]] = {}
        self._found: dict[str, ContactDraft] = {}

    def add(self, author: str, text: str) -> None:
        """One message's text."""
        pending = self._pending.setdefault(author, [])
        pending.append(text)
        if len(pending) >= self.BLOCK:
            self._search(author)

    def by(self, authors: Iterable[str]) -> ContactDraft:
        """What these authors typed, each identity once, in the order they were found."""
        merged = ContactDraft()
        for author in authors:
            self._search(author)
            found = self._found.get(author, ContactDraft())
            merged.phones += found.phones
            merged.emails += found.emails
            merged.wechat_ids += found.wechat_ids
        return _once(merged)

    def _search(self, author: str) -> None:
        texts = self._pending.pop(author, [])
        if not texts:
            return
        found = find_identities(" \n".join(texts), self._hints)
        known = self._found.setdefault(author, ContactDraft())
        known.phones += found.phones
        known.emails += found.emails
        known.wechat_ids += found.wechat_ids
        self._found[author] = _once(known)


def _once(draft: ContactDraft) -> ContactDraft:
    return ContactDraft(phones=list(dict.fromkeys(draft.phones)),
                        emails=list(dict.fromkeys(draft.emails)),
                        wechat_ids=list(dict.fromkeys(draft.wechat_ids)))
