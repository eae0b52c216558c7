"""Fixtures of the mail tests: a real Dovecot per test, and the mails it is filled with."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.mailserver import MailServer, throwaway_mail_server

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_MAILS = ROOT / "tests" / "data" / "samples" / "email"
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_MAILS = [CORPUS / "email" / "imap_tools" / "messages", CORPUS / "email" / "flanker" / "messages"]


def mail_files() -> list[Path]:
    """Every .eml of tests/data and of the shared corpus, in a fixed order."""
    folders = [SAMPLE_MAILS, *(folder for folder in CORPUS_MAILS if folder.is_dir())]
    return sorted(path for folder in folders for path in folder.rglob("*.eml"))


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    """A fresh, empty Dovecot for this test (INBOX, a \\Sent folder, a Trash)."""
    with throwaway_mail_server() as server:
        yield server
