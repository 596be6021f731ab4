"""Forms whose approval chain runs down a column of its own beside the facts.

Some 审批表 and 法制审核意见书 set the case's facts as wrapped paragraphs in a wide left column and the
approval steps (承办人意见, 签字, 日期 …) in a narrow column down the right margin. Read line by line across
the page, the two interleave ("审核内容：…适用依据、裁 法制审核人员签字：" /
"量基准、执法人员资格。 2024年04月08日"): a wrapped sentence is cut by a signing label, and a step's date
follows a fact. This module finds such a side column and reads it after the left one, each line of the run
cut at the gutter.

A side column is recognised only where the page is unmistakably set in two columns of text, never where a
table pairs labels with values: a gutter at least MIN_GUTTER line heights wide runs down at least MIN_RUN
lines without a part crossing it, past RIGHT_SHARE of the text's width (a margin column, or the middle of a
page set in two newspaper columns: a bound archive's 告知书 and 决定书), with text
on both sides of it on several lines, and the left column holds wrapped prose: at least MIN_WRAPS lines that
run up to the gutter (and are no field names) and go on in a line starting at the column's left edge. A label
column beside its values is narrow and on the left; the values of a grid's second column start at that
column, not at the page's left edge; a long field name reaching the gutter (受送达人签名或盖章) wraps nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from casefile_eval.parsers.header_rows import Box, Placement, is_field_name

P = TypeVar("P")  # a part of a line (an OCR box, a PDF word)
L = TypeVar("L")  # a line of parts

MIN_GUTTER = 0.4  # line heights of empty width between the columns, on every line of the run
MIN_RUN = 4  # lines of the run at least...
MIN_BOTH = 2  # ...of which this many hold text on both sides of the gutter
MIN_RIGHT = 3  # ...and this many text right of it
RIGHT_SHARE = 0.4  # the gutter lies beyond this share of the width from the left column's edge
MIN_WRAPS = 2  # lines of the left column wrapped into the next
WRAP_REACH = 1.5  # a wrapped line ends within this many line heights of the gutter...
WRAP_MIN_CHARS = 8  # ...holds this many characters at least and does not end a sentence (_SENTENCE_END)...
EDGE_SLACK = 0.6  # ...and the next line starts within this many line heights of the column's left edge
HANGING = 2.5  # ...or, the wrapped line starting there, this many line heights right of its start


_SENTENCE_END = re.compile(r"[。；;！!？?：:]\s*$")


@dataclass
class _Run:
    start: int
    end: int  # exclusive
    low: float  # the gutter's left edge: where the left column's text ends at the most
    high: float  # its right edge: where the right column's text starts at the least

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


def split_side_column(
    lines: Sequence[L],
    parts_of: Callable[[L], Sequence[P]],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
    make: Callable[[list[P]], L],
) -> tuple[list[L], list[Placement]]:
    """The lines with every side column read after the column on its left (`make` builds a line of parts);
    for each old line, where its parts went (see `casefile_eval.parsers.header_rows.placed`)."""
    out: list[L] = []
    placements: list[Placement] = []
    index = 0
    while index < len(lines):
        run = _run_at(lines, index, parts_of, box_of)
        if run is None or not _is_side_column(lines, run, parts_of, box_of, text_of):
            placements.append([(float("-inf"), len(out))])
            out.append(lines[index])
            index += 1
            continue
        halves = [_halves(parts_of(lines[k]), box_of, run.middle) for k in range(run.start, run.end)]
        left_at: list[int | None] = []
        for left, _ in halves:
            left_at.append(len(out) if left else None)
            if left:
                out.append(make(left))
        for (_, right), at in zip(halves, left_at, strict=True):
            placement: Placement = [] if at is None else [(float("-inf"), at)]
            if right:
                placement.append((run.middle if placement else float("-inf"), len(out)))
                out.append(make(right))
            placements.append(placement)
        index = run.end
    return out, placements


def compose(first: Sequence[Placement], second: Sequence[Placement]) -> list[Placement]:
    """Placements through two reorderings: `first` maps old lines to middle lines, `second` middle lines to
    new ones."""
    composed: list[Placement] = []
    for placement in first:
        steps: Placement = []
        for k, (start, middle) in enumerate(placement):
            end = placement[k + 1][0] if k + 1 < len(placement) else float("inf")
            inner = second[middle]
            for j, (x, line) in enumerate(inner):
                upto = inner[j + 1][0] if j + 1 < len(inner) else float("inf")
                if upto > start and x < end:  # this stretch of the middle line overlaps [start, end)
                    steps.append((max(x, start), line))
        composed.append(steps)
    return composed


def _height(parts: Sequence[P], box_of: Callable[[P], Box]) -> float:
    heights = sorted(box_of(p)[3] - box_of(p)[1] for p in parts)
    return max(heights[len(heights) // 2], 1.0)


def _run_at(
    lines: Sequence[L], index: int, parts_of: Callable[[L], Sequence[P]], box_of: Callable[[P], Box]
) -> _Run | None:
    """The run of lines from `index` down which the widest gap of line `index` stays open, if it is wide."""
    parts = sorted(parts_of(lines[index]), key=lambda p: box_of(p)[0])
    if len(parts) < 2:
        return None
    height = _height(parts, box_of)
    gaps = [(box_of(a)[2], box_of(b)[0]) for a, b in pairwise(parts)]
    low, high = max(gaps, key=lambda g: g[1] - g[0])
    if high - low < MIN_GUTTER * height:
        return None
    end = index + 1
    while end < len(lines):
        free = _first_free(low, high, [box_of(p) for p in parts_of(lines[end])], MIN_GUTTER * height)
        if free is None:
            break
        (low, high), end = free, end + 1
    return _Run(index, end, low, high) if end - index >= MIN_RUN else None


def _first_free(low: float, high: float, boxes: list[Box], width: float) -> tuple[float, float] | None:
    """The leftmost stretch of [low, high] at least `width` wide that no box covers (the right column's
    text may start further in, a heading centred, a date flush right)."""
    start = low
    for x0, _, x1, _ in sorted(boxes):
        if min(x0, high) - start >= width:
            return start, min(x0, high)
        start = max(start, x1)
    return (start, high) if high - start >= width else None


def _halves(parts: Sequence[P], box_of: Callable[[P], Box], middle: float) -> tuple[list[P], list[P]]:
    ordered = sorted(parts, key=lambda p: box_of(p)[0])
    return [p for p in ordered if box_of(p)[2] <= middle], [p for p in ordered if box_of(p)[0] >= middle]


def _is_side_column(
    lines: Sequence[L],
    run: _Run,
    parts_of: Callable[[L], Sequence[P]],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
) -> bool:
    """Whether a run is two columns of text with wrapped prose on the left, the gutter far to the right."""
    halves = [_halves(parts_of(lines[k]), box_of, run.middle) for k in range(run.start, run.end)]
    lefts = [box_of(p)[0] for left, _ in halves for p in left]
    rights = [box_of(p)[2] for _, right in halves for p in right]
    if not lefts or sum(1 for _, r in halves if r) < MIN_RIGHT or sum(1 for h in halves if all(h)) < MIN_BOTH:
        return False
    edge, far = min(lefts), max(rights)
    if run.middle - edge < RIGHT_SHARE * (far - edge):
        return False
    # the column's left edge as its prose sets it (a page number's dots may stand further out)
    edge = min(
        (box_of(p)[0] for left, _ in halves for p in left if len(text_of(p)) >= WRAP_MIN_CHARS), default=edge
    )
    wraps = 0
    for (left, _), (below, _) in pairwise(halves):
        if not left or not below:
            continue
        height = _height(left, box_of)
        if len(left) != 1 or len(below) != 1:  # prose in one piece, not a row of cells or spaced letters
            continue
        text = text_of(left[0])
        reaches = run.low - box_of(left[0])[2] <= WRAP_REACH * height
        # (a grid's long field name, 受送达人签名或盖章, reaches its cell's edge too: no prose)
        goes_on = len(text) >= WRAP_MIN_CHARS and not _SENTENCE_END.search(text) and not is_field_name(text)
        wraps += reaches and goes_on and _goes_on_below(box_of(left[0])[0], box_of(below[0])[0], edge, height)
    return wraps >= MIN_WRAPS


def _goes_on_below(above: float, below: float, edge: float, height: float) -> bool:
    """Whether the line under a wrapped line goes on its prose: it starts at the column's left edge, or
    the wrapped line does and the next is indented under it by a few characters (a 笔录's "问：" / "答："
    with the lines after set under the words, not under the 问)."""
    if below - edge <= EDGE_SLACK * height:
        return True
    return above - edge <= EDGE_SLACK * height and 0 <= below - above <= HANGING * height
