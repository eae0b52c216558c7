"""A reply on a chat channel (WhatsApp, WeChat): LeadDesk cannot send it, so it fills the
text (a template in the buyer's language, or the person's own), opens WhatsApp with it or
puts it on the clipboard for WeChat, and stores it as `out` once the person says it went."""

from dataclasses import dataclass

from sqlalchemy import select

from leaddesk.db.models import Identity, Inquiry
from leaddesk.domain.vocabulary import Channel, IdentityKind, Validity
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.contacts import find_contact
from leaddesk.services.desk import Desk
from leaddesk.services.mail.templates import Signer, filled


@dataclass(frozen=True)
class ChatReply:
    """How to answer on a chat: the way (`whatsapp` or `wechat`), to whom, and the text."""

    way: str
    to: str  # a phone number (E.164) or a WeChat ID
    text: str


def chat_reply(desk: Desk, inquiry_id: int, template: str | None, signer: Signer) -> ChatReply:
    """The reply to an inquiry on its own chat where the buyer can be reached there, else
    on the other; its text from the template (in the buyer's language) or empty."""
    with desk.transaction() as session:
        inquiry = session.get(Inquiry, inquiry_id)
        if inquiry is None:
            raise NotFoundError(f"no inquiry {inquiry_id}")
        contact = find_contact(session, str(inquiry.contact_id))
        reach = {kind: session.scalar(select(Identity.value).where(
            Identity.contact_id == contact.id, Identity.kind == kind.value,
            Identity.validity != Validity.INVALID.value).order_by(Identity.id))
            for kind in (IdentityKind.PHONE, IdentityKind.WECHAT)}
        first = IdentityKind.WECHAT if inquiry.channel == Channel.WECHAT.value else IdentityKind.PHONE
        kind = next((k for k in (first, IdentityKind.PHONE, IdentityKind.WECHAT) if reach[k]), None)
        if kind is None:
            raise InvalidInputError(f"{contact.name or 'the buyer'} has no phone or WeChat ID to write to")
        chatting = Signer(signer.name, signer.signature)  # no "write to us on WhatsApp" in a chat
        text = filled(session, template, contact, inquiry, chatting)[1] if template else ""
    return ChatReply("whatsapp" if kind is IdentityKind.PHONE else "wechat", str(reach[kind]), text)

