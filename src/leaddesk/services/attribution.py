"""Linking inquiries to the article that brought them, with the reason recorded:
`url` (the page field or a link in the buyer's messages), `code` (the article's short
code in the first messages), `title_match` (a suggestion a person confirms), `manual`."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Article, Inquiry, Message
from leaddesk.domain.extract import find_urls
from leaddesk.domain.urls import attribution, canonical_url
from leaddesk.domain.vocabulary import ArticleLink
from leaddesk.errors import NotFoundError
from leaddesk.services.activity import record

FIRST_MESSAGES = 3
TITLE_THRESHOLD = 88.0
CODE = re.compile(r"(?:\bref(?:erence)?|\barticle|编号|文章|\[)\s*[:#：]?\s*(A\d{1,6})\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“《「](.{6,120}?)[\"”》」]")
_PRODUCT = re.compile(r"(?<![A-Z0-9])([A-Z]{2,}(?:-[A-Z0-9]{1,8}){1,4})(?![A-Z0-9])")


@dataclass(frozen=True)
class _Catalogue:
    by_url: dict[str, int]
    by_code: dict[str, int]
    titles: list[tuple[int, str]]
    products: dict[str, int]


def _catalogue(session: Session) -> _Catalogue:
    articles = session.execute(select(Article.id, Article.url, Article.code, Article.title, Article.kind)
                               ).all()
    ours = [a for a in articles if a.kind != "external"]
    products: dict[str, int] = {}
    for a in ours:
        for code in _PRODUCT.findall(a.title.upper()) + _PRODUCT.findall(a.url.upper()):
            products.setdefault(code, a.id)
    return _Catalogue({a.url: a.id for a in ours}, {a.code: a.id for a in ours if a.code},
                      [(a.id, _plain(a.title)) for a in ours if a.kind == "article" and a.title],
                      products)


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _by_url(urls: Iterable[str], catalogue: _Catalogue) -> tuple[int, str] | None:
    for url in urls:
        article = catalogue.by_url.get(canonical_url(url))
        if article is not None:
            return article, url
    return None


def _by_title(text: str, catalogue: _Catalogue) -> tuple[int, float] | None:
    """The article a buyer names: a quoted title, a title in the text, or a product code."""
    best: tuple[int, float] | None = None
    plain = _plain(text)
    quoted = [_plain(q) for q in _QUOTED.findall(text)]
    for article_id, title in catalogue.titles:
        scores = [fuzz.ratio(q, title) for q in quoted]
        if len(title) >= 12:
            scores.append(fuzz.partial_ratio(title, plain))
        score = max(scores, default=0.0)
        if score >= TITLE_THRESHOLD and (best is None or score > best[1]):
            best = (article_id, score)
    if best is None:
        for code in _PRODUCT.findall(text.upper()):
            if code in catalogue.products:
                return catalogue.products[code], 90.0
    return best


def link_inquiry(session: Session, inquiry: Inquiry, catalogue: _Catalogue) -> str | None:
    """Apply the rules to one inquiry; a person's link is never overwritten."""
    if inquiry.article_link == ArticleLink.MANUAL.value:
        return None
    texts = list(session.scalars(select(Message.body).where(
        Message.inquiry_id == inquiry.id, Message.direction == "in").order_by(Message.sent_at)))
    urls = ([inquiry.source_url] if inquiry.source_url else []) + \
        [url for text in texts for url in find_urls(text)]
    found = _by_url(urls, catalogue)
    if found is not None:
        article_id, url = found
        tags = attribution(url)
        inquiry.utm_source = inquiry.utm_source or tags.source
        inquiry.utm_medium = inquiry.utm_medium or tags.medium
        inquiry.utm_campaign = inquiry.utm_campaign or tags.campaign
        return _set(inquiry, article_id, ArticleLink.URL, 1.0)
    for text in texts[:FIRST_MESSAGES]:
        for code in CODE.findall(text):
            if code.upper() in catalogue.by_code:
                return _set(inquiry, catalogue.by_code[code.upper()], ArticleLink.CODE, 1.0)
    if inquiry.article_link in (ArticleLink.URL.value, ArticleLink.CODE.value):
        return None  # keep an earlier automatic link
    suggestion = _by_title("\n".join(texts[:FIRST_MESSAGES * 2]), catalogue)
    if suggestion is not None:
        return _set(inquiry, suggestion[0], ArticleLink.TITLE_MATCH, suggestion[1] / 100)
    return None


def _set(inquiry: Inquiry, article_id: int, how: ArticleLink, confidence: float) -> str:
    inquiry.article_id, inquiry.article_link = article_id, how.value
    inquiry.article_confidence = round(confidence, 3)
    return how.value


def link_inquiries(session: Session, inquiry_ids: Iterable[int] | None = None) -> dict[str, int]:
    """Run the rules over some inquiries (all when None); returns how many each rule linked."""
    catalogue = _catalogue(session)
    if not catalogue.by_url:
        return {}
    query = select(Inquiry)
    if inquiry_ids is not None:
        ids = list(inquiry_ids)
        if not ids:
            return {}
        query = query.where(Inquiry.id.in_(ids))
    linked: dict[str, int] = {}
    for inquiry in session.scalars(query):
        how = link_inquiry(session, inquiry, catalogue)
        if how:
            linked[how] = linked.get(how, 0) + 1
    session.flush()
    return linked


def set_article(session: Session, inquiry_id: int, article_id: int | None, *, actor: str) -> None:
    """A person's link (or confirmation of a suggestion), which the rules never change."""
    inquiry = session.get(Inquiry, inquiry_id)
    if inquiry is None:
        raise NotFoundError(f"no inquiry #{inquiry_id}")
    if article_id is not None and session.get(Article, article_id) is None:
        raise NotFoundError(f"no article #{article_id}")
    inquiry.article_id = article_id  # None: a person says no article brought it
    inquiry.article_link = ArticleLink.MANUAL.value
    inquiry.article_confidence = 1.0
    record(session, "article_linked", actor, contact_id=inquiry.contact_id, inquiry_id=inquiry_id,
           article=article_id)
