"""A band down a page's left edge, apart from the page's body: an agency's name printed one upright
character a row down a form's margin, a 存根 stub with its own fields beside the perforation, a binding
margin's 装/订/线.

Read line by line, such a band runs into the body: its characters start the body's lines
("江 当事人 丽江古城区…", "存 送达文书名称及文号：…") and its stub's fields (编号, 当事人, 经办人) read as
lines of the document. A band belongs to none of the lines it passes, so it is left out.

A band is recognised only where it is unmistakable: a stack of at least MIN_STACK single Han characters
standing one under the other at one step (EVEN_STEP: a table's label column of stacked cells steps wider
across each cell's edge), whose characters do not read as a field name (承/办/人/意/见
down a table's first column is a label: `casefile_eval.parsers.vertical_labels` reads it), with a gutter
at least MIN_GUTTER character heights wide right of it that no part of the page crosses from top to bottom,
and less text left of the gutter than MAX_SHARE of the text right of it. A table's label column fails the
gutter: the lines above and below a table (a 落款, a note) start at its left edge and run on across.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from casefile_eval.parsers.header_rows import Box, is_field_name

P = TypeVar("P")  # a part of a line (an OCR box, a PDF word)

MIN_STACK = 4  # single characters one under the other, at least
ALIGN = 0.5  # character heights within which their middles stand one under the other
MIN_STEP = 0.8  # character heights from one character's top to the next, at least...
MAX_STEP = 2.5  # ...and at most
EVEN_STEP = 0.3  # character heights by which the steps of one stack differ at most
MIN_GUTTER = 1.6  # character heights of empty width between the band and the body
MARK_WIDTH = 1.5  # character heights: parts no wider (single characters) by a band's edge (存/根) are its
MAX_SHARE = 0.5  # the band's characters, at most this share of the body's
BINDING = "装订线"  # a binding margin's words, one character each, down the left edge
BINDING_STEP = 1.0  # character heights by which the steps between them differ at most

_ONE_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Band:
    """A left band: what ends by `edge` belongs to it; the body starts at `body`."""

    edge: float
    body: float

    def holds(self, box: Box, weak: bool = False) -> bool:
        """Whether a part (or an image) with this box lies in the band; a weak part (an OCR speck read in
        the gutter: a perforation's hole) does when it starts before the body."""
        return box[2] <= self.edge or (weak and box[0] < self.body)


def find_band(
    parts: Sequence[P],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
    weak: Callable[[P], bool] = lambda _: False,
) -> Band | None:
    """The page's left band among its parts (all lines' parts together), or None."""
    strong = [box_of(p) for p in parts if not weak(p)]
    for stack in sorted(_stacks(parts, box_of, text_of), key=lambda s: max(box_of(p)[2] for p in s)):
        height = statistics.median(box_of(p)[3] - box_of(p)[1] for p in stack)
        gutter = _gutter(strong, max(box_of(p)[2] for p in stack), height)
        if gutter is None:
            continue
        edge, body = gutter
        band = sum(_chars(text_of(p)) for p in parts if not weak(p) and box_of(p)[2] <= edge)
        rest = sum(_chars(text_of(p)) for p in parts if box_of(p)[0] >= body)
        if band <= MAX_SHARE * rest:
            return Band(edge, body)
    return None


def _chars(text: str) -> int:
    return len("".join(text.split()))


def _stacks(parts: Sequence[P], box_of: Callable[[P], Box], text_of: Callable[[P], str]) -> list[list[P]]:
    """Runs of single Han characters one under the other at a character's step, not reading as a field
    name, and a binding margin's 装/订/线."""
    singles = [p for p in parts if _ONE_HAN.fullmatch(text_of(p).strip())]
    singles.sort(key=lambda p: (box_of(p)[0] + box_of(p)[2]) / 2)
    columns: list[list[P]] = []
    for part in singles:
        box = box_of(part)
        middle, height = (box[0] + box[2]) / 2, max(box[3] - box[1], 1.0)
        if columns and middle - _middle(box_of(columns[-1][0])) <= ALIGN * height:
            columns[-1].append(part)
        else:
            columns.append([part])
    stacks, binding = [], []
    for column in columns:
        column.sort(key=lambda p: box_of(p)[1])
        binding.extend(_binding_words(column, box_of, text_of))
        run: list[P] = []
        for part in column:
            if run and not _next_in_run(box_of(run[-1]), box_of(part)):
                stacks.append(run)
                run = []
            run.append(part)
        stacks.append(run)
    return binding + [
        s
        for s in stacks
        if len(s) >= MIN_STACK
        and _even(s, box_of)
        and not is_field_name("".join(text_of(p).strip() for p in s))
    ]


def _binding_words(column: list[P], box_of: Callable[[P], Box], text_of: Callable[[P], str]) -> list[list[P]]:
    """A binding margin's 装, 订, 线 one under the other in a column, at one step however wide (a form's paper
    spaces them down its whole left edge)."""
    return [
        column[k : k + len(BINDING)]
        for k in range(len(column) - len(BINDING) + 1)
        if "".join(text_of(p).strip() for p in column[k : k + len(BINDING)]) == BINDING
        and _even(column[k : k + len(BINDING)], box_of, BINDING_STEP)
    ]


def _even(stack: list[P], box_of: Callable[[P], Box], within: float = EVEN_STEP) -> bool:
    """Whether the characters stand at one step (stacked cells of a table's label column do not: the step
    across a cell's edge is wider): their steps differ by at most `within` character heights."""
    tops = [box_of(p)[1] for p in stack]
    steps = [b - a for a, b in pairwise(tops)]
    height = statistics.median(box_of(p)[3] - box_of(p)[1] for p in stack)
    return max(steps) - min(steps) <= within * height


def _middle(box: Box) -> float:
    return (box[0] + box[2]) / 2


def _next_in_run(above: Box, below: Box) -> bool:
    height = max(above[3] - above[1], 1.0)
    return MIN_STEP * height <= below[1] - above[1] <= MAX_STEP * height


def _gutter(boxes: list[Box], start: float, height: float) -> tuple[float, float] | None:
    """The gutter right of `start` before the body: the first stretch at least MIN_GUTTER heights wide that
    no box covers, with boxes right of it; past the next such stretch where only single characters
    stand between the two (存/根 beside a perforation): (its left edge, its right edge)."""
    found: tuple[float, float] | None = None
    reach = start
    between: list[Box] = []
    for box in sorted(boxes):
        x0, _, x1, _ = box
        if x1 <= reach:
            continue
        if x0 - reach >= MIN_GUTTER * height:
            if found is not None and not all(b[2] - b[0] <= MARK_WIDTH * height for b in between):
                break
            found, between = (reach, x0), []
        if found is not None:
            between.append(box)
        reach = max(reach, x1)
    return found
