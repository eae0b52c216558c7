"""URLs compared the way a person means them, campaign tags kept apart."""

import pytest

from leaddesk.domain.urls import Attribution, attribution, canonical_url

ARTICLE = "https://ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html"


@pytest.mark.parametrize("written", [
    ARTICLE,
    "http://www.ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html",
    "https://WWW.EricCoInternational.com:443/news/what-is-a-fiber-optic-gyroscope.html",
    "https://www.ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html#specs",
    "https://www.ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html?utm_source=baidu"
    "&utm_medium=cpc&gclid=abc&fbclid=x&spm=a2.b",
    "www.ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html",
    " <https://www.ericcointernational.com/news/what-is-a-fiber-optic-gyroscope.html> ",
])
def test_one_page_however_it_is_written(written: str) -> None:
    assert canonical_url(written) == ARTICLE


@pytest.mark.parametrize(("written", "canonical"), [
    ("https://example.com/news/", "https://example.com/news"),
    ("https://example.com/news/index.html", "https://example.com/news"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com:8080/a?b=2&a=1", "https://example.com:8080/a?a=1&b=2"),
    ("https://example.com/p?id=7&utm_campaign=x", "https://example.com/p?id=7"),
])
def test_canonical_forms(written: str, canonical: str) -> None:
    assert canonical_url(written) == canonical


@pytest.mark.parametrize(("url", "tags"), [
    (ARTICLE + "?utm_source=baidu&utm_medium=cpc", Attribution("baidu", "cpc", None)),
    (ARTICLE + "?utm_campaign=spring&utm_source=google", Attribution("google", None, "spring")),
    (ARTICLE, Attribution()),
])
def test_campaign_tags_are_kept(url: str, tags: Attribution) -> None:
    assert attribution(url) == tags
