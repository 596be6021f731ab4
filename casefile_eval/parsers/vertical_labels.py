"""Field names written down a narrow column, one character a line (承/办/人/意/见 beside an opinion cell),
or two (承办/人意/见, 负责/人审/批).

Read line by line such a label is lost: its characters start the lines of the cell beside it
("承 符合立案条件…", "办", "人 签名：　日期：…", "意", "见"). A run of lines that each start with one Han
character standing alone, flush one under the other at an even pitch, whose characters read as a field
name, gets that name back: it starts the run's first line and the characters leave the others. Lines keep
their places (an image or mark placed on a line index stays right); a line that held only its character is
left empty.

Several cells stacked in one label column (案/由, 当/事/人, 违/法/事/实) make one run: it is cut where the
step from one character to the next is clearly wider than the run's usual step (a cell's edge), when every
piece then reads as a field name.
"""

from __future__ import annotations

import re
import statistics
from itertools import pairwise

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.header_rows import is_field_name

_LEAD = re.compile(r"^([\u4e00-\u9fff]{1,2})(?:\s+|$)")
_TWO_LEAD = re.compile(r"^([\u4e00-\u9fff]{2})\s+")  # a run's last two characters on one line
_GLUED_PAIR = re.compile(r"^[\u4e00-\u9fff]{2}(?=\S)")
GLUED_GAP = 1.8  # character pitches between a label's two characters and the value OCR read on with them
MIN_CHARS = 3  # a label of two characters is no run to be sure of
ALIGN = 0.6  # line heights within which the characters stand one under the other
MAX_GAP = 1.5  # line heights between one character's line and the next
PITCH_SLACK = 0.5  # line heights by which a step may differ from the run's usual one (a cell's edge)
CELL_EDGE = 0.25  # character heights by which a step between stacked cells is wider than the usual one
SURE_EDGE = 0.4  # ...by which it is, to cut a run that reads as one field name
TALL = 1.8  # character heights of a line that holds more than its character (a signature beside it)
ONE_CELL = 8  # characters of a field name one cell holds (法制机构审核意见); a longer run is stacked cells
_ENDS_ONLY = frozenset({"意见", "日期", "时间", "签名", "签字"})  # the end of a field name, never a whole one
# names a label column holds beyond a form's field names (负责人审批, 案情摘要): not a row's header cell
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:审批|摘要)$")


def join_vertical_labels(blocks: list[Block]) -> list[Block]:
    """The page's LINE blocks with each field name written one or two characters a line put back
    together."""
    out = list(blocks)
    run: list[tuple[int, BBox]] = []  # the lines of the current run, with their boxes
    for index, block in enumerate(blocks):
        box = _lead_box(block)
        lead = len(_lead(block))
        width = len(_lead(blocks[run[0][0]])) if run else 0  # the column's: one character or two
        if width == 1 and _merged_tail(run, block):
            run.append((index, block.bbox or run[-1][1]))
            _restore(out, run)
            run = []
            continue
        # (after single characters, two on a line of one height start something else)
        if run and (
            box is None or lead > width or block.page != blocks[run[-1][0]].page or not _continues(run, box)
        ):
            _restore(out, run)
            run = []
        if box is not None:
            run.append((index, box))
            if width == 2 and lead == 1:  # a two-wide column's name ends on one character
                _restore(out, run)
                run = []
    _restore(out, run)
    return out


def _merged_tail(run: list[tuple[int, BBox]], block: Block) -> bool:
    """Whether a line ends the run with its last two characters joined ("负" over "责人 签章：…"): a text
    written beside them, as tall as both, made one line of the two characters' lines."""
    box = block.bbox
    if block.kind is not BlockKind.LINE or box is None or not _TWO_LEAD.match(block.text):
        return False
    char = min(_height(b) for _, b in run)
    first, last = run[0][1], run[-1][1]
    step = box.top - last.top
    aligned = abs(box.x0 - first.x0) <= ALIGN * char
    return aligned and _height(box) >= TALL * char and 0.5 * char < step <= (1 + MAX_GAP) * char


def _lead_box(block: Block) -> BBox | None:
    """The box of a line that starts with one or two Han characters standing alone, else None."""
    if block.kind is not BlockKind.LINE or block.bbox is None or not _lead(block):
        return None
    return block.bbox


def _height(box: BBox) -> float:
    return max(box.bottom - box.top, 1.0)


def _continues(run: list[tuple[int, BBox]], box: BBox) -> bool:
    """Whether a line goes on a run: flush under its first line, close under its last (top to top: a
    line holding a signature or a wrapped value beside its character is taller than the character)."""
    first, last = run[0][1], run[-1][1]
    height = min(_height(b) for b in (*(b for _, b in run), box))  # a line holding its character alone
    step = box.top - last.top
    return abs(box.x0 - first.x0) <= ALIGN * height and 0.5 * height < step <= (1 + MAX_GAP) * height


def _restore(out: list[Block], run: list[tuple[int, BBox]]) -> None:
    """Put back the field names of a run of one-character line starts: the stacked cells it holds, the
    whole run, or else its parts split where the pitch breaks."""
    whole = [index for index, _ in run]
    one_name = MIN_CHARS <= len(whole) <= ONE_CELL and _column_name(_word(out, whole))
    # a run that reads as one field name is cut only at a sure cell edge (案由 | 当事人)
    stacked = _stacked_cells(out, run, SURE_EDGE if one_name else CELL_EDGE) or ([whole] if one_name else [])
    for part in stacked or _even_parts(run):
        if (len(part) >= MIN_CHARS or stacked) and _column_name(_word(out, part)) and _one_name(out, part):
            _put_back(out, part)


def _column_name(word: str) -> bool:
    """Whether the characters of a label column read as a name: a form's field name, or 负责人审批."""
    return is_field_name(word) or _COLUMN_NAME.match(word) is not None


def _one_name(out: list[Block], lines: list[int]) -> bool:
    """Whether lines starting with two characters each hold a piece of one name (负责/人审/批), not each
    a row's own field name (案由 / 地址): a column two characters wide breaks words apart. (The last line's
    two may be a one-character column's last two, joined by a tall line beside them: 负/责人.)"""
    leads = [_lead(out[i]) for i in lines[:-1]]
    pairs = [lead for lead in leads if len(lead) == 2]
    return not pairs or not all(is_field_name(lead) for lead in pairs)


def _word(out: list[Block], lines: list[int]) -> str:
    return "".join(_lead(out[i]) for i in lines)


def _lead(block: Block) -> str:
    """The one or two Han characters a line starts with, standing alone: a space after them, or on a
    scan a gap of GLUED_GAP character pitches where OCR read them on with the value beside them
    ("负责同意结案。", the label column's 负责 then the opinion cell's words)."""
    match = _LEAD.match(block.text)
    if match:
        return match.group(1)
    xs = block.char_xs
    if _GLUED_PAIR.match(block.text) and xs is not None and len(xs) == len(block.text) and len(xs) >= 3:
        pitch = xs[1] - xs[0]
        return block.text[:2] if pitch > 0 and xs[2] - xs[1] >= GLUED_GAP * pitch else ""
    return ""


def _put_back(out: list[Block], lines: list[int]) -> None:
    """The field name of `lines` at the start of the first; its characters off every line."""
    word = _word(out, lines)
    for k, i in enumerate(lines):
        rest = out[i].text[len(_lead(out[i])) :].lstrip()
        text = f"{word} {rest}".rstrip() if k == 0 else rest
        out[i] = out[i].model_copy(update={"text": text, "char_scores": None, "char_xs": None})


def _stacked_cells(out: list[Block], run: list[tuple[int, BBox]], edge: float) -> list[list[int]]:
    """A run cut into stacked cells, each a field name of two to `ONE_CELL` characters (案由 | 当事人 |
    违法事实): at the steps wider than the usual one by `edge` of a character's height (a cell's edge),
    as many cuts as leave every piece a field name; none when no cut does. A piece that is only the end
    of a field name (意见), or the run's last character alone, was cut off by a tall line's uneven step and
    goes back to the piece before."""
    if len(run) < 4:
        return []
    steps = [b.top - a.top for (_, a), (_, b) in pairwise(run)]
    usual = statistics.median(steps)
    char = min(_height(box) for _, box in run)  # a line holding its character alone
    # a line holding a signature beside its character is much taller: its top says little of the step
    even = [_height(a) <= TALL * char and _height(b) <= TALL * char for (_, a), (_, b) in pairwise(run)]
    wide = {step for step, sure in zip(steps, even, strict=True) if sure and step - usual >= edge * char}
    indices = [index for index, _ in run]
    for threshold in sorted(wide):
        pieces = [indices[:1]]
        for k in range(1, len(indices)):
            rest = _word(out, indices[k : k + 2])
            if even[k - 1] and steps[k - 1] >= threshold and rest not in _ENDS_ONLY and k + 1 < len(indices):
                pieces.append([])
            pieces[-1].append(indices[k])
        if len(pieces) > 1 and all(2 <= len(p) <= ONE_CELL and _column_name(_word(out, p)) for p in pieces):
            return pieces
    return []


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
