"""Check that a vehicle's plate number (车牌号) is written the same in every document of the case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from casefile_eval.model import Block, Document
from casefile_eval.rules.checks.common import CLAUSE_END, Params
from casefile_eval.rules.checks.slips import Written, lone_slips, slip_hit
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


@register_check("plate_consistency", Params, fields=("value", "reference"), scope="case")
def plate_consistency(ctx: RuleContext, _params: Params) -> Iterator[Hit]:
    """A plate number that one document alone writes, where other documents write a plate of the same
    region whose serial has the same characters in another order or one character changed (苏G5J782 and
    苏G5J728): a clerk's slip in one of them. Plates written together in one document are different
    vehicles (a tractor and its trailer, a fleet), never slips of each other. The document that differs
    from the plate more documents write (the earlier document on a tie) is the one found."""
    found = {id(d): _plates(d) for d in ctx.documents()}
    for doc, plate, reference in lone_slips(ctx, found, _slip):
        yield slip_hit(doc, plate, reference, f"车牌号{plate.value}与其他文书{reference}")


def _slip(a: str, b: str) -> bool:
    """Whether two plates differ as a clerk's slip does: one region (its letter read or lost alike), and
    the serial's characters in another order or one character changed."""
    if a == b or len(a) != len(b) or a[:2] != b[:2]:
        return False
    return sorted(a) == sorted(b) or sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _plates(doc: Document) -> list[Written]:
    """The plate numbers a document writes (region and serial, without the dot: 苏G5J728), each in a line
    that names a vehicle or with its dot."""
    out: list[Written] = []
    for block in doc.blocks:
        for match in _PLATE.finditer(block.text):
            before = block.text[max(match.start() - _BEFORE, 0) : match.start()]
            dotted = bool(match["dot"].strip())
            if not dotted and (len(match["region"]) < 2 or not _VEHICLE_WORDS.search(before)):
                continue
            clause = CLAUSE_END.split(before)[-1].lstrip()
            out.append(
                Written(
                    value=match["region"] + match["serial"],
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
