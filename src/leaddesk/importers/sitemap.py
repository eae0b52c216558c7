"""The site's sitemap.xml: every page's URL and date, articles told apart from other pages."""

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from leaddesk.errors import InvalidInputError

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_ARTICLE_PATHS = re.compile(r"^/(?:news|products?|blog|articles?)/[^/]+", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleDraft:
    """A page of the website as a source describes it."""

    url: str
    title: str
    kind: str
    published_at: datetime | None = None
    author: str = ""


def title_from_url(url: str) -> str:
    """A readable title from a URL's last path segment, for pages known only by URL."""
    slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug)
    words = re.sub(r"[-_]+", " ", slug).strip()
    return words[:1].upper() + words[1:] if words else urlsplit(url).netloc


def page_kind(url: str) -> str:
    """`article` for news and product pages, `page` for the home, contact and other pages."""
    return "article" if _ARTICLE_PATHS.match(urlsplit(url).path) else "page"


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_sitemap(data: bytes, source: str = "sitemap.xml") -> list[ArticleDraft]:
    """The pages of a `urlset` sitemap; hostile XML (entities, DTDs) is refused."""
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException) as exc:
        raise InvalidInputError(f"{source}: not a readable sitemap: {exc}") from None
    drafts = []
    for node in root.iter(f"{_NS}url"):
        loc = (node.findtext(f"{_NS}loc") or "").strip()
        if loc:
            drafts.append(ArticleDraft(loc, title_from_url(loc), page_kind(loc),
                                       _date(node.findtext(f"{_NS}lastmod"))))
    return drafts


def read_sitemap(path: Path) -> list[ArticleDraft]:
    """The pages of a sitemap file."""
    return parse_sitemap(path.read_bytes(), path.name)
