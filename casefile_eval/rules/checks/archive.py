"""Checks of the archive: page numbering of the bound file."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from pydantic import Field

from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check


class PageNumberingParams(Params):
    """Printed page numbers must run 1, 2, 3… without gaps or repeats; judged only when at least
    `min_share` of the pages carry a printed number that was read.

    Not judged: numbering that starts again at 1 (each document numbered on its own, "第1页 共2页"), and a
    single page whose number disagrees with both neighbours while they agree with each other (a number
    read from the page's text, not the archive's page number)."""

    min_share: float = Field(default=0.6, gt=0, le=1)


@register_check("page_numbering", PageNumberingParams, fields=("detail",), scope="case")
def page_numbering(ctx: RuleContext, params: PageNumberingParams) -> Iterator[Hit]:
    """The printed page numbers of the file are continuous (one finding listing the breaks)."""
    pages = ctx.case.pages
    numbered = [p for p in pages if p.printed_number is not None]
    if not pages or len(numbered) < params.min_share * len(pages):
        return
    numbers = [p.printed_number for p in numbered if p.printed_number is not None]
    if any(b == 1 and a != 0 for a, b in pairwise(numbers)):
        return  # per-document numbering, not the archive's
    kept = _without_outliers(numbers)
    breaks = [f"{a}→{b}" for (i, a), (j, b) in pairwise(kept) if b - a != j - i]
    if breaks:
        first = numbered[0]
        detail = "、".join(breaks[:5]) + ("等" if len(breaks) > 5 else "")
        yield Hit(evidence=f"{first.source}", data={"detail": detail})


def _without_outliers(numbers: list[int]) -> list[tuple[int, int]]:
    """(position, number) pairs without single numbers that break a run their two neighbours continue."""
    keep = []
    for i, value in enumerate(numbers):
        if 0 < i < len(numbers) - 1:
            prev, nxt = numbers[i - 1], numbers[i + 1]
            if nxt == prev + 2 and value != prev + 1:
                continue
        keep.append((i, value))
    return keep
