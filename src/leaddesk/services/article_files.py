"""The site's pages from files a person has: a sitemap (.xml, .xml.gz, an index of them),
a saved page (.html) or a CSV of articles; the command line and the window read them alike."""

from dataclasses import dataclass
from pathlib import Path

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.pages import parse_article_csv, parse_page
from leaddesk.importers.sitemap import ArticleDraft, read_sitemap
from leaddesk.importers.sources import read_source
from leaddesk.services.articles import add_articles
from leaddesk.services.attribution import link_inquiries
from leaddesk.services.desk import Desk

ARTICLE_FILES = ("*.xml", "*.xml.gz", "*.gz", "*.html", "*.htm", "*.csv")


def read_article_file(path: Path, sitemaps: set[Path] | None = None) -> tuple[list[ArticleDraft], list[str]]:
    """A sitemap (.xml or .xml.gz), a saved page (.html) or a CSV of articles; `sitemaps`
    are the sitemap files read already (by an index named earlier), not read again."""
    name = path.name.lower()
    if name.endswith((".xml", ".xml.gz", ".gz")):
        return read_sitemap(path, sitemaps)
    source = read_source(path)
    if name.endswith(".csv"):
        return parse_article_csv(source), []
    if name.endswith((".html", ".htm")) or b"<html" in source.data[:2000].lower():
        return [parse_page(source)], []
    raise ImportFileError(path.name, "not a sitemap, saved page (.html) or CSV of articles")


@dataclass(frozen=True)
class ArticlesImported:
    """What an import of article files did."""

    articles: list[int]  # the catalogue's ids of the pages read (new or known)
    entries: int  # entries read from the files
    linked: dict[str, int]  # inquiries linked to them since, by rule
    notes: list[str]  # what the files said that is worth telling (a sitemap left out...)

    def said(self) -> str:
        """One line: "9 pages in the catalogue from 9 entries; linked {'url': 3}"."""
        return (f"{len(set(self.articles))} pages in the catalogue from {self.entries} entries"
                + (f"; linked {self.linked}" if self.linked else ""))


def import_article_files(desk: Desk, paths: list[Path]) -> ArticlesImported:
    """Read every file first (a bad one is one line, and nothing is stored), then add the
    pages and link the inquiries that name them, in one transaction."""
    drafts: list[ArticleDraft] = []
    notes: list[str] = []
    sitemaps: set[Path] = set()
    for path in paths:
        found, said = read_article_file(path, sitemaps)
        drafts += found
        notes += said
    with desk.transaction() as session:
        ids = add_articles(session, drafts)
        linked = link_inquiries(session)
    return ArticlesImported(ids, len(drafts), linked, notes)
