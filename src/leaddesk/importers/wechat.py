"""WeChat: text copied from WeChat for Windows/Mac, and the TXT and CSV layouts that
common WeChat backup tools write."""

import csv
import io
import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from leaddesk.domain.drafts import InquiryDraft, MessageDraft
from leaddesk.domain.identities import clean_text
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.base import Fingerprints, ImportFileError, ImportOptions, ParsedFile
from leaddesk.importers.chat import choose_buyer, contact_for, directions
from leaddesk.importers.sources import Source, controls_note, csv_rows, file_text

# "陈经理 2021/5/6 10:15:32" (copied from the PC client)
COPIED = re.compile(r"^(?P<name>\S.*?)\s+(?P<when>\d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)$")
# "2021-05-07 09:02:11 Lena Fischer" (backup tools' TXT)
BACKUP = re.compile(r"^(?P<when>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\s+(?P<name>\S.*)$")
_SYSTEM = re.compile(r"你已添加了(?P<partner>.+?)[，,]\s*现在可以开始聊天了|以上是打招呼的内容|"
                     r"撤回了一条消息|"
                     r"You have added (?P<partner_en>.+?) as your WeChat contact|recalled a message")
_PLACEHOLDER = re.compile(r"^\[(?:图片|文件|语音|视频|表情|动画表情|位置|链接|Image|File|Voice|Video|"
                          r"Sticker|Location|Link)\](?:\s*(?P<name>.+))?$")
CSV_HEADERS = {
    ("id", "MsgSvrID", "type_name", "is_sender", "talker", "room_name", "msg", "src", "CreateTime"),
    ("localId", "TalkerId", "Type", "SubType", "IsSender", "CreateTime", "Status", "StrContent",
     "StrTime"),
}
_TYPES = {"1": "文本", "3": "图片", "34": "语音", "43": "视频", "47": "动画表情", "49": "文件",
          "10000": "系统通知"}


def _when(text: str, zone: ZoneInfo) -> datetime:
    for layout in ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(text.strip(), layout).replace(tzinfo=zone)
        except ValueError:
            continue
    raise ValueError(text)


def _finish(source: Source, options: ImportOptions, messages: list[MessageDraft],
            partner: str | None, removed: int) -> ParsedFile:
    if not messages:
        raise ImportFileError(source.name, "no WeChat messages found", 1)
    buyer = choose_buyer(Counter(m.author for m in messages), options.own, partner)
    if not any(m.direction is Direction.OUT for m in messages):
        directions(messages, buyer, options.own)
    contact, offered = contact_for(buyer, messages, options.default_region or "CN")
    for message in messages:
        if message.attachment is None:
            placeholder = _PLACEHOLDER.match(message.body)
            if placeholder:
                message.attachment = placeholder["name"] or message.body.strip("[]")
    Fingerprints("wechat", buyer).stamp(messages)
    return ParsedFile(source.name, Channel.WECHAT,
                      [InquiryDraft(Channel.WECHAT, contact, messages, offered=offered)],
                      notes=[controls_note(removed)] if removed else [])


def parse_wechat_text(source: Source, options: ImportOptions, zone: ZoneInfo) -> ParsedFile:
    """Copied text or a backup tool's TXT: a header line, the message lines, a blank line."""
    text, removed = file_text(source)
    lines = text.splitlines()
    blocks: list[tuple[int, str, str, list[str]]] = []
    for number, line in enumerate(lines, 1):
        header = COPIED.match(line.strip()) or BACKUP.match(line.strip())
        if header:
            blocks.append((number, clean_text(header["name"]), header["when"], []))
        elif blocks:
            blocks[-1][3].append(line)
        elif line.strip():
            raise ImportFileError(source.name, "not a WeChat chat (no name and time line)", number)
    messages, partner = [], None
    for number, name, when, body_lines in blocks:
        text = "\n".join(body_lines).strip("\n")
        system = _SYSTEM.search(name) if not text.strip() else _SYSTEM.search(text)
        if system:
            partner = partner or system.group("partner") or system.group("partner_en")
            continue
        try:
            moment = _when(when, zone)
        except ValueError:
            raise ImportFileError(source.name, f"unreadable time {when!r}", number) from None
        messages.append(MessageDraft(moment, Direction.IN, text.strip(), author=name,
                                     original=text, line=number))
    return _finish(source, options, messages, clean_text(partner) if partner else None, removed)


def parse_wechat_csv(source: Source, options: ImportOptions, zone: ZoneInfo) -> ParsedFile:
    """The backup tools' CSV layouts; one-to-one rows may be shorter than the header."""
    text, removed = file_text(source)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = csv_rows(reader, source.name)
    header = next(rows, [])
    messages: list[MessageDraft] = []
    partner = None
    for row in rows:
        number = reader.line_num
        record = dict(zip(header, row, strict=False))
        kind = record.get("type_name") or _TYPES.get(record.get("Type", ""), "")
        sender = record.get("is_sender", record.get("IsSender", "0")).strip()
        body = record.get("msg", record.get("StrContent", "")) or ""
        when = record.get("CreateTime", "")
        if "StrTime" in record and not re.match(r"\d{4}", when):
            when = record["StrTime"]
        try:
            moment = (datetime.fromtimestamp(int(when), zone) if when.isdigit()
                      else _when(when, zone))
        except (ValueError, OverflowError):
            raise ImportFileError(source.name, f"unreadable time {when!r}", number) from None
        partner = partner or record.get("room_name") or record.get("TalkerId") or record.get("talker")
        ours = sender == "1"
        placeholder = kind not in ("文本", "引用回复", "")
        shown = f"[{kind}]" if placeholder and body in ("", kind, "图片", "表情") else body
        messages.append(MessageDraft(
            moment, Direction.OUT if ours else Direction.IN, shown.strip(),
            author="" if ours else (partner or ""), original=body,
            attachment=kind if placeholder else None, line=number,
        ))
    if any(m.direction is Direction.OUT for m in messages):
        for message in messages:
            message.author = "me" if message.direction is Direction.OUT else (partner or "")
    return _finish(source, options, messages, partner, removed)
