"""Countries written as codes or names, English or Chinese, become ISO region codes."""

import pytest

from leaddesk.domain.countries import country_name, region_for


@pytest.mark.parametrize(("written", "region"), [
    ("India", "IN"), ("印度", "IN"), ("德国", "DE"), ("Germany", "DE"), ("de", "DE"),
    ("DEU", "DE"), ("United States", "US"), ("USA", "US"), ("美国", "US"), ("UK", "GB"),
    ("United Kingdom", "GB"), ("Viet Nam", "VN"), ("Vietnam", "VN"), ("越南", "VN"),
    ("Russia", "RU"), ("Russian Federation", "RU"), ("中国", "CN"), ("Brazil", "BR"),
    ("  united arab emirates ", "AE"), ("Türkiye", "TR"), ("South Korea", "KR"),
    ("Atlantis", None), ("", None), (None, None), ("XX", None),
])
def test_region_for(written: str | None, region: str | None) -> None:
    assert region_for(written) == region


@pytest.mark.parametrize(("region", "name"), [("DE", "Germany"), ("cn", "China"), ("ZZ", "")])
def test_country_name(region: str, name: str) -> None:
    assert country_name(region) == name
