"""Chinese numerals: plain (一百三十一, 二〇二四) and financial 大写 (壹万贰仟叁佰肆拾伍元陆角柒分)."""

from __future__ import annotations

import re

DIGITS: dict[str, int] = {
    "〇": 0,
    "○": 0,
    "O": 0,
    "o": 0,
    "Ｏ": 0,
    "零": 0,
    "0": 0,
    "一": 1,
    "壹": 1,
    "1": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "貳": 2,
    "2": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "3": 3,
    "四": 4,
    "肆": 4,
    "4": 4,
    "五": 5,
    "伍": 5,
    "5": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "6": 6,
    "七": 7,
    "柒": 7,
    "7": 7,
    "八": 8,
    "捌": 8,
    "8": 8,
    "九": 9,
    "玖": 9,
    "9": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

CN_DIGIT_CLASS = "〇○OoＯ零一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖两"
CN_NUMBER_CLASS = CN_DIGIT_CLASS + "十拾百佰千仟万萬亿億"


def digit_string(text: str) -> int | None:
    """A number written digit by digit (二〇二四, 2024, 二○一五): None if any character is not a digit."""
    if not text:
        return None
    value = 0
    for ch in text:
        d = DIGITS.get(ch)
        if d is None:
            return None
        value = value * 10 + d
    return value


def _section(text: str) -> int | None:
    """A number below 10000 written with 十/百/千 (or digits without units); None when the units do not
    fall in order (二十十, 三十百: a misread, never a number)."""
    if not any(ch in SMALL_UNITS for ch in text):
        return digit_string(text) if text else 0
    total = 0
    pending: int | None = None
    last_unit = 10**4
    for ch in text:
        if ch in SMALL_UNITS:
            if SMALL_UNITS[ch] >= last_unit:
                return None
            last_unit = SMALL_UNITS[ch]
            total += (1 if pending is None else pending) * SMALL_UNITS[ch]
            pending = None
        elif ch in DIGITS:
            d = DIGITS[ch]
            pending = d or None
        else:
            return None
    return total + (pending or 0)


def cn_to_int(text: str) -> int | None:
    """Parse a Chinese or mixed integer: 十一 → 11, 一百三十一 → 131, 二〇二四 → 2024, 3万 → 30000."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total = 0
    rest = text
    for unit in ("亿", "億", "万", "萬"):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            head_value = cn_to_int(head) if head else 1
            if head_value is None:
                return None
            total += head_value * BIG_UNITS[unit]
    tail = _section(rest) if rest else 0
    return None if tail is None else total + tail


_DAXIE_AMOUNT = re.compile(r"^(?P<yuan>[^元圆角分]*)(?:[元圆](?P<jiao>[^角分]*角)?(?P<fen>[^分]*分)?)?整?$")


def cn_money(text: str) -> float | None:
    """Parse a written amount: 壹万贰仟叁佰肆拾伍元陆角柒分 → 12345.67, 伍仟元整 → 5000, 二万元 → 20000."""
    text = text.strip().removeprefix("人民币").removesuffix("正").removesuffix("整")
    m = _DAXIE_AMOUNT.match(text)
    if not m:
        return None
    yuan_text = m.group("yuan")
    yuan = cn_to_int(yuan_text) if yuan_text else 0
    if yuan is None:
        return None
    cents = 0
    for key, weight in (("jiao", 10), ("fen", 1)):
        part = m.group(key)
        if part:
            digit = cn_to_int(part[:-1].lstrip("零〇"))
            if digit is None:
                return None
            cents += digit * weight
    if not yuan_text and not cents:
        return None
    return round(yuan + cents / 100, 2)
