"""Checks that a party, a case number and the fine are the same across documents."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Literal

import numpy as np
from pydantic import Field
from pypinyin import Style, pinyin

from casefile_eval.codes import DocumentType
from casefile_eval.extract.parties import is_organisation, is_person
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import (
    LOW_CHAR_SCORE,
    Params,
    char_scores_of,
    fact_page,
    number_key,
    ocr_block_holding,
)
from casefile_eval.rules.checks.receipts import comparable, decision_kind, served_names
from casefile_eval.rules.checks.representatives import ACTS_FOR
from casefile_eval.rules.context import DECISION_TYPES, Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

_BRACKETS = str.maketrans(
    {"〔": "[", "〕": "]", "［": "[", "］": "]", "（": "(", "）": ")", "【": "[", "】": "]"}
)
# documents whose own number is the 立案号 itself
_FILING_TYPES = (DocumentType.FILING_APPROVAL, DocumentType.CASE_SOURCE, DocumentType.COVER)
_PAREN = re.compile(r"\([^)]*\)")
_RECORDS = (DocumentType.INQUIRY_RECORD, DocumentType.INSPECTION_RECORD)
# the person named as acting for the party (经营者：汪春花, 法定代表人 李明)
_ACTS_FOR = rf"{ACTS_FOR}(?:姓名)?"
# a character read with less than this is the recogniser's guess: no evidence of a clerk's slip, even
# where it sounds like the other side's (a slip is printed plainly and read surely)
GUESS_SCORE = 0.5
# characters OCR lost leave their room on the line: the gap they leave is at least this share of a
# character's pitch besides the characters it should hold (measured: 1.8-2.0 pitches where one was lost)
LOST_ROOM = 0.6
Doubt = list[tuple[str, float, str]]  # (character, the recogniser's confidence, the other side's)


class ConsistencyParams(Params):
    """`party`, `filing_number` (立案号), `fine` or `illegal_gains` (违法所得): compared over the rule's
    documents; the value most documents agree on (the decision's on a tie) is the reference, each document
    that differs is one finding.
    `decision_number`: the 文号 a 送达回证 gives for the decision it serves must be the decision's."""

    fact: Literal["party", "filing_number", "fine", "illegal_gains", "decision_number"]
    tolerance: float = Field(default=0.01, ge=0)


@register_check("consistency", ConsistencyParams, fields=("value", "reference"), scope="case")
def consistency(ctx: RuleContext, params: ConsistencyParams) -> Iterator[Hit]:
    """A fact named in several documents is written the same way in each."""
    if params.fact == "decision_number":
        yield from _decision_number(ctx)
        return
    values = [(d, v) for d in ctx.documents() if (v := _value(d, params.fact)) is not None]
    if params.fact == "filing_number":
        # a cover's or a form's 案号 giving another document's own 文号 names that document: the case by its
        # decision, a 先行登记保存物品清单 by its 通知书 (贺农保〔2024〕3号)
        named = {
            number_key(n)
            for d in ctx.case.documents
            if d.type not in _FILING_TYPES and (n := d.facts.case_number)
        }
        values = [(d, v) for d, v in values if number_key(str(v)) not in named]
        # (evidence another body issued numbers its own case: a 检验报告's 案号 桂兽药检〔2024〕字第0316号)
        values = [(d, v) for d, v in values if d.type is not DocumentType.EVIDENCE]
    if len(values) < 2:
        return
    group = _reference(values, params)
    reference = _written_most(group)
    theirs = _group_scores(group, reference) if isinstance(reference, str) else None
    for doc, value in values:
        if _speaks_for(doc, value, reference, params) or _served_on_representative(ctx, doc, value, params):
            continue
        if not _same(value, reference, params):
            doubt = _misread(doc, value, (str(reference), theirs)) if isinstance(value, str) else None
            if doubt is None and isinstance(value, str) and isinstance(reference, str):
                doubt = _unsure_swaps(doc, value, reference, params)
            if _scans_misread(doubt) or (isinstance(value, str) and _guessed(doc, value, str(reference))):
                continue
            yield Hit(
                document=doc,
                evidence=_shown(value),
                data={"value": _shown(value), "reference": _shown(reference)},
                undecided=_doubt_text(f"当事人“{value}”与其他文书“{reference}”", doubt),
                confidence=None if doubt is None else min(score for _, score, _ in doubt),
            )


def _speaks_for(doc: Document, value: object, reference: object, params: ConsistencyParams) -> bool:
    """Whether a record names a person where the others name an organisation: the one questioned or
    present for it (被调查人：杜海军, the factory's operator), not another party."""
    return (
        params.fact == "party"
        and doc.type in _RECORDS
        and isinstance(value, str)
        and isinstance(reference, str)
        and is_person(value)
        and is_organisation(reference)
    )


def _served_on_representative(
    ctx: RuleContext, doc: Document, value: object, params: ConsistencyParams
) -> bool:
    """Whether a 送达回证 names as the one served a person whom the case names as acting for the party
    (受送达人 汪春花, the decision's 经营者：汪春花): the party served in person, not another party."""
    if params.fact != "party" or doc.type is not DocumentType.SERVICE_RECEIPT or not isinstance(value, str):
        return False
    if not is_person(value):
        return False
    name = re.escape(compact(value))
    named = re.compile(rf"{_ACTS_FOR}\s*[:：]?\s*{name}|{name}\s*[(（]\s*{_ACTS_FOR}")
    return any(named.search(ctx.view.text(d)) for d in ctx.case.documents if d is not doc)


def _scans_misread(doubt: Doubt | None) -> bool:
    """Whether the value differs by the scan's misreads: characters OCR lost (no doubt besides), or
    characters read unsurely in place of others, each a look-alike (a clerk's slip typing by pinyin sounds
    alike) or a mere guess (< GUESS_SCORE); a character the value lacks besides them was dropped by the
    same poor read."""
    if doubt is not None and not doubt:
        return True
    swapped = [(c, score, other) for c, score, other in doubt or () if other]
    return bool(swapped) and all(
        score < GUESS_SCORE or not _sound_alike(c, other) for c, score, other in swapped
    )


def _guessed(doc: Document, value: str, reference: str) -> bool:
    """Whether an OCR-read value differs from the reference by characters the recogniser mostly guessed
    (their mean confidence below GUESS_SCORE; a name misread past recognition, 邢尚市色尼区雷零津房 for
    那曲市色尼区康泰诊所, one character of it read plausibly): no evidence of another name."""
    scores = char_scores_of(doc, value)
    if scores is None:
        return False
    kept = {
        i
        for block in SequenceMatcher(None, value, reference, autojunk=False).get_matching_blocks()
        for i in range(block.a, block.a + block.size)
    }
    differing = [scores[i] for i in range(len(value)) if i not in kept]
    return bool(differing) and sum(differing) / len(differing) < GUESS_SCORE


def _doubt_text(what: str, doubt: Doubt | None) -> str | None:
    """Why a difference resting on unsure characters cannot be decided; None for a sure difference."""
    if doubt is None:
        return None
    chars = "、".join(f"“{c}”" for c, _, _ in doubt)
    scores = "、".join(f"{score:.2f}" for _, score, _ in doubt)
    return f"{what}不同的字{chars}识别置信度低（{scores}），无法确定是文书笔误还是扫描识别有误"


def _misread(doc: Document, value: str, reference: tuple[str, tuple[float, ...] | None]) -> Doubt | None:
    """The characters by which an OCR-read `value` differs from the reference (its text and the
    `_group_scores` of its documents), each with the recogniser's confidence and the character on the other
    side ("" where it has none), when at every difference the character of one side was read with less
    than LOW_CHAR_SCORE (the value's, or the reference's: the reference may be the misread); None when a
    difference was read surely on both sides (a character the value merely lacks, read surely, is none),
    or when the value was not read by OCR; [] when the value differs only by characters OCR lost."""
    scores = char_scores_of(doc, value)
    if scores is None:
        return None
    xs = _xs_of(doc, value)
    other, theirs = reference
    doubt: Doubt = []
    lost = False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, value, other, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = (
            [(i, j) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
            if tag == "replace" and i2 - i1 == j2 - j1
            else [(i, None) for i in range(i1, i2)] + [(None, j) for j in range(j1, j2)]
        )
        dropped = j2 - j1 > i2 - i1 and _room_left(xs, i1, i2, j2 - j1)
        lost = lost or dropped
        for i, j in pairs:
            if i is None and dropped:
                continue  # a character OCR lost (its room is left on the line) decides nothing
            mine = (value[i], scores[i], other[j] if j is not None else "") if i is not None else None
            yours = (
                (other[j], theirs[j], value[i] if i is not None else "") if j is not None and theirs else None
            )
            unsure = [side for side in (mine, yours) if side is not None and side[1] < LOW_CHAR_SCORE]
            if not unsure and i is None:
                continue  # a character the value lacks (a name cut at a line's end) decides nothing
            if not unsure:
                return None
            doubt.append(min(unsure, key=lambda side: side[1]))
    return doubt if doubt or lost else None


def _unsure_swaps(doc: Document, value: str, reference: str, params: ConsistencyParams) -> Doubt | None:
    """The characters of an OCR-read `value` read unsurely in place of the reference's, when with the
    reference's characters there the two are the same party (作水县…选矿厂, 作 read at 0.30, is a unit of
    柞水县…公司); None when the value differs otherwise or was not read by OCR."""
    scores = char_scores_of(doc, value)
    if scores is None:
        return None
    mended, swaps = list(value), []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, value, reference, autojunk=False).get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
            if scores[i] < LOW_CHAR_SCORE:
                mended[i] = reference[j]
                swaps.append((value[i], scores[i], reference[j]))
    return swaps if swaps and _same("".join(mended), reference, params) else None


def _room_left(xs: tuple[float, ...] | None, i1: int, i2: int, wanted: int) -> bool:
    """Whether the characters value[i1:i2] (none, or fewer than the `wanted` the reference has there) stand
    between their neighbours in room for `wanted`: OCR lost characters the line holds (乌兰布市 read from
    乌兰察布市, the gap of 察 left between 兰 and 布). False without both neighbours or positions."""
    if xs is None or i1 < 1 or i2 >= len(xs) or len(xs) < 3:
        return False
    pitch = float(np.median(np.diff(xs)))
    return pitch > 0 and xs[i2] - xs[i1 - 1] >= (wanted + LOST_ROOM) * pitch


def _group_scores(group: list[tuple[Document, str | float]], value: str) -> tuple[float, ...] | None:
    """Per character of `value`, the least confidence any OCR-read document of the group read it with;
    None when none of them was read by OCR."""
    read = [s for doc, _ in group if (s := char_scores_of(doc, value)) is not None]
    return tuple(map(min, zip(*read, strict=True))) if read else None


def _sound_alike(a: str, b: str) -> bool:
    """Whether two characters share a reading (胜/生, 元/源, 和/禾): the slips of a clerk typing by pinyin,
    unlike the look-alikes a recogniser confuses (澧/漫, 材/村)."""
    readings = [{p for group in pinyin(c, style=Style.NORMAL, heteronym=True) for p in group} for c in (a, b)]
    return bool(readings[0] & readings[1])


def _xs_of(doc: Document, value: str) -> tuple[float, ...] | None:
    """The x middle of each character of `value` in the first OCR block that holds it, where known."""
    read = ocr_block_holding(doc, value)
    if read is None:
        return None
    block, at = read
    xs = block.char_xs
    return xs[at : at + len(value)] if xs is not None and len(xs) == len(block.text) else None


def _value(doc: Document, fact: str) -> str | float | None:
    if fact == "party":
        return doc.facts.party.strip() if doc.facts.party and doc.facts.party.strip() else None
    if fact == "filing_number":
        return doc.facts.filing_number
    if fact == "illegal_gains":
        return doc.facts.illegal_gains
    return doc.facts.fine_amount


def _reference(
    values: list[tuple[Document, str | float]], params: ConsistencyParams
) -> list[tuple[Document, str | float]]:
    """The documents whose value is the reference: the value most documents agree on (the decision's on a
    tie); where no two agree, or names read by OCR tie, the value sharing most characters with all the
    others (the decision's on a tie)."""
    groups: list[list[tuple[Document, str | float]]] = []
    for item in values:
        group = next((g for g in groups if _same(g[0][1], item[1], params)), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    best = max(len(g) for g in groups)
    top = [g for g in groups if len(g) == best]
    read = any(isinstance(v, str) and char_scores_of(d, v) is not None for d, v in values)
    if len(top) > 1 and (read or best == 1) and all(isinstance(v, str) for _, v in values):
        # names that no majority settles (read by OCR, each misread its own way or two readings as often):
        # the one sharing most characters with all the others; a reading that lost a character OCR
        # dropped shares fewer than the whole one
        shared = [sum(_matched(str(g[0][1]), str(v)) for _, v in values) for g in top]
        top = [g for g, count in zip(top, shared, strict=True) if count == max(shared)]
    return next((g for g in top if any(d.type in DECISION_TYPES for d, _ in g)), top[0])


def _written_most(group: list[tuple[Document, str | float]]) -> str | float:
    """The value of a group of agreeing documents that most of them write exactly (a name one of them
    cut short, 某某有限公 with its 司 wrapped away, agrees with the whole name but is not it); on a tie the
    decision's, else the longest."""
    counts = Counter(v for _, v in group)
    decided = {v for d, v in group if d.type in DECISION_TYPES}
    return max(counts, key=lambda v: (counts[v], v in decided, len(str(v))))


def _matched(a: str, b: str) -> int:
    """Characters of two names matched in order."""
    return sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _same(a: str | float, b: str | float, params: ConsistencyParams) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(float(a) - float(b)) <= params.tolerance
    if params.fact == "party":
        x, y = _party_key(str(a)), _party_key(str(b))
        # One name inside the other is an abbreviation or words read past the name (张三现场), not a
        # different party.
        return x == y or (min(len(x), len(y)) >= 2 and (x in y or y in x))
    return number_key(str(a)) == number_key(str(b))


def _party_key(name: str) -> str:
    # An abbreviation or a bracketed addition (（个体工商户）, （经营者：张三）) is not a different party.
    return _PAREN.sub("", compact(name).translate(_BRACKETS))


def _shown(value: str | float) -> str:
    if isinstance(value, float | int):
        return f"{value:g}元"
    return value


def _decision_number(ctx: RuleContext) -> Iterator[Hit]:
    decisions = [d for d in ctx.case.of_type(*DECISION_TYPES) if d.facts.case_number]
    if not decisions:
        return
    for receipt in ctx.case.of_type(DocumentType.SERVICE_RECEIPT):
        wrong = _wrong_decision_number(receipt, decisions)
        if wrong is None:
            continue
        value, reference, decision = wrong
        doubt = _prefix_misread(receipt, value, decision, reference)
        if _scans_misread(doubt):
            continue
        yield Hit(
            document=receipt,
            page=fact_page(receipt, None),
            evidence=value,
            data={"value": value, "reference": reference},
            undecided=_doubt_text(f"文号“{value}”与处罚决定书“{reference}”", doubt),
            confidence=None if doubt is None else min(score for _, score, _ in doubt),
        )


def _prefix_misread(receipt: Document, value: str, decision: Document, reference: str) -> Doubt | None:
    """Where two 文号 differ in their agency codes only (same year and serial), the differing characters
    read unsurely on either side (see `_misread`); None when they differ otherwise or were read surely."""
    mine, _, rest = value.partition("〔")
    theirs, _, their_rest = reference.partition("〔")
    if rest != their_rest or not mine or not theirs:
        return None
    return _misread(receipt, mine, (theirs, char_scores_of(decision, theirs)))


def _wrong_decision_number(receipt: Document, decisions: list[Document]) -> tuple[str, str, Document] | None:
    """(number written, decision's number, the decision) when the number the receipt gives beside a
    decision's name is not that decision's; None when it is, or when the receipt names no decision of the
    case's kind."""
    candidates: list[tuple[str, str, Document]] = []
    for served in served_names(receipt):
        kind = decision_kind(served.name)
        if kind is None:
            continue
        same = [d for d in decisions if comparable(kind, served.prefix, d)]
        numbers = [d.facts.case_number or "" for d in same]
        if any(number_key(served.number) == number_key(n) for n in numbers):
            return None
        if len(same) == 1:
            candidates.append((served.number, numbers[0], same[0]))
    return candidates[0] if candidates else None
