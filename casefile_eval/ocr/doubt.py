"""Characters of a date that OCR did not read surely, marked □ (the usual mark of an illegible character).

A seal's ring over the 落款 date makes the recogniser misread a digit of the month or day (the day 8
read as 3, with a confidence of 0.3 where its neighbours score 0.99; under a seal a digit read below
SEAL_LOW_SCORE is in doubt) or drop a character altogether
(二十六日 read as 二十日: the gap where 六 stood is twice the others). A date that rules would compare
must not be taken as read: the doubtful digit becomes □ and a □ is put where a character was dropped
under a seal. A year's last digits are marked only when read far less surely (YEAR_LOW_SCORE).
`extract.dates` reads a date holding □ as written but unreadable, so a rule asks a person instead of
deciding on a wrong date. Only dates are marked; other words keep what the recogniser read.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from itertools import pairwise

from casefile_eval.ocr.page import Box, OcrBox, OcrLine

UNREADABLE = "□"
LOW_SCORE = 0.5  # a date's digit read with less confidence than this is not taken as read
# ... and under a seal, where the star over a digit turns it into another one read fairly surely (3 read
# as 5 at 0.47 and 0.54 under stars; the month digits read right under stars scored 0.62 and 0.78)
SEAL_LOW_SCORE = 0.6
# ... and a year's last digits below this (measured over every cached scan: 3 of 30,240 year digits other
# than zeros scored below it, one of them 二〇二〇年 read 二0二一年 at 0.27)
YEAR_LOW_SCORE = 0.35
DROP_GAP = 1.7  # a gap this many times the usual character pitch held a character the recogniser dropped
MIN_PAIRS = 3  # pitches needed to know the usual one
DROP_DIGIT = 0.5  # a digit beside 月 or 日 dropped: the gap is this share of a digit's pitch beyond the usual
# a month lost with its 月 (2024年19日): the step from 年 to the day is this many of the year's digit pitches
# (1.5 where nothing was lost; 5.6 measured where 4月 lay under a seal's star)
LOST_MONTH = 3.0
_UNITS = "年月日"

_NUMERALS = "0-9０-９〇○零OoＯ一二三四五六七八九十"
_RUN = re.compile(rf"[{_NUMERALS}年月日号./\-]+")
_ISO = re.compile(r"[0-9][-./][0-9]{1,2}[-./][0-9]")
_NUMERAL = re.compile(rf"[{_NUMERALS}]")
_ZEROS = "0０〇○零OoＯ"


def mark_unreadable(line: OcrLine, seals: list[Box]) -> OcrLine:
    """`line` with the doubtful characters of its dates marked □ (see the module docstring)."""
    parts = [_marked(part, seals) for part in line.parts]
    return line if all(a is b for a, b in zip(parts, line.parts, strict=True)) else OcrLine(parts)


def _marked(part: OcrBox, seals: list[Box]) -> OcrBox:
    runs = [m for m in _RUN.finditer(part.text) if _is_date(m.group())]
    if not runs:
        return part
    text, chars, scores = list(part.text), list(part.chars), list(part.scores)
    if len(scores) == len(text):
        for run in runs:
            for i in range(_after_year(part.text, run), run.end()):
                low = SEAL_LOW_SCORE if _under_seal(part, i, seals) else LOW_SCORE
                if _NUMERAL.match(text[i]) and scores[i] < low:
                    text[i] = UNREADABLE
            for i in _year_units(part.text, run):
                if scores[i] < YEAR_LOW_SCORE:
                    text[i] = UNREADABLE
    dropped = [(i, UNREADABLE) for run in runs for i in _dropped(part, run, seals)]
    dropped += [(i, UNREADABLE + "月") for run in runs for i in _lost_month(part, run, seals)]
    for at, lost in sorted(dropped, reverse=True):
        for mark in reversed(lost):
            text.insert(at, mark)
            if chars:
                chars.insert(at, (chars[at - 1] + chars[at]) / 2)
            if scores:
                scores.insert(at, 0.0)
    new = "".join(text)
    if new == part.text:
        return part
    return replace(part, text=new, chars=tuple(chars), scores=tuple(scores))


def _is_date(run: str) -> bool:
    return (
        ("年" in run and ("月" in run or "日" in run))
        or ("月" in run and "日" in run)
        or bool(_ISO.search(run))
    )


def _dropped(part: OcrBox, run: re.Match[str], seals: list[Box]) -> list[int]:
    """Where a character of the run's month or day was dropped under a seal: the index to insert at.

    Between two wide characters (二十六日 read 二十日) a gap of `DROP_GAP` usual pitches, the median distance
    between neighbouring wide characters of the box; between a digit and 月 or 日 (2021年09月 read 2021年0月)
    a gap longer than the usual such distance by `DROP_DIGIT` of the pitch between two digits. A date printed
    with spaces between its parts (年 三 月 五 日) has several wide gaps: none is taken."""
    chars, text = part.chars, part.text
    if len(chars) != len(text):
        return []
    gaps = _wide_gaps(chars, text, run) + _digit_gaps(chars, text, run)
    if len(gaps) != 1:
        return []
    middle = (chars[gaps[0] - 1] + chars[gaps[0]]) / 2
    return gaps if any(_under(seal, middle, part.box) for seal in seals) else []


def _wide_gaps(chars: tuple[float, ...], text: str, run: re.Match[str]) -> list[int]:
    pitches = [b - a for i, (a, b) in enumerate(pairwise(chars)) if _wide_pair(text, i)]
    if len(pitches) < MIN_PAIRS:
        return []
    # the widest step is the one in question: the usual pitch is told by the others when enough are
    # left (二0一九年一月十二日 for 十一月: the steps round 一 and 十 read wide lift the median of all
    # to the gap's edge)
    pitch = statistics.median(sorted(pitches)[:-1] if len(pitches) > MIN_PAIRS else pitches)
    return [
        i + 1
        for i in range(_after_year(text, run), run.end() - 1)
        if _wide_pair(text, i) and chars[i + 1] - chars[i] >= DROP_GAP * pitch
    ]


def _digit_gaps(chars: tuple[float, ...], text: str, run: re.Match[str]) -> list[int]:
    if "月" not in run.group() or "日" not in run.group():
        return []  # a 月 lost with its number (2022年3日) is no digit dropped
    steps = [(i, b - a) for i, (a, b) in enumerate(pairwise(chars)) if run.start() <= i < run.end() - 1]
    digit = [step for i, step in steps if text[i].isdigit() and text[i + 1].isdigit()]
    mixed = [(i, step) for i, step in steps if _digit_unit_pair(text, i)]
    if not digit or len(mixed) < MIN_PAIRS:
        return []
    usual = statistics.median(step for _, step in mixed) + DROP_DIGIT * statistics.median(digit)
    return [i + 1 for i, step in mixed if i >= _after_year(text, run) and step >= usual]


def _lost_month(part: OcrBox, run: re.Match[str], seals: list[Box]) -> list[int]:
    """Where a month was lost with its 月 under a seal (2024年4月19日 read 2024年19日, the star over 4月): the
    index after 年, when the day's digits stand LOST_MONTH digit pitches or more after it."""
    date = run.group()
    chars = part.chars
    year_end = date.find("年")
    if len(chars) != len(part.text) or "月" in date or year_end < 0 or not date.endswith("日"):
        return []
    day = date[year_end + 1 : -1]
    if not (1 <= len(day) <= 2 and day.isdigit()) or year_end != 4 or not date[:4].isdigit():
        return []  # (a year of four digits: 72022年3日, a stray digit read before it, is left alone)
    at = run.start() + year_end + 1
    pitch = statistics.median(b - a for a, b in pairwise(chars[run.start() : run.start() + year_end]))
    middle = (chars[at - 1] + chars[at]) / 2
    lost = pitch > 0 and chars[at] - chars[at - 1] >= LOST_MONTH * pitch
    return [at] if lost and any(_under(seal, middle, part.box) for seal in seals) else []


def _digit_unit_pair(text: str, i: int) -> bool:
    """A digit beside a date's unit (9月, 月1, 0日)."""
    a, b = text[i], text[i + 1]
    return (a.isdigit() and b in _UNITS) or (a in _UNITS and b.isdigit())


def _after_year(text: str, run: re.Match[str]) -> int:
    """Where the month and day of a date run start (its 年), else the run's start. A year is not marked:
    its thin 〇 often scores low however clearly printed, and a year read short (二二五年) is read
    as 20xx by `extract.dates`."""
    year_end = text.find("年", run.start(), run.end())
    return year_end if year_end >= 0 else run.start()


def _year_units(text: str, run: re.Match[str]) -> list[int]:
    """The last two digits of a run's year (before its 年) that are no zero: 一 of 二〇二一年 (a zero's thin
    〇 scores low however clearly printed; the century is never in doubt)."""
    year_end = _after_year(text, run)
    if year_end - run.start() < 4:
        return []
    return [i for i in (year_end - 2, year_end - 1) if text[i] not in _ZEROS and _NUMERAL.match(text[i])]


def _wide_pair(text: str, i: int) -> bool:
    return ord(text[i]) > 0x2E80 and ord(text[i + 1]) > 0x2E80


def _under_seal(part: OcrBox, i: int, seals: list[Box]) -> bool:
    """Whether character i of the box stands under one of the seals."""
    return len(part.chars) == len(part.text) and any(_under(seal, part.chars[i], part.box) for seal in seals)


def _under(seal: Box, x: float, box: Box) -> bool:
    return seal[0] <= x <= seal[2] and box[1] < seal[3] and box[3] > seal[1]
