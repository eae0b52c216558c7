"""Helpers for importer tests: write a file, parse it with the real importers."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from leaddesk.importers.base import ImportOptions, ParsedFile
from leaddesk.importers.detect import parse_file

DATA = Path(__file__).resolve().parents[2] / "data"
UTC = ZoneInfo("UTC")


@pytest.fixture
def parse(tmp_path: Path):  # type: ignore[no-untyped-def]
    """parse(name, content or Path, channel="auto", **options) -> ParsedFile."""

    def run(name: str, content: str | bytes | Path, channel: str = "auto",
            **options: object) -> ParsedFile:
        if isinstance(content, Path):
            path = content
        else:
            path = tmp_path / name
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        parsed = parse_file(path, channel, ImportOptions(**options), UTC)  # type: ignore[arg-type]
        parsed.inquiries = list(parsed.inquiries)  # a streamed file, read whole
        parsed.contacts = list(parsed.contacts)
        return parsed

    return run
