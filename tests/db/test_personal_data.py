"""Everything held on one person, and erasing it while the reports keep their counts."""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Identity, Inquiry, MailAccount, MailPending, Message
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.importers.base import ImportOptions
from leaddesk.reports.rows import Period, lead_rows
from leaddesk.services.contacts import find_contact
from leaddesk.services.desk import Desk
from leaddesk.services.imports import import_file
from leaddesk.services.mail.pending import NOT_VERIFIED, hold
from leaddesk.services.personal_data import erase_contact, personal_data
from leaddesk.services.search import search
from leaddesk.services.upkeep import check

DATA = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def lukas(desk: Desk) -> Desk:
    for name in ("contacts/customers.vcf", "whatsapp/WhatsApp Chat with +49 1512 3456789.txt",
                 "email/site-form-notification.eml"):
        import_file(desk, DATA / name, ImportOptions(), actor="t", zone=ZoneInfo("UTC"))
    return desk


@pytest.mark.parametrize("reference", ["+49 1512 3456789", "L.Becker@aero-systems.example.de", "1"])
def test_export_everything_held_on_one_person(lukas: Desk, reference: str) -> None:
    with lukas.transaction() as session:
        data = personal_data(session, find_contact(session, reference))
    assert data["contact"]["name"] == "Lukas Becker"
    assert {i["value"] for i in data["identities"]} == {"+4915123456789",
                                                        "l.becker@aero-systems.example.de"}
    assert sum(len(i["messages"]) for i in data["inquiries"]) == 9
    assert any("bias stability" in m["original"] for i in data["inquiries"] for m in i["messages"])


def test_erase_keeps_counts_and_nothing_personal(lukas: Desk) -> None:
    with lukas.transaction() as session:
        contact = find_contact(session, "+4915123456789")
        removed = erase_contact(session, contact, actor="t")
    assert removed == {"messages": 9, "identities": 2, "pending mails": 0}
    with lukas.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 0
        assert session.scalar(select(func.count()).select_from(Identity)) == 4  # the other cards
        assert session.scalar(select(func.count()).select_from(Inquiry)) == 2
        rows = list(lead_rows(session, Period()))
        assert {r.contact for r in rows} == {f"(erased #{contact.id})"}
        assert search(session, "Lukas").hits == [] and search(session, "gyroscope").hits == []
        with pytest.raises(NotFoundError):
            find_contact(session, "+4915123456789")
        with pytest.raises(InvalidInputError, match="already erased"):
            erase_contact(session, session.merge(contact), actor="t")
    assert check(lukas) == []


WAITING = [  # (sender of a mail waiting in triage, whether it is Lukas's)
    ("l.becker@aero-systems.example.de", True),  # his address, the server did not verify it
    ("someone.else@aero-systems.example.de", False),  # a colleague of his: not his data
    ("stranger@example.com", False),
]


def _waiting(desk: Desk) -> None:
    with desk.transaction() as session:
        account = MailAccount(name="sales", email="sales@example.com", username="sales",
                              imap_host="127.0.0.1", imap_port=993)
        session.add(account)
        session.flush()
        for uid, (sender, _his) in enumerate(WAITING, 1):
            data = f"From: {sender}\r\nSubject: quote {uid}\r\n\r\nthe bias stability figure\r\n".encode()
            hold(session, account.id, "INBOX", uid, data, sender, None, datetime(2026, 11, 30, tzinfo=UTC),
                 NOT_VERIFIED)


def test_a_mail_waiting_in_triage_from_the_person_is_theirs_to_export_and_erase(lukas: Desk) -> None:
    _waiting(lukas)
    with lukas.transaction() as session:
        contact = find_contact(session, "+4915123456789")
        exported = personal_data(session, contact)["pending_mails"]
        removed = erase_contact(session, contact, actor="t")
    his = [sender for sender, his in WAITING if his]
    assert [mail["sender"] for mail in exported] == his
    assert "bias stability" in exported[0]["mail"] and "data" not in exported[0]
    assert removed["pending mails"] == len(his)
    with lukas.transaction() as session:
        assert set(session.scalars(select(MailPending.sender))) == {s for s, his in WAITING if not his}
