"""The figures a manager reads: headline numbers and the series behind each chart."""

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

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


@lru_cache(maxsize=4096)
def _week(day: str) -> date:
    """The Monday of a `YYYY-MM-DD...` day's week."""
    moment = date.fromisoformat(day[:10])
    return moment - timedelta(days=moment.weekday())


class Tally:
    """The figures, gathered row by row as a report streams past."""

    def __init__(self) -> None:
        self.count = 0
        self.stages: dict[int, str] = {}
        self.weeks: Counter[tuple[date, str]] = Counter()
        self.articles: Counter[str] = Counter()
        self.countries: Counter[str] = Counter()
        self.responses: dict[str, list[float]] = defaultdict(list)

    def passing(self, rows: Iterable[LeadRow]) -> Iterator[LeadRow]:
        """The rows, unchanged, each counted on its way through."""
        for row in rows:
            self.count += 1
            self.stages[row.contact_id] = row.stage
            self.weeks[(_week(row.first_message_at[:10]), row.channel)] += 1
            if row.article_title and row.article_link != "title_match":
                self.articles[row.article_title] += 1
            self.countries[row.country or "unknown"] += 1
            if row.first_response_minutes is not None:
                self.responses[row.channel].append(row.first_response_minutes)
            yield row

    def summary(self) -> Summary:
        """The figures of every row seen so far."""
        summary = Summary(inquiries=self.count)
        if not self.count:
            return summary
        summary.contacts = len(self.stages)
        reached = Counter(self.stages.values())
        summary.won, summary.lost = reached[Stage.WON.value], reached[Stage.LOST.value]
        every = [minutes for values in self.responses.values() for minutes in values]
        summary.median_response_minutes = round(statistics.median(every), 1) if every else None
        first, last = min(week for week, _ in self.weeks), max(week for week, _ in self.weeks)
        summary.weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
        summary.channels = sorted({channel for _, channel in self.weeks})
        summary.per_week = {c: [self.weeks[(w, c)] for w in summary.weeks] for c in summary.channels}
        summary.top_articles = self.articles.most_common(10)
        summary.countries = self.countries.most_common(10)
        summary.funnel = [(stage.value, reached[stage.value]) for stage in Stage]
        summary.response_by_channel = [(c, round(statistics.median(v), 1))
                                       for c, v in sorted(self.responses.items())]
        return summary


def summarise(rows: Iterable[LeadRow]) -> Summary:
    """Aggregate lead rows into the report's figures, in one pass."""
    tally = Tally()
    for _ in tally.passing(rows):
        pass
    return tally.summary()
