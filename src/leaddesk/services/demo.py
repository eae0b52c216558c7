"""Demo desks: a realistic one to learn on, and a big synthetic one for benchmarks."""

import random
import unicodedata
from datetime import datetime, time, timedelta
from importlib import resources

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.db.models import Article, Contact, FollowUp, Message
from leaddesk.domain.drafts import ContactDraft
from leaddesk.domain.timeutil import utc_now
from leaddesk.domain.vocabulary import Channel, Direction, FollowUpKind, Stage
from leaddesk.errors import InvalidInputError
from leaddesk.importers.sitemap import parse_sitemap
from leaddesk.services.articles import add_articles
from leaddesk.services.contacts import match_contact, set_stage
from leaddesk.services.demo_data import (
    BUYERS,
    CHINESE_FOLLOWS,
    CHINESE_OPENERS,
    ENGLISH_FOLLOWS,
    ENGLISH_OPENERS,
    FOLLOWUP_NOTES,
    LOST_REASONS,
    OUR_REPLIES,
)
from leaddesk.services.followups import schedule_followup
from leaddesk.services.inquiries import LogInquiry, add_message, log_inquiry
from leaddesk.services.synthetic import fill_synthetic

__all__ = ["fill_demo", "fill_synthetic", "site_articles"]

# Buyers in China write by WeChat; the rest of the world by WhatsApp.
CHANNELS = {True: [Channel.WECHAT, Channel.EMAIL, Channel.WECHAT, Channel.SITE_FORM],
            False: [Channel.WHATSAPP, Channel.EMAIL, Channel.SITE_FORM, Channel.WHATSAPP]}
STAGES = [Stage.NEW, Stage.CONTACTED, Stage.QUALIFIED, Stage.QUOTED, Stage.WON, Stage.LOST]


def site_articles() -> list:  # type: ignore[type-arg]
    """The company site's pages, from the sitemap shipped with LeadDesk."""
    data = resources.files("leaddesk.data").joinpath("site-sitemap.xml").read_bytes()
    return parse_sitemap(data, "site-sitemap.xml")


def demo_phone(region: str, index: int, style: int) -> str:
    """A valid mobile number of `region`, written the way buyers write them."""
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    assert example is not None
    for tweak in range(100):
        national = str(example.national_number)
        candidate = national[:-3] + f"{(index * 37 + tweak) % 1000:03d}"
        number = phonenumbers.parse(f"+{example.country_code}{candidate}")
        if phonenumbers.is_valid_number(number):
            break
    else:
        number = example
    fmt = (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164)
    return phonenumbers.format_number(number, fmt[style % 3])


def _ascii(text: str) -> str:
    """Latin letters without accents; other scripts dropped (for invented email addresses)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip()


def _ensure_empty(session: Session) -> None:
    if session.scalar(select(func.count()).select_from(Contact)):
        raise InvalidInputError("the desk is not empty: demo data goes only into an empty desk")


def fill_demo(session: Session, *, actor: str, now: datetime | None = None) -> dict[str, int]:
    """A deterministic, realistic desk: about 50 buyers from 15 countries on all four
    channels, English and Chinese inquiries linked to the site's articles, every stage,
    and follow-ups overdue, due today and upcoming."""
    _ensure_empty(session)
    rng = random.Random(20210413)
    now = now or utc_now()
    today = datetime.combine(now.date(), time(9), now.tzinfo)
    article_ids = add_articles(session, site_articles())
    articles = [a for a in session.scalars(select(Article).where(Article.id.in_(article_ids)))
                if a.kind == "article"]
    index = 0
    for region, language, people in BUYERS:
        for name, company in people:
            index += 1
            article = articles[index % len(articles)]
            chinese = language == "zh"
            channel = CHANNELS[chinese][index % 4]
            slug = _ascii(name).lower().replace(" ", ".")
            contact = ContactDraft(
                name=name, company=company, country=region, language=language,
                phones=[demo_phone(region, index, index)],
                emails=[f"{slug or 'buyer' + str(index)}@"
                        f"{_ascii(company.split()[0]).lower() or 'mail' + str(index)}.example"],
                wechat_ids=[f"wx_{region.lower()}{index:03d}buyer"] if chinese or index % 5 == 0
                else [],
            )
            opener = rng.choice(CHINESE_OPENERS if chinese else ENGLISH_OPENERS)
            started = now - timedelta(days=rng.randint(1, 120), minutes=rng.randint(0, 600))
            text = opener.format(title=article.title, url=article.url, qty=rng.choice([2, 5, 10, 50]))
            summary = log_inquiry(session, LogInquiry(
                channel=channel, contact=contact, text=text, received_at=started,
                subject=f"Inquiry: {article.title}" if channel is Channel.EMAIL else "",
                article_id=article.id,
            ), actor=actor)
            moment = started
            for turn in range(rng.randint(0, 4)):
                moment += timedelta(hours=rng.randint(1, 72))
                if moment >= now:
                    break
                ours = turn % 2 == 0
                pool = OUR_REPLIES if ours else (CHINESE_FOLLOWS if chinese else ENGLISH_FOLLOWS)
                add_message(session, summary.id, rng.choice(pool), actor=actor, sent_at=moment,
                            direction=Direction.OUT if ours else Direction.IN)
            stage = STAGES[index % len(STAGES)]
            if stage is not Stage.NEW:
                set_stage(session, summary.contact_id, stage, actor=actor,
                          reason=rng.choice(LOST_REASONS) if stage is Stage.LOST else None)
            if stage not in (Stage.WON, Stage.LOST):
                due = today + timedelta(days=(index % 7) - 3, hours=index % 8)
                schedule_followup(session, summary.contact_id, due,
                                  rng.choice(list(FollowUpKind)), actor=actor,
                                  note=rng.choice(FOLLOWUP_NOTES), inquiry_id=summary.id)
    # The same buyer writing again on another channel is recognised by phone.
    again = ContactDraft(name="Lukas Becker", country="Germany", phones=[demo_phone("DE", 1, 1)])
    assert not match_contact(session, again, actor=actor).created
    return {
        "contacts": session.scalar(select(func.count()).select_from(Contact)) or 0,
        "messages": session.scalar(select(func.count()).select_from(Message)) or 0,
        "articles": len(article_ids),
        "follow-ups": session.scalar(select(func.count()).select_from(FollowUp)) or 0,
    }
