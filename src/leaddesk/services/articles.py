"""The article catalogue: adding pages of the website and giving each a short code."""

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.db.models import Article
from leaddesk.importers.sitemap import ArticleDraft


def add_articles(
    session: Session, drafts: Iterable[ArticleDraft], batch_id: int | None = None
) -> list[int]:
    """Store pages not yet known (by URL); every page gets a short code like `A12`."""
    known = dict(session.execute(select(Article.url, Article.id)).all())
    ids = []
    for draft in drafts:
        if draft.url in known:
            ids.append(known[draft.url])
            continue
        article = Article(url=draft.url, title=draft.title, kind=draft.kind,
                          published_at=draft.published_at, author=draft.author,
                          import_batch_id=batch_id)
        session.add(article)
        session.flush()
        article.code = f"A{article.id}"
        known[draft.url] = article.id
        ids.append(article.id)
    session.flush()
    return ids
