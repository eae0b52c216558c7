"""Site-form CSV exports and vCards."""

import pytest

from leaddesk.importers.base import ImportFileError
from leaddesk.importers.sources import Source
from leaddesk.importers.vcard import parse_vcards, write_vcards
from tests.unit.importers.conftest import DATA


@pytest.mark.parametrize("name", ["inquiries-export-utf8.csv", "inquiries-export-gbk.csv"])
def test_the_sample_exports(parse, name: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parse(name, DATA / "samples/forms" / name)
    assert parsed.channel.value == "site_form" and parsed.errors == []
    first = parsed.inquiries[0]
    assert first.contact.phones and first.contact.emails and first.page_url
    assert first.page_url.startswith("https://www.ericcointernational.com/")


def test_the_utf8_export_in_detail(parse) -> None:  # type: ignore[no-untyped-def]
    parsed = parse("f.csv", DATA / "samples/forms/inquiries-export-utf8.csv")
    names = [i.contact.name for i in parsed.inquiries]
    assert names == ["Lukas Becker", "Priya Nair", "Oleg Petrov", "test"]
    assert parsed.inquiries[1].messages[0].body == "Need MEMS IMU samples for AGV navigation.\n" \
        "Please quote 5 pcs."
    assert [i.contact.likely_spam for i in parsed.inquiries] == [False, False, False, True]
    assert parsed.inquiries[3].messages[0].body.startswith("=HYPERLINK")  # kept as text


def test_the_gbk_export_with_chinese_headers(parse) -> None:  # type: ignore[no-untyped-def]
    parsed = parse("f.csv", DATA / "samples/forms/inquiries-export-gbk.csv")
    wang = parsed.inquiries[0]
    assert (wang.contact.name, wang.contact.country) == ("王磊", "中国")
    assert wang.messages[0].sent_at.isoformat() == "2021-05-03T14:05:00+00:00"


@pytest.mark.parametrize(("content", "encoding"), [
    ("Name;Email;Message;Date\nAna;ana@x.br;Olá, preço?;2021-04-01 10:00\n", "utf-8"),
    ("Name\tEmail\tMessage\tDate\nAna\tana@x.br\tOlá, preço?\t2021-04-01 10:00\n", "utf-16"),
    ("姓名,邮箱,留言,提交时间\nAna,ana@x.br,\"(Security Alert: blocked) Olá, preço?\",2021/4/1 10:00\n",
     "gb18030"),
])
def test_delimiters_encodings_and_flamingo_prefixes(parse, content: str, encoding: str) -> None:  # type: ignore[no-untyped-def]
    draft = parse("f.csv", content.encode(encoding), channel="site_form").inquiries[0]
    assert (draft.contact.name, draft.contact.emails, draft.messages[0].body) == (
        "Ana", ["ana@x.br"], "Olá, preço?")


def test_bad_rows_are_reported_by_line_and_the_rest_imports(parse) -> None:  # type: ignore[no-untyped-def]
    content = ("Name,Email,Message,Date\nAna,ana@x.br,hi,2021-04-01 10:00\n"
               "Bob,bob@x.de,hi,yesterday\n,,,2021-04-01 10:00\nCy,cy@x.us,hi,2021-04-02 10:00\n")
    parsed = parse("f.csv", content, channel="site_form")
    assert [i.contact.name for i in parsed.inquiries] == ["Ana", "Cy"]
    assert [(e.line, e.message) for e in parsed.errors] == [(3, "unreadable date 'yesterday'"),
                                                            (4, "an entry with no message, email or phone")]


def test_column_mapping_overrides(parse) -> None:  # type: ignore[no-untyped-def]
    content = "联系人手机,Email,Message,Date\n+86 138 0013 8000,a@b.cn,hi,2021-04-01 10:00\n"
    draft = parse("f.csv", content, channel="site_form",
                  column_map={"联系人手机": "phone"}).inquiries[0]
    assert draft.contact.phones == ["+86 138 0013 8000"]


def test_a_csv_without_form_columns(parse) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match="no form columns"):
        parse("f.csv", "a,b,c\n1,2,3\n", channel="site_form")


def test_the_vcard_sample_in_all_three_versions() -> None:
    source = Source("c.vcf", (DATA / "samples/contacts/customers.vcf").read_bytes())
    cards = list(parse_vcards(source).contacts)
    assert [(c.name, c.phones, c.emails, c.wechat_ids) for c in cards] == [
        ("Lukas Becker", ["+49 1512 3456789"], ["l.becker@aero-systems.example.de"], []),
        ("王磊", ["tel:+86-138-0013-8000"], ["wanglei@feikong-tech.example.cn"], ["wanglei_uav88"]),
        ("Maria Santos", ["+5511912345678"], [], []),
    ]
    assert cards[0].country == "Germany" and cards[0].company == "Aero Systems GmbH"


def test_folded_lines_charsets_and_photos() -> None:
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=8E=52=93=63;"
            "=91=BE=98=59\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:AAAA\r\n BBBB\r\n\r\nEMAIL:taro@\r\n "
            "example.jp\r\nEND:VCARD\r\n")
    card = next(iter(parse_vcards(Source("j.vcf", text.encode("ascii"))).contacts))
    assert (card.name, card.emails) == ("太郎 山田", ["taro@example.jp"])


def test_cards_round_trip() -> None:
    text = write_vcards([("王磊", "飞控, 科技", "CN", ["+8613800138000"], ["w@x.cn"], ["wanglei_uav88"])])
    card = next(iter(parse_vcards(Source("out.vcf", text.encode())).contacts))
    assert (card.name, card.company, card.phones, card.wechat_ids, card.country) == (
        "王磊", "飞控, 科技", ["tel:+8613800138000"], ["wanglei_uav88"], "CN")
