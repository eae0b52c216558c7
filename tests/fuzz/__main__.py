"""Fuzz one importer with atheris (coverage-guided, libFuzzer):

    python -m tests.fuzz TARGET [libFuzzer flags, e.g. -max_total_time=60]

Every input is saved as a file and imported into one SQLite desk. It must either import
(and then revert to the desk as it was) or fail with the project's own error naming the
file, the desk unchanged; anything else is a finding, and libFuzzer saves the input."""

import itertools
import shutil
import sys
import tempfile
import zlib
from pathlib import Path
from zoneinfo import ZoneInfo

import atheris

from tests.fuzz.targets import TARGETS

# coverage from the code that reads what strangers send, not from the database layer
with atheris.instrument_imports(include=["leaddesk.importers", "leaddesk.domain", "email", "csv",
                                         "quopri", "html", "charset_normalizer", "defusedxml"]):
    from leaddesk.errors import LeadDeskError
    from leaddesk.importers.base import ImportOptions
    from leaddesk.importers.detect import parse_file
    from leaddesk.services.article_files import read_article_file
    from leaddesk.services.articles import add_articles
    from leaddesk.services.desk import open_desk
    from leaddesk.services.imports import import_file
    from leaddesk.services.revert import revert_import

from sqlalchemy import func, select

from leaddesk.db.models import Article, Contact, Identity, ImportBatch, Inquiry, Message

TABLES = (Contact, Identity, Inquiry, Message, Article)
STORED = 4


class Finding(Exception):
    """An input that broke a promise of the importers."""


def main() -> None:
    name, flags = sys.argv[1], sys.argv[2:]
    target = TARGETS[name]
    work = Path(tempfile.mkdtemp(prefix=f"leaddesk-fuzz-{name}-"))
    desk = open_desk(str(work / "desk.db"))
    path = work / target.file_name
    seeds = work / "seeds"
    seeds.mkdir()
    for number, seed in enumerate(target.seed_files()):
        if seed.stat().st_size <= 1_000_000:
            shutil.copyfile(seed, seeds / f"{number:04d}-{seed.name}")

    def counts() -> tuple[int, ...]:
        with desk.transaction() as session:
            return tuple(session.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES)

    empty = counts()

    def parse(data: bytes) -> bool:
        """Read the input as the importer does, drafts and all; whether it reads."""
        try:
            if target.channel == "articles":
                read_article_file(path)
            else:
                parsed = parse_file(path, target.channel, ImportOptions(), ZoneInfo("UTC"))
                for _ in itertools.chain(parsed.contacts, parsed.inquiries):
                    pass
        except LeadDeskError as exc:
            if path.name not in str(exc):
                raise Finding(f"an error that does not name the file: {exc}") from exc
            return False
        return True

    def store() -> None:
        """Import it for real (and revert it): the desk is as it was afterwards."""
        try:
            if target.channel == "articles":
                drafts, _notes = read_article_file(path)
                with desk.transaction() as session:
                    add_articles(session, drafts)
            else:
                report = import_file(desk, path, ImportOptions(), actor="fuzz", channel=target.channel,
                                     zone=ZoneInfo("UTC"))
                if report.batch is not None:
                    revert_import(desk, report.batch, actor="fuzz")
        except LeadDeskError as exc:
            if path.name not in str(exc):
                raise Finding(f"an error that does not name the file: {exc}") from exc
        if target.channel == "articles":
            with desk.transaction() as session:  # the catalogue stays: start each input afresh
                session.execute(Article.__table__.delete())
        after = counts()
        if after != empty:
            raise Finding(f"the desk changed: {empty} rows before, {after} after")
        with desk.transaction() as session:
            session.execute(ImportBatch.__table__.delete())

    def one_input(data: bytes) -> None:
        path.write_bytes(data)
        # Reading is quick, storing is not: every input is read, and one in STORED of those
        # that read (chosen by their content, so a finding repeats) is stored too.
        if parse(data) and zlib.crc32(data) % STORED == 0:
            store()
    given = [flag for flag in flags if not flag.startswith("-")]  # inputs to run once, or corpora
    atheris.Setup([sys.argv[0], *flags, *([] if given else [str(seeds)])], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
