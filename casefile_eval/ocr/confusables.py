"""Typical OCR confusions folded away for matching titles, labels, numbers and dates.

`normalize_ocr_text` never changes what a report quotes: it is for comparing text only. It applies
`casefile_eval.textnorm.normalize` and then folds characters that the recogniser mixes up:

- everywhere: 己/巳 → 已 and 曰 → 日 (the same strokes, and the wrong reads are rare in case files);
- inside a number (a run holding a real digit, or right before 年/月/日/号): 〇/○/O/o/Ｏ → 0 and
  l/I/|/丨 → 1 (letters of credit codes such as D or Q are left alone);
- 口/目 right after a day number → 日 ("6口" → "6日");
- a year in brackets of any shape ([2026], 【2026】, 〔2026], (2026)) → 〔2026〕;
- 末 → 未 and 士 → 土 only in the words where the other reading makes no sense (末经, 末按, 士地…).

`mend_misreads` is the one fold that does change the text a page holds: it mends, character for character,
misreads that are no word at all where they stand (询间 and 物问 for 询问, 检童 for 检查, 笔绿 for 笔录,
丶 for 、, 人既政府 for 人民政府, 陈达申辨/陈道和申辩 for 陈述申辩, 有限贵任 and 负费人/负资人 for 有限责任
and 负责人, 当享人 for 当事人, 2021,10.21 for 2021.10.21, 热法证号 and 执法让号 for 执法证号, 连反 for 违反,
快定书 for 决定书, 递达人 for 送达人, 告知#/决定# for 告知书/决定书, 年大月 for 年六月 and 上O二四年 for
二〇二四年 in a Chinese-numeral date, 2021年7月30月 for 2021年7月30日, 大十日内 and 大个月内 for the periods
六十日 and 六个月, 六十吕内 for 六十日内), so that labels, names of authorities, dates and periods are found
as written.
"""

from __future__ import annotations

import re
from dataclasses import replace

from casefile_eval.ocr.page import OcrLine
from casefile_eval.textnorm import normalize

# Characters folded everywhere: the wrong reading is not a word in administrative documents.
_ALWAYS = str.maketrans({"己": "已", "巳": "已", "曰": "日"})

# Zero look-alikes, one-look-alikes: only folded inside numbers (see _fold_digits).
_ZERO_LIKE = "〇○OoＯ◯"
_ONE_LIKE = "lI|丨"
_DIGIT_CLASS = rf"[0-9{re.escape(_ZERO_LIKE + _ONE_LIKE)}]"
# A run that contains at least one real digit, or is followed by a date unit: "2O2l年", "〇月".
_NUMBER_RUN = re.compile(rf"{_DIGIT_CLASS}*[0-9]{_DIGIT_CLASS}*|{_DIGIT_CLASS}+(?=[年月日号])")
_ZERO_TABLE = str.maketrans(dict.fromkeys(_ZERO_LIKE, "0") | dict.fromkeys(_ONE_LIKE, "1"))

# 口 or 目 read for 日 right after a day number: "6口" → "6日".
_DAY_AFTER_NUMBER = re.compile(r"(?<=[0-9])[口目](?![0-9])")

# Words where 末/士 is an OCR error for 未/土 (the reverse reading is not a word used in case files).
_WORD_FIXES = {
    "末经": "未经",
    "末按": "未按",
    "末依": "未依",
    "末取得": "未取得",
    "末办理": "未办理",
    "末缴": "未缴",
    "末在": "未在",
    "末能": "未能",
    "末予": "未予",
    "士地": "土地",
    "国士": "国土",
}
_WORD_RE = re.compile("|".join(map(re.escape, _WORD_FIXES)))

# Chinese-numeral zeros in dates: 二○一五年, 二Ｏ一五年 (letter O), 二零二一年 all become 〇.
_CN_DIGITS = "一二三四五六七八九十"
_CN_ZERO_LIKE = "〇○OoＯ◯零"
_CN_DATE_RUN = re.compile(rf"[{_CN_DIGITS}{_CN_ZERO_LIKE}]+(?=[年月日])")
_CN_ZERO_TABLE = str.maketrans(dict.fromkeys(_CN_ZERO_LIKE, "〇"))


def _fold_cn_date(match: re.Match[str]) -> str:
    run = match.group(0)
    if not any(ch in _CN_DIGITS for ch in run):
        return run
    return run.translate(_CN_ZERO_TABLE)


# A year in any bracket OCR reads for 六角括号: [2026], ［2026］, 【2026】, 〔2026], (2026) → 〔2026〕.
_YEAR_BRACKETS = re.compile(r"[\[［〔【(（]\s*((?:19|20)\d\d)\s*[\]］〕】)）]")


def _fold_digits(match: re.Match[str]) -> str:
    return match.group(0).translate(_ZERO_TABLE)


def normalize_ocr_text(text: str) -> str:
    """Text folded for matching: full-width → half-width, then typical OCR confusions folded."""
    folded = normalize(text).translate(_ALWAYS)
    folded = _CN_DATE_RUN.sub(_fold_cn_date, folded)
    folded = _NUMBER_RUN.sub(_fold_digits, folded)
    folded = _DAY_AFTER_NUMBER.sub("日", folded)
    folded = _YEAR_BRACKETS.sub(r"〔\1〕", folded)
    return _WORD_RE.sub(lambda m: _WORD_FIXES[m.group(0)], folded)


# Misreads mended in a page's text, each one character for one: (pattern, the character it stands for).
_MISREADS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"物(?=[问间向](?:人|时间))"), "询"),  # 询问人 read 物问人, 物间人
    (re.compile(r"(?<=询)[间向]"), "问"),  # 询问时间, 询问人: 询间 is no word
    (re.compile(r"(?<=检)童"), "查"),  # 检查时间, 被检查人 read 检童
    (re.compile(r"(?<=笔)绿"), "录"),  # 询问笔录 read 询问笔绿 (笔绿 is no word)
    (re.compile(r"丶"), "、"),  # the enumeration comma read as the radical 丶, no character of a text
    (re.compile(r"(?<=人)既(?=政府|法院|共和|检察|代表)"), "民"),
    (re.compile(r"(?<=共和)围"), "国"),
    (re.compile(r"(?<=[〇○零一二三四五六七八九十]年)大(?=月)"), "六"),  # 二〇二〇年大月三十日
    (re.compile(r"大(?=(?:十日|个月)内)"), "六"),  # 之日起大十日内, 大个月内: no period
    (re.compile(r"(?<=之日起[一二三四五六七八九十]十)吕(?=内)"), "日"),  # 六十吕内: no period
    # a seal's rim across a Chinese-numeral 落款: 上O二四年 for 二〇二四年
    (re.compile(r"上(?=[〇○OoＯ◯零][〇○OoＯ◯零一二三四五六七八九]{2}年)"), "二"),
    # 陈述、申辩 read 陈达申鲜, 陈道和申辩, 陈迹、申辩, 陈逃申辩; 上述权利 read 上逃权利
    (re.compile(r"(?<=陈)[达道迹逑逃](?=[、和及与]?申)|(?<=上)逃(?=权利|事实|规定|行为|违法)"), "述"),
    (re.compile(r"(?<=申)辨|(?:(?<=述申)|(?<=述、申))[鲜鞋辫瓣]"), "辩"),
    (re.compile(r"(?<=陈述)([、和及与]?)中(?=辩)"), r"\1申"),  # 陈述、中辩: 中辩 is no word
    # 有限贵任公司, 负费人, 贵令改正: no words
    (re.compile(r"[贵费](?=任)|贵(?=令)|(?<=负)[贵费资]|(?<=职)贵"), "责"),
    (re.compile(r"(?<=当)享(?=人)"), "事"),  # 当事人 read 当享人
    (re.compile(r"[热扶](?=法(?:证|人员))"), "执"),  # 执法证号, 执法人员 read 热法证号, 扶法人员
    (re.compile(r"(?<=执法)[让正征](?=号)"), "证"),  # 执法证号 read 执法让号
    (re.compile(r"快(?=定书|定如下)"), "决"),  # 行政处罚决定书 read 行政处罚快定书
    (re.compile(r"递(?=达人|达回证|达地点|达方式)"), "送"),  # 送达人 read 递达人 (递达 is no word of a form)
    (re.compile(r"连(?=反(?:了|《|的|上述|规定|法律|国家))"), "违"),  # 违反了《…》 read 连反了 (not 接连反映)
    # a dot of a dotted date read as a comma: 2021,10.21 and 2021.10,21 (no amount groups two digits)
    (re.compile(r"(?<![0-9,])((?:19|20)[0-9]{2}),(?=(?:1[0-2]|0?[1-9])\.[0-9]{1,2}(?![0-9]))"), r"\1."),
    (re.compile(r"(?<![0-9,])((?:19|20)[0-9]{2}\.(?:1[0-2]|0?[1-9])),(?=[0-9]{1,2}(?![0-9,]))"), r"\1."),
    # ...both dots read as commas (温志强 2021,5,31), or a two-figure year's second (叶建平 17.9,15)
    (
        re.compile(
            r"(?<![0-9,.])((?:19|20)[0-9]{2}),((?:1[0-2]|0?[1-9])),(?=(?:3[01]|[12][0-9]|0?[1-9])(?![0-9,.]))"
        ),
        r"\1.\2.",
    ),
    (
        re.compile(
            r"(?<![0-9,.])([0-3][0-9]\.(?:1[0-2]|0?[1-9])),(?=(?:3[01]|[12][0-9]|0?[1-9])(?![0-9,.]))"
        ),
        r"\1.",
    ),
    # ...or as a colon after the year (黄志坚 2026:1.5; a time has two figures before its colon)
    (
        re.compile(
            r"(?<![0-9:])((?:19|20)[0-9]{2}):(?=(?:1[0-2]|0?[1-9])\.(?:3[01]|[12][0-9]|0?[1-9])(?![0-9]))"
        ),
        r"\1.",
    ),
    # a semicolon between two officers read as a colon after the first's number (廖春生证号36072901003：
    # 曾凡宇证号…)
    (re.compile(r"(?<=[0-9])[:：](?=[\u4e00-\u9fff]{2,4}(?:执法)?证(?:件)?号)"), "；"),
    # a dash of a date read as a plus: 2025-05+12
    (
        re.compile(
            r"(?<![0-9])((?:19|20)[0-9]{2}-(?:1[0-2]|0?[1-9]))\+(?=(?:3[01]|[12][0-9]|0?[1-9])(?![0-9]))"
        ),
        r"\1-",
    ),
    # a date's 日 read as 月 after its month: 2021年7月30月 (no month 30 follows a month)
    (re.compile(r"([0-9]年(?:1[0-2]|0?[1-9])月(?:3[01]|[12][0-9]|0?[1-9]))月"), r"\1日"),
    # a dot of a handwritten date read as a middle dot: 2017.3·21 (a plate's dot follows a letter)
    (re.compile(r"((?:19|20)[0-9]{2}[./](?:1[0-2]|0?[1-9]))[·•・](?=\s?[0-9])"), r"\1."),
    # a financial 叁 read as 参 in an amount: 罚款参佰元, 参仟元 (参佰 is no word)
    (re.compile(r"参(?=[拾佰仟万萬][零壹贰叁肆伍陆柒捌玖拾佰仟万萬元圆]|[佰仟万萬]元)"), "叁"),
    # a small 书 closing a title read as "#": 行政处罚事先告知#, 听证通知#
    (re.compile(r"(?<=告知|通知|决定|意见|确认|建议|申请|委托|承诺)#"), "书"),
)


def mend_misreads(line: OcrLine) -> OcrLine:
    """`line` with misreads that are no word where they stand mended (see the module docstring). The line
    is mended as one text (a word may be split over two boxes: 告知 | #), each box keeping its characters'
    places (a mend is one character for one)."""
    joined = "".join(part.text for part in line.parts)
    mended = mend_text(joined)
    if mended == joined:
        return line
    parts, at = [], 0
    for part in line.parts:
        text = mended[at : at + len(part.text)]
        at += len(part.text)
        parts.append(part if text == part.text else replace(part, text=text))
    return OcrLine(parts)


def mend_text(text: str) -> str:
    """`text` with misreads that are no word where they stand mended, character for character."""
    for pattern, char in _MISREADS:
        text = pattern.sub(char, text)
    return text
