"""WeChat: copied text, the backup tools' TXT and both CSV layouts."""

from datetime import UTC, datetime

import pytest

from leaddesk.domain.vocabulary import Direction
from leaddesk.importers.base import ImportFileError
from tests.unit.importers.conftest import DATA


def test_text_copied_from_the_pc_client(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/wechat/copied-from-wechat-pc.txt"
    draft = parse(path.name, path).inquiries[0]
    assert draft.contact.name == "陈经理"
    assert [m.direction for m in draft.messages] == [Direction.IN] * 2 + [Direction.OUT] * 2 + \
        [Direction.IN]
    assert draft.messages[3].attachment == "ER-MIMU-01规格书.pdf"
    assert draft.offered.phones == ["+8618628013579"]


def test_the_backup_tools_txt_with_a_system_line(parse) -> None:  # type: ignore[no-untyped-def]
    path = DATA / "samples/wechat/memotrace-export.txt"
    draft = parse(path.name, path).inquiries[0]
    assert draft.contact.name == "Lena Fischer"
    assert [(m.author, m.attachment) for m in draft.messages] == [
        ("Lena Fischer", None), ("Lena Fischer", "图片"), ("Ericco Sales", None),
        ("Lena Fischer", None)]
    assert draft.messages[3].body.endswith("My email is lena.fischer@nordnav.example.no")
    assert draft.offered.emails == ["lena.fischer@nordnav.example.no"]


CSV_TOOL = (
    "id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime\n"
    "1,11,文本,0,wxid_buyer,王经理,你好，询价陀螺仪,,2024/10/4 11:42\n"
    "2,12,图片,0,wxid_buyer,王经理,图片,File\\a.dat,2024/10/4 11:43\n"
    "3,13,文本,1,wxid_buyer,王经理,您好，请看报价,,2024/10/4 11:50\n"
    "4,14,动画表情,1,wxid_buyer,王经理,表情,http://x,2024/10/4 11:50\n"
    "5,15,动画表情,1,wxid_buyer,王经理,表情,http://x,2024/10/4 11:50\n"
)
CSV_DB = (
    "localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,"
    "NickName,Sender\n"
    "1,7,1,0,0,1728013320,2,你好，询价陀螺仪,2024-10-04 11:42:00\n"
    "2,7,3,0,0,1728013380,2,,2024-10-04 11:43:00\n"
    "3,7,1,0,1,1728013800,2,您好，请看报价,2024-10-04 11:50:00\n"
)


@pytest.mark.parametrize(("content", "count", "out", "first"), [
    (CSV_TOOL, 5, 3, datetime(2024, 10, 4, 11, 42, tzinfo=UTC)),  # local time, read in UTC here
    (CSV_DB, 3, 1, datetime(2024, 10, 4, 3, 42, tzinfo=UTC)),  # a Unix time: 11:42 in Beijing
])
def test_backup_tool_csvs(parse, content: str, count: int, out: int, first: datetime) -> None:  # type: ignore[no-untyped-def]
    parsed = parse("chat.csv", content)
    messages = parsed.inquiries[0].messages
    assert parsed.channel.value == "wechat"
    assert len(messages) == count  # two stickers in one minute are two messages
    assert len({m.fingerprint for m in messages}) == count
    assert sum(m.direction is Direction.OUT for m in messages) == out
    assert messages[0].sent_at == first
    assert messages[1].body == "[图片]" and messages[1].attachment == "图片"


def test_a_wechat_file_that_is_not_one(parse) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match="not a WeChat chat"):
        parse("notes.txt", "shopping list\nmilk\n", channel="wechat")
