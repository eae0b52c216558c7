"""Which side of a mail is ours: from our address, or from an address no contact holds to
one a contact does, is ours, and the buyer is whom it went to."""

from datetime import UTC, datetime

import pytest

from leaddesk.domain.direction import mail_side
from leaddesk.domain.drafts import ContactDraft, MessageDraft
from leaddesk.domain.vocabulary import Direction

OWN = {"info@ericco.example", "sales@ericco.example"}
CONTACTS = {"buyer@acme.example", "other@beta.example"}  # addresses a contact holds


def _known(addresses: list[str]) -> list[str]:
    return [a for a in addresses if a in CONTACTS]


@pytest.mark.parametrize(("sender", "recipients", "buyer", "ours", "with_"), [
    # a buyer writes to us
    ("buyer@acme.example", ["info@ericco.example"], ["buyer@acme.example"], False,
     ["buyer@acme.example"]),
    # we write: the buyer is the first recipient not ours
    ("info@ericco.example", ["sales@ericco.example", "buyer@acme.example"], ["info@ericco.example"],
     True, ["buyer@acme.example"]),
    ("sales@ericco.example", ["sales@ericco.example"], ["sales@ericco.example"], True, []),
    # our address, but the importer already named the buyer: kept
    ("info@ericco.example", ["buyer@acme.example"], ["someone@else.example"], True,
     ["someone@else.example"]),
    # a colleague's unknown mailbox replying to a known contact: ours, with that contact
    ("me@home.example", ["<Buyer@Acme.example>"], ["me@home.example"], True,
     ["buyer@acme.example"]),
    ("me@home.example", ["new@gamma.example", "other@beta.example", "buyer@acme.example"],
     ["me@home.example"], True, ["other@beta.example"]),
    # a known contact writing to another known contact: theirs
    ("other@beta.example", ["buyer@acme.example"], ["other@beta.example"], False,
     ["other@beta.example"]),
    # an unknown sender to unknown recipients: a new buyer writing in
    ("new@gamma.example", ["info@ericco.example"], ["new@gamma.example"], False,
     ["new@gamma.example"]),
    # no recipients to go by
    ("me@home.example", [], ["me@home.example"], False, ["me@home.example"]),
    # the importer's buyer is not the sender (a form mail): nothing asked
    ("noreply@site.example", ["buyer@acme.example"], ["lead@delta.example"], False,
     ["lead@delta.example"]),
    (None, ["buyer@acme.example"], [], False, []),
])
def test_which_side_of_a_mail_is_ours(sender: str | None, recipients: list[str], buyer: list[str],
                                      ours: bool, with_: list[str]) -> None:
    message = MessageDraft(datetime(2026, 3, 1, tzinfo=UTC), Direction.IN, "hello", sender=sender,
                           recipients=recipients)
    side = mail_side(message, ContactDraft(emails=buyer), OWN, _known)
    assert (side.ours, side.buyer.emails) == (ours, with_)
    assert message.direction is Direction.IN  # the caller sets it
