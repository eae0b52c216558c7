"""An inquiry logged for a contact a person picked: its identities join that contact, and
one that another contact holds makes the two a duplicate candidate, not a silent move."""

import pytest

from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel
from leaddesk.errors import NotFoundError
from leaddesk.services.contacts import get_contact, list_contacts
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import LogInquiry, log_inquiry
from leaddesk.services.merge import open_duplicates

ME = "tester"


def test_three_channels_for_the_picked_contact_make_one_contact(desk: Desk) -> None:
    with desk.transaction() as session:
        wang = log_inquiry(session, LogInquiry(Channel.WHATSAPP, ContactDraft(
            name="Wang Lei", phones=["+86 139 9288 4879"]), "Price?"), actor=ME).contact_id
        for channel, draft in ((Channel.WECHAT, ContactDraft(wechat_ids=["wanglei_sz"])),
                               (Channel.EMAIL, ContactDraft(emails=["wang.lei@example.cn"]))):
            logged = log_inquiry(session, LogInquiry(channel, draft, "Again", contact_id=wang),
                                 actor=ME)
            assert logged.contact_id == wang
    with desk.transaction() as session:
        [only] = list_contacts(session)
    assert (only.phones, only.emails, only.wechat_ids) == (
        ["+8613992884879"], ["wang.lei@example.cn"], ["wanglei_sz"])


def test_an_identity_of_another_contact_makes_a_candidate(desk: Desk) -> None:
    with desk.transaction() as session:
        wang = log_inquiry(session, LogInquiry(Channel.WHATSAPP, ContactDraft(
            name="Wang Lei", phones=["+86 139 9288 4879"]), "Price?"), actor=ME).contact_id
        other = log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(
            name="W. Lei", emails=["wl@example.cn"]), "Hello"), actor=ME).contact_id
        log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(emails=["wl@example.cn"]),
                                        "Me again", contact_id=wang), actor=ME)
    with desk.transaction() as session:
        assert get_contact(session, other).emails == ["wl@example.cn"]  # left where it was
        assert [(a, b) for _, a, b, _ in open_duplicates(session)] == [tuple(sorted((wang, other)))]


def test_a_picked_contact_that_went_is_not_found(desk: Desk) -> None:
    with desk.transaction() as session, pytest.raises(NotFoundError, match="#999"):
        log_inquiry(session, LogInquiry(Channel.EMAIL, ContactDraft(), "Hi", contact_id=999), actor=ME)
