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
from dataclasses import replace

from casefile_eval.ocr.band import without_band
from casefile_eval.ocr.page import Box, OcrBox, OcrLine
from casefile_eval.parsers.header_rows import (
    Placement,
    group_box,
    header_at,
    is_field_name,
    read_grids,
    starts_field,
)
from casefile_eval.parsers.side_column import compose, split_side_column

_DATE_ONLY = re.compile(r"[0-9〇○一二三四五六七八九十年月日./\-\s:：时分]+")
_DATE_TAIL = re.compile(r"(?:19|20)[0-9]{2}\s*[年./\-]\s*[0-9]{1,2}\s*[月./\-]\s*[0-9]{1,2}\s*日?$")
SIGNER_CHARS = 5  # characters before a date at a cell's foot: a signer's name (签名：张三 2025-6-6)
MAX_LABEL_CHARS = 10
COLUMN_GAP = 1.0  # a gap wider than this many line heights separates two columns (with lines above and below
# starting at the value's x, see `_right_run`)
SAME_X = 1.5  # value lines start within this many line heights of each other
LINE_STEP = 2.2  # consecutive value lines are at most this many line heights apart
GRID_STEP = 3.0  # a grid's value lines start at most this many line heights below the line above
WRAP_TAIL = 2  # characters of a field name wrapped onto a line of their own
INDENT = 0.8  # line heights by which a paragraph under a heading is indented
TITLE = 1.4  # a line this many times as tall as a field name is a title
STEP_SLACK = 0.35  # label heights by which a step up to a value line may exceed the step below the label


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


def reading_order(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    """The lines in reading order (a left band left out, a side column after the column left of it, centred
    left-column labels before their value, grid columns under their field names) and, for each old line,
    where its parts went (nowhere for a line wholly in the band)."""
    body, outside = without_band(lines)
    sides, beside = split_side_column(body, _parts, _box, _text, lambda parts: OcrLine(parts=parts))
    first = compose(outside, beside)
    centred, where = _centred_labels(sides)
    lone, moved = _lone_labels(centred)
    columns, placements = read_grids(
        _cut_merged_values(lone),
        _parts,
        _box,
        _text,
        lambda parts: OcrLine(parts=parts),
        _shifted,
    )
    return columns, compose(first, [placements[moved[i]] for i in where])


def _shifted(part: OcrBox, drop: float) -> OcrBox:
    x0, top, x1, bottom = part.box
    return replace(part, box=(x0, top + drop, x1, bottom + drop))


def _cut_merged_values(lines: list[OcrLine]) -> list[OcrLine]:
    """The lines with each box under a grid's header row that runs over two neighbouring columns (the
    detector joined "2023年06月12" and "上海市…" of adjacent cells) cut in two where its characters stand
    widest apart between the two field names."""
    out = list(lines)
    heads: list[Box] = []
    bottom = 0.0
    tail = 0  # lines still to pass that hold a field name's wrapped tail, read with its header row
    for index, line in enumerate(lines):
        if tail:
            tail -= 1
            bottom = line.box[3]
            continue
        texts = [p.text for p in line.parts]
        near = line.box[1] - bottom <= GRID_STEP * _height(line)
        groups, taken = header_at(lines, index, _parts, _box, _text)
        if groups:
            heads, tail = [group_box(g, _box) for g in groups], taken - 1
        elif heads and near and not starts_field("".join(texts)):
            out[index] = OcrLine(parts=[piece for part in line.parts for piece in _cut_part(part, heads)])
        else:
            heads = []
        bottom = line.box[3]
    return out


def _parts(line: OcrLine) -> list[OcrBox]:
    return line.parts


def _box(part: OcrBox) -> Box:
    return part.box


def _text(part: OcrBox) -> str:
    return part.text


def _cut_part(part: OcrBox, heads: list[Box]) -> list[OcrBox]:
    centres = [(h[0] + h[2]) / 2 for h in heads]
    pairs = [k for k in range(len(heads) - 1) if part.box[0] < centres[k] and part.box[2] > centres[k + 1]]
    if len(pairs) != 1 or len(part.chars) != len(part.text) or len(part.text) < 2:
        return [part]
    low, high = centres[pairs[0]], centres[pairs[0] + 1]
    inside = [n for n in range(1, len(part.chars)) if low <= part.chars[n - 1] and part.chars[n] <= high]
    if not inside:
        return [part]
    cut = max(inside, key=lambda n: part.chars[n] - part.chars[n - 1])
    edge = (part.chars[cut - 1] + part.chars[cut]) / 2
    x0, top, x1, bottom = part.box
    left, right = part.text[:cut], part.text[cut:]
    return [
        OcrBox(left, (x0, top, edge, bottom), part.confidence, part.chars[:cut], part.scores[:cut]),
        OcrBox(right, (edge, top, x1, bottom), part.confidence, part.chars[cut:], part.scores[cut:]),
    ]


def _label_alone(lines: list[OcrLine], index: int) -> bool:
    """A line that is only a form's field name (审核意见), or the first piece of one wrapped onto the line
    below (分管负责人意 over 见)."""
    line = lines[index]
    if len(line.parts) != 1:
        return False
    text = line.parts[0].text.strip()
    if is_field_name(text):
        return True
    tail = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    return 0 < len(tail) <= WRAP_TAIL and is_field_name(text + tail)


def _lone_labels(lines: list[OcrLine]) -> tuple[list[OcrLine], list[int]]:
    """Field names standing alone, vertically centred in a tall cell whose value starts at the cell's top
    (承办人意见 beside "建议立案。" over "签名：… 2025-6-6"), moved before the value lines above them that
    are nearer to them than to the row above. For each old line, its new index."""
    order = list(range(len(lines)))
    for index in range(1, len(lines)):
        if not _label_alone(lines, index):
            continue
        label = lines[index].parts[0]
        height = max(label.box[3] - label.box[1], 1.0)
        if _heading_of_indented(lines, index, height):
            continue
        mid = (label.box[1] + label.box[3]) / 2
        k = index - 1
        # lines of the value column; a title above the form is no value
        while k >= 0 and lines[k].parts[0].box[0] > label.box[2] and _height(lines[k]) <= TITLE * height:
            k -= 1
        previous_mid = (lines[k].box[1] + lines[k].box[3]) / 2 if k >= 0 else float("-inf")
        first = index
        for j in range(k + 1, index):
            if _closes_cell(lines[j].text):
                break  # a date at the foot of the row above's cell (dates close a cell, never open it)
            centre = (lines[j].box[1] + lines[j].box[3]) / 2
            if mid - centre < centre - previous_mid and mid - centre <= LINE_STEP * height * 2:
                first = j
                break
        if first < index:
            order.remove(index)
            order.insert(order.index(first), index)
    moved = [0] * len(lines)
    for new, old in enumerate(order):
        moved[old] = new
    return [lines[i] for i in order], moved


def _closes_cell(text: str) -> bool:
    """A date alone, or a signer's name and the date (魏丽娟 2019.5.17): what stands at the foot of a cell."""
    text = text.strip()
    if _DATE_ONLY.fullmatch(text):
        return True
    dated = _DATE_TAIL.search(text)
    return dated is not None and len(text[: dated.start()].strip()) <= SIGNER_CHARS


def _heading_of_indented(lines: list[OcrLine], index: int, height: float) -> bool:
    """A field name whose own words follow on the next line, indented under it ("负责人审批意见" over
    "　　同意。"): a heading of stacked paragraphs, not a label centred in a tall cell beside its value."""
    if index + 1 >= len(lines):
        return False
    label, following = lines[index].parts[0].box, lines[index + 1].box
    return label[0] + INDENT * height <= following[0] < label[2] and following[1] - label[3] <= height


def _centred_above(lines: list[OcrLine], index: int, above: int, below: int, label: OcrBox) -> int:
    """How many of the `above` value lines belong to the label's cell: the value block (those lines, the
    label's line and the `below` lines) whose middle is nearest the label's middle. A line of the row
    above that runs on in the same column ("承办人：…" under 承办人意见) is not taken."""
    mid = (label.box[1] + label.box[3]) / 2
    bottom = lines[index + below].box[3]
    if below:  # lines of one cell stand at one step: a heading above, further off, is no value line
        tops = [line.box[1] for line in lines[index - above : index + 2]]
        tops[above] = lines[index].parts[1].box[1]  # the label's line: where its value stands
        step = tops[above + 1] - tops[above]
        height = max(label.box[3] - label.box[1], 1.0)
        near = 0
        while near < above and tops[above - near] - tops[above - near - 1] - step <= STEP_SLACK * height:
            near += 1
        above = near

    def off(count: int) -> float:
        return abs((lines[index - count].box[1] + bottom) / 2 - mid)

    return min(range(above + 1), key=off)


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
        above = _centred_above(lines, index, above, below, label)
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
