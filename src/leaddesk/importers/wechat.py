"""WeChat: text copied from WeChat for Windows/Mac, and the TXT and CSV layouts that
common WeChat backup tools write (a CSV zipped with the media its `src` column names
brings those files along)."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from leaddesk.domain.drafts import InquiryDraft, MessageDraft
from leaddesk.domain.identities import clean_text
from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.attached import ZipMedia
from leaddesk.importers.base import Fingerprints, ImportFileError, ImportOptions, ParsedFile, chunk_full
from leaddesk.importers.chat import Typed, buyer_contact, choose_buyer, directions, ours
from leaddesk.importers.csvstream import CsvReader, Row
from leaddesk.importers.longtext import TEXT_CAP, LongText, marker
from leaddesk.importers.sources import Source, looks_binary
from leaddesk.importers.textstream import TextStream
from leaddesk.job import Job

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


SURVEYED = 10_000  # characters of a message the first reading looks at


@dataclass
class _Chat:
    """What a first reading learns of a chat: who wrote how often, its partner, and the
    numbers and addresses each author typed."""

    authors: dict[str, int]
    typed: Typed
    partner: str | None = None
    count: int = 0


def _drafts(chat: _Chat, options: ImportOptions, messages: Iterator[MessageDraft],
            stream: TextStream, notes: list[str]) -> Iterator[InquiryDraft]:
    """The chat with its buyer, a chunk of messages at a time."""
    buyer = choose_buyer(chat.authors, options.own, chat.partner)
    authors = set(chat.authors)
    contact = buyer_contact(buyer)
    offered = chat.typed.by(a for a in chat.authors if not ours(a, buyer, options.own, authors))
    fingerprints = Fingerprints("wechat", buyer)
    chunk: list[MessageDraft] = []
    chars = 0

    def hand_on() -> InquiryDraft:
        if not any(m.direction is Direction.OUT for m in chunk):
            directions(chunk, buyer, options.own, authors)
        for message in chunk:
            if message.attachment is None:
                placeholder = _PLACEHOLDER.match(message.body[:1000])
                if placeholder:
                    message.attachment = placeholder["name"] or message.body.strip("[]")
        fingerprints.stamp(chunk)
        return InquiryDraft(Channel.WECHAT, contact, chunk, offered=offered)

    for message in messages:
        chunk.append(message)
        chars += len(message.body) + len(message.original)
        if chunk_full(len(chunk), chars):
            yield hand_on()
            chunk, chars = [], 0
    if chunk:
        yield hand_on()
    if stream.note:
        notes.append(stream.note)


@dataclass
class _Block:
    number: int
    name: str
    when: str
    text: LongText


def _blocks(stream: TextStream, source: Source, options: ImportOptions, job: Job,
            cap: int) -> Iterator[_Block]:
    """Each message of a copied chat: its name and time line, then its lines (blank lines
    around it dropped), kept up to `cap` characters (the rest spilled, with TEXT_CAP)."""
    block: _Block | None = None
    fresh, pending, size = True, 0, max(1, source.size)
    for count, line in enumerate(stream.lines()):
        if not count % 5000:
            job.tick(stream.done, 2 * size if cap != TEXT_CAP else size)
        header = (COPIED.match(line.text.strip()) or BACKUP.match(line.text.strip())) \
            if fresh and line.ends else None
        if header:
            if block is not None:
                yield block
            block, pending = _Block(line.number, clean_text(header["name"]), header["when"],
                                    LongText(options.spill, cap, keep=cap == TEXT_CAP)), 0
        elif block is not None:
            if fresh and block.text.length:
                pending += 1
            if line.text:
                if pending:
                    block.text.add("\n" * pending)
                    pending = 0
                block.text.add(line.text)
        elif line.text.strip():
            raise ImportFileError(source.name, "not a WeChat chat (no name and time line)", line.number)
        fresh = line.ends
    if block is not None:
        yield block


def _system(block: _Block, text: str) -> str | None:
    """The partner a system line names ("你已添加了…"), "" for another system line, or
    None for a person's message."""
    system = _SYSTEM.search(block.name) if not text.strip() else _SYSTEM.search(text[:SURVEYED])
    if system is None:
        return None
    return system.group("partner") or system.group("partner_en") or ""


def parse_wechat_text(source: Source, options: ImportOptions, zone: ZoneInfo, job: Job) -> ParsedFile:
    """Copied text or a backup tool's TXT: a header line, the message lines, a blank line.
    Read twice as it is stored: once to learn the chat, once to hand on its messages."""
    if looks_binary(source.head):
        raise ImportFileError(source.name, "not a text file")
    stream = TextStream(source)
    chat = _Chat({}, Typed(options.default_region or "CN"))
    for block in _blocks(stream, source, options, job, SURVEYED):
        text = block.text.finish()
        partner = _system(block, text)
        if partner is not None:
            chat.partner = chat.partner or clean_text(partner) or None
            continue
        try:
            _when(block.when, zone)
        except ValueError:
            raise ImportFileError(source.name, f"unreadable time {block.when!r}", block.number) from None
        chat.authors[block.name] = chat.authors.get(block.name, 0) + 1
        chat.typed.add(block.name, text.strip())
        chat.count += 1
    if not chat.count:
        raise ImportFileError(source.name, "no WeChat messages found", 1)
    parsed = ParsedFile(source.name, Channel.WECHAT)

    def messages() -> Iterator[MessageDraft]:
        for block in _blocks(stream, source, options, job, TEXT_CAP):
            text = block.text.finish()
            if _system(block, text) is not None:
                continue
            if block.text.overflow is not None:
                parsed.notes.append(f"line {block.number}: a message too long to store whole; stored "
                                    "cut, the whole message kept beside the desk")
            yield MessageDraft(_when(block.when, zone), Direction.IN, text.strip(), author=block.name,
                               original=text, line=block.number, overflow=block.text.overflow)

    parsed.inquiries = _drafts(chat, options, messages(), stream, parsed.notes)
    return parsed


def parse_wechat_csv(source: Source, options: ImportOptions, zone: ZoneInfo, job: Job) -> ParsedFile:
    """The backup tools' CSV layouts; one-to-one rows may be shorter than the header.
    Read twice as it is stored, like copied text."""
    stream = TextStream(source)

    def records() -> Iterator[tuple[Row, dict[str, str]]]:
        rows = iter(CsvReader(stream.chunks(), options.spill))
        header = next(rows, Row(1, [])).cells
        for count, row in enumerate(rows):
            if not count % 5000:
                job.tick(stream.done, 2 * max(1, source.size))
            yield row, dict(zip(header, row.cells, strict=False))

    chat = _Chat({}, Typed(options.default_region or "CN"))
    found: list[tuple[bool, str]] = []  # (ours, text) of the first messages, for the authors
    for row, record in records():
        _moment(record, zone, source, row.line)
        chat.partner = chat.partner or record.get("room_name") or record.get("TalkerId") \
            or record.get("talker") or None
        sender = record.get("is_sender", record.get("IsSender", "0")).strip()
        found.append((sender == "1", (record.get("msg", record.get("StrContent", "")) or "")[:SURVEYED]))
        if len(found) >= Typed.BLOCK:
            _count(chat, found)
    _count(chat, found)
    if not chat.count:
        raise ImportFileError(source.name, "no WeChat messages found", 1)
    parsed = ParsedFile(source.name, Channel.WECHAT)
    in_zip = ZipMedia(source)

    def messages() -> Iterator[MessageDraft]:
        for row, record in records():
            kind = record.get("type_name") or _TYPES.get(record.get("Type", ""), "")
            sender = record.get("is_sender", record.get("IsSender", "0")).strip()
            body = record.get("msg", record.get("StrContent", "")) or ""
            mine = sender == "1"
            placeholder = kind not in ("文本", "引用回复", "")
            shown = f"[{kind}]" if placeholder and body in ("", kind, "图片", "表情") else body
            if row.cut:
                shown += marker(row.overflow.length if row.overflow else 0, "message")
                parsed.notes.append(f"line {row.line}: a message too long to store whole; stored cut, "
                                    "the whole row kept beside the desk")
            message = MessageDraft(
                _moment(record, zone, source, row.line), Direction.OUT if mine else Direction.IN,
                shown.strip(), author="me" if mine else (chat.partner or ""), original=body,
                attachment=kind if placeholder else None, line=row.line, overflow=row.overflow)
            media = (record.get("src") or "").strip()  # a backup's own file, beside it in its zip
            if media and source.members and (found := in_zip.find(media)):
                message.attachment = found.name
                message.files.append(found)
            yield message

    parsed.inquiries = _drafts(chat, options, messages(), stream, parsed.notes)
    return parsed


def _count(chat: _Chat, found: list[tuple[bool, str]]) -> None:
    """Count the authors of the messages surveyed so far, as the second reading names them."""
    for mine, text in found:
        author = "me" if mine else (chat.partner or "")
        chat.authors[author] = chat.authors.get(author, 0) + 1
        if not mine:
            chat.typed.add(author, text)
        chat.count += 1
    found.clear()


def _moment(record: dict[str, str], zone: ZoneInfo, source: Source, line: int) -> datetime:
    when = record.get("CreateTime", "")
    if "StrTime" in record and not re.match(r"\d{4}", when):
        when = record["StrTime"]
    try:
        return datetime.fromtimestamp(int(when), zone) if when.isdigit() else _when(when, zone)
    except (ValueError, OverflowError, OSError):
        raise ImportFileError(source.name, f"unreadable time {when[:100]!r}", line) from None
