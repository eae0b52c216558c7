"""Logging inquiries by hand, adding messages, listing them; times stay aware UTC."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from leaddesk.db.models import Article, FollowUp, Message
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.errors import InvalidInputError, NotFoundError
from leaddesk.services.desk import Desk
from leaddesk.services.inquiries import LogInquiry, add_message, get_inquiry, list_inquiries, log_inquiry

ME = "tester"
BEIJING = timezone(timedelta(hours=8))
WANG = ContactDraft(name="王磊", country="中国", phones=["139 9288 4879"])


def _article(desk: Desk) -> int:
    with desk.transaction() as session:
        article = Article(url="https://www.ericcointernational.com/news/what-is-a-fiber-optic-"
                              "gyroscope.html", title="What is a fiber optic gyroscope", code="A1")
        session.add(article)
        session.flush()
        return article.id


def test_a_logged_inquiry_keeps_text_article_follow_up_and_aware_times(desk: Desk) -> None:
    article_id = _article(desk)
    received = datetime(2021, 4, 20, 9, 30, tzinfo=BEIJING)
    text = "  您好，想询价光纤陀螺仪 10 台。\n请发报价单。  "
    with desk.transaction() as session:
        logged = log_inquiry(session, LogInquiry(
            Channel.WECHAT, WANG, text, received_at=received, article_id=article_id,
            followup_due=received + timedelta(days=2)), actor=ME)
    with desk.transaction() as session:
        message = session.scalars(select(Message)).one()
        followup = session.scalars(select(FollowUp)).one()
    assert (logged.channel, logged.messages, logged.article_link) == ("wechat", 1, "manual")
    assert logged.article_url is not None and logged.article_url.endswith("gyroscope.html")
    assert logged.started_at == datetime(2021, 4, 20, 1, 30, tzinfo=UTC)
    assert logged.started_at.tzinfo is UTC
    assert message.original == text
    assert message.body == text.strip()
    assert message.direction == "in"
    assert followup.due_at == datetime(2021, 4, 22, 1, 30, tzinfo=UTC)
    assert followup.inquiry_id == logged.id


def test_messages_move_the_inquiry_and_list_newest_first(desk: Desk) -> None:
    start = datetime(2021, 4, 20, 9, tzinfo=UTC)
    with desk.transaction() as session:
        first = log_inquiry(session, LogInquiry(Channel.WECHAT, WANG, "询价", start), actor=ME)
        second = log_inquiry(session, LogInquiry(
            Channel.EMAIL, ContactDraft(name="Lukas", emails=["lukas@becker.example"]),
            "Price?", start + timedelta(hours=1)), actor=ME)
        add_message(session, first.id, "报价单已发送", actor=ME, sent_at=start + timedelta(hours=2))
    with desk.transaction() as session:
        listed = list_inquiries(session)
        reply = session.scalars(select(Message).where(Message.direction == "out")).one()
    assert [(i.id, i.messages) for i in listed] == [(first.id, 2), (second.id, 1)]
    assert listed[0].last_message_at == start + timedelta(hours=2)
    assert (reply.author, reply.direction) == (ME, Direction.OUT.value)


@pytest.mark.parametrize(("form", "error"), [
    (LogInquiry(Channel.EMAIL, WANG, "   "), "needs the buyer's message"),
    (LogInquiry(Channel.EMAIL, ContactDraft(), "hello"), "needs a name, phone, email"),
    (LogInquiry("fax", WANG, "hello"), "unknown channel 'fax'"),  # type: ignore[arg-type]
    (LogInquiry(Channel.EMAIL, WANG, "hi", datetime(2021, 4, 20)), "naive datetime"),
    (LogInquiry(Channel.EMAIL, WANG, "hi", article_id=404), "no article #404"),
])
def test_bad_forms_are_refused_and_store_nothing(desk: Desk, form: LogInquiry, error: str) -> None:
    with pytest.raises((InvalidInputError, NotFoundError, ValueError), match=error), \
            desk.transaction() as session:
        log_inquiry(session, form, actor=ME)
    with desk.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 0
        assert list_inquiries(session) == []


def test_adding_to_a_missing_inquiry_is_refused(desk: Desk) -> None:
    with pytest.raises(NotFoundError), desk.transaction() as session:
        add_message(session, 404, "hello", actor=ME)
    with pytest.raises(NotFoundError), desk.transaction() as session:
        get_inquiry(session, 404)
