"""Landscape pages printed in two columns (a 笔录's continuation sheet laid out two-up), read column by
column.

OCR groups the boxes of a page into rows across its whole width, so the left column's lines and the right
column's run together ("答：你们测量的420平方米。 被询问人（签名）："), and a label in the right column takes
the left column's words beside it for its value. A landscape page whose boxes leave a wide empty band down
its middle, with prose on both sides of it, is two columns: the left one is read first, then the right one.
A landscape table is no such page: its cells are short words, and its rows cross the middle.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from casefile_eval.ocr.layout import group_lines
from casefile_eval.ocr.page import OcrBox, OcrPage

LANDSCAPE = 1.2  # a page this many times as wide as it is tall is landscape
MIDDLE = (0.3, 0.7)  # the band of the page's width the gutter lies in
GUTTER = 4.0  # line heights of empty band between the columns
PROSE_CHARS = 12  # a box of this many characters is prose, not a table's cell...
PROSE_BOXES = 3  # ...and each column holds at least this many


def in_columns(page: OcrPage) -> OcrPage:
    """The page with its lines read column by column when it is a landscape page in two columns; else the
    page as it is."""
    parts = [part for line in page.lines for part in line.parts]
    if page.width < LANDSCAPE * page.height or len(parts) < 2 * PROSE_BOXES:
        return page
    gutter = _gutter(parts, page.width)
    if gutter is None:
        return page
    left = [p for p in parts if p.box[2] <= gutter[0]]
    right = [p for p in parts if p.box[0] >= gutter[1]]
    if not all(sum(len(p.text) >= PROSE_CHARS for p in side) >= PROSE_BOXES for side in (left, right)):
        return page
    return replace(page, lines=group_lines(left) + group_lines(right))


def _gutter(parts: list[OcrBox], width: int) -> tuple[float, float] | None:
    """The widest band of the page's middle no box reaches into, when it is GUTTER line heights wide."""
    height = statistics.median(p.box[3] - p.box[1] for p in parts)
    low, high = MIDDLE[0] * width, MIDDLE[1] * width
    spans = sorted((p.box[0], p.box[2]) for p in parts if p.box[2] > low and p.box[0] < high)
    best: tuple[float, float] | None = None
    edge = low
    for x0, x1 in [*spans, (high, high)]:
        if x0 > edge and (best is None or x0 - edge > best[1] - best[0]):
            best = (edge, x0)
        edge = max(edge, x1)
    if best is None or best[1] - best[0] < GUTTER * height:
        return None
    return best
