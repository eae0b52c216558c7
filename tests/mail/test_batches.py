"""How a sync asks for mails: UID sets kept short, batches bounded in count and bytes."""

import pytest

from leaddesk.services.mail import sync as mail_sync
from leaddesk.services.mail.imap import uid_set


@pytest.mark.parametrize(("uids", "written"), [
    ([7], "7"),
    ([1, 2, 3], "1:3"),
    ([1, 2, 3, 5, 8, 9], "1:3,5,8:9"),
    (list(range(1, 10_001)), "1:10000"),  # 10,000 mails: one short command line
])
def test_uid_sets_are_written_as_runs(uids: list[int], written: str) -> None:
    assert uid_set(uids) == written


@pytest.mark.parametrize(("sizes", "batches"), [
    ([10] * 9, [4, 4, 1]),  # at most BATCH_MAILS mails
    ([60, 60, 10, 10], [1, 3]),  # at most BATCH_BYTES, however few mails
    ([500, 10], [1, 1]),  # a mail bigger than BATCH_BYTES comes alone
    ([], []),
])
def test_batches_are_bounded(monkeypatch: pytest.MonkeyPatch, sizes: list[int],
                             batches: list[int]) -> None:
    monkeypatch.setattr(mail_sync, "BATCH_MAILS", 4)
    monkeypatch.setattr(mail_sync, "BATCH_BYTES", 100)
    uids = list(range(1, len(sizes) + 1))
    chunks = list(mail_sync._chunks(uids, dict(zip(uids, sizes, strict=True))))
    assert [len(c) for c in chunks] == batches
    assert [u for c in chunks for u in c] == uids
