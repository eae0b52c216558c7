"""The site's sitemap.xml: every page's URL and date, articles told apart from other pages."""

import gzip
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from leaddesk.domain.urls import canonical_url
from leaddesk.errors import InvalidInputError

_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_PRODUCT_SLUG = re.compile(r"^([a-z]{1,5}(?:-[a-z]{1,6})*-\d{1,4}[a-z]?)(?:-(.*))?$", re.IGNORECASE)
MAX_UNPACKED = 50 * 1024 * 1024  # the sitemap protocol's own limit
MAX_DEPTH = 3  # indexes within indexes followed (the protocol itself allows none)
_ARTICLE_PATHS = re.compile(r"^/(?:news|products?|blog|articles?)/[^/]+", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleDraft:
    """A page of the website as a source describes it."""

    url: str
    title: str
    kind: str
    published_at: datetime | None = None
    author: str = ""


def is_web_address(url: str) -> bool:
    """Whether a URL can be taken apart at all (`http://[x`, a port of 99999 cannot)."""
    try:
        urlsplit(url)
        canonical_url(url)
    except ValueError:
        return False
    return True


_POSSESSIVE = re.compile(r"\b(\w+) s\b")


def title_from_url(url: str) -> str:
    """A readable title from a URL's last path segment, for pages known only by URL."""
    slug = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug)
    product = _PRODUCT_SLUG.match(slug) if "/product" in urlsplit(url).path.lower() else None
    if product:  # er-fogi-40-fiber-optic-gyroscope -> ER-FOGI-40 fiber optic gyroscope
        rest = re.sub(r"[-_]+", " ", product.group(2) or "").strip()  # er-mimu-01: a code alone
        return f"{product.group(1).upper()} {rest}".strip()
    words = re.sub(r"[-_]+", " ", slug).strip()
    words = _POSSESSIVE.sub(r"\1's", words)  # china-s-space -> China's space: a slug drops the apostrophe
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
    return _pages(data, source)[0]


def _pages(data: bytes, source: str) -> tuple[list[ArticleDraft], int]:
    """The pages of a sitemap, and how many of its entries are no web address."""
    try:
        root = fromstring(data)
    except (ParseError, DefusedXmlException, ValueError, LookupError) as exc:  # expat refuses an
        raise InvalidInputError(f"{source}: not a readable sitemap: {exc}") from None  # encoding so
    if root.tag not in (f"{_NS}urlset", f"{_NS}sitemapindex"):
        raise InvalidInputError(f"{source}: not a sitemap (root element {root.tag!r})")
    drafts, broken = [], 0
    for node in root.iter(f"{_NS}url"):
        loc = (node.findtext(f"{_NS}loc") or "").strip()
        if loc and not is_web_address(loc):
            broken += 1
        elif loc:
            drafts.append(ArticleDraft(loc, title_from_url(loc), page_kind(loc),
                                       _date(node.findtext(f"{_NS}lastmod"))))
    return drafts, broken


def index_entries(data: bytes) -> list[str]:
    """The sitemaps a `sitemapindex` lists (their URLs)."""
    root = fromstring(data)
    return [(n.findtext(f"{_NS}loc") or "").strip() for n in root.iter(f"{_NS}sitemap")]


def read_sitemap(path: Path, seen: set[Path] | None = None) -> tuple[list[ArticleDraft], list[str]]:
    """The pages of a sitemap file (plain or .gz). A sitemap index is followed to the
    sitemaps it lists that lie beside it; nothing is fetched. Each file is read once (also
    across the calls that share `seen`) and indexes are followed MAX_DEPTH deep: indexes
    that list each other are a note, not an endless reading. Returns drafts and notes."""
    seen = set() if seen is None else seen
    drafts: list[ArticleDraft] = []
    notes: list[str] = []
    if _identity(path) not in seen:
        _read(path, (), seen, drafts, notes)
    return drafts, list(dict.fromkeys(notes))


def _read(path: Path, chain: tuple[Path, ...], seen: set[Path], drafts: list[ArticleDraft],
          notes: list[str]) -> None:
    """One sitemap and, for an index, the ones it lists; `chain` is the indexes that led
    here, `seen` every file read so far."""
    seen.add(_identity(path))
    data = _unzip(_content(path), path.name)
    pages, broken = _pages(data, path.name)
    drafts += pages
    if broken:
        notes.append(f"{path.name}: {broken:,} entr{'ies are' if broken != 1 else 'y is'} no web "
                     "address; skipped")
    if b"sitemapindex" not in data[:2000]:
        return
    if len(chain) >= MAX_DEPTH:
        notes.append(f"{path.name}: the sitemaps it lists are not read; sitemap indexes nested "
                     f"more than {MAX_DEPTH} deep")
        return
    here = (*chain, path)
    for url in index_entries(data):
        local = _beside(path, urlsplit(url).path.rsplit("/", 1)[-1]) if is_web_address(url) else None
        if local is None:
            notes.append(f"{path.name}: {url} is not beside it; import that file too")
            continue
        identity, ancestors = _identity(local), [_identity(p) for p in here]
        if identity in ancestors:
            notes.append(_loop_note([p.name for p in here[ancestors.index(identity):]]))
        elif identity not in seen:  # one listed by two indexes is read once
            _read(local, here, seen, drafts, notes)


def _loop_note(names: list[str]) -> str:
    """What to say of indexes that lead back to one read before: a.xml lists itself,
    a.xml and b.xml list each other, a.xml, b.xml and c.xml list each other in a loop."""
    if len(names) == 1:
        return f"{names[0]} lists itself"
    if len(names) == 2:
        return f"{names[0]} and {names[1]} list each other"
    return f"{', '.join(names[:-1])} and {names[-1]} list each other in a loop"


def _beside(path: Path, name: str) -> Path | None:
    """The file of that name in the sitemap's own folder, if there is one; a name that
    would lead out of the folder (or none, for a URL ending in /) is never one."""
    for candidate in dict.fromkeys((name, unquote(name))):
        if not candidate or candidate in (".", "..") or any(c in candidate for c in "/\\\x00"):
            continue
        local = path.with_name(candidate)
        if local.is_file():
            return local
    return None


def _identity(path: Path) -> Path:
    return path.resolve()


def _content(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"{path.name}: {exc.strerror or exc}") from None


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
