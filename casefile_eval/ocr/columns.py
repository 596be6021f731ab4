"""Reading order of two-column forms read by OCR.

A form row often holds a short label in its left column, vertically centred beside a value of several lines
in its right column. OCR groups boxes into lines by height, so the label lands on the middle line of the
value and the joined text reads "…某某县人 救济途径和期限 民政府…". This puts such a label on a line of
its own before the first line of the value it stands beside (the rule the text-PDF reader applies to text
layers, here over OCR boxes).

A grid whose field names stand in a row above their values ("受送达人签收  送达人  见证人" over the signatures
and dates) is read column by column: each field name on a line of its own, followed by the parts of the lines
below that stand in its column (see `casefile_eval.parsers.header_rows`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from casefile_eval.ocr.page import OcrLine
from casefile_eval.parsers.header_rows import column_of, is_header_row

# Where the parts of an old line went: (x from which a part is in the new line, index of that new line),
# sorted by x. A line kept whole has one entry.
Placement = list[tuple[float, int]]

MAX_LABEL_CHARS = 10
COLUMN_GAP = 1.0  # a gap wider than this many line heights separates two columns (with lines above and below
# starting at the value's x, see `_right_run`)
SAME_X = 1.5  # value lines start within this many line heights of each other
LINE_STEP = 2.2  # consecutive value lines are at most this many line heights apart
_LABELLED_LINE = re.compile(r"^\S{1,8}[:：]")  # "备注：/" starts a field of its own below a grid


def _height(line: OcrLine) -> float:
    box = line.parts[0].box
    return max(box[3] - box[1], 1.0)


def _right_run(lines: list[OcrLine], start: int, step: int, x: float, height: float) -> int:
    """How many lines from `start` (going by `step`) are right-column lines starting near `x`."""
    count, index, previous = 0, start, lines[start - step]
    while 0 <= index < len(lines):
        line = lines[index]
        first = line.parts[0].box
        near_x = abs(first[0] - x) <= SAME_X * height
        close = abs(line.box[1] - previous.box[1]) <= LINE_STEP * height
        if not (near_x and close):
            break
        count, previous, index = count + 1, line, index + step
    return count


def placed(placement: Placement, x: float) -> int:
    """The new line that holds what stood at `x` on an old line."""
    xs = [start for start, _ in placement]
    return placement[max(bisect_right(xs, x) - 1, 0)][1]


def reading_order(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    """The lines in reading order (centred left-column labels before their value, grid columns under their
    field names) and, for each old line, where its parts went."""
    centred, where = _centred_labels(lines)
    columns, placements = _header_columns(centred)
    return columns, [placements[i] for i in where]


def _header_columns(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    out: list[OcrLine] = []
    placements: list[Placement] = [[] for _ in lines]
    index = 0
    while index < len(lines):
        line = lines[index]
        values = _value_lines(lines, index) if is_header_row([p.text for p in line.parts]) else []
        if not values:
            placements[index] = [(float("-inf"), len(out))]
            out.append(line)
            index += 1
            continue
        spans = [(p.box[0], p.box[2]) for p in line.parts]
        for column, head in enumerate(line.parts):
            placements[index].append((float("-inf") if column == 0 else head.box[0], len(out)))
            out.append(OcrLine(parts=[head]))
            for offset, value in enumerate(values, start=1):
                mine = [p for p in value.parts if column_of(spans, (p.box[0], p.box[2])) == column]
                if mine:
                    placements[index + offset].append((mine[0].box[0], len(out)))
                    out.append(OcrLine(parts=mine))
        for offset in range(1, len(values) + 1):
            placements[index + offset].sort()
            placements[index + offset][0] = (float("-inf"), placements[index + offset][0][1])
        index += len(values) + 1
    return out, placements


def _value_lines(lines: list[OcrLine], header: int) -> list[OcrLine]:
    """The lines under a header row that stand in its grid: close below it, within its width, up to the
    next header row or a labelled line of its own."""
    head = lines[header]
    height = _height(head)
    left, right = head.parts[0].box[0] - 6 * height, head.parts[-1].box[2] + 6 * height
    found: list[OcrLine] = []
    previous = head
    for line in lines[header + 1 :]:
        if (
            is_header_row([p.text for p in line.parts])
            or _LABELLED_LINE.match(line.text)
            or line.box[1] - previous.box[3] > 3 * height
            or line.box[0] < left
            or line.box[2] > right
        ):
            break
        found.append(line)
        previous = line
    return found


def _centred_labels(lines: list[OcrLine]) -> tuple[list[OcrLine], list[int]]:
    """The lines with centred left-column labels moved before their value; and, for each old line, the
    index of the line that now holds its right part (or the line itself)."""

    inserts: dict[int, list[OcrLine]] = {}
    trimmed: dict[int, OcrLine] = {}
    for index, line in enumerate(lines):
        if len(line.parts) < 2 or index == 0 or index == len(lines) - 1:
            continue
        label, value = line.parts[0], line.parts[1]
        height = _height(line)
        if len(label.text) > MAX_LABEL_CHARS or value.box[0] - label.box[2] <= COLUMN_GAP * height:
            continue
        above = _right_run(lines, index - 1, -1, value.box[0], height)
        below = _right_run(lines, index + 1, 1, value.box[0], height)
        if above and below:
            inserts.setdefault(index - above, []).append(OcrLine(parts=[label]))
            trimmed[index] = OcrLine(parts=line.parts[1:])
    if not trimmed:
        return lines, list(range(len(lines)))
    out: list[OcrLine] = []
    where: list[int] = []
    for index, line in enumerate(lines):
        out.extend(inserts.get(index, []))
        out.append(trimmed.get(index, line))
        where.append(len(out) - 1)
    return out, where
