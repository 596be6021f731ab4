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
    `min_share` of the pages carry a printed number that was read."""

    min_share: float = Field(default=0.6, gt=0, le=1)


@register_check("page_numbering", PageNumberingParams, fields=("detail",), scope="case")
def page_numbering(ctx: RuleContext, params: PageNumberingParams) -> Iterator[Hit]:
    """The printed page numbers of the file are continuous (one finding listing the breaks)."""
    pages = ctx.case.pages
    numbered = [p for p in pages if p.printed_number is not None]
    if not pages or len(numbered) < params.min_share * len(pages):
        return
    breaks = []
    for prev, cur in pairwise(numbered):
        if prev.printed_number is not None and cur.printed_number != prev.printed_number + 1:
            breaks.append(f"{prev.printed_number}→{cur.printed_number}")
    if breaks:
        first = numbered[0]
        detail = "、".join(breaks[:5]) + ("等" if len(breaks) > 5 else "")
        yield Hit(evidence=f"{first.source}", data={"detail": detail})
