"""Spreadsheet safety: text that Excel or LibreOffice would run as a formula is made
inert, while phone numbers keep exactly what was written."""

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,24}$")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read the text as a formula."""
    return text.startswith(_TRIGGERS)


def inert(text: str) -> str:
    """Text for a CSV cell: a leading apostrophe before anything a spreadsheet would
    evaluate — except a phone number, which has no formula in it and stays as written."""
    if not is_formula_like(text) or _PHONE.fullmatch(text):
        return text
    return "'" + text
