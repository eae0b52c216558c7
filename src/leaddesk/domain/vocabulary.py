"""The product's fixed vocabularies: channels, directions, stages, follow-up kinds."""

from enum import StrEnum


class Channel(StrEnum):
    """Where an inquiry arrived."""

    WHATSAPP = "whatsapp"
    WECHAT = "wechat"
    EMAIL = "email"
    SITE_FORM = "site_form"
    PHONE = "phone"
    OTHER = "other"


# Channels as people write them, for files a person reads (reports); the window
# translates its own (ui/words.py).
CHANNEL_NAMES: dict[str, str] = {
    Channel.WHATSAPP: "WhatsApp", Channel.WECHAT: "WeChat", Channel.EMAIL: "email",
    Channel.SITE_FORM: "site form", Channel.PHONE: "phone", Channel.OTHER: "other"}


def channel_name(channel: str) -> str:
    """A channel as people write it ("site form"); an unknown value as it is."""
    return CHANNEL_NAMES.get(channel, channel)


class Direction(StrEnum):
    """Who wrote a message: the buyer (`in`) or our staff (`out`)."""

    IN = "in"
    OUT = "out"


class Stage(StrEnum):
    """A contact's pipeline stage, in pipeline order."""

    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    QUOTED = "quoted"
    WON = "won"
    LOST = "lost"


class FollowUpKind(StrEnum):
    """What a follow-up asks someone to do."""

    CALL = "call"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    WECHAT = "wechat"
    QUOTE = "quote"
    MEETING = "meeting"


class IdentityKind(StrEnum):
    """One way to reach a contact."""

    PHONE = "phone"
    EMAIL = "email"
    WECHAT = "wechat"


class ArticleLink(StrEnum):
    """How an inquiry was linked to its article."""

    URL = "url"
    CODE = "code"
    TITLE_MATCH = "title_match"
    MANUAL = "manual"


class Validity(StrEnum):
    """How far an identity can be trusted as written."""

    VALID = "valid"
    POSSIBLE = "possible"
    INVALID = "invalid"
