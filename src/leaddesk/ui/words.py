"""The vocabulary's words as the window shows them: channels, stages, follow-up kinds and
article links, dates and durations, in the user's language. The database keeps the English
codes and UTC."""

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale
from PySide6.QtWidgets import QDateEdit

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


def _plain() -> bool:
    """The C locale (a server, a test run): dates in ISO, words in English."""
    return QLocale().language() == QLocale.Language.C


def date_format() -> str:
    """How a date is typed and shown in a date field: the user's short format, or ISO
    (C's own format is "2 12 2026", which nobody reads)."""
    return "yyyy-MM-dd" if _plain() else QLocale().dateFormat(QLocale.FormatType.ShortFormat)


def date_field(day: QDate) -> QDateEdit:
    """A date field showing `day` in the user's format, with a calendar to pick from."""
    field = QDateEdit(day)
    field.setDisplayFormat(date_format())
    field.setCalendarPopup(True)
    return field


def day(moment: datetime | date) -> str:
    """A day in the user's short format (ISO in the C locale)."""
    if isinstance(moment, datetime):
        moment = moment.astimezone().date()
    if _plain():
        return moment.isoformat()
    return QLocale().toString(QDate(moment.year, moment.month, moment.day), QLocale.FormatType.ShortFormat)


def day_time(moment: datetime) -> str:
    """A moment in the user's time zone and short format ("2026-12-02 14:45" in C)."""
    local = moment.astimezone()
    if _plain():
        return local.strftime("%Y-%m-%d %H:%M")
    return f"{day(local.date())} {local:%H:%M}"


def week(monday: date) -> str:
    """A week's label from its Monday: "28 Sep", "9月28日"."""
    if _language[0].startswith("zh"):
        return f"{monday.month}月{monday.day}日"
    locale = QLocale() if not _plain() else QLocale(QLocale.Language.English)
    return locale.toString(QDate(monday.year, monday.month, monday.day), "d MMM")


def duration(minutes: float | None) -> str:
    """A span as people say it: "45 min", "3 h 20 min", "1 d 15 h"; "—" when unknown."""
    if minutes is None:
        return "—"
    whole = round(minutes)
    days, rest = divmod(whole, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Words", "{0} d {1} h").format(days, hours)
    if hours:
        return QCoreApplication.translate("Words", "{0} h {1} min").format(hours, mins)
    return QCoreApplication.translate("Words", "{0} min").format(mins)
