"""What the user's settings mean to an import: who we are, the default country, the quiet
days that start a new inquiry, the local time zone; read afresh for every import, so a
setting saved a moment ago applies to the next file (the window and the command line alike)."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from leaddesk.domain.identities import looks_like_phone, normalize_email, normalize_phone
from leaddesk.domain.timeutil import local_zone
from leaddesk.importers.base import ImportOptions, Own
from leaddesk.settings import Settings


def own_staff(settings: Settings, extra: Iterable[str] = ()) -> Own:
    """Our staff from the settings plus `extra` (--me): names, numbers as E.164, addresses."""
    own = Own()
    region = [settings.default_region] if settings.default_region else []
    for item in [*settings.own_names, *settings.own_phones, *settings.own_emails, *extra]:
        if "@" in item:  # "info@…", or as a mail writes it: "Ericco Sales <info@…>"
            name, address = parseaddr(item)
            own.emails.add(normalize_email(address or item).value)
            if name.strip():
                own.names.add(name.strip())
        elif looks_like_phone(item):
            own.phones.add(normalize_phone(item, region).value)
        elif item.strip():
            own.names.add(item.strip())
    return own


@dataclass
class ImportSetup:
    """Everything an import takes from the settings."""

    options: ImportOptions = field(default_factory=ImportOptions)
    gap_days: int = 30
    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))


def import_setup(settings: Settings, *, extra_own: Iterable[str] = (),
                 column_map: dict[str, str] | None = None) -> ImportSetup:
    """The import options the settings give, as the command line and the window use them."""
    options = ImportOptions(own=own_staff(settings, extra_own), default_region=settings.default_region,
                            attachment_desk_cap=max(0, settings.attachments_cap_mb) * 1024 * 1024,
                            column_map=dict(column_map or {}), remembered_maps=settings.column_maps)
    return ImportSetup(options, settings.conversation_gap_days, local_zone())
