"""Field names written down a narrow column, one character a line (承/办/人/意/见 beside an opinion cell).

Read line by line such a label is lost: its characters start the lines of the cell beside it
("承 符合立案条件…", "办", "人 签名：　日期：…", "意", "见"). A run of lines that each start with one Han
character standing alone, flush one under the other at an even pitch, whose characters read as a field
name, gets that name back: it starts the run's first line and the characters leave the others. Lines keep
their places (an image or mark placed on a line index stays right); a line that held only its character is
left empty.
"""

from __future__ import annotations

import re
import statistics
from itertools import pairwise

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.header_rows import is_field_name

_LEAD = re.compile(r"^([\u4e00-\u9fff])(?:\s+|$)")
MIN_CHARS = 3  # a label of two characters is no run to be sure of
ALIGN = 0.6  # line heights within which the characters stand one under the other
MAX_GAP = 1.5  # line heights between one character's line and the next
PITCH_SLACK = 0.5  # line heights by which a step may differ from the run's usual one (a cell's edge)


def join_vertical_labels(blocks: list[Block]) -> list[Block]:
    """The page's LINE blocks with each field name written one character a line put back together."""
    out = list(blocks)
    run: list[tuple[int, BBox]] = []  # the lines of the current run, with their boxes
    for index, block in enumerate(blocks):
        box = _lead_box(block)
        if run and (box is None or block.page != blocks[run[-1][0]].page or not _continues(run, box)):
            _restore(out, run)
            run = []
        if box is not None:
            run.append((index, box))
    _restore(out, run)
    return out


def _lead_box(block: Block) -> BBox | None:
    """The box of a line that starts with one Han character standing alone, else None."""
    if block.kind is not BlockKind.LINE or block.bbox is None or not _LEAD.match(block.text):
        return None
    return block.bbox


def _height(box: BBox) -> float:
    return max(box.bottom - box.top, 1.0)


def _continues(run: list[tuple[int, BBox]], box: BBox) -> bool:
    """Whether a line goes on a run: flush under its first line, close under its last."""
    first, last = run[0][1], run[-1][1]
    height = _height(first)
    gap = box.top - last.bottom
    return abs(box.x0 - first.x0) <= ALIGN * height and -0.5 * height < gap <= MAX_GAP * height


def _restore(out: list[Block], run: list[tuple[int, BBox]]) -> None:
    """Put back the field names of a run of one-character line starts, split where the pitch breaks."""
    for part in _even_parts(run):
        word = "".join(out[i].text[0] for i in part)
        if len(part) < MIN_CHARS or not is_field_name(word):
            continue
        for k, i in enumerate(part):
            rest = _LEAD.sub("", out[i].text, count=1)
            text = f"{word} {rest}".rstrip() if k == 0 else rest
            out[i] = out[i].model_copy(update={"text": text, "char_scores": None, "char_xs": None})


def _even_parts(run: list[tuple[int, BBox]]) -> list[list[int]]:
    """The run's line indices cut where a step between two lines differs from the usual step (one cell
    ends, the next begins)."""
    if not run:
        return []
    steps = [b.top - a.top for (_, a), (_, b) in pairwise(run)]
    usual = statistics.median(steps) if steps else 0.0
    height = _height(run[0][1])
    parts, current = [], [run[0][0]]
    for (index, _), step in zip(run[1:], steps, strict=True):
        if abs(step - usual) > PITCH_SLACK * height:
            parts.append(current)
            current = []
        current.append(index)
    parts.append(current)
    return parts
