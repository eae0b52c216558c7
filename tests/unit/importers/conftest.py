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


def nested(depth: int, kind: bytes = b"multipart/mixed") -> bytes:
    """A mail whose parts nest `depth` levels deep (multiparts, or attached messages)."""
    head = b"From: a@b.example\nDate: Mon, 1 Jan 2021 10:00:00 +0000\nSubject: deep\n"
    if kind == b"message/rfc822":
        return head + b"Content-Type: message/rfc822\n\n" * depth + b"Content-Type: text/plain\n\nhi\n"
    opened = b"".join(b'Content-Type: %s; boundary="b%d"\n\n--b%d\n' % (kind, i, i) for i in range(depth))
    closed = b"".join(b"\n--b%d--\n" % i for i in reversed(range(depth)))
    return head + opened + b"Content-Type: text/plain\n\nhi\n" + closed
