"""The `articles` sub-command: import the site's pages, list them, relink, make links."""

import argparse
import json
from dataclasses import asdict
from datetime import UTC, date, datetime, time
from pathlib import Path

from leaddesk.errors import InvalidInputError
from leaddesk.services.article_files import import_article_files
from leaddesk.services.article_links import article_links, write_qr_codes
from leaddesk.services.articles import find_article, list_articles, save_article
from leaddesk.services.attribution import link_inquiries
from leaddesk.services.desk import Desk
from leaddesk.settings import Settings


def run_articles(args: argparse.Namespace, desk: Desk, settings: Settings) -> int:
    """articles [--json] | import FILE... | relink | links ARTICLE [--qr DIR]"""
    action = args.articles_command
    if action == "import":
        imported = import_article_files(desk, [Path(name) for name in args.files])
        print(imported.said())
        for note in imported.notes:
            print(f"note: {note}")
        return 0
    if action in ("add", "edit"):
        published = None
        if args.published:
            try:
                published = datetime.combine(date.fromisoformat(args.published), time(), UTC)
            except ValueError:
                raise InvalidInputError(f"--published {args.published!r}: write YYYY-MM-DD") from None
        with desk.transaction() as session:
            saved = save_article(session, url=args.target if action == "add" else None,
                                 reference=args.target if action == "edit" else None,
                                 title=args.title, author=args.author, published_at=published)
            linked = link_inquiries(session) if action == "add" else {}
        if args.json:
            print(json.dumps({**asdict(saved), "published_at": saved.published_at.isoformat()
                              if saved.published_at else None}, ensure_ascii=False))
        else:
            print(f"{saved.code}: {saved.title} ({saved.url})" + (f"; linked {linked}" if linked else ""))
        return 0
    if action == "relink":
        with desk.transaction() as session:
            linked = link_inquiries(session)
        print(json.dumps(linked) if args.json else
              "linked: " + (", ".join(f"{n} by {how}" for how, n in linked.items()) or "nothing new"))
        return 0
    if action == "links":
        phone = args.phone or next(iter(settings.own_phones), "")
        email = args.email or next(iter(settings.own_emails), "")
        with desk.transaction() as session:
            links = article_links(find_article(session, args.article), phone, email)
        written = write_qr_codes(links, Path(args.qr)) if args.qr else []
        if args.json:
            print(json.dumps({**asdict(links), "qr": [str(p) for p in written]}, ensure_ascii=False))
        else:
            print(f"code:     {links.code}\nwhatsapp: {links.whatsapp}\nemail:    {links.mailto}")
            for path in written:
                print(f"qr:       {path}")
        return 0
    with desk.transaction() as session:
        articles = list_articles(session)
    if args.json:
        print(json.dumps([{**asdict(a), "published_at": a.published_at.isoformat()
                           if a.published_at else None} for a in articles],
                         ensure_ascii=False, indent=2))
    else:
        for a in articles:
            print(f"{a.code or '':<6} {a.kind:<8} {a.inquiries:>4}  {a.title[:70]}")
    return 0

