"""Names as people compare them: two contacts of the same name and company (or country)
are likely one buyer who wrote on two channels."""

from leaddesk.domain.identities import clean_text

KEY_LENGTH = 200  # as the name and company columns


def name_key(text: str | None) -> str | None:
    """A name or company as compared: full-width letters as plain ones, case folded,
    spaces collapsed ("Ｗang  LEI" is "wang lei"); None for what names nobody (empty, or
    digits and signs only: a chat named by its number)."""
    folded = " ".join(clean_text(text or "").casefold().split())
    if not any(ch.isalpha() for ch in folded):
        return None
    return folded[:KEY_LENGTH]
