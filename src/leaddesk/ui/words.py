"""The vocabulary's words as the window shows them: channels, stages, follow-up kinds and
article links, in the user's language. The database keeps the English codes."""

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from leaddesk.domain.countries import localized_country

_language = ["en"]  # set once by the translator at start-up

WORDS = {
    "whatsapp": QT_TRANSLATE_NOOP("Words", "WhatsApp"),
    "wechat": QT_TRANSLATE_NOOP("Words", "WeChat"),
    "email": QT_TRANSLATE_NOOP("Words", "email"),
    "site_form": QT_TRANSLATE_NOOP("Words", "site form"),
    "phone": QT_TRANSLATE_NOOP("Words", "phone"),
    "other": QT_TRANSLATE_NOOP("Words", "other"),
    "new": QT_TRANSLATE_NOOP("Words", "new"),
    "contacted": QT_TRANSLATE_NOOP("Words", "contacted"),
    "qualified": QT_TRANSLATE_NOOP("Words", "qualified"),
    "quoted": QT_TRANSLATE_NOOP("Words", "quoted"),
    "won": QT_TRANSLATE_NOOP("Words", "won"),
    "lost": QT_TRANSLATE_NOOP("Words", "lost"),
    "call": QT_TRANSLATE_NOOP("Words", "call"),
    "quote": QT_TRANSLATE_NOOP("Words", "quote"),
    "meeting": QT_TRANSLATE_NOOP("Words", "meeting"),
    "url": QT_TRANSLATE_NOOP("Words", "url"),
    "code": QT_TRANSLATE_NOOP("Words", "code"),
    "title_match": QT_TRANSLATE_NOOP("Words", "title match"),
    "manual": QT_TRANSLATE_NOOP("Words", "manual"),
}


def word(code: str) -> str:
    """A channel, stage or follow-up kind in the user's language (an unknown code as is)."""
    english = WORDS.get(code)
    return QCoreApplication.translate("Words", str(english)) if english else code


def set_language(language: str) -> None:
    """Show countries, weekdays and dates in `language` (e.g. zh_CN) from now on."""
    _language[0] = language
    QLocale.setDefault(QLocale.system() if language.startswith("en") else QLocale(language))


def country(name: str) -> str:
    """An English country name in the user's language."""
    return localized_country(name, _language[0])


def weekday_time(moment: datetime) -> str:
    """"Wed 14:45", in the user's language."""
    return QLocale().dayName(moment.isoweekday(), QLocale.FormatType.ShortFormat) + \
        moment.strftime(" %H:%M")
