"""Formula injection: inert in spreadsheets, phone numbers exactly as written."""

import pytest

from leaddesk.reports.safety import inert


@pytest.mark.parametrize(("cell", "written"), [
    ('=HYPERLINK("http://evil.example/x","click")', '\'=HYPERLINK("http://evil.example/x","click")'),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("+1+1", "'+1+1"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("+86 139 9288 4879", "+86 139 9288 4879"),
    ("+4915123456789", "+4915123456789"),
    ("-", "'-"),
    ("Hello = world", "Hello = world"),
    ("王磊", "王磊"),
])
def test_inert(cell: str, written: str) -> None:
    assert inert(cell) == written
