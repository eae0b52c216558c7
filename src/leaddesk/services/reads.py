"""What the window reads, one function each over a session of its own, so that no code
in ui/ opens a session: the window runs these off its GUI thread (`Operations.read`),
except the few one-page reads a view needs to draw at all (an inbox block, one owner)."""

import threading
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leaddesk.domain.identities import NormalizedIdentity
from leaddesk.domain.paired import Why
from leaddesk.errors import NotFoundError
from leaddesk.services import articles, contacts, followups, inbox, merge, operations
from leaddesk.services import attention as needs
from leaddesk.services.apart import run_apart, url_of
from leaddesk.services.article_links import ArticleLinks, article_links
from leaddesk.services.desk import Desk

if TYPE_CHECKING:  # searches, reports and summaries load when first used
    from leaddesk.reports.build import ReportDone
    from leaddesk.reports.rows import Period
    from leaddesk.reports.summary import Summary
    from leaddesk.services.mail.accounts import AccountView, Login
    from leaddesk.services.search import SearchResult

# Past this many inquiries in a period, a shared desk's summary is read in a process of
# its own (benchmarks/responsiveness.py: reading them in the window's process held the GIL
# and left the process 500 MB larger).
APART_INQUIRIES = 20_000

# One pair of suggested duplicates: their ids, why they were paired, and both contacts.
Pair = tuple[int, int, Why, contacts.ContactSummary, contacts.ContactSummary]


def inbox_ids(desk: Desk, sort: str, descending: bool, only: list[int] | None,
              limit: int | None = None) -> list[int]:
    """The inbox's inquiry ids in display order (the first `limit` of them)."""
    with desk.transaction() as session:
        return inbox.inbox_ids(session, sort, descending, only=only, limit=limit)


def inbox_rows(desk: Desk, ids: list[int]) -> dict[int, inbox.InboxRow]:
    """The inbox rows of these inquiries (one block of the list)."""
    with desk.transaction() as session:
        return inbox.inbox_rows(session, ids)


@dataclass(frozen=True)
class Shown:
    """An inquiry as the detail pane shows it: who and what was said."""

    card: inbox.ContactCard
    talk: inbox.Conversation


def shown_inquiry(desk: Desk, inquiry_id: int) -> Shown | None:
    """The buyer's card and the conversation, or None when the inquiry went meanwhile
    (a revert, an erasure)."""
    with desk.transaction() as session:
        try:
            return Shown(inbox.contact_card(session, inquiry_id), inbox.conversation(session, inquiry_id))
        except NotFoundError:
            return None


def message_text(desk: Desk, message_id: int) -> str:
    """One message's whole text."""
    with desk.transaction() as session:
        return inbox.message_text(session, message_id)


def search(desk: Desk, typed: str, region: str, limit: int = 1000) -> "SearchResult":
    """What a person typed in the search box, found."""
    from leaddesk.services.search import search as find

    with desk.transaction() as session:
        return find(session, typed, limit=limit, default_region=region)


def contacts_shown(desk: Desk, typed: str, limit: int) -> list[contacts.ContactSummary]:
    """The newest contacts, or those a filter finds."""
    from leaddesk.services.search import find_contacts

    with desk.transaction() as session:
        only = find_contacts(session, typed, limit=limit) if typed else None
        return contacts.list_contacts(session, limit=limit, only=only)


def owner_of(desk: Desk, found: NormalizedIdentity) -> int | None:
    """The contact an identity already belongs to, if any."""
    with desk.transaction() as session:
        return contacts.owners_of(session, [found]).get(found.key)


@dataclass(frozen=True)
class Editing:
    """A contact as its editor opens it: the fields and every identity."""

    contact: contacts.ContactSummary
    identities: list[contacts.IdentityRow]


def contact_to_edit(desk: Desk, contact_id: int) -> Editing:
    """One contact's fields and identities, for its editor."""
    with desk.transaction() as session:
        return Editing(contacts.get_contact(session, contact_id), contacts.identities_of(session, contact_id))


def holder_of(desk: Desk, found: NormalizedIdentity) -> contacts.Holder | None:
    """The contact that holds an identity already, if any (one indexed look-up as a person types)."""
    with desk.transaction() as session:
        return contacts.holder_of(session, found)


def open_pairs(desk: Desk) -> list[Pair]:
    """The suggested duplicates nobody decided on yet, with both contacts."""
    with desk.transaction() as session:
        return [(a, b, why, contacts.get_contact(session, a), contacts.get_contact(session, b))
                for _, a, b, why in merge.open_duplicates(session)]


def merge_fields(desk: Desk, survivor: int, merged: int) -> list[tuple[str, str, str]]:
    """Each field two contacts may disagree on, with both sides."""
    with desk.transaction() as session:
        return merge.merge_fields(session, survivor, merged)


def article_choices(desk: Desk) -> list[tuple[int, str]]:
    """The articles an inquiry can be linked to."""
    with desk.transaction() as session:
        return articles.article_choices(session)


def articles_listed(desk: Desk) -> list[articles.ArticleSummary]:
    """The catalogue with its counts."""
    with desk.transaction() as session:
        return articles.list_articles(session)


def links_of(desk: Desk, code: str, phone: str, email: str) -> ArticleLinks:
    """The chat links that arrive linked to an article."""
    with desk.transaction() as session:
        return article_links(articles.find_article(session, code), phone, email)


def followups_open(desk: Desk, now: datetime) -> list[followups.FollowUpSummary]:
    """Every open follow-up."""
    with desk.transaction() as session:
        return followups.list_followups(session, followups.Due.ALL, now=now)


def followups_overdue(desk: Desk) -> list[followups.FollowUpSummary]:
    """The follow-ups past their time."""
    with desk.transaction() as session:
        return followups.list_followups(session, followups.Due.OVERDUE)


def attention(desk: Desk) -> needs.Attention:
    """What needs attention now (the counts beside the views' names), days in local time."""
    with desk.transaction() as session:
        return needs.attention(session, datetime.now().astimezone())


def summary(desk: Desk, period: "Period") -> "Summary":
    """A period's figures; a big one on a shared desk in a process of its own."""
    from leaddesk.reports.rows import inquiries_in, lead_rows
    from leaddesk.reports.summary import summarise

    with desk.transaction() as session:
        if not desk.shared or inquiries_in(session, period) < APART_INQUIRIES:
            return summarise(lead_rows(session, period))
    work = partial(operations.summarise_apart, period)
    figures: Summary = run_apart(work, url_of(desk.engine.url), _unheard, _unheard, threading.Event())
    return figures


def report(desk: Desk, fmt: str, target: Path, period: "Period") -> "ReportDone":
    """Write a period's report; on a shared desk in a process of its own (seconds of
    Python that would otherwise hold the GIL over the window's thread)."""
    from leaddesk.reports.build import build_report

    if desk.shared:
        work = partial(operations.export_report_apart, fmt, target, period)
        done: ReportDone = run_apart(work, url_of(desk.engine.url), _unheard, _unheard, threading.Event())
        return done
    with desk.transaction() as session:
        return build_report(session, fmt, target, period)


def _unheard(*_: object) -> None:
    """Progress and messages nobody shows."""


def mail_accounts(desk: Desk) -> "list[AccountView]":
    """The mail accounts, by name, with whether the keyring holds each one's password."""
    from leaddesk.services.mail.accounts import list_accounts

    with desk.transaction() as session:
        return list_accounts(session)


def waiting_mails(desk: Desk) -> list[dict[str, Any]]:
    """The mails waiting in "New senders", oldest first."""
    from leaddesk.services.mail.pending import list_pending

    with desk.transaction() as session:
        return list_pending(session)


def waiting_mail_text(desk: Desk, pending_id: int) -> str:
    """What a waiting mail says, to decide on it."""
    from leaddesk.services.mail.pending import pending_text

    with desk.transaction() as session:
        return pending_text(session, pending_id)


def mail_logins(desk: Desk) -> "list[Login]":
    """Every mail account's login details (to wait for its mail)."""
    from leaddesk.services.mail.accounts import Login, find_accounts

    with desk.transaction() as session:
        return [Login.of(account) for account in find_accounts(session, [])]
