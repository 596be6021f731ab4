"""A field's short value cut by the end of a full line ("…　记录人：高" over "志强" at the left margin).

A head line of a record that fills the width wraps its last value onto the next line, so the name read
beside its label is a single character and the rest stands alone below. When a line ends with a field
name and a colon followed by at most a few Han characters, reaches the right edge of the page's text,
and the next line holds only a few Han characters (no field name) flush with its left edge just below it,
the next line's characters go back onto the value. Lines keep their places (an image or mark placed on a
line index stays right); the line that held the remnant is left empty.
"""

from __future__ import annotations

import re

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.header_rows import is_field_name

_CUT_VALUE = re.compile(r"[\u4e00-\u9fff][:：]\s*[\u4e00-\u9fff]{0,3}$")
_REMNANT = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
RIGHT_EDGE = 2.0  # line heights within which a line reaches the right edge of the page's text
ALIGN = 1.0  # line heights within which the remnant starts flush with the cut line
MAX_GAP = 1.5  # line heights between the cut line and the remnant


def join_wrapped_values(blocks: list[Block]) -> list[Block]:
    """The page's LINE blocks with each short value cut by a line's end put back on its line."""
    out = list(blocks)
    right = _right_edges(blocks)
    for index in range(len(out) - 1):
        line, remnant = out[index], out[index + 1]
        if _wrapped(line, remnant, right.get(line.page, 0.0)):
            out[index] = line.model_copy(
                update={
                    "text": line.text.rstrip() + remnant.text.strip(),
                    "char_scores": _per_char(line, remnant, line.char_scores, remnant.char_scores),
                    "char_xs": _per_char(line, remnant, line.char_xs, remnant.char_xs),
                }
            )
            out[index + 1] = remnant.model_copy(update={"text": "", "char_scores": None, "char_xs": None})
    return out


def _right_edges(blocks: list[Block]) -> dict[int | None, float]:
    edges: dict[int | None, float] = {}
    for block in blocks:
        if block.kind is BlockKind.LINE and block.bbox is not None:
            edges[block.page] = max(edges.get(block.page, 0.0), block.bbox.x1)
    return edges


def _height(box: BBox) -> float:
    return max(box.bottom - box.top, 1.0)


def _wrapped(line: Block, remnant: Block, right: float) -> bool:
    """Whether ``remnant`` is the rest of the value that ends ``line``."""
    if line.kind is not BlockKind.LINE or remnant.kind is not BlockKind.LINE or line.page != remnant.page:
        return False
    if line.bbox is None or remnant.bbox is None:
        return False
    rest = remnant.text.strip()
    if not _CUT_VALUE.search(line.text.rstrip()) or not _REMNANT.match(rest) or is_field_name(rest):
        return False
    height = _height(line.bbox)
    gap = remnant.bbox.top - line.bbox.bottom
    return (
        line.bbox.x1 >= right - RIGHT_EDGE * height
        and abs(remnant.bbox.x0 - line.bbox.x0) <= ALIGN * height
        and -0.5 * height < gap <= MAX_GAP * height
    )


def _per_char(
    line: Block, remnant: Block, first: tuple[float, ...] | None, second: tuple[float, ...] | None
) -> tuple[float, ...] | None:
    """A per-character value of the joined line (OCR scores, positions), when both lines carry it."""
    if first is None or second is None:
        return None
    if len(first) != len(line.text.rstrip()) or len(second) != len(remnant.text.strip()):
        return None
    return (*first, *second)
