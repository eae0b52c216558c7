"""Which side of a mail is ours: a mail from one of our addresses, or from an address no
contact holds to an address a contact does (a reply from our desk's own mailbox), is
outgoing, and the buyer it is with is who it went to."""

from collections.abc import Callable, Collection
from dataclasses import dataclass

from leaddesk.domain.drafts import ContactDraft, MessageDraft
from leaddesk.domain.identities import email_text


@dataclass(frozen=True)
class MailSide:
    """Whether a mail is ours, and the buyer it is with."""

    ours: bool
    buyer: ContactDraft


def mail_side(message: MessageDraft, buyer: ContactDraft, own: Collection[str],
              known: Callable[[list[str]], list[str]]) -> MailSide:
    """The side of a mail (`buyer`: whom the importer took it to be with, its sender),
    given our own addresses and `known`, which of some addresses belong to a contact."""
    sender = (message.sender or "").lower()
    ours = sender in own
    if not ours and message.recipients and buyer.emails == [sender]:
        addresses = [email_text(r).lower() for r in message.recipients if r not in own]
        found = known([sender, *addresses])
        if sender not in found and found:
            ours, buyer = True, ContactDraft(emails=[found[0]])
    if ours and buyer.emails == [sender]:
        others = [r for r in message.recipients if r not in own]
        buyer = ContactDraft(emails=others[:1])
    return MailSide(ours, buyer)
