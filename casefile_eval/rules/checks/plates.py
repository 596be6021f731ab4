"""Check that a vehicle's plate number (车牌号) is written the same in every document of the case."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from casefile_eval.model import Block, Document
from casefile_eval.rules.checks.common import CLAUSE_END, LOW_CHAR_SCORE, Params, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE_CHAR = "A-HJ-NP-Z0-9"  # plates leave out I and O
# 苏G5J728, 浙F·88850, 藏A·5K3M7, 浙BD7K519 (new energy), 豫C7J26挂 (a trailer); not part of a longer code.
# On a scan the letter before the dot may be lost (苏J·6M853 read 苏·6M853, in every document alike).
_PLATE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<region>[{_PROVINCES}][A-HJ-NP-Z]?)(?P<dot>\s?[·•・．]?\s?)"
    rf"(?P<serial>[{_PLATE_CHAR}]{{5,6}}(?![A-Za-z0-9])|[{_PLATE_CHAR}]{{4}}[挂学警])"
)
# A plate is told by the words before it (车牌号、号牌、车辆…) or by the dot printed after its region; an
# officer's certificate number has the same shape (鄂A06083) and neither.
_VEHICLE_WORDS = re.compile(r"车|牌|驾驶")
_BEFORE = 12  # characters before a plate searched for the vehicle words and shown as evidence


@dataclass(frozen=True)
class Plate:
    """One plate number where a document writes it."""

    number: str  # region and serial, without the dot: 苏G5J728
    raw: str  # as written, with the words before it in its clause
    page: int | None
    scores: tuple[float, ...] | None  # the recogniser's confidence in each character of `number` (OCR)


@register_check("plate_consistency", Params, fields=("value", "reference"), scope="case")
def plate_consistency(ctx: RuleContext, _params: Params) -> Iterator[Hit]:
    """A plate number that one document alone writes, where other documents write a plate of the same
    region whose serial has the same characters in another order or one character changed (苏G5J782 and
    苏G5J728): a clerk's slip in one of them. Plates written together in one document are different
    vehicles (a tractor and its trailer, a fleet), never slips of each other. The document that differs
    from the plate more documents write (the earlier document on a tie) is the one found."""
    docs = ctx.documents()
    found = {id(d): _plates(d) for d in docs}
    holders: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for number in {p.number for p in found[id(doc)]}:
            holders[number].append(doc)
    order = {id(d): i for i, d in enumerate(ctx.case.documents)}
    reported: set[str] = set()
    for doc in docs:
        numbers = {p.number for p in found[id(doc)]}
        for plate in found[id(doc)]:
            if holders[plate.number] != [doc] or plate.number in reported:
                continue
            reference = _slipped_from(plate.number, doc, numbers, holders, order)
            if reference is not None:
                reported.add(plate.number)
                yield _hit(doc, plate, reference)


def _slipped_from(
    number: str, doc: Document, own: set[str], holders: dict[str, list[Document]], order: dict[int, int]
) -> str | None:
    """The plate of the other documents that `number` is a slip of: same region, a slip's distance, not
    written in `doc` itself, in more documents than `number` (or in one before `doc`)."""
    for other, where in holders.items():
        if other in own or not _slip(number, other):
            continue
        if len(where) >= 2 or order.get(id(where[0]), -1) < order.get(id(doc), -1):
            return other
    return None


def _slip(a: str, b: str) -> bool:
    """Whether two plates differ as a clerk's slip does: one region (its letter read or lost alike), and
    the serial's characters in another order or one character changed."""
    if a == b or len(a) != len(b) or a[:2] != b[:2]:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _hit(doc: Document, plate: Plate, reference: str) -> Hit:
    differing = [s for s, a, b in zip(plate.scores or (), plate.number, reference, strict=False) if a != b]
    low = min(differing, default=1.0)
    unsure = low < LOW_CHAR_SCORE
    return Hit(
        document=doc,
        page=fact_page(doc, plate.page),
        evidence=plate.raw,
        data={"value": plate.number, "reference": reference},
        undecided=(
            f"车牌号{plate.number}与其他文书{reference}不同的字识别置信度低（{low:.2f}），"
            "无法确定是文书笔误还是扫描识别有误"
        )
        if unsure
        else None,
        confidence=low if unsure else None,
    )


def _plates(doc: Document) -> list[Plate]:
    """The plate numbers a document writes, each in a line that names a vehicle or with its dot."""
    out: list[Plate] = []
    for block in doc.blocks:
        for match in _PLATE.finditer(block.text):
            before = block.text[max(match.start() - _BEFORE, 0) : match.start()]
            dotted = bool(match["dot"].strip())
            if not dotted and (len(match["region"]) < 2 or not _VEHICLE_WORDS.search(before)):
                continue
            clause = CLAUSE_END.split(before)[-1].lstrip()
            out.append(
                Plate(
                    number=match["region"] + match["serial"],
                    raw=clause + match.group(),
                    page=block.page,
                    scores=_scores(block, match),
                )
            )
    return out


def _scores(block: Block, match: re.Match[str]) -> tuple[float, ...] | None:
    """The recogniser's confidence in each character of a plate's number (its dot left out), where OCR
    read the block and its scores line up with its text."""
    scores = block.char_scores
    if scores is None or len(scores) != len(block.text):
        return None
    at = [
        *range(match.start("region"), match.end("region")),
        *range(match.start("serial"), match.end("serial")),
    ]
    return tuple(scores[i] for i in at)
