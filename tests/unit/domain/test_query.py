"""The query language and how Chinese meets the index."""

from datetime import date

import pytest

from leaddesk.domain.query import QueryError, parse_query
from leaddesk.domain.searchtext import index_text, query_tokens


@pytest.mark.parametrize(("typed", "words", "phrases", "excluded", "filters", "phone"), [
    ("gyroscope price", ["gyroscope", "price"], [], [], {}, None),
    ('"bias stability" -quote', [], ["bias stability"], ["quote"], {}, None),
    ("channel:whatsapp stage:quoted 陀螺", ["陀螺"], [], [], {"channel": ["whatsapp"],
                                                          "stage": ["quoted"]}, None),
    ("country:DE after:2021-04-01 is:overdue", [], [], [],
     {"country": ["DE"], "after": ["2021-04-01"], "is": ["overdue"]}, None),
    ("+49 1512 3456789", [], [], [], {}, "+49 1512 3456789"),
    ("(905) 666-1234", [], [], [], {}, "(905) 666-1234"),
    ("3456789", [], [], [], {}, "3456789"),
    ("2021", ["2021"], [], [], {}, None),
    ("http://x.com/a", ["http://x.com/a"], [], [], {}, None),
    ('"unbalanced', [], ["unbalanced"], [], {}, None),
    ("a\x01\x1b[31mb", ["a[31mb"], [], [], {}, None),
])
def test_parse_query(typed: str, words: list[str], phrases: list[str], excluded: list[str],
                     filters: dict[str, list[str]], phone: str | None) -> None:
    query = parse_query(typed)
    assert (query.words, query.phrases, query.excluded, query.filters, query.phone) == (
        words, phrases, excluded, filters, phone)


@pytest.mark.parametrize(("typed", "filters"), [
    ("after:yesterday price", {"after": ["2026-12-01"]}),
    ("after:today before:2027-01-01", {"after": ["2026-12-02"], "before": ["2027-01-01"]}),
    ("after:7d", {"after": ["2026-11-25"]}),
    ("channel:WhatsApp is:Overdue", {"channel": ["WhatsApp"], "is": ["Overdue"]}),
])
def test_dates_may_be_said_as_people_say_them(typed: str, filters: dict[str, list[str]]) -> None:
    assert parse_query(typed, today=date(2026, 12, 2)).filters == filters


@pytest.mark.parametrize(("typed", "said"), [
    ("after:someday price", "after:someday is not a date"),
    ("before:2026-13-01", "before:2026-13-01 is not a date"),
    ("is:late", "is:late: use is:overdue or is:unanswered"),
    ("channel:fax", "channel:fax: use one of whatsapp"),
    ("stage:hot sensor", "stage:hot: use one of new"),
])
def test_a_filter_that_means_nothing_is_said_not_ignored(typed: str, said: str) -> None:
    with pytest.raises(QueryError, match=said):
        parse_query(typed)


def test_long_queries_are_cut() -> None:
    assert len(parse_query("a" * 10_000).words[0]) == 500


@pytest.mark.parametrize(("text", "indexed"), [
    ("光纤陀螺仪", " 光纤 纤陀 陀螺 螺仪 仪 "),
    ("ER-FOGI-40 样品", "ER-FOGI-40  样品 品 "),
    ("plain English", "plain English"),
])
def test_index_text(text: str, indexed: str) -> None:
    assert index_text(text) == indexed


@pytest.mark.parametrize(("term", "tokens"), [
    ("陀螺", ["陀螺"]), ("陀螺仪", ["陀螺", "螺仪"]), ("陀", ["陀"]), ("Gyro", ["gyro"]),
    ("rs-422", ["rs", "422"]), ("ER-MIMU-01有现货", ["er", "mimu", "01", "有现", "现货"]),
    ("*:^()", []),
])
def test_query_tokens(term: str, tokens: list[str]) -> None:
    assert query_tokens(term) == tokens
