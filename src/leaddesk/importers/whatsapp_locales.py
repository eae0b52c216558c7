"""WhatsApp header lines as phones set to other languages write them, read only where the
common pattern (whatsapp.HEADER) fails: slower, and never needed for an English chat.

WhatsApp writes a message's time with the phone's own short date and time formats, so the
layouts are the CLDR ones (as Qt 6.11's QLocale, which ships CLDR, prints them for a
2021-05-06 15:15 moment). Where a public parser or its test data shows a layout, it is
named; the CJK 12-hour ones were found in none, so they are CLDR's alone:

- a day period before the time, with no space: zh `2021/5/6 下午3:15` (CLDR zh "y/M/d",
  zh_TW's short time and zh_CN's 12-hour one "ah:mm"), zh_HK `6/5/2021 下午3:15`, ja
  `2021/05/06 午後3:15` (CLDR ja "y/MM/dd", 12-hour "aK:mm": 午後0:30 is 12:30);
- a day period before the time, with a space, and a date of dots and spaces with a trailing
  dot: ko `21. 5. 6. 오후 3:15` (CLDR ko "yy. M. d." + "a h:mm"); the same date shape
  without a period in hu `2021. 05. 06. 15:15`, hr `06. 05. 2021. 15:15` and in
  Pustur/whatsapp-chat-parser's test `13. 6. 2018. 21:25:15`;
- a day period after the time: vi `3:15 CH`, es `3:15 p. m.` (no-break spaces, CLDR
  es/es_AR; chat-miner's corpus file has `11:23 a. m.`), el `3:15 μ.μ.`, ar `٣:١٥ م`, de
  `3:15 nachm.` (older CLDR; the current one writes AM/PM), and the others in PERIODS;
- Arabic-Indic digits, a right-to-left mark after the day and month and an Arabic comma:
  `٢٤\u200f/٤\u200f/٢٠٢٢، ٢:٠٧ م - ` (mtln/chat-export tests/test_arabic_locale.py, from a
  real Arabic export; CLDR ar "d\u200f/M\u200f/y"), iOS `[١٨/٣/٢٠٢٢، ٢:٥٦:٠٠ م] `
  (starkdmi/whats_json test/data/languages/arabic_ios.txt); Persian digits (CLDR fa);
- Finnish "klo" between date and time: `13.6.2018 klo 21.25.15 - ` (Pustur/whatsapp-chat-
  parser tests/unit/parser.test.ts), iOS `[12.3.2022 klo 14.08.18] `;
- the time before the date on iOS: vi `[14:56:01, 3/18/22] ` (starkdmi/whats_json
  test/data/languages/vietnamese_ios.txt).
"""

import functools
import re
import unicodedata

MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"

# Day-period words (CLDR "abbreviated" format names, casefolded) and the half of the day
# each stands for. The Latin a.m./p.m. spellings have a pattern of their own below.
PERIODS = {
    # zh, zh_Hant: am/pm, and the flexible periods of the "Bh:mm" patterns
    "上午": "AM", "下午": "PM", "凌晨": "AM", "早上": "AM", "清晨": "AM", "午夜": "AM",
    "中午": "PM", "晚上": "PM", "傍晚": "PM",
    "上晝": "AM", "下晝": "PM",  # yue (Cantonese, Hong Kong)
    "午前": "AM", "午後": "PM",  # ja
    "오전": "AM", "오후": "PM",  # ko
    "vorm.": "AM", "nachm.": "PM",  # de (older CLDR)
    "sa": "AM", "ch": "PM",  # vi
    "π.μ.": "AM", "μ.μ.": "PM", "πμ": "AM", "μμ": "PM",  # el
    "ص": "AM", "م": "PM",  # ar
    "ق.ظ.": "AM", "ب.ظ.": "PM", "قبل\u200cازظهر": "AM", "بعدازظهر": "PM",  # fa
    "öö": "AM", "ös": "PM",  # tr
    "pg": "AM", "ptg": "PM",  # ms
    "e paradites": "AM", "e pasdites": "PM", "p.d.": "AM", "m.d.": "PM",  # sq
    "ก่อนเที่ยง": "AM", "หลังเที่ยง": "PM",  # th
    "дп": "AM", "пп": "PM",  # uk
    "пр.об.": "AM", "сл.об.": "PM",  # bg
    "dop.": "AM", "odp.": "PM", "pop.": "PM",  # cs, sl
    "ap.": "AM", "ip.": "PM",  # fi
    "vm.": "AM", "nm.": "PM",  # af
    "fm": "AM", "em": "PM",  # sv
    "de.": "AM", "du.": "PM",  # hu
    "priešpiet": "AM", "popiet": "PM",  # lt
    "priekšpusdienā": "AM", "pēcpusdienā": "PM",  # lv
    "לפנה״צ": "AM", "אחה״צ": "PM",  # he
    "पूर्वाह्न": "AM", "अपराह्न": "PM",  # hi (older CLDR), ne
    "ጥዋት": "AM", "ከሰዓት": "PM",  # am
    "to": "AM", "tk": "PM",  # uz
    "පෙ.ව.": "AM", "ප.ව.": "PM",  # si
    "နံနက်": "AM", "ညနေ": "PM",  # my
    "ກ່ອນທ່ຽງ": "AM", "ຫຼັງທ່ຽງ": "PM",  # lo
    "f.h.": "AM", "e.h.": "PM", "f.m.": "AM", "e.m.": "PM",  # is, nn
    "претпл.": "AM", "попл.": "PM",  # mk
    "prijepodne": "AM", "popodne": "PM", "prije podne": "AM", "po podne": "PM",  # bs, sr
    "de la mañana": "AM", "de la tarde": "PM",  # ast, es
    "da manhã": "AM", "da tarde": "PM",  # pt_AO, pt_MZ and the other African pt
    "matin": "AM", "soir": "PM",  # fr_CM
    # en, written out (starkdmi/whats_json lib/src/patterns.dart found them in real chats)
    "in the morning": "AM", "in the afternoon": "PM", "in the evening": "PM",
}

_M = f"[{MARKS}]*"
_DATE = rf"\d{{1,4}}{_M}[./\-]{_M}\s?\d{{1,2}}{_M}[./\-]{_M}\s?\d{{1,4}}\.?"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?"
# A day period is any short run of other characters where one may stand; local_header
# then keeps only the words it knows (PERIODS, the Latin a.m./p.m., Finnish "klo"): one
# lookup instead of a hundred-word alternation tried at every such place.
_WORD = r"[^\d\s\[\],\-–][^\d\[\],]{0,15}?"
LOCAL_HEADER = re.compile(
    rf"^{_M}\[?{_M}(?:"
    rf"(?P<date>{_DATE}){_M}[\s,،]*(?:(?P<pre>{_WORD})\s*)?(?P<time>{_TIME})(?:\s*(?P<post>{_WORD}))?"
    rf"|(?P<time_first>{_TIME})(?:\s*(?P<post_first>{_WORD}))?,\s(?P<date_last>{_DATE})"
    rf"){_M}(?:\]\s?|\s[-–]\s)(?P<rest>.*)$"
)
_LATIN = re.compile(r"[ap]\.?\s?m\.?", re.IGNORECASE)
_NOT_DATE = re.compile(rf"[\s{MARKS}]")
_DIGIT = re.compile(r"\d")
# Periods of locales whose short date is year first even with two digits (CLDR ko_KR,
# ko_KP, ko_CN "yy. M. d."); other two-digit years are left to the chat's own dates.
_YEAR_FIRST = {"오전", "오후"}
_FILLERS = {"klo"}  # fi: 13.6.2018 klo 21.25.15


def _ascii(text: str) -> str:
    """Arabic-Indic, Persian and other decimal digits as 0-9."""
    return text if text.isascii() else _DIGIT.sub(lambda d: str(unicodedata.digit(d[0])), text)


@functools.lru_cache(maxsize=256)
def _half(word: str) -> str | None:
    """AM or PM for a day-period word, "" for a word that stands in that place but means
    neither ("klo"), None for one that is no day period at all."""
    key = " ".join(word.split()).casefold()
    if key in PERIODS:
        return PERIODS[key]
    if _LATIN.fullmatch(key):
        return "PM" if key[0] == "p" else "AM"
    return "" if key in _FILLERS else None


@functools.lru_cache(maxsize=4096)
def _date(text: str) -> str:
    return _ascii(_NOT_DATE.sub("", text)).rstrip(".")


def local_header(line: str) -> tuple[str, str, str | None, str] | None:
    """(date, time, AM/PM or None, the rest) of a header line in another language's
    layout, in the common layout's terms: ASCII digits, a date like 2021.5.6."""
    match = LOCAL_HEADER.match(line)
    if match is None:
        return None
    halves = [_half(word) for word in (match["pre"], match["post"] or match["post_first"]) if word]
    if None in halves:
        return None  # words where a day period would stand that are none: no header
    half = next(filter(None, halves), None)
    date = _date(match["date"] or match["date_last"])
    if match["pre"] in _YEAR_FIRST and len(date.split(".", 1)[0]) == 2:
        date = "20" + date  # ko "yy. M. d.": 21. 5. 6. is 2021-05-06, not the 21st
    return date, _ascii(match["time"] or match["time_first"]), half, match["rest"]


# Media placeholders in other languages, whole messages: iOS ja/de/ar/vi from
# starkdmi/whats_json test/data/languages/*_ios.txt, Android zh from ChatLab's
# whatsapp-native-txt.ts, ko/ja Android from a public parser's placeholder table.
LOCAL_MEDIA = re.compile(
    r"^(?:<(?:省略影音内容|媒体文件已省略|미디어 파일 생략됨|メディアは省略されました)>|"
    r"(?:画像|ビデオ|音声|スタンプ|GIF)は含まれていません|連絡先カードを省略|"
    r"(?:Bild|Video|Audio|Sticker|GIF) weggelassen|Kontaktkarte ausgelassen|"
    r"لم يتم إدراج (?:الصورة|الفيديوهات|المقاطع الصوتية|صورة GIF|بطاقة جهة اتصال)|تم حذف الملصقات|"
    r"đã bỏ qua hình ảnh|đã bỏ video|bỏ qua tệp âm thanh|đã bỏ sticker|đã bỏ qua ảnh GIF|"
    r"bỏ qua thẻ liên lạc)$",
    re.IGNORECASE,
)

# The encryption notice in other languages (WhatsApp's own strings, as starkdmi/whats_json
# lib/src/patterns.dart lists them; zh Android from ChatLab's parser). Case-exact: a
# case-blind search of this costs 35 µs a message, ten times the plain one.
LOCAL_ENCRYPTION = re.compile(
    r"端到端加密|端對端加密|端对端加密|エンドツーエンド暗号化|종단간 암호화|Ende-zu-Ende-verschlüsselt|"
    r"mã hóa đầu cuối|cifrados de extremo a extremo|κρυπτογραφούνται|مشفرة تمامًا|"
    r"chiffrés de bout en bout|сквозным шифрованием|uçtan uca şifreli|criptografia de ponta a ponta|"
    r"encriptadas ponto a ponto|سرتاسر رمزگذاری|salataan täysin|end-to-end encrypted|"
    r"End-to-end encrypted"
)
