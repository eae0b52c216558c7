"""The figures a manager reads: headline numbers and the series behind each chart."""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from leaddesk.domain.vocabulary import Stage
from leaddesk.reports.rows import LeadRow


@dataclass
class Summary:
    """Everything the Summary sheet, the PDF and the dashboard draw."""

    inquiries: int = 0
    contacts: int = 0
    won: int = 0
    lost: int = 0
    median_response_minutes: float | None = None
    weeks: list[date] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    per_week: dict[str, list[int]] = field(default_factory=dict)  # channel -> count per week
    top_articles: list[tuple[str, int]] = field(default_factory=list)
    countries: list[tuple[str, int]] = field(default_factory=list)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    response_by_channel: list[tuple[str, float]] = field(default_factory=list)


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def summarise(rows: list[LeadRow]) -> Summary:
    """Aggregate lead rows into the report's figures."""
    summary = Summary(inquiries=len(rows))
    if not rows:
        return summary
    stages: dict[str, str] = {}
    for row in rows:
        stages[row.contact + "\x1f" + row.phones + row.emails] = row.stage
    summary.contacts = len(stages)
    summary.won = sum(1 for s in stages.values() if s == Stage.WON)
    summary.lost = sum(1 for s in stages.values() if s == Stage.LOST)
    responses = [r.first_response_minutes for r in rows if r.first_response_minutes is not None]
    summary.median_response_minutes = round(statistics.median(responses), 1) if responses else None
    first, last = _week(min(r.first_message_at for r in rows).date()), \
        _week(max(r.first_message_at for r in rows).date())
    summary.weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    counts: Counter[tuple[date, str]] = Counter((_week(r.first_message_at.date()), r.channel)
                                                for r in rows)
    summary.channels = sorted({r.channel for r in rows})
    summary.per_week = {c: [counts[(w, c)] for w in summary.weeks] for c in summary.channels}
    summary.top_articles = Counter(r.article_title for r in rows
                                   if r.article_title and r.article_link != "title_match"
                                   ).most_common(10)
    summary.countries = Counter(r.country or "unknown" for r in rows).most_common(10)
    reached = Counter(stages.values())
    summary.funnel = [(stage.value, reached[stage.value]) for stage in Stage]
    by_channel: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if row.first_response_minutes is not None:
            by_channel[row.channel].append(row.first_response_minutes)
    summary.response_by_channel = [(c, round(statistics.median(v), 1))
                                   for c, v in sorted(by_channel.items())]
    return summary
