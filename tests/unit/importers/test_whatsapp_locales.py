"""WhatsApp exports from phones set to other languages: day periods before or after the
time, dotted dates, Arabic-Indic and Persian digits, the time before the date."""

from datetime import UTC, datetime
from typing import NamedTuple

import pytest

from leaddesk.domain.vocabulary import Channel, Direction
from leaddesk.importers.whatsapp_locales import local_header


def _digits(text: str, zero: str) -> str:
    """The text with 0-9 written in another script, whose zero is `zero`."""
    return text.translate({ord("0") + i: chr(ord(zero) + i) for i in range(10)})


def _arabic(text: str) -> str:
    return _digits(text, "٠")


def _persian(text: str) -> str:
    return _digits(text, "۰")


RLM = "\u200f"

class Chat(NamedTuple):
    """A test chat: the system line's timestamp and the four messages' (at 00:05, 12:30,
    15:15, :32 on iOS, and 21:40), iOS or Android, the buyer, the system line, the texts
    (hello, reply, two lines, the last message) and the last message's attachment. Where
    each layout comes from: the docstring of leaddesk.importers.whatsapp_locales."""

    stamps: list[str]
    ios: bool
    buyer: str
    system: str
    texts: tuple[str, str, str, str, str]
    attachment: str | None


ZH_NOTICE = "消息和通话都进行端到端加密。对话之外的任何人，甚至包含 WhatsApp，都无法读取或收听。"
JA_NOTICE = ("メッセージと通話はエンドツーエンド暗号化されています。"
             "チャットの参加者以外は、たとえWhatsAppでも読んだり聞いたりすることはできません。")
ZH_TEXTS = ("你好，我想了解光纤陀螺仪", "您好，请问需要什么型号？", "我们需要报价", "数量是50台")
HANT_TEXTS = ("你好", "您好", "我們需要報價", "數量是50台", "謝謝")
JA_TEXTS = ("こんにちは", "お問い合わせありがとうございます", "見積もりをお願いします", "数量は50台です")
KO_TEXTS = ("안녕하세요", "문의 감사합니다", "견적을 부탁드립니다", "수량은 50대입니다")
DE_TEXTS = ("Hallo", "Guten Tag, wie können wir helfen?", "Wir brauchen ein Angebot", "für 50 Stück")
VI_TEXTS = ("Xin chào", "Chào anh, chúng tôi có thể giúp gì?", "Chúng tôi cần báo giá", "số lượng 50 chiếc")
ES_TEXTS = ("Hola", "Buenos días, ¿en qué podemos ayudar?", "Necesitamos una cotización", "para 50 unidades")
EL_TEXTS = ("Γεια σας", "Καλημέρα, πώς μπορούμε;", "Χρειαζόμαστε προσφορά", "για 50 τεμάχια", "Ευχαριστώ")
AR_TEXTS = ("مرحبا", "أهلاً، كيف يمكننا المساعدة؟", "نحتاج عرض سعر", "لعدد ٥٠ قطعة")
FI_TEXTS = ("Hei", "Hyvää päivää, miten voimme auttaa?", "Tarvitsemme tarjouksen", "50 kappaletta", "Kiitos")
PHOTO = "00000005-PHOTO-2021-05-13-21-40-00.jpg"


def _stamps(dates: tuple[str, str], times: list[str]) -> list[str]:
    """The five timestamps: the first three on the first date, the last two on the second."""
    return [f"{dates[0] if i < 3 else dates[1]}{time}" for i, time in enumerate(times)]


CHATS = {
    "zh-CN android": Chat(
        _stamps(("2021/5/6 ", "2021/5/13 "), ["上午12:00", "上午12:05", "下午12:30", "下午3:15", "下午9:40"]),
        False, "王磊", ZH_NOTICE, (*ZH_TEXTS, "<省略影音内容>"), "省略影音内容"),
    "zh-CN ios": Chat(
        _stamps(("2021/5/6 ", "2021/5/13 "),
                ["上午12:00:00", "上午12:05:00", "下午12:30:00", "下午3:15:32", "下午9:40:00"]),
        True, "王磊", ZH_NOTICE, (*ZH_TEXTS, f"<附件: {PHOTO}>"), PHOTO),
    "zh-TW android, flexible periods": Chat(
        _stamps(("2021/5/6 ", "2021/5/13 "), ["午夜12:00", "凌晨12:05", "中午12:30", "下午3:15", "晚上9:40"]),
        False, "陳小明",
        "訊息和通話經端對端加密。對話以外的任何人 (即使是 WhatsApp) 均無法查看或聆聽那些內容。",
        HANT_TEXTS, None),
    "zh-HK android": Chat(
        _stamps(("6/5/2021 ", "13/5/2021 "), ["上午12:00", "上午12:05", "下午12:30", "下午3:15", "下午9:40"]),
        False, "李家明", "訊息已受端對端加密保護。此對話以外所有人，包括 WhatsApp 在內，都無法讀取或聽取。",
        HANT_TEXTS, None),
    "ja android": Chat(
        _stamps(("2021/05/06 ", "2021/05/13 "), ["午前0:00", "午前0:05", "午後0:30", "午後3:15", "午後9:40"]),
        False, "田中太郎", JA_NOTICE, (*JA_TEXTS, "<メディアは省略されました>"), "メディアは省略されました"),
    "ja ios": Chat(
        _stamps(("2021/05/06 ", "2021/05/13 "),
                ["午前0:00:00", "午前0:05:00", "午後0:30:00", "午後3:15:32", "午後9:40:00"]),
        True, "田中太郎", JA_NOTICE, (*JA_TEXTS, "画像は含まれていません"), "画像は含まれていません"),
    "ko android": Chat(
        _stamps(("2021. 5. 6. ", "2021. 5. 13. "),
                ["오전 12:00", "오전 12:05", "오후 12:30", "오후 3:15", "오후 9:40"]),
        False, "김민수", "메시지 및 전화는 종단간 암호화되어 안전합니다. 아무도 엿보거나 들을 수 없습니다.",
        (*KO_TEXTS, "<미디어 파일 생략됨>"), "미디어 파일 생략됨"),
    "ko ios, two-digit year first": Chat(
        _stamps(("21. 5. 6. ", "21. 5. 13. "),
                ["오전 12:00:00", "오전 12:05:00", "오후 12:30:00", "오후 3:15:32", "오후 9:40:00"]),
        True, "김민수", "메시지 및 전화는 종단간 암호화되어 안전합니다.",
        (*KO_TEXTS, f"<첨부됨: {PHOTO}>"), PHOTO),
    "de android, vorm./nachm.": Chat(
        _stamps(("06.05.21, ", "13.05.21, "),
                ["12:00 vorm.", "12:05 vorm.", "12:30 nachm.", "3:15 nachm.", "9:40 nachm."]),
        False, "Hans Müller", "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb "
        "dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
        (*DE_TEXTS, "<Medien ausgeschlossen>"), "Medien ausgeschlossen"),
    "de ios, vorm./nachm.": Chat(
        _stamps(("06.05.21, ", "13.05.21, "),
                ["12:00:00 vorm.", "12:05:00 vorm.", "12:30:00 nachm.", "3:15:32 nachm.", "9:40:00 nachm."]),
        True, "Hans Müller", "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.",
        (*DE_TEXTS, "Bild weggelassen"), "Bild weggelassen"),
    "vi android": Chat(
        _stamps(("06/05/2021, ", "13/05/2021, "), ["12:00 SA", "12:05 SA", "12:30 CH", "3:15 CH", "9:40 CH"]),
        False, "Nguyễn Văn An", "Tin nhắn và cuộc gọi được mã hóa đầu cuối. Những người bên ngoài cuộc "
        "trò chuyện này, kể cả WhatsApp, sẽ không đọc hoặc nghe được.", (*VI_TEXTS, "Cảm ơn"), None),
    "vi ios, time first": Chat(
        ["00:00:00, 06/05/2021", "00:05:00, 06/05/2021", "12:30:00, 06/05/2021", "15:15:32, 13/05/2021",
         "21:40:00, 13/05/2021"],
        True, "Nguyễn Văn An", "Tin nhắn và cuộc gọi được mã hóa đầu cuối.",
        (*VI_TEXTS, "đã bỏ qua hình ảnh"), "đã bỏ qua hình ảnh"),
    "es android": Chat(
        _stamps(("6/5/21, ", "13/5/21, "), [f"{t}\u202f{p}.\u00a0m." for t, p in (
            ("12:00", "a"), ("12:05", "a"), ("12:30", "p"), ("3:15", "p"), ("9:40", "p"))]),
        False, "Ana García", "Los mensajes y las llamadas están cifrados de extremo a extremo.",
        (*ES_TEXTS, "<Multimedia omitido>"), "Multimedia omitido"),
    "es ios": Chat(
        _stamps(("6/5/21, ", "13/5/21, "), [f"{t}\u202f{p}.\u00a0m." for t, p in (
            ("12:00:00", "a"), ("12:05:00", "a"), ("12:30:00", "p"), ("3:15:32", "p"), ("9:40:00", "p"))]),
        True, "Ana García", "Los mensajes y las llamadas están cifrados de extremo a extremo.",
        (*ES_TEXTS, "imagen omitida"), "imagen omitida"),
    "el android": Chat(
        _stamps(("6/5/21, ", "13/5/21, "),
                ["12:00 π.μ.", "12:05 π.μ.", "12:30 μ.μ.", "3:15 μ.μ.", "9:40 μ.μ."]),
        False, "Νίκος Παπαδόπουλος", "Τα μηνύματα και οι κλήσεις κρυπτογραφούνται πλήρως.", EL_TEXTS, None),
    "el ios": Chat(
        _stamps(("6/5/21, ", "13/5/21, "),
                ["12:00:00 π.μ.", "12:05:00 π.μ.", "12:30:00 μ.μ.", "3:15:32 μ.μ.", "9:40:00 μ.μ."]),
        True, "Νίκος Παπαδόπουλος", "Τα μηνύματα και οι κλήσεις κρυπτογραφούνται πλήρως.", EL_TEXTS, None),
    "ar android": Chat(
        [_arabic(stamp).replace("/", RLM + "/") for stamp in _stamps(
            ("6/5/2021، ", "13/5/2021، "), ["12:00 ص", "12:05 ص", "12:30 م", "3:15 م", "9:40 م"])],
        False, "عمار لبنان", "الرسائل والمكالمات مشفرة تمامًا بين الطرفين، بحيث لا يستطيع أحد خارج هذه "
        "الدردشة، ولا حتى شركة واتساب نفسها، قراءتها أو الاستماع إليها.", (*AR_TEXTS, "شكرا"), None),
    "ar ios": Chat(
        [_arabic(stamp) for stamp in _stamps(
            ("6/5/2021، ", "13/5/2021، "),
            ["12:00:00 ص", "12:05:00 ص", "12:30:00 م", "3:15:32 م", "9:40:00 م"])],
        True, "عمار لبنان", "الرسائل والمكالمات مشفرة تمامًا بين الطرفين.",
        (*AR_TEXTS, "لم يتم إدراج الصورة"), "لم يتم إدراج الصورة"),
    "fa android, Persian digits": Chat(
        [_persian(stamp) for stamp in _stamps(("2021/5/6، ", "2021/5/13، "),
                                               ["0:00", "0:05", "12:30", "15:15", "21:40"])],
        False, "علی رضایی", "پیام‌ها و تماس‌ها سرتاسر رمزگذاری شده‌اند.",
        ("سلام", "سلام، چطور می‌توانیم کمک کنیم؟", "ما پیش‌فاکتور می‌خواهیم", "برای ۵۰ عدد", "ممنون"), None),
    "fi android, klo": Chat(
        _stamps(("6.5.2021 klo ", "13.5.2021 klo "), ["0.00", "0.05", "12.30", "15.15", "21.40"]),
        False, "Matias Virtanen", "Viestit ja puhelut salataan täysin.", FI_TEXTS, None),
    "fi ios, klo": Chat(
        _stamps(("6.5.2021 klo ", "13.5.2021 klo "),
                ["0.00.00", "0.05.00", "12.30.00", "15.15.32", "21.40.00"]),
        True, "Matias Virtanen", "Viestit ja puhelut salataan täysin.", FI_TEXTS, None),
}


def _chat(stamps: list[str], ios: bool, buyer: str, system: str, texts: tuple[str, ...]) -> str:
    hello, reply, first, second, last = texts
    rests = [f"{buyer}: {system}" if ios else system, f"{buyer}: {hello}", f"Ericco Sales: {reply}",
             f"{buyer}: {first}\n{second}", f"{buyer}: {last}"]
    return "\n".join(f"[{stamp}] {rest}" if ios else f"{stamp} - {rest}" for stamp, rest in zip(stamps, rests,
                                                                                            strict=True))


@pytest.mark.parametrize("layout", CHATS)
def test_chats_in_other_languages(parse, layout: str) -> None:  # type: ignore[no-untyped-def]
    stamps, ios, buyer, system, texts, attachment = CHATS[layout]
    parsed = parse(f"WhatsApp Chat with {buyer}.txt", _chat(stamps, ios, buyer, system, texts))
    assert parsed.channel is Channel.WHATSAPP  # detected, not forced
    messages = parsed.inquiries[0].messages
    seconds = 32 if ios else 0
    assert [(m.sent_at, m.author, m.direction) for m in messages] == [
        (datetime(2021, 5, 6, 0, 5, tzinfo=UTC), buyer, Direction.IN),  # 12 at night
        (datetime(2021, 5, 6, 12, 30, tzinfo=UTC), "Ericco Sales", Direction.OUT),  # 12 at noon
        (datetime(2021, 5, 13, 15, 15, seconds, tzinfo=UTC), buyer, Direction.IN),
        (datetime(2021, 5, 13, 21, 40, tzinfo=UTC), buyer, Direction.IN),
    ]  # the system line is no one's message
    assert messages[2].body == f"{texts[2]}\n{texts[3]}"
    assert messages[3].attachment == attachment
    assert parsed.notes == []  # the date order settled by the chat itself


@pytest.mark.parametrize(("line", "header"), [
    ("2021/5/6 下午3:15 - 王磊: 你好", ("2021/5/6", "3:15", "PM", "王磊: 你好")),
    ("[2021/5/6 下午3:15:32] 王磊: 你好", ("2021/5/6", "3:15:32", "PM", "王磊: 你好")),
    ("2021. 5. 6. 오후 3:15 - 이름: 텍스트", ("2021.5.6", "3:15", "PM", "이름: 텍스트")),
    ("21. 5. 6. 오전 12:05 - 이름: 텍스트", ("2021.5.6", "12:05", "AM", "이름: 텍스트")),
    ("6. 5. 21. 15:15 - Ivo: bok", ("6.5.21", "15:15", None, "Ivo: bok")),  # hr_BA: the chat decides
    ("13. 6. 2018. 21:25:15 - a: m", ("13.6.2018", "21:25:15", None, "a: m")),
    ("\u200f٢٤\u200f/٤\u200f/٢٠٢٢، ٢:٠٧ م - عمار: السلام", ("24/4/2022", "2:07", "PM", "عمار: السلام")),
    ("[14:56:01, 3/18/22] Musk Elon: x", ("3/18/22", "14:56:01", None, "Musk Elon: x")),
    ("06/05/2021, 3:15 - CH Nguyen: chào", ("06/05/2021", "3:15", None, "CH Nguyen: chào")),
    ("Just some notes", None),
    ("2021/5/6 下午 lunch", None),
])
def test_a_header_line_in_another_layout(line: str, header: tuple[str, str, str | None, str] | None) -> None:
    assert local_header(line) == header


def test_a_chat_in_the_common_layout_never_reads_lines_the_other_way(parse) -> None:  # type: ignore[no-untyped-def]
    chat = ("13/04/2021, 09:41 - Lukas: the chat they sent me:\n2021. 5. 6. 오후 3:15 - 이름: 텍스트\n"
            "13/04/2021, 09:45 - Ericco Sales: thanks")
    messages = parse("WhatsApp Chat with Lukas.txt", chat).inquiries[0].messages
    assert [m.body for m in messages] == [chat.split("\n13/04/2021, 09:45")[0].split(": ", 1)[1], "thanks"]
