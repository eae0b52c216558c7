"""Links that carry an article into chats: WhatsApp click-to-chat and mailto with the
article's code, and QR codes of both (PNG and SVG)."""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from leaddesk.db.models import Article
from leaddesk.errors import InvalidInputError


@dataclass(frozen=True)
class ArticleLinks:
    """The ready-made links for one article."""

    code: str
    whatsapp: str
    mailto: str
    text: str


def whatsapp_link(phone: str, text: str = "") -> str:
    """WhatsApp click-to-chat with the number, the text typed in when there is one."""
    digits = re.sub(r"\D", "", phone)
    return f"https://wa.me/{digits}" + (f"?text={quote(text)}" if text.strip() else "")


def prefilled_text(article: Article) -> str:
    """What the buyer's first message says, with the code the import recognises."""
    return f"Hello, I read your article \u201c{article.title}\u201d and have a question. (ref {article.code})"


def article_links(article: Article, phone: str, email: str) -> ArticleLinks:
    """wa.me and mailto links for our number and address, carrying the article's code."""
    digits = re.sub(r"\D", "", phone)
    if not 8 <= len(digits) <= 15:
        raise InvalidInputError("set our WhatsApp number (own_phones in the settings, or --phone)")
    if "@" not in email:
        raise InvalidInputError("set our email address (own_emails in the settings, or --email)")
    text = prefilled_text(article)
    subject = f"Inquiry about \u201c{article.title}\u201d (ref {article.code})"
    return ArticleLinks(
        code=article.code or "",
        whatsapp=whatsapp_link(digits, text),
        mailto=f"mailto:{email}?subject={quote(subject)}",
        text=text,
    )


def write_qr_codes(links: ArticleLinks, folder: Path) -> list[Path]:
    """QR codes for both links, as PNG and SVG, named after the article's code."""
    import segno  # loads only when codes are written

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, link in (("whatsapp", links.whatsapp), ("email", links.mailto)):
        code = segno.make(link, error="m")
        for suffix in ("png", "svg"):
            target = folder / f"{links.code}-{name}.{suffix}"
            code.save(str(target), scale=6, border=2)
            written.append(target)
    return written
