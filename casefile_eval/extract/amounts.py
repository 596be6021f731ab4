"""Sums of money: Arabic (5000元, 5,000.00元, 0.5万元, 罚款6万元, ¥800.00, 金额（元）10,000.00) and
written (人民币伍仟元整, 壹万贰仟叁佰肆拾伍元陆角柒分, 二万元), each with what it is (fine, confiscation, tax,
late fee), and the fine a decision imposes.

The fine is read only where a decision imposes it: after the decision heading (处罚决定 / 决定如下 …),
outside quoted statute text, never from a range (5万元以上50万元以下), a rate (每平方米20元), 罚金
(criminal) or 加处罚款.
Several fines to the same addressee add up; a summing sentence (综上/合计/共计 … 罚款 X元) wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.codes import DocumentType
from casefile_eval.extract.cnnum import CN_NUMBER_CLASS, cn_money
from casefile_eval.extract.text import DocText, inside, quote_spans
from casefile_eval.model import Amount

_ARABIC = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<unit>万|千|百)?元"
_WRITTEN = rf"(?P<cn>[{CN_NUMBER_CLASS}]+(?:元|圆)(?:[{CN_NUMBER_CLASS}]角)?(?:[{CN_NUMBER_CLASS}]分)?整?)"
AMOUNT_RE = re.compile(rf"(?:人民币|¥|￥)?(?:{_ARABIC}|{_WRITTEN})")
# A sum without 元 after it, where the unit stands before it: ¥800.00, 金额（元）10,000.00 (a 缴款书's box)
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)(?![\d.,万千百元])"
UNIT_FIRST_RE = re.compile(rf"(?:[¥￥]|金额[(（]元[)）][:：]?(?:[¥￥])?){_NUMBER}")
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_UNIT = {"万": 10_000, "千": 1_000, "百": 100}
_RANGE_AFTER = re.compile(r"(?:以上|以下|以内|至|到|-|~|—|－)")
_RANGE_BEFORE = re.compile(r"(?:至|到|-|~|—|－|以上|不足|超过|低于|高于|在)$")
_DECISION_HEAD = re.compile(
    r"处罚决定如下|处罚如下|如下处罚|决定如下|处理决定如下|[一二三四五六七八九十][、.]?(?:行政)?处罚(?:决定|的依据|种类)"
    r"|决定(?:对|给予|处以|作出|予以)"
)
_FINE_BEFORE = re.compile(
    r"(?<!加处)罚款(?:[,，:：(（]?(?:即|计|共|共计|合计|总计|金额|数额|为|计金额|人民币)){0,3}[,，:：(（]?$"
)
_FINE_AFTER = re.compile(r"(?:[(（][^()（）]{0,24}[)）])?(?:的)?罚款")
# A rate, not a sum: 每平方米20元, 每吨300元, 每日1000元 (the fine is the sum it comes to, 计8400元)
_RATE_BEFORE = re.compile(r"每[^\d，,。；;：:]{1,5}(?:人民币)?$")
_TOTAL_WORDS = re.compile(r"综上|合计|共计|总计|总额|合并")
_TARGET = re.compile(r"对([^，,。；;：:对]{2,30}?)(?:处以?|给予|作出|决定|罚款|警告|并处|没收)")
_KIND_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("late_fee", re.compile(r"滞纳金")),
    ("confiscation", re.compile(r"没收|违法所得")),
    ("tax", re.compile(r"税款|税额|增值税|所得税|[^罚]税\d|补缴|少缴|追缴")),
    ("fine", re.compile(r"罚款")),
)
CONTEXT = 14
# 违法所得 named right before a sum: 违法所得1260元, 没收…及违法所得人民币1,200元, 违法所得共计人民币1260元
_GAINS_BEFORE = re.compile(
    r"违法所得(?:金额|数额|款)?(?:为|是|达|约|共|计|共计|合计|总计|总额为?)?(?:人民币)?[:：]?$"
)
# Documents that weigh a proposed fine and record the one agreed on (in that order)
_DELIBERATIONS = (
    DocumentType.COLLECTIVE_DISCUSSION,
    DocumentType.DECISION_APPROVAL,
    DocumentType.LEGAL_REVIEW,
    DocumentType.INVESTIGATION_REPORT,
)


@dataclass(frozen=True)
class AmountMatch:
    """A sum of money found in flat text."""

    start: int
    end: int
    raw: str
    value: float


def _value(m: re.Match[str]) -> float | None:
    if m.group("num") is not None:
        num = m.group("num")
        if m.group("unit") is None and _DOT_THOUSANDS.fullmatch(num):
            num = num.replace(".", "")  # 60.000元: a 元 sum has no third decimal, the dot is a misread comma
        number = float(num.replace(",", ""))
        return round(number * _UNIT.get(m.group("unit") or "", 1), 2)
    return cn_money(m.group("cn"))


def find_amounts(flat: str) -> list[AmountMatch]:
    """Every sum of money in `flat` (text without white space)."""
    out: list[AmountMatch] = []
    for m in AMOUNT_RE.finditer(flat):
        value = _value(m)
        if value is not None:
            out.append(AmountMatch(m.start(), m.end(), m.group(), value))
    for m in UNIT_FIRST_RE.finditer(flat):
        if not any(a.start < m.end() and m.start() < a.end for a in out):
            value = float(m.group("num").replace(",", ""))
            out.append(AmountMatch(m.start(), m.end(), m.group(), value))
    return sorted(out, key=lambda a: a.start)


def _is_range(flat: str, a: AmountMatch) -> bool:
    return bool(_RANGE_AFTER.match(flat, a.end) or _RANGE_BEFORE.search(flat[max(0, a.start - 2) : a.start]))


def _kind(flat: str, a: AmountMatch) -> str:
    before = flat[max(0, a.start - CONTEXT) : a.start]
    if _FINE_BEFORE.search(before) or _FINE_AFTER.match(flat, a.end):
        return "fine"
    for kind, pattern in _KIND_WORDS:
        if pattern.search(before):
            return kind
    return "other"


def _sentence_start(flat: str, pos: int) -> int:
    return max(flat.rfind(ch, 0, pos) for ch in "。；;") + 1


@dataclass(frozen=True)
class _Fine:
    value: float
    total: bool
    target: str | None


def _fine(flat: str, a: AmountMatch, quotes: list[tuple[int, int]]) -> _Fine | None:
    before = flat[max(0, a.start - CONTEXT) : a.start]
    if inside(quotes, a.start) or _is_range(flat, a) or "罚金" in before[-4:] or _RATE_BEFORE.search(before):
        return None
    if not (_FINE_BEFORE.search(before) or _FINE_AFTER.match(flat, a.end)):
        return None
    sentence = flat[_sentence_start(flat, a.start) : a.start]
    clause = sentence[max(sentence.rfind("，"), sentence.rfind(","), -1) + 1 :]
    targets = _TARGET.findall(sentence)
    return _Fine(
        a.value,
        bool(_TOTAL_WORDS.search(clause) or _TOTAL_WORDS.search(sentence[:6])),
        targets[-1] if targets else None,
    )


def fine_amount(dt_: DocText, amounts: list[AmountMatch]) -> float | None:
    """The fine the document imposes (or proposes, for a notice), None when it imposes none."""
    flat = dt_.flat
    head = _DECISION_HEAD.search(flat)
    begin = head.start() if head else 0
    quotes = quote_spans(flat)
    fines = [f for a in amounts if a.start >= begin and (f := _fine(flat, a, quotes)) is not None]
    if not fines:
        return None
    totals = [f for f in fines if f.total]
    if totals:
        return totals[-1].value
    if dt_.doc.type in _DELIBERATIONS:  # a proposal, then what was decided: the last word counts
        return fines[-1].value
    first_target = next((f.target for f in fines if f.target), None)
    same = [f for f in fines if f.target in (None, first_target)]
    if len({f.value for f in same}) == 1:  # one fine named again (in words, then in figures)
        return same[0].value
    return round(sum(f.value for f in same), 2)


def illegal_gains(dt_: DocText, amounts: list[AmountMatch]) -> float | None:
    """The 违法所得 the document confiscates (没收违法所得1620元, 没收…及违法所得人民币1,200元), else
    the one it finds (违法所得1260元): the sum written right after 违法所得, outside quoted statute text,
    never a bound (违法所得不足1万元). Of several different sums the one a total names (共计/合计); None
    when the document itemises gains it does not add up."""
    flat = dt_.flat
    quotes = quote_spans(flat)
    named = [
        a
        for a in amounts
        if _GAINS_BEFORE.search(flat[max(0, a.start - CONTEXT) : a.start])
        and not inside(quotes, a.start)
        and not _is_range(flat, a)
    ]
    confiscated = [a for a in named if "没收" in _clause_before(flat, a.start)]
    return _one_sum(flat, confiscated or named)


def _clause_before(flat: str, pos: int) -> str:
    """The text from the start of the clause holding `pos` up to it."""
    return flat[max(flat.rfind(ch, 0, pos) for ch in "，,。；;：:") + 1 : pos]


def _one_sum(flat: str, named: list[AmountMatch]) -> float | None:
    """The one sum of `named`, or the one total among several; None otherwise."""
    values = {a.value for a in named}
    if len(values) == 1:
        return values.pop()
    totals = {a.value for a in named if _TOTAL_WORDS.search(flat[max(0, a.start - CONTEXT) : a.start])}
    return totals.pop() if len(totals) == 1 else None


def amount_facts(dt_: DocText, amounts: list[AmountMatch]) -> list[Amount]:
    """Every amount of the document with its kind and evidence."""
    return [
        Amount(
            value=a.value,
            raw=a.raw,
            kind=_kind(dt_.flat, a),
            evidence=dt_.evidence(a.start, a.end, flat=True),
        )
        for a in amounts
    ]
