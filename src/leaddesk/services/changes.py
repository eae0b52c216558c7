"""What a change touched: which contacts, inquiries, follow-ups, articles and import
batches, or everything. An operation here returns one; a colleague's change on a team desk
arrives as one too, so nothing in it says where the change was made."""

from collections.abc import Iterable
from dataclasses import dataclass, field

# Past this many ids a change is simply "everything": naming them would cost more than
# refetching what is on screen.
MANY = 10_000


def _ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(value for value in values if value is not None)


@dataclass(frozen=True)
class Changes:
    """The ids a change touched, by kind; `everything` when it cannot say (or need not)."""

    contacts: frozenset[int] = field(default_factory=frozenset)
    inquiries: frozenset[int] = field(default_factory=frozenset)
    followups: frozenset[int] = field(default_factory=frozenset)
    articles: frozenset[int] = field(default_factory=frozenset)
    batches: frozenset[int] = field(default_factory=frozenset)
    everything: bool = False
    removed: frozenset[int] = field(default_factory=frozenset)  # inquiries that are no more
    triage: bool = False  # the mails waiting in "New senders" (a sync held some, one was decided)

    @classmethod
    def of(cls, *, contacts: Iterable[int | None] = (), inquiries: Iterable[int | None] = (),
           followups: Iterable[int | None] = (), articles: Iterable[int | None] = (),
           batches: Iterable[int | None] = (), removed: Iterable[int | None] = ()) -> "Changes":
        """A change of these ids (None ids are left out); very many make it everything.
        `removed` inquiries are gone: a list leaves them out at once, before any refetch."""
        made = cls(_ids(contacts), _ids(inquiries), _ids(followups), _ids(articles), _ids(batches),
                   removed=_ids(removed))
        if sum(map(len, (made.contacts, made.inquiries, made.followups, made.articles))) > MANY:
            return cls(batches=made.batches, everything=True, removed=made.removed)
        return made

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.contacts | other.contacts, self.inquiries | other.inquiries,
                       self.followups | other.followups, self.articles | other.articles,
                       self.batches | other.batches, self.everything or other.everything,
                       self.removed | other.removed, self.triage or other.triage)

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not (self.everything or self.contacts or self.inquiries or self.followups
                    or self.articles or self.batches or self.removed or self.triage)

    def touches_contacts(self, ids: Iterable[int]) -> bool:
        """Whether any of these contacts changed."""
        return self.everything or not self.contacts.isdisjoint(ids)

    def touches_inquiries(self, ids: Iterable[int]) -> bool:
        """Whether any of these inquiries changed."""
        return self.everything or not self.inquiries.isdisjoint(ids)


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
TRIAGE = Changes(triage=True)
