"""A big synthetic desk for benchmarks: English and Chinese text with realistic word
frequencies, written with Core bulk inserts so a million messages take well under
two minutes."""

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from itertools import accumulate, islice
from typing import Any, cast

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType
from sqlalchemy import Engine, Table, func, insert, select

from leaddesk.db.bulk import advance_id_sequences
from leaddesk.db.engine import refresh_statistics
from leaddesk.db.models import Activity, Article, Contact, FollowUp, Identity, Inquiry, Message
from leaddesk.db.search_index import index_all, index_all_contacts
from leaddesk.domain.vocabulary import Channel, Stage
from leaddesk.errors import InvalidInputError

BATCH = 20_000
REGIONS = ["DE", "CN", "IN", "US", "BR", "AE", "RU", "VN", "TR", "KR", "GB", "IT", "MX", "FR"]
FIRST = ["Lukas", "Anna", "Wei", "Priya", "Michael", "Maria", "Ahmed", "Oleg", "An", "Mehmet",
         "Min-jun", "James", "Marco", "Sofia", "Chen", "Fatima", "Ivan", "Lena", "Rahul", "Olivia"]
LAST = ["Becker", "Wang", "Nair", "Carter", "Santos", "Al Mansouri", "Petrov", "Nguyen", "Yilmaz",
        "Kim", "Wilson", "Rossi", "Garcia", "Li", "Zhang", "Schmidt", "Khan", "Volkova", "Lee"]
ENGLISH = (
    "the a to of and for we our your please price quote quotation units gyroscope fiber optic "
    "imu mems navigation inertial sensor accuracy bias stability drift delivery lead time "
    "datasheet sample samples order payment shipping fob cif warranty export licence drone uav "
    "marine survey project customer engineer test report temperature range module interface "
    "rs422 can bus calibration north finding heading attitude gnss denied integrated system "
    "discount volume annual demand distributor agent catalogue certificate ce rohs invoice"
).split()
CHINESE = (
    "您好 你好 请问 报价 价格 陀螺仪 光纤陀螺 惯性导航 惯导 加速度计 精度 零偏 稳定性 交期 样品 "
    "订单 付款 发货 含税 无人机 船用 测绘 项目 客户 工程师 测试报告 温度 接口 标定 寻北 航向 姿态 "
    "组合导航 卫星 代理 经销商 目录 证书 发票 谢谢 合作 批量 优惠 现货 型号 参数 技术支持"
).split()
CHANNELS = [Channel.WHATSAPP, Channel.EMAIL, Channel.SITE_FORM, Channel.WECHAT]
# four salespeople and the pool (no owner), as on a small export desk
OWNERS = ["Anna Becker", "Li Wei", "Marco Rossi", "Priya Nair", "", ""]
FOLLOWUP_KINDS = ["call", "whatsapp", "email", "quote"]
# Bumped when the generator writes different rows: benchmarks cache desks under it.
GENERATOR_VERSION = 2
START = datetime(2021, 1, 1, tzinfo=UTC)


def _zipf(words: list[str]) -> list[float]:
    return list(accumulate(1.0 / rank for rank in range(1, len(words) + 1)))


def _sentences(rng: random.Random, count: int) -> tuple[list[str], list[str]]:
    en_weights, zh_weights = _zipf(ENGLISH), _zipf(CHINESE)
    english = [" ".join(rng.choices(ENGLISH, cum_weights=en_weights, k=rng.randint(6, 24)))
               .capitalize() + "." for _ in range(count)]
    chinese = ["".join(rng.choices(CHINESE, cum_weights=zh_weights, k=rng.randint(4, 14))) + "。"
               for _ in range(count)]
    return english, chinese


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, BATCH)):
        yield chunk


def _phone(rng: random.Random, region: str, index: int) -> tuple[str, str]:
    example = phonenumbers.example_number_for_type(region, PhoneNumberType.MOBILE)
    assert example is not None
    national = str(example.national_number)
    number = phonenumbers.parse(f"+{example.country_code}{national[:-6]}{index % 1_000_000:06d}")
    valid = "valid" if phonenumbers.is_valid_number(number) else "possible"
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), valid


def fill_synthetic(engine: Engine, messages: int, seed: int = 1) -> dict[str, int]:
    """Write a synthetic desk of `messages` messages (one contact per five messages, one
    article per 500, two to four messages per inquiry) into an empty database."""
    if messages < 1:
        raise InvalidInputError("--messages must be at least 1")
    rng = random.Random(seed)
    english, chinese = _sentences(rng, 4000)
    n_contacts, n_articles = max(1, messages // 5), max(1, min(2000, messages // 500))
    with engine.begin() as connection:
        if connection.scalar(select(func.count()).select_from(Contact)):
            raise InvalidInputError("the desk is not empty: a synthetic desk needs an empty one")
        connection.execute(insert(Article), [
            {"id": i, "url": f"https://www.example.com/news/article-{i}.html", "code": f"A{i}",
             "title": f"{rng.choice(english)[:60]} {i}", "kind": "article",
             "published_at": START + timedelta(days=i % 900), "author": "Editor"}
            for i in range(1, n_articles + 1)])
        regions = [REGIONS[i % len(REGIONS)] for i in range(n_contacts + 1)]
        for chunk in _batches(
            {"id": i, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
             "company": f"{rng.choice(LAST)} {rng.choice(['GmbH', 'Ltd', 'Inc', '科技', 'LLC'])}",
             "country": regions[i], "stage": rng.choice(list(Stage)).value,
             "owner": rng.choice(OWNERS),
             "lost_reason": None, "version": 1}
            for i in range(1, n_contacts + 1)
        ):
            for row in chunk:
                if row["stage"] == "lost":
                    row["lost_reason"] = "price too high"
            connection.execute(insert(Contact), chunk)
        identity_rows = ({"contact_id": i, "kind": "email", "value": f"buyer{i}@mail{i % 97}.example",
                          "raw": f"buyer{i}@mail{i % 97}.example", "validity": "valid"}
                         for i in range(1, n_contacts + 1))
        for chunk in _batches(identity_rows):
            connection.execute(insert(Identity), chunk)
        for chunk in _batches(
            {"contact_id": i, "kind": "phone", "value": value, "raw": value, "validity": valid,
             "region": regions[i]}
            for i in range(1, n_contacts + 1, 2) for value, valid in [_phone(rng, regions[i], i)]
        ):
            connection.execute(insert(Identity), chunk)
        plan = _plan_messages(rng, messages, n_contacts)
        inquiries = _inquiry_rows(plan, rng, n_articles, n_contacts)
        for chunk in _batches(iter(inquiries)):
            connection.execute(insert(Inquiry), chunk)
        for chunk in _batches(_message_rows(plan, rng, english, chinese)):
            connection.execute(insert(Message), chunk)
        for chunk in _batches(_followup_rows(rng, n_contacts)):
            connection.execute(insert(FollowUp), chunk)
        # articles, contacts and inquiries got their ids here, not from the database
        advance_id_sequences(connection, *(cast(Table, model.__table__)
                                           for model in (Article, Contact, Inquiry)))
        index_all(connection)
        index_all_contacts(connection)
        connection.execute(insert(Activity), [{"action": "synthetic_desk", "actor": "demo",
                                               "detail": f'{{"messages": {messages}}}'}])
    refresh_statistics(engine)
    return {"contacts": n_contacts, "inquiries": len(inquiries), "messages": messages,
            "articles": n_articles}


def _followup_rows(rng: random.Random, n_contacts: int) -> Iterator[dict[str, Any]]:
    """One follow-up per ten contacts, due around the end of the desk's time: most done,
    some open and past due (overdue today), some still to come."""
    end = START + timedelta(days=1400)
    for contact_id in range(1, n_contacts + 1, 10):
        due = end + timedelta(days=rng.randint(-60, 400))
        done = due + timedelta(hours=rng.randint(1, 48)) if rng.random() < 0.5 else None
        yield {"contact_id": contact_id, "inquiry_id": None, "due_at": due,
               "kind": rng.choice(FOLLOWUP_KINDS), "note": "", "owner": "", "done_at": done,
               "outcome": "done" if done else None}


def _plan_messages(rng: random.Random, total: int, n_contacts: int) -> list[tuple[datetime, int]]:
    """(sent_at, inquiry number) for every message, sorted by time, so that message ids
    follow time as they do on a real desk."""
    plan: list[tuple[datetime, int]] = []
    inquiry = 0
    span = 1400 * 24 * 3600
    while len(plan) < total:
        inquiry += 1
        moment = START + timedelta(seconds=rng.randrange(span))
        for _ in range(min(rng.randint(2, 4), total - len(plan))):
            plan.append((moment, inquiry))
            moment += timedelta(minutes=rng.randint(5, 4000))
    plan.sort()
    return plan


def _inquiry_rows(plan: list[tuple[datetime, int]], rng: random.Random, n_articles: int,
                  n_contacts: int) -> list[dict[str, Any]]:
    first: dict[int, datetime] = {}
    last: dict[int, datetime] = {}
    for moment, inquiry in plan:
        first.setdefault(inquiry, moment)
        last[inquiry] = moment
    rows = []
    for inquiry in sorted(first):
        linked = rng.random() < 0.6
        rows.append({
            "id": inquiry, "contact_id": rng.randint(1, n_contacts),
            "channel": CHANNELS[inquiry % 4].value, "subject": "",
            "started_at": first[inquiry], "last_message_at": last[inquiry],
            "article_id": rng.randint(1, n_articles) if linked else None,
            "article_link": "url" if linked else None, "version": 1,
        })
    return rows


def _message_rows(plan: list[tuple[datetime, int]], rng: random.Random, english: list[str],
                  chinese: list[str]) -> Iterator[dict[str, Any]]:
    for moment, inquiry in plan:
        pool = chinese if inquiry % 3 == 0 else english
        body = " ".join(rng.choices(pool, k=rng.choice((1, 1, 2, 3, 4, 6, 10, 16))))
        yield {"inquiry_id": inquiry, "direction": "in" if rng.random() < 0.6 else "out",
               "sent_at": moment, "author": "", "subject": "", "body": body, "original": body}
