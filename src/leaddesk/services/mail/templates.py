"""The reply templates a salesperson picks from: those LeadDesk ships (quote, datasheet,
thanks; English and Chinese) and the person's own, `NAME.LANG.txt` in the data folder's
`templates` folder (one there replaces the shipped one of that name and language). The
contact's language picks the version; English when there is none in it."""

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk import paths
from leaddesk.db.models import Article, Contact, Inquiry
from leaddesk.domain.templates import Template, fill, read_template
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.article_links import prefilled_text, whatsapp_link

_NAME = re.compile(r"^(?P<name>[\w-]+)\.(?P<language>[a-z]{2})\.txt$")


@dataclass(frozen=True)
class Signer:
    """Who sends: the salesperson's name, signature and the desk's WhatsApp number."""

    name: str
    signature: str = ""
    phone: str = ""


def user_templates() -> Path:
    """Where a person's own templates are."""
    return paths.data_dir() / "templates"


def templates() -> dict[tuple[str, str], str]:
    """Every template's text by (name, language): the shipped ones, then the person's."""
    found: dict[tuple[str, str], str] = {}
    shipped = resources.files("leaddesk.data") / "templates"
    sources = [(item.name, item.read_text(encoding="utf-8")) for item in shipped.iterdir()]
    folder = user_templates()
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            try:
                sources.append((path.name, path.read_text(encoding="utf-8-sig")))
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidInputError(f"template {path}: cannot be read as UTF-8 text ({exc})") from None
    for file_name, text in sources:
        match = _NAME.match(file_name)
        if match:
            found[(match["name"], match["language"])] = text
    return found


def template_for(name: str, language: str | None) -> Template:
    """The template in the contact's language, else in English; NotFoundError naming the
    templates there are."""
    every = templates()
    wanted = (language or "en").split("-")[0].lower()
    for tongue in dict.fromkeys([wanted, "en"]):
        if (name, tongue) in every:
            return read_template(name, tongue, every[(name, tongue)])
    names = sorted({n for n, _ in every})
    raise NotFoundError(f"no template {name!r} (there are: {', '.join(names)})")


def filled(session: Session, name: str, contact: Contact, inquiry: Inquiry | None,
           signer: Signer) -> tuple[str, str]:
    """A template's subject and text for this buyer, in their language."""
    article = _article(session, contact, inquiry)
    values = {
        "name": contact.name or ("您" if (contact.language or "").startswith("zh") else "Sir or Madam"),
        "company": contact.company,
        "article_title": article.title if article is not None else "",
        "article_link": article.url if article is not None else "",
        "wa_link": _wa_link(signer.phone, article),
        "me": signer.name,
        "signature": signer.signature or signer.name,
    }
    return fill(template_for(name, contact.language), values)


def _article(session: Session, contact: Contact, inquiry: Inquiry | None) -> Article | None:
    """The inquiry's article, else the one of the contact's newest inquiry that has one."""
    if inquiry is not None and inquiry.article is not None:
        return inquiry.article
    return session.scalar(select(Article).join(Inquiry, Inquiry.article_id == Article.id)
                          .where(Inquiry.contact_id == contact.id)
                          .order_by(Inquiry.last_message_at.desc()).limit(1))


def _wa_link(phone: str, article: Article | None) -> str:
    digits = re.sub(r"\D", "", phone)
    if not 8 <= len(digits) <= 15:
        return ""
    return whatsapp_link(digits, prefilled_text(article) if article is not None else "")
