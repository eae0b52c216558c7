"""The site's sitemap.xml: every page's URL and date, articles told apart from other pages."""

import gzip
import io
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
_PRODUCT_SLUG = re.compile(r"^([a-z]{1,5}(?:-[a-z]{1,6})*-\d{1,4}[a-z]?)(?:-(.*))?$", re.IGNORECASE)
MAX_UNPACKED = 50 * 1024 * 1024  # the sitemap protocol's own limit
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
    product = _PRODUCT_SLUG.match(slug) if "/product" in urlsplit(url).path.lower() else None
    if product:  # er-fogi-40-fiber-optic-gyroscope -> ER-FOGI-40 fiber optic gyroscope
        rest = re.sub(r"[-_]+", " ", product.group(2)).strip()
        return f"{product.group(1).upper()} {rest}".strip()
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
    if root.tag not in (f"{_NS}urlset", f"{_NS}sitemapindex"):
        raise InvalidInputError(f"{source}: not a sitemap (root element {root.tag!r})")
    drafts = []
    for node in root.iter(f"{_NS}url"):
        loc = (node.findtext(f"{_NS}loc") or "").strip()
        if loc:
            drafts.append(ArticleDraft(loc, title_from_url(loc), page_kind(loc),
                                       _date(node.findtext(f"{_NS}lastmod"))))
    return drafts


def index_entries(data: bytes) -> list[str]:
    """The sitemaps a `sitemapindex` lists (their URLs)."""
    root = fromstring(data)
    return [(n.findtext(f"{_NS}loc") or "").strip() for n in root.iter(f"{_NS}sitemap")]


def read_sitemap(path: Path) -> tuple[list[ArticleDraft], list[str]]:
    """The pages of a sitemap file (plain or .gz). A sitemap index is followed to the
    sitemaps it lists that lie beside it; nothing is fetched. Returns drafts and notes."""
    data = _unzip(path.read_bytes(), path.name)
    drafts = parse_sitemap(data, path.name)
    notes: list[str] = []
    if b"sitemapindex" in data[:2000]:
        for url in index_entries(data):
            local = path.with_name(urlsplit(url).path.rsplit("/", 1)[-1])
            if local.exists() and local != path:
                more, more_notes = read_sitemap(local)
                drafts += more
                notes += more_notes
            else:
                notes.append(f"{path.name}: {url} is not beside it; import that file too")
    return drafts, notes


def _unzip(data: bytes, source: str) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            unpacked = handle.read(MAX_UNPACKED + 1)
    except (OSError, EOFError) as exc:
        raise InvalidInputError(f"{source}: damaged gzip file: {exc}") from None
    if len(unpacked) > MAX_UNPACKED:
        raise InvalidInputError(f"{source}: unpacks to over {MAX_UNPACKED:,} bytes; refused")
    return unpacked
