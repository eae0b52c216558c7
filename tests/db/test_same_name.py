"""A new contact of the same name and company, or the same name and country, as another
is a likely duplicate: a buyer who wrote on another channel under their own name."""

import pytest
from alembic import command
from sqlalchemy import text

from leaddesk.db.schema import alembic_config, migrating
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.paired import Why
from leaddesk.services.contacts import match_contact
from leaddesk.services.desk import Desk
from leaddesk.services.merge import open_duplicates

ME = "tester"
FIRST = ContactDraft(name="Wang Lei", company="Shenzhen Ruixin", country="CN", phones=["+86 139 9288 4879"])


@pytest.mark.parametrize(("second", "why"), [
    (ContactDraft(name="Wang Lei", company="Shenzhen Ruixin", wechat_ids=["wanglei_sz"]),
     Why("name and company")),
    (ContactDraft(name="wang  lei", company="SHENZHEN  ruixin", emails=["wl@ruixin.example"]),
     Why("name and company")),
    (ContactDraft(name="Ｗａｎｇ　Ｌｅｉ", company="Ｓｈｅｎｚｈｅｎ Ruixin", emails=["wl@ruixin.example"]),
     Why("name and company")),  # full-width letters and space, as a Chinese input method types them
    (ContactDraft(name="WANG LEI", country="China", emails=["wl@163.example"]), Why("name and country")),
    (ContactDraft(name="Wang Lei", phones=["+86 138 0013 8000"]), Why("name and country")),  # +86 says China
    (ContactDraft(name="Wang Lei", company="Other Co", country="DE", emails=["w@other.example"]), None),
    (ContactDraft(name="Wang Li", company="Shenzhen Ruixin", emails=["wli@ruixin.example"]), None),
    (ContactDraft(name="Wang Lei", emails=["w@nowhere.example"]), None),  # nothing else to go by
])
def test_a_namesake_is_suggested_only_with_the_same_company_or_country(
    desk: Desk, second: ContactDraft, why: Why | None
) -> None:
    with desk.transaction() as session:
        first = match_contact(session, FIRST, actor=ME).contact_id
        other = match_contact(session, second, actor=ME)
        assert other.created
        pairs = [(a, b, reason) for _, a, b, reason in open_duplicates(session)]
    assert pairs == ([(first, other.contact_id, why)] if why else [])


@pytest.mark.parametrize("name", ["", "   ", "+86 139 9288 4879", "12345678", "-"])
def test_no_name_or_a_number_for_a_name_pairs_with_nobody(desk: Desk, name: str) -> None:
    with desk.transaction() as session:
        match_contact(session, ContactDraft(name=name, company="Acme", country="CN",
                                            emails=["a@acme.example"]), actor=ME)
        match_contact(session, ContactDraft(name=name, company="Acme", country="CN",
                                            emails=["b@acme.example"]), actor=ME)
        assert open_duplicates(session) == []


def test_three_wang_leis_from_three_channels_are_suggested(desk: Desk) -> None:
    with desk.transaction() as session:
        ids = [match_contact(session, ContactDraft(name="Wang Lei", company="Shenzhen Ruixin", **reach),
                             actor=ME).contact_id
               for reach in ({"phones": ["+86 139 9288 4879"]}, {"wechat_ids": ["wanglei_sz"]},
                             {"emails": ["wang.lei@ruixin.example"]})]
        pairs = {(a, b): why for _, a, b, why in open_duplicates(session)}
    assert len(set(ids)) == 3
    assert pairs == {(ids[0], ids[1]): Why("name and company"), (ids[0], ids[2]): Why("name and company"),
                     (ids[1], ids[2]): Why("name and company")}


def test_a_shared_identity_says_which_one(desk: Desk) -> None:
    with desk.transaction() as session:
        phone = match_contact(session, ContactDraft(phones=["+86 139 9288 4879"]), actor=ME).contact_id
        mail = match_contact(session, ContactDraft(emails=["wl@ruixin.example"]), actor=ME).contact_id
        match_contact(session, ContactDraft(phones=["+86 139 9288 4879"], emails=["wl@ruixin.example"]),
                      actor=ME)
        [(_, a, b, why)] = open_duplicates(session)
    assert (a, b, why) == (phone, mail, Why("email", "wl@ruixin.example"))


def test_the_upgrade_fills_the_keys_of_contacts_already_there(desk: Desk) -> None:
    with migrating(desk.engine) as connection:
        command.downgrade(alembic_config(connection), "0014")
        connection.execute(text(
            "INSERT INTO contacts (id, name, company, owner, stage, notes, likely_spam, created_at, "
            "updated_at, version) VALUES (7, 'Ｗang  LEI', 'Ruixin', '', 'new', '', false, "
            "'2021-04-13 10:00:00', '2021-04-13 10:00:00', 1)"))
        command.upgrade(alembic_config(connection), "head")
    with desk.transaction() as session:
        created = match_contact(session, ContactDraft(name="Wang Lei", company="RUIXIN",
                                                      emails=["wl@ruixin.example"]), actor=ME)
        pairs = [(a, b, why) for _, a, b, why in open_duplicates(session)]
    assert pairs == [(*sorted((7, created.contact_id)), Why("name and company"))]
