"""Dates as written in case files, in every style met in practice.

`find_dates(text)` returns every date in a string with its position: Arabic (2024年3月5日, 2024年03月05日,
2024 年 3 月 5 日), Chinese (二〇二四年三月五日 with 〇/○/O/Ｏ/零), ISO-like (2024-03-05, 2024.3.5, 2024/3/5),
compact right after a date field's name (填制日期：20230616), an optional time or time range (9时30分至
10时15分, 9:30) even where the space before the time was lost (2025.5.89:30 is 2025-05-08 at 9:30, a day
never runs into a clock time), template blanks (年 月 日 → `blank`, value None), impossible dates (2月30日
→ value None, raw kept) and dates with a part lost in reading (2025月14日, or 2024年5月□日 where OCR marked
a character it could not read surely → value None, raw kept: a rule then asks a person instead of calling
it missing). Text should be `text.norm`-alised (lengths are kept).
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass, replace

from casefile_eval.extract.cnnum import cn_to_int, digit_string
from casefile_eval.model import DateFact

_YDIG = "0-9〇○OoＯ零一二三四五六七八九"
_MD = r"[0-9]{1,2}|[一二三四五六七八九十]{1,3}"
_S = r"[ \t]*"
_TIME = (
    rf"(?:{_S}(?:上午|下午|晚上|早上)?{_S}(?P<h>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}(?:时|点|:)"
    rf"{_S}(?:(?P<mi>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}分?)?"
    rf"(?:{_S}(?:至|到|—|-|~|－){_S}(?:(?:{_MD}){_S}月{_S})?(?:(?:{_MD}){_S}日{_S})?"
    rf"(?P<h2>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}(?:时|点|:)"
    rf"{_S}(?:(?P<mi2>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}分?)?)?)?"
)
# OCR runs handwriting into a date ("签名：72025年…", "签名：172025-07-03", a stroke read as "一2025年"):
# a year of 19xx/20xx after one or two stray digits still starts a date. OCR also drops the thin 〇 of a
# Chinese year ("二二二年" for 二〇二二年), or the 二 a seal's ring covers ("〇二五年" for 二〇二五年): three
# numerals starting with 二 or 〇 before 年 are read as 20xx; likewise "024-9-10" and "022年10月19日"
# (years 2015-2029 only).
_STRAY = r"(?:(?<![0-9一][0-9一])(?<=[0-9一])|(?<![0-9][0-9][0-9])(?<=[0-9][0-9]))"
_CN_DIGIT = "〇○零一二三四五六七八九"
# ...and a stroke read as a Chinese numeral before a Chinese year ("审核人：八二〇二三年…").
_CN_STRAY = (
    rf"(?<![{_YDIG}][一二三四五六七八九])(?<=[一二三四五六七八九])(?=二[〇○零Oo0][{_CN_DIGIT}]{{2}}{_S}年)"
)
# OCR misreads the 日 closing a date that a seal covers (二〇二一年六月二十四怕, 2021年7月14白): any other Han
# character there closes the date, except those that go on with a time or a range.
_DAY_MISREAD = r"(?=[\u4e00-\u9fff])[^〇○零一二三四五六七八九十廿卅年月日号时点至到起止前后上下早晚中午分秒]"
# OCR reads the small round 〇 of a Chinese year as a full stop or a dot ("二。二二年" is 二〇二二年), and
# its flat 一 as an arrow or a dash ("二〇二→年" is 二〇二一年).
_DOTS = "。.·•"
_DASHES = "→—－"
_DOT_ZERO = str.maketrans(dict.fromkeys(_DOTS, "〇") | dict.fromkeys(_DASHES, "一"))
# ...and as a round digit (6, 8, 9) in a year written in Chinese numerals ("二6二0年" is 二〇二〇年).
_ROUND = "689"
_CN_NONZERO = re.compile("[一二三四五六七八九]")
_ARABIC = re.compile("[1-9]")  # a figure in a year of Chinese numerals (0 is often written for 〇)
_MISREAD_TWO = "三四五六七八九"  # read for the 二 of 二〇xx (no year is written so)
_ZEROS = "〇○OoＯ0０零"
_CJK_DATE = (
    rf"(?:(?:(?<![{_YDIG}])|{_STRAY}(?=(?:19|20)[0-9]{{2}}{_S}年)|{_CN_STRAY})(?P<y>[{_YDIG}]{{4}})"
    rf"|(?<![{_YDIG}])(?P<y3>(?:二|[〇○OoＯ零0])[{_CN_DIGIT}]{{2}}|0(?:1[5-9]|2[0-9]))(?={_S}年)"
    rf"|(?<![{_YDIG}])(?P<yd>[一二][{_CN_DIGIT}{_DOTS}][{_CN_DIGIT}{_DOTS}{_DASHES}]{{2}})(?={_S}年))"
    # (OCR may read the year's 年 twice: "2024年年3月15日")
    rf"{_S}年(?:{_S}年)?{_S}(?P<m>{_MD}){_S}月{_S}(?P<d>{_MD}){_S}(?:[日号]|{_DAY_MISREAD})"
)
_ISO_DATE = (
    rf"(?:(?:(?<![0-9.,/-])|{_STRAY})(?P<iy>(?:19|20)[0-9]{{2}})|(?<![0-9.,/-])(?P<iy3>0(?:1[5-9]|2[0-9])))"
    # (a gap beside a separator: a date written by hand, read by OCR, "2018. 10.26", "2018.6 .14")
    r"[ \t]?(?P<sep>[-./])[ \t]?"
    # the day's last digit wrapped onto a line of its own in a narrow cell (2024-04-3 | 0), else the day
    r"(?P<im>1[0-2]|0?[1-9])[ \t]?(?P=sep)[ \t]?(?:(?P<idw>[0-2]\n[0-9]|3\n[01])(?=[ \t]*(?:\n|$))"
    r"|(?P<id>3[01]|[12][0-9]|0?[1-9]))"
    # a time may follow at once (2019.3.1810时05分) or after a colon OCR read for a gap (2019.3.13:15时)
    r"(?:(?![0-9.]|:[0-9])|(?=[0-9]{1,2}(?:时|点|:[0-9]{2}))|(?=:[0-9]{1,2}(?:时|点)))"
)
# A date in Chinese numerals written with dots, as by hand after a signature ("二〇一五.六.八",
# "二0一五.十二.二十"; 0 is often written for 〇): the same separator both times, nothing numeral round it.
_CN_DOTTED = (
    rf"(?<![{_YDIG}第])(?P<dy>(?:一九|二[〇○零0OoＯ])[{_CN_DIGIT}0]{{2}})[ \t]?(?P<dsep>[.．])[ \t]?"
    r"(?P<dm>十[一二]?|[一二三四五六七八九])[ \t]?(?P=dsep)[ \t]?"
    rf"(?P<dd>[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])(?![{_YDIG}十]|[.．][{_YDIG}十])"
)
# A form filled in with a two-digit year ("局长签名：22.3.7", "当事人签章：20-04-09", by hand "18.6 .14"):
# years 2000-2039 only, never after 第 or before 条/款 (a clause number 12.3.4) or within a longer run of
# numbers (an address 10.0.0.1, a telephone number 0731-84-12345); a time may follow at once (OCR closes up
# "20-04-07 9时10分").
_SHORT_DATE = (
    r"(?<![0-9A-Za-z.,/第-])(?P<sy>[0-3][0-9])[ \t]?(?P<ssep>[./-])[ \t]?"
    r"(?P<sm>1[0-2]|0?[1-9])[ \t]?(?P=ssep)[ \t]?"
    r"(?P<sd>3[01]|[12][0-9]|0?[1-9])(?:(?![0-9./-]|[条款项章节])|(?=[0-9]{1,2}(?:时|点)))"
)
# A form's date written a digit to a box ("[2][0][1][6]年[0][3]月[3][1]日" reads "2 0 1 6 年 0 3 月 3 1 日"):
# the year's four digits each apart, the month's and day's one or two.
_BOXED_DATE = (
    r"(?<![0-9])(?<![0-9][ \t])(?<![0-9][ \t][ \t])"
    r"(?P<by>(?:1[ \t]{1,2}9|2[ \t]{1,2}0)(?:[ \t]{1,2}[0-9]){2})[ \t]*年[ \t]*"
    r"(?P<bm>[01][ \t]{1,2}[0-9]|[0-9])[ \t]*月[ \t]*(?P<bd>[0-3][ \t]{1,2}[0-9]|[0-9])[ \t]*[日号]"
)
# A template's blank 年 月 日; OCR may close up one of its two gaps ("曹晓磊 年月 日" after a name).
_BLANK_DATE = (
    r"(?P<blank>(?<![0-9〇○零一二三四五六七八九十])(?:[0-9]{2}|[_ \t]*)"
    r"年(?:[_ \t]+月[_ \t]*|[_ \t]*月[_ \t]+)日)"
)
# A date with a part lost (an OCR read through a seal: "2025月14日", "2025年月14日"): written, unreadable.
_BROKEN_DATE = (
    r"(?P<broken>(?<![0-9])(?:19|20)[0-9]{2}[ \t]*(?:年[ \t]*)?(?:[0-9]{1,2}[ \t]*)?"
    r"月[ \t]*[0-9]{0,2}[ \t]*日)"
)
# A date OCR could not read surely, its doubtful characters marked □ (see ocr/doubt.py): written, unreadable.
# Its year may be read down to its last numeral before 年 (六年□月十□日 for 二〇二六年三月十三日).
_DN = "0-9〇○零OoＯ一二三四五六七八九十□"
_DOUBT_DATE = (
    rf"(?P<doubt>(?<![{_DN}])(?=[{_DN}年月日./ \t-]{{0,16}}□)(?:[{_DN}]{{2,4}}{_S}[年./-]|[{_DN}]{_S}年)"
    rf"{_S}[{_DN}]{{1,3}}{_S}[月./-]{_S}[{_DN}]{{1,3}}(?:{_S}[日号])?)"
)
# A line that is only the start of a date ("2023年8", "二〇五年六月"): the rest lay under a seal or ink.
_FRAGMENT_LINE = (
    rf"(?P<fragment>(?:^|(?<=\n))[ \t]*[{_DN}]{{2,4}}{_S}年{_S}[{_DN}]{{1,3}}(?:{_S}月)?[ \t]*(?=\n|$))"
)
# A date whose year or day OCR misread past reading ("一二二年六月六日", "二一年七月十四白" for 二〇二一年…,
# "201日年6月22日" for 2018年…, "二〇二六年二月苏日", "。二一年十月十如一日"), or its month or its 年 (a
# seal's star over them: "0一七每本月十九日", "一九年天月十临日", "二一年子一月四日", "0二01六月八日",
# "二〇二三4七月四日", "0二三年月二十四"; a 7 read as a bracket: "2019年）月9日"),
# or its 日 lost or read 月 at the line's end: written; what was read of it (its month, its day) is kept, a
# character misread beside a numeral of the day standing for a numeral lost or put in by OCR (十如一: 十一,
# 二十一 or 三十一).
_LOST_DATE = (
    rf"(?P<lost>(?<![{_DN}{_DOTS}第])(?P<ly>[{_DN}]{{2,4}}|[一二]?[{_DOTS}][{_CN_DIGIT}]{{2}}){_S}"
    rf"(?:[年□]|(?<=[0-9]{{3}})[\u4e00-\u9fff]{_S}年"
    rf"|(?<=[{_DN}]{{3}})[\u4e00-\u9fff](?=[{_DN}\u4e00-\u9fff]{{1,2}}月)"
    rf"|(?<=[{_DN}]{{3}})[0-9](?=[一二三四五六七八九十]{{1,2}}月)){_S}"
    rf"(?:(?P<lm>[{_DN}]{{1,3}}|[{_DN}]{{0,1}}[\u4e00-\u9fff][{_DN}]{{0,2}}|(?<=年)[)）\]】|/\\])|(?<=年)(?={_S}月{_S}[{_DN}])){_S}月{_S}"
    rf"(?:(?P<ld>[{_DN}]{{1,3}}){_S}(?:[日号]|月?(?=[ \t]*(?:\n|$)))"
    rf"|(?P<lx>[{_DN}]{{0,2}}[\u4e00-\u9fff]{{1,2}}?[{_DN}]{{0,2}}){_S}(?:[日号]|月(?=[ \t]*(?:\n|$)))"
    rf"|(?P<ld2>[{_DN}]{{1,3}}){_S}{_DAY_MISREAD}))"
)
# A 落款 date a seal's inscription crossed, its 月 lost or misread ("2022年3日", "2023年41日", "2023年5期1日";
# a speck of the seal read as a digit before it: "72022年3日"): written; its year is kept, and its month where
# one stands before the misread 月 — with the day after it when that is read as two numerals (2023年4第14日:
# a day has no more), else the day may have lost one beside the misread character (5期1日 for 5月10日).
_MONTHLESS_DATE = (
    r"(?<![0-9])[0-9]?(?P<monthless>(?P<ny>(?:19|20)[0-9]{2})[ \t]*年[ \t]*"
    r"(?:(?P<nm>1[0-2]|0?[1-9])(?![月日年号])[\u4e00-\u9fff])?(?P<nd>[0-9]{1,2})[ \t]*日)"
)
# A date written by hand, read in part ("李文静1年月1日", "郝建军2年月6日", "石慧26年2月日" for 20年6月11日,
# 20年7月6日, 26年2月12日): a short year (one or two numerals, as written by hand or as much as was read of
# it), then a month or a day read and the other lost: written; its month (and its day) kept where read.
_HAND_DATE = (
    r"(?P<hand>(?<![0-9])(?<![0-9][ \t])(?=[0-9]{1,2}[ \t]*年[ \t]*(?:[0-9]|月[ \t]*[0-9]))"
    r"(?P<hy>[0-9]{1,2})[ \t]*年[ \t]*"
    r"(?P<hm>1[0-2]|0?[1-9])?[ \t]*月[ \t]*(?P<hd>3[01]|[12][0-9]|0?[1-9])?[ \t]*[日号])"
)
_MONTH_LOST = re.compile(r"年[ \t]*月[ \t]*([0-9]{1,2})[ \t]*日")  # 2021年月18日: the month's number lost
_NOT_NUMERAL = re.compile(r"[^0-9〇○零一二三四五六七八九十□]")  # the misread characters of a lost day
# A date field left empty at the end of its line ("负责人（签名）：　日期：", "审批日期：＿＿"): a blank date.
_EMPTY_FIELD = r"(?P<empty>(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff]{0,2}日期)[:：][ \t_＿]*(?=\n|$))"
# OCR closes up a template's blanks: a line that is only "年月日" is a blank date too.
_BLANK_LINE = r"(?P<blank_line>(?:^|(?<=\n))[_ \t]*年[_ \t]*月[_ \t]*日[_ \t]*(?=\n|$))"
# Eight digits right after a date field's name ("填制日期：20230616" on a 缴款书, a bank's form): a date
# written without separators. Elsewhere eight digits are a number (an account, a 票据号).
_AFTER_DATE_NAME = "|".join(
    f"(?<={name}{sep})" for name in ("日期", "时间") for sep in ("", ":", "：", " ", "\t", "\n", "\\|")
)
_COMPACT_DAY = r"(?P<cd>3[01]|[12][0-9]|0[1-9])(?![0-9])"
_COMPACT_DATE = rf"(?:{_AFTER_DATE_NAME})(?P<cy>(?:19|20)[0-9]{{2}})(?P<cm>1[0-2]|0[1-9]){_COMPACT_DAY}"
# A line that is only a 落款 date whose 年 and 日 a seal hid and whose 月 OCR read as a dash ("202204-26" for
# 2022年04月26日), or a dotted date whose first dot the seal hid ("20262.6" for 2026.2.6): its year, month and
# day all read (the separator left ends the month).
_FUSED_LINE = (
    r"(?:^|(?<=\n))[ \t]*(?P<fy>(?:19|20)[0-9]{2})(?P<fm>1[0-2]|0?[1-9])[-.](?P<fd>3[01]|[12][0-9]|0?[1-9])"
    r"(?=[ \t]*(?:\n|$))"
)
# Every form above starts with one of these characters, or is a date field's name (…日期): checking this
# first lets the search pass over most characters of a text at once instead of trying every form there.
_DATE_START = rf"(?=[{_DN}{_DOTS}年_ \t]|[\u4e00-\u9fff]{{0,2}}日期)"
DATE_RE = re.compile(
    rf"{_DATE_START}(?:(?:{_CJK_DATE}|{_ISO_DATE}|{_SHORT_DATE}|{_BOXED_DATE}){_TIME}|{_CN_DOTTED}|{_BLANK_DATE}|{_BLANK_LINE}"
    rf"|{_DOUBT_DATE}|{_BROKEN_DATE}|{_FRAGMENT_LINE}|{_LOST_DATE}|{_MONTHLESS_DATE}|{_HAND_DATE}|{_COMPACT_DATE}"
    rf"|{_EMPTY_FIELD}|{_FUSED_LINE})"
)
_BLANK_ONLY = re.compile(r"^(?:[0-9]{2})?[_\s]*年[_\s]*月[_\s]*日$|^[\u4e00-\u9fff]{0,2}日期[:：][_＿\s]*$")


@dataclass(frozen=True)
class DateMatch:
    """One date found in a text: its span, its value (None if blank or impossible) and its time, if any."""

    start: int
    end: int
    raw: str
    value: dt.date | None
    blank: bool = False
    start_time: tuple[int, int] | None = None
    end_time: tuple[int, int] | None = None
    # a date written but read only in part: the first and last day it can be (its year, or its month)
    earliest: dt.date | None = None
    latest: dt.date | None = None
    # a date whose year could not be read: its month, and its day where that was read
    month: int | None = None
    day: int | None = None


def _num(text: str | None) -> int | None:
    if text is None:
        return None
    return int(text) if text.isdigit() else cn_to_int(text)


def _date_value(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None or not 1949 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_PARTS = re.compile(r"[ \t]*[年月./-][ \t]*")
_CN_SMALL = re.compile(r"^(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])$")
_ARABIC_FILL = "0123456789"
_CN_FILL = "一二三四五六七八九十"


def _small(text: str) -> int | None:
    """A month or day number written plainly (7, 07, 二十七), else None."""
    if re.fullmatch(r"[0-9]{1,2}", text):
        return int(text)
    return cn_to_int(text) if _CN_SMALL.match(text) else None


def _readings(part: str, arabic: bool) -> list[int]:
    """The numbers a month or day can be when each □ in it stands for what OCR could not read: one or
    two characters (two digits are as wide as one Chinese character; a seal can hide the 十 of 二十九 with
    the 九)."""
    if "□" not in part:
        number = _small(part)
        return [] if number is None else [number]
    chars = _ARABIC_FILL if arabic else _CN_FILL
    fill = [a + b for a in chars for b in ("", *chars)]
    texts = [""]
    for char in part:
        texts = [t + c for t in texts for c in (fill if char == "□" else [char])]
    return sorted({n for t in texts if (n := _small(t)) is not None})


def _placed(part: str, arabic: bool) -> str:
    """A day whose □ OCR set beside the place of the lost character ("二七□" for 二十七): the □ moved to
    the first place where the day reads as a number, if it reads as none where it is."""
    if part.count("□") != 1 or _readings(part, arabic):
        return part
    bare = part.replace("□", "")
    moved = (bare[:i] + "□" + bare[i:] for i in range(len(bare) + 1))
    return next((m for m in moved if _readings(m, arabic)), part)


def _year(text: str) -> int | None:
    """A Chinese-style date's year: four numerals (二〇二四, 2024, 二。二二 with a dot read for 〇), or three
    where OCR lost one (〇二五, 二二二, 022: 20xx)."""
    text = text.translate(_DOT_ZERO)
    if len(text) == 4 and text[0] == "二" and text[1] in _ROUND and text[2] in _CN_DIGIT:
        text = "二〇" + text[2:]  # 二6二0: a Chinese year of 20xx has only 〇 in its second place
    if len(text) == 4 and text[0] in _MISREAD_TWO and text[1] in _ZEROS and text[2] in _CN_DIGIT:
        text = "二" + text[1:]  # 七0二一: a Chinese year with 〇 in its second place is 20xx, its 二 misread
    if len(text) == 3:
        tail = digit_string(text[1:])
        return None if tail is None else 2000 + tail
    return digit_string(text) if len(text) == 4 else None


def _mixed_year(text: str) -> bool:
    """Whether a year mixes Chinese numerals with a figure other than 0 (二〇二6 for 二〇二〇: nobody writes a
    year so, OCR misread one numeral; 二6二0 is told by its second place, see `_year`)."""
    head = text.translate(_DOT_ZERO)
    if len(head) == 4 and head[0] == "二" and head[1] in _ROUND and head[2] in _CN_DIGIT:
        head = "二〇" + head[2:]
    return _CN_NONZERO.search(head) is not None and _ARABIC.search(head) is not None


def _read_year(text: str) -> int | None:
    """The year of a partly read date when it was read whole (□ in it, two numerals, or 二〇_五 where
    which digit was lost is unknown: None)."""
    head = text.translate(_DOT_ZERO)
    if "□" in head:
        return None
    if len(head) == 3 and (
        head[0] not in "二〇○OoＯ零0" or head[:2] in ("二〇", "二○", "二O", "二0", "二零")
    ):
        return None  # 二〇_五: 二〇二五 or 二〇〇五 is unknown; 一二二: which numerals were lost is unknown
    year = _year(head)
    return year if year is not None and 1949 <= year <= 2100 else None


@dataclass(frozen=True)
class _Partial:
    """What was read of a date read in part: its span when its year was read, else its month and day."""

    earliest: dt.date | None = None
    latest: dt.date | None = None
    month: int | None = None
    day: int | None = None


def _partial(
    year_text: str, month_text: str | None, day_text: str | None, *, inserted: bool = False
) -> _Partial:
    """A partly read date from its parts (None: not there, or possibly cut short). With its year: the days
    that reading each □ as one or two characters can give (or as nothing, when the □ may be a character
    OCR put in: `inserted`), else its month(s), else its day in some month of the year (`day` kept), else
    the whole year. Without: its month and day when each reads as one number."""
    written = (month_text or "") + (day_text or "")
    arabic = re.search(r"[0-9]", written.replace("□", "") or year_text) is not None
    months = [m for m in _readings(month_text, arabic) if 1 <= m <= 12] if month_text else []
    days = _readings(_placed(day_text, arabic), arabic) if day_text else []
    if day_text and inserted:
        days = sorted({*days, *_readings(day_text.replace("□", ""), arabic)})
    # a □ for which no numeral makes a month or a day (3月□27日: no day has three figures) stands for no
    # character: OCR marked a gap it read as a lost one
    if month_text and "□" in month_text and not months:
        months = [m for m in _readings(month_text.replace("□", ""), arabic) if 1 <= m <= 12]
    if day_text and "□" in day_text and not days:
        days = _readings(day_text.replace("□", ""), arabic)
    year = _read_year(year_text)
    if year is None:
        month = months[0] if len(months) == 1 else None
        day = days[0] if month is not None and len(days) == 1 else None
        if day is not None and _date_value(2000, month, day) is None:  # 2000: a leap year
            day = None
        return _Partial(month=month, day=day)
    found = [d for m in months for n in days if (d := _date_value(year, m, n)) is not None]
    if found:  # a day read whole in a month read as any of several keeps its day (2016年□月28日)
        day = days[0] if len(days) == 1 and len(months) > 1 else None
        return _Partial(min(found), max(found), day=day)
    if months:
        last = max(months)
        return _Partial(dt.date(year, min(months), 1), dt.date(year, last, monthrange(year, last)[1]))
    if len(days) == 1:  # 2021年□月18日: the 18th of some month (the case's other dates may tell which)
        on_day = [d for m in range(1, 13) if (d := _date_value(year, m, days[0])) is not None]
        if on_day:
            return _Partial(on_day[0], on_day[-1], day=days[0])
    return _Partial(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _split_partial(m: re.Match[str], raw: str) -> _Partial:
    """The parts of a date matched as read in part: a doubtful one has all three; a line cut short its year
    and a month closed by 月; a date with a part lost its year, and its day when only the month's number was
    lost between 年 and 月 (2021年月18日)."""
    if m.group("lost") is not None:
        lx = m.group("lx") or ""
        # a month misread in part stands for the months its numerals can make (子一: 十一)
        month = m.group("lm")
        # a year of five numerals (二〇一一九年十月: one put in by OCR) is not known
        if month and "年" in month:
            year = m.string[m.start("ly") : m.start("lm")] + month.partition("年")[0]
            return _partial(year, month.partition("年")[2] or None, m.group("ld") or m.group("ld2"))
        if month and _NOT_NUMERAL.sub("", month) and _NOT_NUMERAL.search(month):
            month = _NOT_NUMERAL.sub("□", month)
        if _NOT_NUMERAL.sub("", lx):
            return _partial(m.group("ly"), month, _NOT_NUMERAL.sub("□", lx), inserted=True)
        return _partial(m.group("ly"), month, m.group("ld") or m.group("ld2"))
    parts = _PARTS.split(raw.strip().rstrip("日号").rstrip())
    if len(parts) < 2:
        return _Partial()
    if m.group("doubt") is not None and len(parts) == 3:
        return _partial(parts[0], parts[1], parts[2])
    if m.group("fragment") is not None and re.search(r"月[ \t]*$", raw):
        return _partial(parts[0], parts[1], None)
    day = _MONTH_LOST.search(raw) if m.group("broken") is not None else None
    return _partial(parts[0], None, day.group(1) if day else None)


def _time(hour: str | None, minute: str | None) -> tuple[int, int] | None:
    h = _num(hour)
    if h is None or h > 24:
        return None
    m = _num(minute) if minute else 0
    return (h, m) if m is not None and m < 60 else None


def _from_match(m: re.Match[str]) -> DateMatch:
    raw = m.group().rstrip()
    if any(m.group(g) is not None for g in ("blank", "blank_line", "empty")):
        return DateMatch(m.start(), m.start() + len(raw), raw.strip(), None, blank=True)
    if m.group("monthless") is not None:
        day = m.group("nd") if m.group("nm") and len(m.group("nd")) == 2 else None
        read = _partial(m.group("ny"), m.group("nm"), day)
        if read.earliest is None or read.earliest != read.latest:
            return _in_part(m.start(), raw, read)
        return DateMatch(m.start(), m.start() + len(raw), raw, read.earliest)
    if m.group("hand") is not None:
        return _in_part(m.start(), raw, _partial(m.group("hy"), m.group("hm"), m.group("hd")))
    if any(m.group(g) is not None for g in ("broken", "doubt", "fragment", "lost")):
        return _in_part(m.start(), raw, _split_partial(m, raw))
    if m.group("y3") is not None or m.group("y") is not None or m.group("yd") is not None:
        year_text = m.group("y3") or m.group("y") or m.group("yd")
        if _mixed_year(year_text):  # 二〇二6: the figure is a misread numeral, the year is not known
            return _in_part(m.start(), raw, _partial(_ARABIC.sub("□", year_text), m.group("m"), m.group("d")))
        value = _date_value(_year(year_text), _num(m.group("m")), _num(m.group("d")))
        if value is None:  # a day or month past the calendar (3月85日): the rest of it is read
            return _in_part(m.start(), raw, _partial(year_text, m.group("m"), m.group("d")))
    elif m.group("dy") is not None:
        value = _date_value(_year(m.group("dy")), cn_to_int(m.group("dm")), cn_to_int(m.group("dd")))
    elif m.group("cy") is not None:
        value = _date_value(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))
    elif m.group("fy") is not None:
        value = _date_value(int(m.group("fy")), int(m.group("fm")), int(m.group("fd")))
    elif m.group("by") is not None:
        year, month, day = (int("".join(m.group(g).split())) for g in ("by", "bm", "bd"))
        value = _date_value(year, month, day)
    elif m.group("sy") is not None:
        value = _date_value(2000 + int(m.group("sy")), int(m.group("sm")), int(m.group("sd")))
    else:
        year = int(m.group("iy")) if m.group("iy") else 2000 + int(m.group("iy3"))
        day_text = m.group("id") or m.group("idw").replace("\n", "")
        value = _date_value(year, int(m.group("im")), int(day_text))
        if value is None and m.group("idw") is not None:
            # the line under it is no wrapped digit where the two make no day (2024.4.3 over a page's "1")
            raw = raw[: m.start("idw") - m.start() + 1]
            value = _date_value(year, int(m.group("im")), int(m.group("idw")[0]))
    return DateMatch(
        m.start(),
        m.start() + len(raw),
        raw,
        value,
        start_time=_time(m.group("h"), m.group("mi")),
        end_time=_time(m.group("h2"), m.group("mi2")),
    )


def _in_part(start: int, raw: str, read: _Partial) -> DateMatch:
    return DateMatch(
        start,
        start + len(raw),
        raw,
        None,
        earliest=read.earliest,
        latest=read.latest,
        month=read.month,
        day=read.day,
    )


# A date wrapped inside a narrow table cell: "二〇二一年九" over "月三日", "2024年5" over "月7日",
# "2023年06月08" over "日".
_WRAPPED = re.compile(
    rf"(?:(?:19|20)[0-9]{{2}}|[{_YDIG}]{{4}})[ \t]*年[^\n年日]{{0,6}}\n(?=[^\n年]{{0,6}}日)"
)


def join_wrapped(text: str) -> str:
    """`text` with the line break inside each wrapped date made a space (lengths are kept)."""
    return _WRAPPED.sub(lambda m: m.group().replace("\n", " "), text)


# OCR's doubt on the month's unit alone, the numbers round it sure (四□二十三日): only 月 can stand there
_UNIT_DOUBT = re.compile(
    r"(年[ \t]*[一二三四五六七八九十0-9]{1,2})□(?=[一二三四五六七八九十0-9]{1,3}[ \t]*日)"
)

# A dot written by hand stands at mid height between the figures of a date and is read as one
# ("罗文斌 24·7.15", "2024·7·15"): a full stop there
_MID_DOT = re.compile(r"(?<=[0-9])[·•・](?=[0-9])")


def find_dates(text: str) -> list[DateMatch]:
    """Every date in `text`, in order, with its span (and its words as written)."""
    read = _UNIT_DOUBT.sub(r"\1月", text)  # one character for one: the spans hold
    read = _MID_DOT.sub(".", read)
    found = [_from_match(m) for m in DATE_RE.finditer(read)]
    return found if read == text else [replace(d, raw=text[d.start : d.end].strip()) for d in found]


# A line that is a date without its year, as OCR reads a 落款 date under a seal: what is left of the year
# (一六六月三日 for 二〇一六年六月三日), or nothing of it (六月三日), then a month and a day and nothing else;
# after what is left of a year closed by 年, the month alone (四年四月 for 二〇二四年四月十八日).
_YEARLESS_LINE = re.compile(
    rf"^[ \t]*(?P<rest>[{_DN}]{{0,4}}?)[ \t]*(?P<unit>年)?[ \t]*"
    rf"(?P<m>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,2}})[ \t]*月"
    rf"(?:[ \t]*(?P<d>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})[ \t]*[日号])?[ \t]*$"
)


def yearless_line(text: str) -> DateMatch | None:
    """A line holding only a date read without its year (see `_YEARLESS_LINE`): its month and day (or its
    month alone), when each reads as one number (the month's numerals are told from the year's by 年, or
    else only when one split of them makes a month: 一六十一月 may be 一月 or 十一月). None for anything
    else."""
    m = _YEARLESS_LINE.match(text)
    if m is None or (m.group("d") is None and not (m.group("rest") and m.group("unit"))):
        return None
    day = _small(m.group("d")) if m.group("d") else None
    months = {_small(m.group("m"))}
    if m.group("unit") is None and m.group("rest"):
        run = m.group("rest") + m.group("m")
        months = {_small(run[i:]) for i in range(max(len(run) - 2, 0), len(run))}
    valid = [n for n in months if n is not None and 1 <= n <= 12]
    if len(valid) != 1 or (m.group("d") and (day is None or _date_value(2000, valid[0], day) is None)):
        return None  # (2000: a leap year)
    start = len(text) - len(text.lstrip())
    raw = text.strip()
    return DateMatch(start, start + len(raw), raw, None, month=valid[0], day=day)


# The month and day a signer writes after the name or the opinion, the year left out (周建国 5.4, 同意立案：
# 5.4, 同意： 3月6日): at the end of the line, after a gap, a colon or a name.
_MONTH_DAY_TAIL = (
    r"(?P<m>1[0-2]|0?[1-9])[ \t]*(?:[.．]|月)[ \t]*(?P<d>3[01]|[12][0-9]|0?[1-9])[ \t]*日?[ \t]*$"
)
_SIGNED_MONTH_DAY = re.compile(r"(?:(?<=[\s:：])|(?<=[\u4e00-\u9fff]))" + _MONTH_DAY_TAIL)
_ALONE_MONTH_DAY = re.compile(r"^[ \t]*" + _MONTH_DAY_TAIL)


def signed_month_day(text: str, alone: bool = False) -> DateMatch | None:
    """The month and day written at the end of a signing line without the year (see `_SIGNED_MONTH_DAY`),
    as a date read without its year; with `alone`, also a line holding nothing else (OCR read the ink's date
    as a line of its own). None where the line ends otherwise or holds a date with its year."""
    m = _SIGNED_MONTH_DAY.search(text) or (_ALONE_MONTH_DAY.match(text) if alone else None)
    if m is None or re.search(r"[0-9]\s*[年./-]\s*$", text[: m.start()]):
        return None
    return _month_and_day(m)


def _month_and_day(m: re.Match[str]) -> DateMatch | None:
    """The date a match with groups `m` and `d` reads, its year not read; None for no such day."""
    month, day = int(m.group("m")), int(m.group("d"))
    if _date_value(2000, month, day) is None:  # (2000: a leap year)
        return None
    raw = m.group().strip()
    return DateMatch(m.start(), m.start() + len(raw), raw, None, month=month, day=day)


# A date whose year lost a figure under a seal's ring, read with a colon or a dot after what is left of it
# ("205:07.06" for 2015.07.06; "202.3.14"): its month and day, the year placed by the case's dates.
_LOST_FIGURE_YEAR = re.compile(
    r"(?<![0-9第])[12][0-9]{2}[:：.·](?P<m>1[0-2]|0?[1-9])[.·](?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9.]|[条款项])"
)


def lost_figure_date(text: str) -> DateMatch | None:
    """The month and day of a date whose year lost a figure (see `_LOST_FIGURE_YEAR`), as a date read
    without its year; None when the line holds no such date."""
    m = _LOST_FIGURE_YEAR.search(text)
    return _month_and_day(m) if m is not None else None


_FILLED_IN = re.compile(r"[0-9〇○零一二三四五六七八九十□][ \t]*[月日号]")


def is_filled_in(fact: DateFact) -> bool:
    """True for a date whose month or day holds a numeral (or a character OCR doubted, □): written, though
    what it says may not be known (a form's 年 月 日 filled in by hand and read in part)."""
    return fact.value is None and holds_month_or_day(fact.raw)


def holds_month_or_day(text: str) -> bool:
    """Whether text holds a month's or a day's numeral with its 月, 日 or 号 (月27日, 6□月): a date written
    there, read whole or not (a digit before 年 alone may be a seal's ring read as one: 5年月)."""
    return _FILLED_IN.search(text) is not None


def is_blank(fact: DateFact) -> bool:
    """True for a template blank (年 月 日 with nothing filled in): the date is missing, not unreadable."""
    return fact.value is None and _BLANK_ONLY.match(fact.raw.strip()) is not None


# A date written by hand after a signer's name, its dots read by OCR as a colon, a quote or a middle dot, or
# lost ("周文斌 2018 6:28", "彭海波 2024:5·27", "陈立军 2022718", "杨光明 627" for 2018.6.28, 2024.5.27,
# 2022.7.18, 6.27): figures and such marks only, at the end of the line, after a gap after a name (two to four
# Han characters after a label's colon or a gap, none of a field that holds figures: 证号 20170821, 电话).
_HAND_READ_TAIL = re.compile(
    r"(?:^|[:：\s])(?![\u4e00-\u9fff]*[号证码额话期间址计数量])[\u4e00-\u9fff]{2,4}[ \t]+"
    r"(?P<run>[0-9](?:[ \t'’‘`:：·•.,，-]*[0-9]){1,9})[ \t]*$"
)
_HAND_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_MONTH_DAY_FIGURES = 4  # a month and a day written in figures: at most four


def hand_read_date(text: str, year_needed: bool = True) -> DateMatch | None:
    """The date a signer wrote after the name (see `_HAND_READ_TAIL`): a year of four figures, then a month
    and a day, each a group of figures or a run of them split where a split makes a date (2022718 is
    2022-07-18: 71 is no month). A run that splits two ways (2026119: 1-19 or 11-9) is a date read in part,
    from the earlier day to the later. Without a year (`year_needed` False), the month and day alone, as a
    date read without its year, where they split one way only. None otherwise."""
    m = _HAND_READ_TAIL.search(text)
    if m is None:
        return None
    groups = re.findall(r"[0-9]+", m.group("run"))
    year: int | None = None
    if _HAND_YEAR.match(groups[0]) and len("".join(groups)) >= 6:
        year = int(groups[0][:4])
        groups = ([groups[0][4:]] if len(groups[0]) > 4 else []) + groups[1:]
    elif year_needed:
        return None
    days = _month_days(groups)
    start, raw = m.start("run"), m.group("run")
    if year is None:
        if len(days) != 1:
            return None
        return DateMatch(start, start + len(raw), raw, None, month=days[0][0], day=days[0][1])
    values = sorted(v for month, day in days if (v := _date_value(year, month, day)) is not None)
    if not values:
        return None
    if len(values) > 1:
        return DateMatch(start, start + len(raw), raw, None, earliest=values[0], latest=values[-1])
    return DateMatch(start, start + len(raw), raw, values[0], month=values[0].month, day=values[0].day)


def _month_days(groups: list[str]) -> list[tuple[int, int]]:
    """The months and days figures can be: two groups as they stand, one group split wherever both parts
    make a day of a leap year (514 is 5-14 only; 119 is 1-19 or 11-9)."""
    if len(groups) == 2 and all(len(g) <= 2 for g in groups):
        splits = [(groups[0], groups[1])]
    elif len(groups) == 1 and 2 <= len(groups[0]) <= _MONTH_DAY_FIGURES:
        run = groups[0]
        splits = [(run[:i], run[i:]) for i in range(1, len(run)) if len(run[:i]) <= 2 and len(run[i:]) <= 2]
    else:
        return []
    days = {
        (int(month), int(day))
        for month, day in splits
        if not day.startswith("0") or len(day) == 2
        if _date_value(2000, int(month), int(day)) is not None  # (2000: a leap year)
    }
    return sorted(days)
