"""Saved article pages (.html) and CSV lists of articles, as article drafts."""

import csv
import io
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.sitemap import ArticleDraft, is_web_address, page_kind
from leaddesk.importers.sources import Source, csv_rows, file_text

_PUBLISHED = re.compile(r"(?:Publish(?:ed)?\s*(?:Time|Date|on)?|发布时间|发布日期)\s*[:：]?\s*"
                        r"(\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)", re.IGNORECASE)
_AUTHOR = re.compile(r"(?:Author|作者)\s*[:：]\s*([^\n|]{1,60}?)(?:\s{2,}|\s*\||\n|$|\s+Publish)",
                     re.IGNORECASE)
_SITE_SUFFIX = re.compile(r"\s+[-|–—_]\s+.*$")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title = ""
        self.h1 = ""
        self.text: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.canonical = values.get("href")
        elif tag in ("title", "h1") and not getattr(self, tag):
            self._in = tag
        elif tag in ("script", "style"):
            self._in = "skip"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "h1", "script", "style"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        if self._in != "skip":
            self.text.append(data)


def _date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_page(source: Source) -> ArticleDraft:
    """A saved page: its title without the site-name suffix, canonical URL, publish time
    and author."""
    parser = _PageParser()
    try:
        parser.feed(file_text(source)[0])
    except (AssertionError, ValueError) as exc:
        raise ImportFileError(source.name, f"unreadable HTML: {exc}") from None
    url = parser.canonical or parser.meta.get("og:url")
    if not url:
        raise ImportFileError(source.name, "the page names no URL (no canonical link or og:url)")
    title = (parser.meta.get("og:title") or parser.h1 or _SITE_SUFFIX.sub("", parser.title)).strip()
    if not title:
        raise ImportFileError(source.name, "the page has no title (og:title, h1 or title)")
    text = " ".join(" ".join(parser.text).split())
    published = _date(parser.meta.get("article:published_time"))
    if published is None and (found := _PUBLISHED.search(text)):
        published = _date(found.group(1))
    author = parser.meta.get("author") or parser.meta.get("article:author") or ""
    if not author and (found := _AUTHOR.search(text)):
        author = found.group(1).strip()
    if not is_web_address(url.strip()):
        raise ImportFileError(source.name, f"the page's URL {url.strip()[:200]!r} is no web address")
    kind = "article" if parser.meta.get("og:type") == "article" else page_kind(url)
    return ArticleDraft(url.strip(), " ".join(title.split()), kind, published, author)


def parse_article_csv(source: Source) -> list[ArticleDraft]:
    """A CSV of articles: url and title columns, publish date and author if present."""
    reader = csv.reader(io.StringIO(file_text(source)[0], newline=""))
    rows = csv_rows(reader, source.name)
    header = next(rows, [])
    fields = {name.strip().lower(): name for name in header}
    if "url" not in fields:
        raise ImportFileError(source.name, "the CSV has no url column", 1)
    drafts = []
    for cells in rows:
        row = dict(zip(header, cells, strict=False))
        url = (row.get(fields["url"]) or "").strip()
        if not url:
            continue
        if not is_web_address(url):
            raise ImportFileError(source.name, f"{url[:200]!r} is no web address", reader.line_num)
        title = (row.get(fields.get("title", ""), "") or "").strip()
        published = _date(row.get(fields.get("published", fields.get("date", "")), ""))
        drafts.append(ArticleDraft(url, title or url, page_kind(url), published,
                                   (row.get(fields.get("author", ""), "") or "").strip()))
    return drafts
