"""Mail sync rates against a local Dovecot: a first sync of generated mails, an incremental
sync that finds nothing new, and the same mails imported from an mbox file in the same run."""

import mailbox
import tempfile
import time
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.mailserver import MailServer, throwaway_mail_server

from benchmarks.common import report
from benchmarks.imports import write_mbox
from leaddesk.importers.base import ImportOptions
from leaddesk.services.desk import open_desk
from leaddesk.services.imports import import_file
from leaddesk.services.mail.accounts import AccountSpec, add_account
from leaddesk.services.mail.sync import sync_accounts


def _sync(db: Path, *, traced: bool = False) -> tuple[float, int, float]:
    """Seconds, messages created and (traced) the peak Python MiB of one `mail sync`."""
    with open_desk(str(db)) as desk:
        started = time.perf_counter()
        if traced:
            tracemalloc.start()
        [done] = sync_accounts(desk, [], ImportOptions(), actor="bench")
        peak = tracemalloc.get_traced_memory()[1] / 2**20 if traced else 0.0
        if traced:
            tracemalloc.stop()
        assert not done.failed, done.errors
        return time.perf_counter() - started, done.created, peak


def _known_buyers(db: Path, folder: Path, mails: int) -> None:
    """The generated mails' 700 correspondents as known contacts (a vCard import), so the
    first sync stores every mail at once instead of leaving it in triage as a new sender's."""
    cards = folder / "buyers.vcf"
    buyers = sorted({f"buyer{i % 700}@mail{i % 700 % 37}.example" for i in range(mails)})
    cards.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Buyer {n}\r\nEMAIL:{b}\r\n"
                             "END:VCARD\r\n" for n, b in enumerate(buyers)), encoding="utf-8")
    with open_desk(str(db)) as desk:
        import_file(desk, cards, ImportOptions(), actor="bench", zone=ZoneInfo("UTC"))


def _account(server: MailServer, db: Path) -> None:
    with open_desk(str(db)) as desk, desk.transaction() as session:
        add_account(session, AccountSpec("bench", server.user, f"{server.host}:{server.port}",
                                         user=server.user, ca_file=str(server.ca_file)),
                    server.password)


def run(mails: int = 10_000) -> None:
    """The first sync's rate against the mbox import of the same mails, and a sync that
    finds nothing new."""
    import keyring

    from leaddesk.keyring_file import FileKeyring

    rows = []
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-mail-") as tmp:
        folder = Path(tmp)
        from leaddesk import paths

        paths.set_data_dir(folder / "data")
        keyring.set_keyring(FileKeyring())  # the bench's password stays in its own folder
        box = folder / "inbox.mbox"
        write_mbox(box, mails)
        with throwaway_mail_server() as server:
            server.append(_bytes(message) for message in mailbox.mbox(box))
            db = folder / "synced.db"
            _account(server, db)
            _known_buyers(db, folder, mails)
            first, created, _ = _sync(db)
            assert created == mails, f"{created} of {mails} synced"
            again, _, _ = _sync(db)
            traced_db = folder / "traced.db"
            _account(server, traced_db)
            _known_buyers(traced_db, folder, mails)
            _, _, peak = _sync(traced_db, traced=True)
        _known_buyers(folder / "imported.db", folder, mails)  # the same desk as the synced one
        with open_desk(str(folder / "imported.db")) as desk:
            started = time.perf_counter()
            result = import_file(desk, box, ImportOptions(), actor="bench", zone=ZoneInfo("UTC"))
            imported = time.perf_counter() - started
        assert result.messages_created == mails
        paths.set_data_dir(None)
    rows.append(["first sync (IMAP, local Dovecot)", mails, first, mails / first, first / imported,
                 peak])
    rows.append(["the same mails as an mbox import", mails, imported, mails / imported, 1.0, 0.0])
    rows.append(["sync that finds nothing new", 0, again, 0.0, 0.0, 0.0])
    target = report("mail_sync", ["what", "mails", "seconds", "per second", "x mbox import",
                                  "peak MiB (Python)"], rows,
                    {"targets": {"first_sync_per_s": 500, "x_mbox": 3, "nothing_new_s": 0.2}})
    print(f"written to {target}")


def _bytes(message: mailbox.mboxMessage) -> bytes:
    return message.as_bytes()


if __name__ == "__main__":
    import sys

    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
