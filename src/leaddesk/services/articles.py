"""The article catalogue: pages of the website with a short code each, and what each
article brought in."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Article, Contact, Inquiry
from leaddesk.domain.urls import canonical_url, host_of
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.importers.sitemap import ArticleDraft, is_web_address

LINKED = ("url", "code", "manual")  # how an inquiry counts as brought by its article


@dataclass(frozen=True)
class ArticleSummary:
    """An article as lists and `articles --json` show it."""

    id: int
    code: str | None
    url: str
    title: str
    kind: str
    published_at: datetime | None
    author: str
    inquiries: int = 0


@dataclass(frozen=True)
class ArticleFigures:
    """What one article brought in over a period."""

    article_id: int
    inquiries: int
    contacts: int
    won: int
    channels: dict[str, int] = field(default_factory=dict)


def site_host(session: Session) -> str | None:
    """The company site's host: the one most of the catalogue's articles live on."""
    hosts = Counter(host_of(url) for url in session.scalars(
        select(Article.url).where(Article.kind != "external")))
    return hosts.most_common(1)[0][0] if hosts else None


def add_articles(
    session: Session, drafts: Iterable[ArticleDraft], batch_id: int | None = None
) -> list[int]:
    """Store pages by canonical URL: new ones get a short code like `A12`; known ones take
    a better title, date or author. Pages of other sites are kept as external referrers."""
    drafts = list(drafts)
    known = {canonical_url(url): id_ for url, id_ in session.execute(select(Article.url, Article.id))}
    home = site_host(session)
    if home is None and drafts:
        home = Counter(host_of(d.url) for d in drafts).most_common(1)[0][0]
    ids = []
    for draft in drafts:
        url = canonical_url(draft.url)
        kind = draft.kind if host_of(url) == home else "external"
        if url in known:
            article = session.get_one(Article, known[url])
            if draft.title and (not article.title or article.title == _slug_title(article.url)):
                article.title = draft.title[:500]
            article.published_at = article.published_at or draft.published_at
            article.author = article.author or draft.author
            ids.append(article.id)
            continue
        article = Article(url=url, title=draft.title[:500], kind=kind,
                          published_at=draft.published_at, author=draft.author,
                          import_batch_id=batch_id)
        session.add(article)
        session.flush()
        article.code = f"A{article.id}"
        known[url] = article.id
        ids.append(article.id)
    session.flush()
    return ids


def _slug_title(url: str) -> str:
    from leaddesk.importers.sitemap import title_from_url

    return title_from_url(url)


def find_article(session: Session, reference: str) -> Article:
    """An article by id, short code, or URL."""
    text = reference.strip()
    conditions = [Article.code == text.upper()]
    if "." in text and is_web_address(text):
        conditions.append(Article.url == canonical_url(text))
    if text.isdigit():
        conditions.append(Article.id == int(text))
    article = session.scalars(select(Article).where(or_(*conditions))).first()
    if article is None:
        raise NotFoundError(f"no article {reference!r} (give its id, code like A12, or URL)")
    return article


def article_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "A12 · title") of every article, newest first: what a picker offers."""
    return [(article_id, f"{code} · {title}" if code else title)
            for article_id, code, title in session.execute(
                select(Article.id, Article.code, Article.title).where(Article.kind == "article")
                .order_by(Article.published_at.desc(), Article.id))]


def list_articles(session: Session) -> list[ArticleSummary]:
    """Articles first, then other pages, each with how many inquiries it brought."""
    counts = dict(session.execute(
        select(Inquiry.article_id, func.count()).where(Inquiry.article_link.in_(LINKED))
        .group_by(Inquiry.article_id)).all())
    articles = session.scalars(select(Article).order_by(
        (Article.kind != "article"), Article.published_at.desc(), Article.id))
    return [ArticleSummary(a.id, a.code, a.url, a.title, a.kind, a.published_at, a.author,
                           counts.get(a.id, 0)) for a in articles]


def article_figures(session: Session, article_id: int, since: datetime | None = None,
                    until: datetime | None = None) -> ArticleFigures:
    """Inquiries, contacts, won leads and the channel mix an article brought in a period."""
    if session.get(Article, article_id) is None:
        raise NotFoundError(f"no article #{article_id}")
    if since and until and since > until:
        raise InvalidInputError("the period ends before it starts")
    query = (select(Inquiry.channel, Inquiry.contact_id, Contact.stage)
             .join(Contact, Contact.id == Inquiry.contact_id)
             .where(Inquiry.article_id == article_id, Inquiry.article_link.in_(LINKED),
                    Contact.deleted_at.is_(None)))
    if since:
        query = query.where(Inquiry.started_at >= since)
    if until:
        query = query.where(Inquiry.started_at < until)
    rows = session.execute(query).all()
    return ArticleFigures(
        article_id, len(rows), len({r.contact_id for r in rows}),
        len({r.contact_id for r in rows if r.stage == "won"}),
        dict(Counter(r.channel for r in rows)),
    )


def save_article(session: Session, *, url: str | None = None, reference: str | None = None,
                 title: str | None = None, author: str | None = None,
                 published_at: datetime | None = None) -> ArticleSummary:
    """Add an article by hand (give `url`) or edit one (give `reference`)."""
    if reference is None:
        if not url or "." not in url or not is_web_address(url):
            raise InvalidInputError(f"{url!r} is not a web address")
        ids = add_articles(session, [ArticleDraft(url, (title or "").strip() or _slug_title(url),
                                                  "article", published_at, author or "")])
        article = session.get_one(Article, ids[0])
    else:
        article = find_article(session, reference)
    if title is not None:
        if not title.strip():
            raise InvalidInputError("an article needs a title")
        article.title = title.strip()[:500]
    if author is not None:
        article.author = author.strip()[:200]
    if published_at is not None:
        article.published_at = published_at
    session.flush()
    return next(a for a in list_articles(session) if a.id == article.id)
