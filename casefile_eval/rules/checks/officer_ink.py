"""On a scanned record: an officers' signature slot holding much less handwriting than the same slot on
another page of the record (`officer_ink`).

OCR cannot count the signatures in a slot (one name written in pieces looks like two names written close
together, see `extract.slot_images.image_count`), but the width of the ink it found there
(`SignatureSlot.ink_width`) can be compared: the same officers sign the same slot on every page of a
笔录, so a page where that slot holds about half the ink of another page most likely lacks one of the
two signatures. The estimate is a width, not a count: every hit needs review.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import Role
from casefile_eval.model import Document, SignatureSlot
from casefile_eval.rules.checks.common import Params, fact_page
from casefile_eval.rules.checks.officers import is_person_name, slots_by_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check

INK_CONFIDENCE = 0.6  # a width compared is an estimate


class InkParams(Params):
    """A slot whose ink is at most `share` of the widest same slot of the record, in a record naming at
    least two officers (the recorder counts: 执法人员签名 holds the 询问人 and the 记录人 where both sign
    there), up to `min_count`."""

    share: float = Field(default=0.6, gt=0, lt=1)
    min_count: int = Field(default=2, ge=2)


@register_check("officer_ink", InkParams, fields=("label", "count", "needed", "other"))
def officer_ink(ctx: RuleContext, params: InkParams) -> Iterator[Hit]:
    """Signed officers' slots on scanned pages with much less ink than the same slot on another page."""
    role = ctx.rule.spec.role
    for doc in ctx.documents():
        people = {o.name for o in doc.facts.officers if is_person_name(o.name)}
        needed = min(len(people), params.min_count)
        if needed < 2:
            continue
        for page, slot, width, widest in _narrow_slots(doc, role, params.share):
            count = max(1, round(needed * width / widest[1]))
            if count >= needed:
                continue
            yield Hit(
                document=doc,
                page=fact_page(doc, page),
                evidence=slot.evidence.text if slot.evidence else slot.label,
                data={
                    "label": slot.label,
                    "count": str(count),
                    "needed": str(needed),
                    "other": str(widest[0]),
                },
                needs_review=True,
                confidence=INK_CONFIDENCE,
            )


def _narrow_slots(
    doc: Document, role: Role | None, share: float
) -> Iterator[tuple[int, SignatureSlot, float, tuple[int, float]]]:
    """(page, slot, width, (page, width) of the widest) for each page whose slot of a name holds at most
    `share` of the ink the widest page's slot of that name holds. Slots of one name on one page add up; a page
    where one of them is blank or was not measured by OCR is left out."""
    pages = slots_by_page(doc, role)
    widths = {
        (page, label): sum(s.ink_width or 0.0 for s in slots)
        for (page, label), slots in pages.items()
        if page is not None and all(s.filled is True and s.count is None and s.ink_width for s in slots)
    }
    widest: dict[str, tuple[int, float]] = {}
    for (page, label), width in sorted(widths.items()):
        if width > widest.get(label, (0, 0.0))[1]:
            widest[label] = (page, width)
    for (page, label), width in sorted(widths.items()):
        if page != widest[label][0] and width <= share * widest[label][1]:
            yield page, pages[(page, label)][0], width, widest[label]
