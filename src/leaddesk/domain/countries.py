"""Country names and codes, English or Chinese, to ISO 3166 alpha-2 region codes."""

import gettext
import re
import unicodedata
from functools import cache

import pycountry

# Names buyers actually type that neither ISO nor its translations spell that way.
_COMMON_NAMES = {
    "usa": "US", "us": "US", "america": "US", "united states of america": "US",
    "uk": "GB", "england": "GB", "britain": "GB", "great britain": "GB", "scotland": "GB",
    "russia": "RU", "south korea": "KR", "korea": "KR", "north korea": "KP",
    "vietnam": "VN", "viet nam": "VN", "iran": "IR", "syria": "SY", "taiwan": "TW",
    "uae": "AE", "emirates": "AE", "turkey": "TR", "türkiye": "TR", "czech republic": "CZ",
    "holland": "NL", "the netherlands": "NL", "bolivia": "BO", "venezuela": "VE",
    "tanzania": "TZ", "laos": "LA", "moldova": "MD", "macau": "MO", "hong kong": "HK",
    "deutschland": "DE", "españa": "ES", "brasil": "BR", "méxico": "MX", "italia": "IT",
    "中国": "CN", "中国大陆": "CN", "大陆": "CN", "美国": "US", "英国": "GB", "俄罗斯": "RU",
    "韩国": "KR", "越南": "VN", "台湾": "TW", "香港": "HK", "澳门": "MO", "阿联酋": "AE",
    "伊朗": "IR", "土耳其": "TR", "印度": "IN", "德国": "DE",
}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    return re.sub(r"\s+", " ", text.replace(".", ""))


@cache
def _names() -> dict[str, str]:
    """Every known spelling (casefolded) to its alpha-2 code."""
    names: dict[str, str] = {}
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    for country in pycountry.countries:
        code = country.alpha_2
        english = [country.name, getattr(country, "common_name", None),
                   getattr(country, "official_name", None)]
        for name in english:
            if name:
                names.setdefault(_key(name), code)
                names.setdefault(_key(zh.gettext(name)), code)
        names.setdefault(_key(country.alpha_3), code)
    names.update({_key(k): v for k, v in _COMMON_NAMES.items()})
    return names


def region_for(country: str | None) -> str | None:
    """The ISO alpha-2 code for a country written as a code or a name, or None if unknown."""
    if not country or not country.strip():
        return None
    text = country.strip()
    if re.fullmatch(r"[A-Za-z]{2}", text):
        code = text.upper()
        return "GB" if code == "UK" else code if pycountry.countries.get(alpha_2=code) else None
    return _names().get(_key(text))


@cache  # asked for every row of the inbox as it scrolls: pycountry's lookup is slow
def country_name(region: str | None) -> str:
    """The English short name of a region code ("DE" -> "Germany"), or "" if unknown."""
    if not region:
        return ""
    country = pycountry.countries.get(alpha_2=region.upper())
    if country is None:
        return ""
    return str(getattr(country, "common_name", None) or country.name)


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def localized_country(name: str, language: str) -> str:
    """An English country name, as `country_name` gives it, in `language` (e.g. zh_CN);
    as it was when that language has no name for it."""
    if not name or language.startswith("en"):
        return name
    return _catalogue(language).gettext(name)


# The language a buyer from a country most likely writes, where one clearly is (a country
# of several languages, or one where sales talk is in English, has none here).
LANGUAGES = {
    "CN": "zh", "TW": "zh", "JP": "ja", "KR": "ko", "VN": "vi", "TH": "th", "ID": "id",
    "DE": "de", "AT": "de", "FR": "fr", "IT": "it", "ES": "es", "PT": "pt", "NL": "nl",
    "PL": "pl", "CZ": "cs", "HU": "hu", "RO": "ro", "GR": "el", "SE": "sv", "DK": "da",
    "FI": "fi", "RU": "ru", "UA": "uk", "TR": "tr", "IL": "he", "IR": "fa", "SA": "ar",
    "AE": "ar", "EG": "ar", "BR": "pt", "MX": "es", "AR": "es", "CO": "es", "CL": "es",
    "PE": "es",
}


def language_of(region: str | None) -> str | None:
    """The language that follows from a country (ISO 639-1), or None where none clearly does."""
    return LANGUAGES.get((region or "").upper())
