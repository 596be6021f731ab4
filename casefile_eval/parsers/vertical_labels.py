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

from casefile_eval.model import Block, BlockKind
from casefile_eval.parsers.header_rows import is_field_name

_LEAD = re.compile(r"^([\u4e00-\u9fff])(?:\s+|$)")
MIN_CHARS = 3  # a label of two characters is no run to be sure of
ALIGN = 0.6  # line heights within which the characters stand one under the other
MAX_GAP = 1.5  # line heights between one character's line and the next
PITCH_SLACK = 0.5  # line heights by which a step may differ from the run's usual one (a cell's edge)


def join_vertical_labels(blocks: list[Block]) -> list[Block]:
    """The page's LINE blocks with each field name written one character a line put back together."""
    out = list(blocks)
    run: list[int] = []
    for index, block in enumerate(blocks):
        if run and not _continues(blocks[run[-1]], block, blocks[run[0]]):
            _restore(out, run)
            run = []
        if _lead_char(block) is not None:
            run.append(index)
    _restore(out, run)
    return out


def _lead_char(block: Block) -> str | None:
    if block.kind is not BlockKind.LINE or block.bbox is None:
        return None
    m = _LEAD.match(block.text)
    return m.group(1) if m else None


def _continues(last: Block, block: Block, first: Block) -> bool:
    if _lead_char(block) is None or last.bbox is None or block.bbox is None or first.bbox is None:
        return False
    height = max(first.bbox.bottom - first.bbox.top, 1.0)
    flush = abs(block.bbox.x0 - first.bbox.x0) <= ALIGN * height
    gap = block.bbox.top - last.bbox.bottom
    return block.page == last.page and flush and -0.5 * height < gap <= MAX_GAP * height


def _restore(out: list[Block], run: list[int]) -> None:
    """Put back the field names of a run of one-character line starts, split where the pitch breaks."""
    for part in _even_parts(out, run):
        word = "".join(_lead_char(out[i]) or "" for i in part)
        if len(part) < MIN_CHARS or not is_field_name(word):
            continue
        for k, i in enumerate(part):
            rest = _LEAD.sub("", out[i].text, count=1)
            text = f"{word} {rest}".rstrip() if k == 0 else rest
            out[i] = out[i].model_copy(update={"text": text})


def _even_parts(blocks: list[Block], run: list[int]) -> list[list[int]]:
    """The run cut where a step between two lines differs from the usual step (one cell ends, the next
    begins)."""
    if len(run) < 2:
        return [run] if run else []
    tops = [b.bbox.top for i in run if (b := blocks[i]).bbox is not None]
    steps = [b - a for a, b in pairwise(tops)]
    usual = statistics.median(steps)
    first = blocks[run[0]].bbox
    height = (first.bottom - first.top) if first is not None else 1.0
    parts, current = [], [run[0]]
    for i, step in zip(run[1:], steps, strict=True):
        if abs(step - usual) > PITCH_SLACK * height:
            parts.append(current)
            current = []
        current.append(i)
    parts.append(current)
    return parts
