"""The report's views: one row per inquiry (streamed as read), or per contact or per
article (gathered from the inquiries)."""

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from leaddesk.domain.vocabulary import channel_name
from leaddesk.reports.rows import HEADERS, LeadRow

CONTACT_HEADERS = ["contact", "company", "country", "phones", "emails", "wechat_ids", "inquiries", "channels",
                   "first_message_at", "last_activity", "stage", "lost_reason", "owner",
                   "articles", "next_followup"]
ARTICLE_HEADERS = ["article_title", "article_url", "inquiries", "contacts", "won", "channels",
                   "countries", "first_message_at", "last_activity"]


def table(rows: Iterable[LeadRow], by: str) -> tuple[list[str], Iterable[Sequence[Any]]]:
    """Headers and rows for `by` = inquiry, contact or article."""
    if by == "inquiry":
        return HEADERS, (row._replace(channel=channel_name(row.channel)) for row in rows)
    groups: dict[Hashable, list[LeadRow]] = defaultdict(list)
    for row in rows:
        if by == "contact":
            groups[row.contact_id].append(row)
        elif row.article_url and row.article_link != "title_match":
            groups[(row.article_title, row.article_url)].append(row)
    out: list[list[Any]] = []
    for members in groups.values():
        head = members[0]
        first = min(r.first_message_at for r in members)
        last = max(r.last_activity for r in members)
        seen = Counter(channel_name(r.channel) for r in members)
        channels = ", ".join(f"{c} {n}" for c, n in seen.most_common())
        if by == "contact":
            articles = "; ".join(sorted({r.article_title for r in members if r.article_title}))
            out.append([head.contact, head.company, head.country, head.phones, head.emails,
                        head.wechat_ids, len(members), channels, first, last, head.stage, head.lost_reason,
                        head.owner, articles, head.next_followup])
        else:
            people = {r.contact_id: r.stage for r in members}
            countries = ", ".join(f"{c} {n}" for c, n in
                                  Counter(r.country or "unknown" for r in members).most_common(5))
            out.append([head.article_title, head.article_url, len(members), len(people),
                        sum(1 for stage in people.values() if stage == "won"), channels, countries,
                        first, last])
    count = 6 if by == "contact" else 2  # the inquiries column: busiest first
    out.sort(key=lambda values: -int(values[count]))
    return (CONTACT_HEADERS if by == "contact" else ARTICLE_HEADERS), out
