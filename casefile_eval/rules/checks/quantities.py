"""Check that a measured quantity of the facts (an area, a volume, a weight, a count of goods) or a sum they
find (an investment, a value of goods) is written the same in the documents that find the facts as in the
records it was measured in."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Document
from casefile_eval.rules.checks.common import CLAUSE_END, LOW_CHAR_SCORE, Params, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

# unit as written -> (the unit it is compared in, what it measures, as messages name it)
_UNITS: dict[str, tuple[str, str]] = {
    "平方米": ("平方米", "面积"),
    "平米": ("平方米", "面积"),
    "㎡": ("平方米", "面积"),
    "m²": ("平方米", "面积"),
    "m2": ("平方米", "面积"),
    "亩": ("亩", "面积"),
    "公顷": ("公顷", "面积"),
    "立方米": ("立方米", "体积"),
    "m³": ("立方米", "体积"),
    "m3": ("立方米", "体积"),
    "吨": ("吨", "重量"),
    "千克": ("千克", "重量"),
    "公斤": ("千克", "重量"),
    "kg": ("千克", "重量"),
    "升": ("升", "体积"),
    "万元": ("万元", "金额"),
    "元": ("元", "金额"),
}
_MONEY = "金额"
_YUAN = {"万元": 10000, "元": 1}
_GOODS = "瓶箱袋盒包桶株棵头只台辆件套支条罐"
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
# a figure and its unit; not a part of a longer figure, a date, a range or an article number
_QUANTITY = re.compile(
    rf"(?<![\d.,，~～\-－—至到第])(\d{{1,3}}(?:,\d{{3}})+|\d+)(\.\d+)?\s*(?:({_UNIT})|([{_GOODS}]))"
    r"(?![a-zA-Z0-9²³])"
)
# words that make a figure an estimate or a bound, not a measurement
_ROUGH_BEFORE = re.compile(r"(?:约|大约|近|将近|约计|超过|不足|不到|以上|多于|少于)$")
_ROUGH_AFTER = re.compile(r"^(?:余|多|左右|以上|以下|以内|上下)")
_CONTEXT = 16  # at most this many characters of the words before a figure are shown as evidence


@dataclass(frozen=True)
class Quantity:
    """One figure with its unit, where a document writes it."""

    digits: str  # the figure without separators or trailing zeros of a fraction: 1620, 3.86
    unit: str
    measures: str  # 面积, 体积, 重量, 数量, 金额
    raw: str  # as written, with the words before it
    page: int | None
    scores: tuple[float, ...] | None  # the recogniser's confidence in each digit, for an OCR read


class QuantityParams(Params):
    """`reference_types`: the documents whose figures, besides the rule's own documents, count when the
    figure a document writes is compared (the records where the quantity was measured or told)."""

    reference_types: list[DocumentType] = Field(
        default_factory=lambda: [DocumentType.INSPECTION_RECORD, DocumentType.INQUIRY_RECORD]
    )


@register_check(
    "quantity_consistency", QuantityParams, fields=("measures", "value", "reference"), scope="case"
)
def quantity_consistency(ctx: RuleContext, params: QuantityParams) -> Iterator[Hit]:
    """A figure of the facts that one document alone writes, where the others write the same figure with
    its digits in another order or one digit changed (1620 and 1260 平方米, 386 and 368): a clerk's slip
    in one of them. The document that differs from the figure more documents write (the later document
    on a tie) is the one found."""
    own = ctx.documents()
    docs = own + [d for d in ctx.case.of_type(*params.reference_types) if d not in own]
    found = {id(d): _quantities(d) for d in docs}
    holders: dict[tuple[str, str], list[Document]] = defaultdict(list)
    for doc in docs:
        for key in {(q.digits, q.unit) for q in found[id(doc)]}:
            holders[key].append(doc)
    order = {id(d): i for i, d in enumerate(ctx.case.documents)}
    compared = _compared_sums(ctx)
    for doc in own:
        for q in found[id(doc)]:
            if holders[(q.digits, q.unit)] != [doc] or _yuan(q.digits, q.unit) in compared:
                continue
            reference = _slipped_from(q, doc, holders, order)
            if reference is not None and _yuan(reference, q.unit) not in compared:
                yield _hit(doc, q, reference)


def _compared_sums(ctx: RuleContext) -> set[Decimal]:
    """The fines and 违法所得 of the case's documents: CON-003, CON-004 and CON-006 compare them."""
    sums = (v for d in ctx.case.documents for v in (d.facts.fine_amount, d.facts.illegal_gains))
    return {Decimal(str(v)).normalize() for v in sums if v is not None}


def _yuan(digits: str, unit: str) -> Decimal | None:
    """A sum of money in 元 (None for another quantity)."""
    scale = _YUAN.get(unit)
    return None if scale is None else (Decimal(digits) * scale).normalize()


def _slipped_from(
    q: Quantity, doc: Document, holders: dict[tuple[str, str], list[Document]], order: dict[int, int]
) -> str | None:
    """The figure of the other documents that `q` is a slip of: its unit, a slip's distance, absent from
    `doc`, and written in more documents than `q` (or in one that comes before `doc`)."""
    for (digits, unit), where in holders.items():
        if unit != q.unit or doc in where or not _slip(q.digits, digits, swapped_only=q.measures == _MONEY):
            continue
        if len(where) >= 2 or order.get(id(where[0]), -1) < order.get(id(doc), -1):
            return digits
    return None


def _slip(a: str, b: str, *, swapped_only: bool) -> bool:
    """Whether two different figures of the same length differ as a clerk's slip does: the same digits in
    another order, or one digit changed (not for sums of money, which change by one digit for reasons of
    their own: a fine lowered after 陈述申辩 from 5000 to 4000 元)."""
    if a == b or len(a) != len(b) or a.find(".") != b.find("."):
        return False
    if sorted(a) == sorted(b):
        return True
    return not swapped_only and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _hit(doc: Document, q: Quantity, reference: str) -> Hit:
    value, other = f"{q.digits}{q.unit}", f"{reference}{q.unit}"
    unsure = q.scores is not None and min(q.scores, default=1.0) < LOW_CHAR_SCORE
    return Hit(
        document=doc,
        page=fact_page(doc, q.page),
        evidence=q.raw,
        data={"measures": q.measures, "value": value, "reference": other},
        undecided=(
            f"{q.measures}{value}与其他文书{other}不同的数字识别置信度低（{min(q.scores or (1.0,)):.2f}），"
            "无法确定是文书笔误还是扫描识别有误"
        )
        if unsure
        else None,
        confidence=min(q.scores) if unsure and q.scores else None,
    )


def _quantities(doc: Document) -> list[Quantity]:
    """The measured figures a document writes; the lines of a page are read on, so that a figure or its
    unit broken onto the next line is whole."""
    text, starts = _running_text(doc.blocks)
    out: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        if _rough(text, match):
            continue
        at = bisect_right(starts, match.start(1)) - 1
        block = doc.blocks[at]
        scores = _digit_scores(block, match, match.start(1) - starts[at])
        q = _quantity(match, text, block.page, scores)
        if q is not None:
            out.append(q)
    return out


def _running_text(blocks: list[Block]) -> tuple[str, list[int]]:
    """The blocks' text in one string, with where each block starts: lines of one page run on, other
    blocks (cells, paragraphs, another page) are kept apart by a line break."""
    parts: list[str] = []
    starts: list[int] = []
    at = 0
    for i, block in enumerate(blocks):
        before = blocks[i - 1] if i else None
        run_on = (
            before is not None
            and before.kind is BlockKind.LINE
            and block.kind is BlockKind.LINE
            and before.page == block.page
        )
        if i and not run_on:
            parts.append("\n")
            at += 1
        starts.append(at)
        parts.append(_plain(block.text))
        at += len(parts[-1])
    return "".join(parts), starts


def _quantity(
    match: re.Match[str], text: str, page: int | None, scores: tuple[float, ...] | None
) -> Quantity | None:
    whole, fraction, unit, goods = match.groups()
    try:
        number = Decimal(whole.replace(",", "") + (fraction or ""))
    except InvalidOperation:
        return None
    if number == 0:
        return None
    digits = format(number.normalize(), "f") if fraction else str(int(number))
    unit_name, measures = _UNITS[unit] if unit else (goods, "数量")
    before = text[max(match.start() - _CONTEXT, 0) : match.start()]
    clause = CLAUSE_END.split(before)[-1]
    raw = clause + text[match.start() : match.end()]
    return Quantity(digits, unit_name, measures, raw, page, scores)


def _plain(text: str) -> str:
    """A block's text compacted, its Chinese commas kept apart from a figure's thousands separator."""
    return compact(text.replace("，", "、"))


def _rough(text: str, match: re.Match[str]) -> bool:
    """Whether the words around a figure make it an estimate or a bound."""
    return bool(_ROUGH_BEFORE.search(text[: match.start()]) or _ROUGH_AFTER.match(text[match.end() :]))


def _digit_scores(block: Block, match: re.Match[str], offset: int) -> tuple[float, ...] | None:
    """The recogniser's confidence in the figure's characters (the figure starting at `offset` of the
    block's text), where the block was read by OCR, holds the whole figure and its text lines up with the
    scores (a block without spaces)."""
    scores = block.char_scores
    if scores is None or len(scores) != len(block.text) or len(_plain(block.text)) != len(block.text):
        return None
    end = offset + (match.end(2) if match.group(2) else match.end(1)) - match.start(1)
    return tuple(scores[offset:end]) if end <= len(scores) else None
