"""The words and phrases of a query found in a text where the index finds them, as the
command line marks them and the conversation highlights them."""

import pytest

from leaddesk.domain.matching import Terms
from leaddesk.domain.query import parse_query


def marked(text: str, typed: str) -> list[str]:
    """The pieces of `text` a query marks, in order."""
    return [text[start:end] for start, end in Terms.of(parse_query(typed)).spans(text)]


@pytest.mark.parametrize(("text", "typed", "found"), [
    ("Price for the Gyroscope? gyro price", "gyro", ["Gyro", "gyro"]),  # a word's beginning, any case
    ("an agyro is not one", "gyro", []),  # never inside a word
    ("ab abc", "ab", ["ab"]),  # two letters: the whole word only
    ("the price\n  quote and price, quote", '"price quote"', ["price\n  quote", "price, quote"]),
    ("price then quote", '"price quote"', []),
    ("想询价光纤陀螺仪，2 台样品。", "陀螺仪", ["陀螺仪"]),
    ("想询价光纤陀螺仪，2 台样品。", "陀", ["陀"]),
    ("ER-MIMU-01有现货吗", "ER-MIMU-01有现货", ["ER-MIMU-01有现货"]),
    ("Cotação de preço", "cotacao preco", ["Cotação", "preço"]),
    ("Café", "café", ["Café"]),
    ("send the quote by whatsapp", "quote channel:whatsapp stage:new", ["quote"]),  # filters are no words
    ("the price, not the quote", "price -quote", ["price"]),  # nor what is excluded
    ("+86 139 1234 5678", "+86 139 1234 5678", []),  # a number finds its contact, not words
    ("gyroscope gyro", "gyro gyroscope", ["gyroscope", "gyro"]),  # overlapping: one mark
    ('<script>alert("gyro")</script>', "script gyro", ["script", "gyro", "script"]),
    ("foo_bar", "bar", ["bar"]),  # the index splits words at "_"
    ("", "gyro", []),
])
def test_the_marks_fall_on_what_the_index_finds(text: str, typed: str, found: list[str]) -> None:
    assert marked(text, typed) == found


def test_the_first_match_is_the_longest_where_it_starts() -> None:
    assert Terms.of(parse_query("gyro gyroscope")).first("a gyroscope") == (2, 11)
    assert Terms().first("anything") is None
