"""Forms whose field names stand in a row of their own, each above its value.

A 送达回证 or an 审批表 is often a grid whose label row ("受送达人签收 | 送达人 | 见证人") is followed by a
row of values in the same columns. Read row by row that gives "label label label value value value", and every
stage that pairs a label with what follows it goes wrong. This module recognises such a header row and says
which value belongs under which label, so that readers can put each value right after its label:
`docx_parser` over table cells, the OCR reader over the boxes of a line.

A header row has at least two cells and every one is a field name: short, without digits or sentence
punctuation or a colon (a label with a colon has its value beside it), ending in a word forms use for fields
(…人, …签收, …时间, …地点, …方式, …文号, …意见…).
A row "当事人 | 张三" is not one: 张三 is no field name; nor is "现场负责人 | 沈国华（法定代表人）" (a
bracketed qualifier is not the field's name). In a table the row below may not have more cells than the
header row ("当事人 | 个人" over "姓名 | 段浩涛 | 身份证件号 | …" is a form of label-value pairs).

On a page's lines a cell's text wraps: a field name's tail ("送达方" over "式") is read with its header row,
and the lines of one value ("2022年5月20" over "日10时20分") are joined into one line (see `_wraps`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Generic, TypeVar

from casefile_eval.model import Block, ImageItem
from casefile_eval.textnorm import compact

P = TypeVar("P")  # a part of a line (an OCR box, a PDF text piece)
L = TypeVar("L")  # a line of parts
MAX_LABEL_CHARS = 16  # 文化市场综合行政执法支队意见: a department named before 意见
VALUE_GAP = 3.0  # line heights between a grid's rows of values at most
SIGN_ROW_GAP = 6.0  # ...and above a row of "签名：" at the foot of tall cells, or under a tall header row
# A record's row starts a line height below the row above; or, in a grid whose cells wrap their lines,
# more than RECORD_GAP line heights below it at a pitch RECORD_PITCH times a wrapped cell's line pitch.
RECORD_GAP = 0.4
RECORD_PITCH = 1.3
ALIGN_SLACK = 0.6  # line heights within which a value starts where a field name starts (flush left)
HEAD_TAIL_DROP = 0.3  # a field name's wrapped tail starts more than this many line heights below its top...
HEAD_TAIL_GAP = 1.0  # ...and at most this many below its bottom
WRAP_GAP = 1.0  # a cell's wrapped line starts at most this many line heights below the line before it...
WRAP_MIN_CHARS = 5  # ...which holds this many characters at least...
WRAP_FULL = 0.8  # ...and is at least this share of the widest line of its column
_FIELD_END = re.compile(
    r"(?:人|人员|员|签收|签名|签字|签章|签押|盖章|捺印|时间|日期|地点|地址|方式|名称|文书|文件|文号|编号|号码|意见|单位|来源|案由"
    r"|事由|住所|电话|职务|证号|金额|数额|备注|情况|结果|依据|类别|类型|内容|理由|期限|机关|机构|部门|事实|案情|决定|序号)"
    r"$"
)
_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]$")  # 当事人（签名）, 沈国华（法定代表人）
_NOT_A_LABEL = re.compile(r"[0-9０-９，。；,;、]")
_DIGIT = re.compile(r"[0-9０-９]")


def is_field_name(text: str) -> bool:
    """True for a cell that reads as a form's field name (受送达人签收, 送达时间, 负责人意见)."""
    flat = _QUALIFIER.sub("", compact(text))
    return (
        2 <= len(flat) <= MAX_LABEL_CHARS
        and _NOT_A_LABEL.search(flat) is None
        and _FIELD_END.search(flat) is not None
    )


def is_header_row(cells: Sequence[str]) -> bool:
    """True when a row of at least two non-empty cells holds only field names."""
    filled = [c for c in cells if compact(c)]
    return len(filled) >= 2 and all(is_field_name(c) for c in filled)


def column_of(header: Sequence[tuple[float, float]], span: tuple[float, float]) -> int:
    """The header column a value spanning `span` stands under: the one whose stretch holds its centre.

    A header cell's stretch reaches halfway to its neighbours (the first and last reach outwards without
    end), so a value need not lie exactly under its label's words."""
    centre = (span[0] + span[1]) / 2
    for index in range(len(header) - 1):
        if centre < (header[index][1] + header[index + 1][0]) / 2:
            return index
    return len(header) - 1


def grid_reading_order(blocks: list[Block], images: list[ImageItem]) -> tuple[list[Block], list[ImageItem]]:
    """Table cells in reading order: in a grid whose header row stands above a row of values, each field
    name is followed by the value cell(s) below it. Images follow their blocks."""
    order = list(range(len(blocks)))
    inked = {im.block_index for im in images}
    rows: dict[tuple[int, int], list[int]] = {}
    for index, block in enumerate(blocks):
        if block.table is not None and block.row is not None and block.col is not None:
            rows.setdefault((block.table, block.row), []).append(index)
    for (table, row), header in rows.items():
        steps = _step_rows(blocks, rows, table, row)
        if steps:
            start = order.index(header[0])
            column_wise = [header[0], *(cells[0] for cells in steps)]
            for column in range(1, len(header)):
                column_wise += [header[column], *(cells[column] for cells in steps)]
            order[start : start + len(column_wise)] = column_wise
            continue
        below = rows.get((table, row + 1))
        if not below or not is_header_row([blocks[i].text for i in header]):
            continue
        if (
            is_header_row([blocks[i].text for i in below])
            or header[-1] + 1 != below[0]
            or len(below) > len(header)
            # a row below opening with a label of its own: the "header" was labels beside their values
            or (blocks[below[0]].col == blocks[header[0]].col and is_field_name(blocks[below[0]].text))
        ):
            continue
        value_rows = [below, *_same_columns_after(rows, blocks, table, row + 1, header)]
        struck = [cells for cells in value_rows if _struck_out(blocks, cells, inked)]
        value_rows = [cells for cells in value_rows if cells not in struck] or value_rows
        start = order.index(header[0])
        if _records(blocks, value_rows, len(header)):
            pairs = (pair for cells in value_rows for pair in zip(header, cells, strict=True))
            paired = [i for pair in pairs for i in pair] + [i for cells in struck for i in cells]
            spanned = len(header) + sum(map(len, value_rows)) + sum(map(len, struck))
            order[start : start + spanned] = paired  # the field names are copied above every record
            continue
        below = [i for cells in value_rows for i in cells]
        cols = [float(blocks[i].col or 0) for i in header]
        spans = list(zip(cols, cols, strict=True))
        paired = []
        for column, head in enumerate(header):
            paired.append(head)
            paired += [i for i in below if column_of(spans, _col_span(blocks[i])) == column]
        paired += [i for cells in struck for i in cells]
        order[start : start + len(paired)] = paired
    return in_order(blocks, images, order)


def in_order(
    blocks: list[Block], images: list[ImageItem], order: list[int]
) -> tuple[list[Block], list[ImageItem]]:
    """The blocks in `order` (old indices), each image still tied to its block."""
    if order == list(range(len(blocks))):
        return blocks, images
    moved = {old: new for new, old in enumerate(order)}
    return [blocks[i] for i in order], [
        im if im.block_index is None else im.model_copy(update={"block_index": moved[im.block_index]})
        for im in images
    ]


_STEP_LABEL = re.compile(r"(?:审批|审核|批准)?(?:意见|签名|签字|签章|日期|时间)")
MIN_STEP_ROWS = 2


def _step_rows(
    blocks: list[Block], rows: dict[tuple[int, int], list[int]], table: int, row: int
) -> list[list[int]]:
    """The rows of an approval grid laid out by step (审批环节 | 承办人 | 承办机构负责人 | 机关负责人 over
    rows 意见 / 签名 / 日期, each row's first cell naming what it holds): the rows under the header row,
    when it names the signers (every cell after the first a field name) and at least two rows follow,
    each as wide as the header and opened by such a label; else none."""
    header = rows[(table, row)]
    if len(header) < 3 or not all(is_field_name(blocks[i].text) for i in header[1:]):
        return []
    steps: list[list[int]] = []
    end = header[-1]
    while (cells := rows.get((table, row + 1 + len(steps)))) is not None:
        if len(cells) != len(header) or cells[0] != end + 1:
            break
        if not _STEP_LABEL.fullmatch(compact(blocks[cells[0]].text)):
            break
        steps.append(cells)
        end = cells[-1]
    return steps if len(steps) >= MIN_STEP_ROWS else []


def _struck_out(blocks: list[Block], cells: list[int], inked: set[int | None]) -> bool:
    """A spare row of a grid struck through: every cell empty or a stroke ("／", "—"), none holding a
    picture (a row of signatures drawn as images has no text either)."""
    return all(_STROKE.fullmatch(compact(blocks[i].text)) and i not in inked for i in cells)


def _records(blocks: list[Block], value_rows: list[list[int]], width: int) -> bool:
    """Whether the rows under a header row are records of their own (a 送达回证 listing one document
    served per row: name, time, manner, signatures), not the rows of one record (an approval form's
    opinions, then a row of "签名：", then the dates): two or more full rows, each opening with a value
    of its own in the first column (not a date, not a "签名：")."""
    if len(value_rows) < 2 or any(len(cells) != width for cells in value_rows):
        return False
    firsts = [compact(blocks[cells[0]].text) for cells in value_rows]
    return all(_opens_record(f) for f in firsts) and len(set(firsts)) == len(firsts)


def _opens_record(first: str) -> bool:
    """Whether a row's first-column value (compacted) can open a record: a value of its own, not a
    "签名：" and holding no date."""
    return bool(first) and not _SIGN_HERE.match(first) and not _HOLDS_DATE.search(first)


def _same_columns_after(
    rows: dict[tuple[int, int], list[int]], blocks: list[Block], table: int, row: int, header: list[int]
) -> list[list[int]]:
    """The cells of the rows after `row` that repeat the header's columns exactly (a row of "签名：" and
    dates under each step of an approval form whose steps stand side by side), up to the first that does
    not, or that is itself a header row; they must follow on without a gap."""
    columns = [blocks[i].col for i in header]
    out: list[list[int]] = []
    last = rows[(table, row)][-1]
    while (cells := rows.get((table, row + 1))) is not None:
        if [blocks[i].col for i in cells] != columns or cells[0] != last + 1:
            break
        if is_header_row([blocks[i].text for i in cells]):
            break
        out.append(cells)
        last, row = cells[-1], row + 1
    return out


def _col_span(block: Block) -> tuple[float, float]:
    col = float(block.col or 0)
    return col, col


# Where the parts of an old line went: (x from which a part is in the new line, index of that new line),
# sorted by x. A line kept whole has one entry.
Placement = list[tuple[float, int]]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
_LABELLED_LINE = re.compile(r"^\S{1,8}[:：]")
# a cell that asks for a signature or a date under a grid's field name, not a field of its own
_SIGN_HERE = re.compile(r"^\s*(?:签名|签字|签章|盖章|日期)\s*[:：]")
_BLANK = re.compile(r"[\s_＿()（）/／]")  # an empty slot: "（　　）", "＿＿＿", "/"
_STROKE = re.compile(r"[/／\\＼—－\-_＿]*")  # a cell struck through: "／", "—", or nothing
# a date in a first column (a step's date, "p.2 2024.02.07" with a page mark read into it): no record opens
_HOLDS_DATE = re.compile(
    r"(?:19|20)[0-9]{2}\s*[年.\-/]\s*[0-9]{1,2}|^[0-9〇○零一二三四五六七八九十年月日号时分.\-/:：]+$"
)


def starts_field(text: str) -> bool:
    """True for text that opens with a field name and a colon ("备注：/", "法律职业资格证号：A2018…"): a
    field of its own, not a value under a grid's header or beside a signature label."""
    return _LABELLED_LINE.match(text) is not None


def placed(placement: Placement, x: float) -> int:
    """The new line that holds what stood at `x` on an old line."""
    xs = [start for start, _ in placement]
    return placement[max(bisect_right(xs, x) - 1, 0)][1]


def read_grids(
    lines: Sequence[L],
    parts_of: Callable[[L], Sequence[P]],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
    make: Callable[[list[P]], L],
    shift: Callable[[P, float], P],
) -> tuple[list[L], list[Placement]]:
    """Lines of a page (each a row of parts with boxes) with every header row read column by column: each
    field name on a line of its own (`make` builds a line of parts), then the parts of the value lines
    below it that stand in its column; in a grid of records, each record's field names are copies of the
    header's moved down (`shift`) to stand right above that record. For each
    old line, where its parts went: on a grid's lines a column reaches halfway to its neighbours (ink beside a
    centred field name is in its column), and where a value line holds nothing in a column, what stands there
    belongs to the last line above it in that column."""
    out: list[L] = []
    placements: list[Placement] = [[] for _ in lines]
    index = 0
    while index < len(lines):
        heads, taken = header_at(lines, index, parts_of, box_of, text_of)
        values = _value_lines(lines, index + taken, heads, parts_of, box_of, text_of) if heads else []
        if not values:
            placements[index] = [(float("-inf"), len(out))]
            out.append(lines[index])
            index += 1
            continue
        spans = [(box[0], box[2]) for box in (group_box(head, box_of) for head in heads)]
        edges = _column_edges(spans, [box_of(p) for value in values for p in parts_of(value)])
        grid = _Grid(parts_of, box_of, text_of, make, shift, edges)
        starts = _record_starts(values, grid)
        header = list(range(index, index + taken))  # the header row's lines (a wrapped field name's tail)
        _read_records(out, placements, header, heads, values, starts or [0], grid)
        index += taken + len(values)
    return out, placements


def header_at(
    lines: Sequence[L],
    index: int,
    parts_of: Callable[[L], Sequence[P]],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
) -> tuple[list[list[P]], int]:
    """The field names of a header row at `index` (each the parts of one cell, top to bottom) and how many
    lines the row takes, or ([], 0). A field name too long for its cell wraps: its tail ("送达方" over "式")
    lies right under it, on the same line of parts or on a line of its own; it is taken only where the row
    reads as field names with it and not without."""
    parts = list(parts_of(lines[index]))
    if len(parts) < 2:
        return [], 0  # (a header row has two field names at least; a wrapped tail joins one of them)
    if is_header_row([text_of(p) for p in parts]):
        return [[p] for p in parts], 1
    groups: list[list[P]] = []
    for part in parts:
        above = next((g for g in groups if _tail_of(g, part, box_of)), None)
        if above is None:
            groups.append([part])
        else:
            above.append(part)
    taken = 1
    below = list(parts_of(lines[index + 1])) if index + 1 < len(lines) else []
    homes = [next((g for g in groups if _tail_of(g, part, box_of)), None) for part in below]
    if below and all(home is not None for home in homes):
        for part, home in zip(below, homes, strict=True):
            if home is not None:
                home.append(part)
        taken = 2
    if taken == 1 and len(groups) == len(parts):
        return [], 0
    if not is_header_row(["".join(text_of(p) for p in g) for g in groups]):
        return [], 0
    return groups, taken


def _tail_of(group: Sequence[P], part: P, box_of: Callable[[P], Box]) -> bool:
    """Whether `part` is the wrapped tail of the field name `group`: lower than its top, its centre within
    the name's stretch, at most HEAD_TAIL_GAP line heights below it and no taller than a line and a half."""
    x0, top, x1, bottom = group_box(group, box_of)
    px0, ptop, px1, pbottom = box_of(part)
    height = box_of(group[0])[3] - box_of(group[0])[1]
    return (
        x0 <= (px0 + px1) / 2 <= x1
        and ptop > top + HEAD_TAIL_DROP * height
        and ptop - bottom <= HEAD_TAIL_GAP * height
        and pbottom - ptop <= 1.5 * height
    )


def group_box(group: Sequence[P], box_of: Callable[[P], Box]) -> Box:
    """The box round a group of parts (a field name and its wrapped tail)."""
    boxes = [box_of(p) for p in group]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _record_starts(values: Sequence[L], grid: _Grid[L, P]) -> list[int]:
    """Where each record starts when the value lines under a header row are records of their own (a
    送达回证 listing one document served per row), else []: two or more lines, each a row's height apart
    from the line above (a cell's wrapped lines stand closer; where cells wrap, a row starts at a wider
    pitch than their lines), that each fill the first column with a value of its own (`_opens_record`),
    not the wrapped text of the cell above it (`_wraps`), and at least one more column (an empty
    "（　　）" or "＿＿" fills none); the lines between them (a name wrapped in its cell) go on the record
    above. An approval form whose steps stand side by side (opinions, then "签名：", then dates) is one
    record."""
    starts = []
    firsts = []
    bottom = float("-inf")
    tops = [min(grid.box_of(p)[1] for p in grid.parts_of(line)) for line in values]
    wrap = min((b - a for a, b in pairwise(tops) if b > a), default=0.0)  # a wrapped cell's line pitch
    columns_of = [_by_column(line, grid) for line in values]
    first_cells = [cols.get(0, []) for cols in columns_of]
    widest = max((_width(parts, grid) for parts in first_cells if parts), default=0.0)
    for offset, line in enumerate(values):
        boxes = [grid.box_of(p) for p in grid.parts_of(line)]
        height = min(b[3] - b[1] for b in boxes)
        gap = tops[offset] - bottom
        pitch = tops[offset] - tops[offset - 1] if offset else float("inf")
        apart = gap > height or (gap > RECORD_GAP * height and pitch > RECORD_PITCH * wrap)
        bottom = max(b[3] for b in boxes)
        filled = {
            c
            for c, parts in columns_of[offset].items()
            if any(_BLANK.sub("", grid.text_of(p)) for p in parts)
        }
        first = compact("".join(grid.text_of(p) for p in first_cells[offset]))
        above = first_cells[offset - 1] if offset else []
        goes_on = bool(above and first) and _wraps(above, first_cells[offset], widest, grid)
        if apart and not goes_on and _opens_record(first) and 0 in filled and len(filled) >= 2:
            starts.append(offset)
            firsts.append(first)
    if len(starts) < 2 or starts[0] != 0 or len(set(firsts)) != len(firsts):
        return []
    return starts


def _by_column(line: L, grid: _Grid[L, P]) -> dict[int, list[P]]:
    """A line's parts by the column they stand in."""
    out: dict[int, list[P]] = {}
    for part in grid.parts_of(line):
        out.setdefault(_column(grid.edges, grid.box_of(part)), []).append(part)
    return out


@dataclass(frozen=True)
class _Grid(Generic[L, P]):
    """How to take a grid's lines apart and build new ones, and where its columns start."""

    parts_of: Callable[[L], Sequence[P]]
    box_of: Callable[[P], Box]
    text_of: Callable[[P], str]
    make: Callable[[list[P]], L]
    shift: Callable[[P, float], P]
    edges: list[float]


def _read_records(
    out: list[L],
    placements: list[Placement],
    header: list[int],
    heads: list[list[P]],
    values: Sequence[L],
    starts: list[int],
    grid: _Grid[L, P],
) -> None:
    """Each record of a grid read field by field: every field name again (moved down to stand right above
    the record, so what is judged beside or below a field name is that record's; the first record keeps
    the header row), then the record's parts in its column, the lines of a cell whose text wraps joined
    (see `_wraps`). The header row's lines are placed with the first record."""
    ends = [*starts[1:], len(values)]
    header_bottom = max(grid.box_of(p)[3] for head in heads for p in head)
    first_value = header[-1] + 1
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        drop = _top(values[start], grid) - header_bottom
        for column, head in enumerate(heads):
            latest = len(out)
            if number == 0:
                for line in header:
                    placements[line].append((grid.edges[column], latest))
            out.append(grid.make(head if number == 0 else [grid.shift(p, drop) for p in head]))
            pieces = [
                [p for p in grid.parts_of(values[k]) if _column(grid.edges, grid.box_of(p)) == column]
                for k in range(start, end)
            ]
            widest = max((_width(mine, grid) for mine in pieces if mine), default=0.0)
            cell: list[P] = []
            last: list[P] = []
            for offset, mine in enumerate(pieces, start=start):
                if mine and cell and _wraps(last, mine, widest, grid):
                    cell = cell + mine
                    out[latest] = grid.make(cell)
                elif mine:
                    cell, latest = mine, len(out)
                    out.append(grid.make(cell))
                last = mine or last
                placements[first_value + offset].append((grid.edges[column], latest))


def _wraps(above: list[P], below: list[P], widest: float, grid: _Grid[L, P]) -> bool:
    """Whether `below` goes on the text of `above` in one cell whose text wraps ("2022年5月20" over "日10时
    20分", "行政处罚告知书" over "津河西文旅罚告（"): it starts right under it, and `above` is a full line
    of the cell, as wide as the widest line of its column nearly and no short name (two names signed on
    two lines of a cell stay apart). A line that repeats the one above, or its pattern of digits (two
    certificate numbers, the same unit twice), is a row of its own."""
    box_a, box_b = group_box(above, grid.box_of), group_box(below, grid.box_of)
    height = max(box_a[3] - box_a[1], box_b[3] - box_b[1])  # digits stand shorter than characters
    text_a = compact("".join(grid.text_of(p) for p in above))
    text_b = compact("".join(grid.text_of(p) for p in below))
    return (
        box_b[1] - box_a[3] <= WRAP_GAP * height
        and box_b[0] < box_a[2]
        and len(text_a) >= WRAP_MIN_CHARS
        and box_a[2] - box_a[0] >= WRAP_FULL * widest
        and _DIGIT.sub("0", text_a) != _DIGIT.sub("0", text_b)
    )


def _width(parts: list[P], grid: _Grid[L, P]) -> float:
    box = group_box(parts, grid.box_of)
    return box[2] - box[0]


def _top(line: L, grid: _Grid[L, P]) -> float:
    return min(grid.box_of(p)[1] for p in grid.parts_of(line))


def _column_edges(spans: list[tuple[float, float]], values: list[Box]) -> list[float]:
    """Where each column of a grid starts. Field names set flush left in their cells (most values start
    where a field name starts) put the edge just left of each name; centred ones, halfway between names."""
    height = min(box[3] - box[1] for box in values) if values else 0.0
    slack = ALIGN_SLACK * max(height, 1.0)
    flush = sum(any(abs(box[0] - x0) <= slack for x0, _ in spans) for box in values)
    if len(spans) > 1 and 2 * flush > len(values):
        inner = [spans[c][0] - slack for c in range(1, len(spans))]
    else:
        inner = [(spans[c - 1][1] + spans[c][0]) / 2 for c in range(1, len(spans))]
    return [float("-inf"), *inner]


def _column(edges: list[float], box: Box) -> int:
    """The column whose stretch holds the box's centre."""
    return bisect_right(edges, (box[0] + box[2]) / 2) - 1


def _value_lines(
    lines: Sequence[L],
    first: int,
    heads: list[list[P]],
    parts_of: Callable[[L], Sequence[P]],
    box_of: Callable[[P], Box],
    text_of: Callable[[P], str],
) -> list[L]:
    """The lines from `first` on that stand in the grid of the header row `heads`: close below it (the first
    within SIGN_ROW_GAP line heights: a header row of tall cells, its text centred), each
    part within one column (a part reaching over the middle of two field names is text across the grid,
    not a cell), up to the next header row or a labelled line of its own. None where a row's own label
    stands under the first field name (see `row_label`).

    A cell's value may start well left of its field name (names are centred, values often flush left), so
    the grid reaches one column's width beyond its outer field names."""
    boxes = [group_box(head, box_of) for head in heads]
    height = max(box_of(heads[0][0])[3] - box_of(heads[0][0])[1], 1.0)
    centres = [(b[0] + b[2]) / 2 for b in boxes]
    pitch = (centres[-1] - centres[0]) / (len(centres) - 1)
    left, right = boxes[0][0] - pitch, boxes[-1][2] + pitch
    found: list[L] = []
    used = False  # whether a line so far put something in the first field name's column
    bottom = max(b[3] for b in boxes)
    for line in lines[first:]:
        parts = parts_of(line)
        own = [box_of(p) for p in parts]
        texts = [text_of(p) for p in parts]
        sign_here = all(_SIGN_HERE.match(t) for t in texts)
        if (
            not own
            or is_header_row(texts)
            or (starts_field("".join(texts)) and not sign_here)
            or min(b[1] for b in own) - bottom > _gap_above(bool(found), sign_here) * height
            or min(b[0] for b in own) < left
            or max(b[2] for b in own) > right
            or any(_across(b, centres) for b in own)
        ):
            break
        if not used and row_label(texts[0], own[0], boxes[0], height):
            return []  # the "header row" was labels beside their values, each row labelled at its left
        used = used or min(b[0] for b in own) < boxes[0][2]  # written in the first name's column
        found.append(line)
        bottom = max(b[3] for b in own)
    return found


def row_label(text: str, box: Box, first_head: Box, height: float) -> bool:
    """A field name standing where the header row's first name stands, before anything was written in
    that column below it: the label of a row of its own ("被检查人签名 [ink] 见证人签名 [ink]" over
    "检查人员签名 [ink]"), so the row above was labels beside their values, not names over a column. (A
    row label under a grid's records, "备注", ends the grid: the caller checks the column was empty.)"""
    return is_field_name(text) and abs(box[0] - first_head[0]) <= ALIGN_SLACK * height


def _gap_above(found: bool, sign_here: bool) -> float:
    """Line heights a value line may stand below the line above it: more for the first record (under a
    header row of tall cells) and for a row of "签名：" at the foot of tall cells."""
    return VALUE_GAP if found and not sign_here else SIGN_ROW_GAP


def _across(box: Box, centres: Sequence[float]) -> bool:
    """Whether a box reaches over the middles of two neighbouring field names."""
    return any(box[0] < a and box[2] > b for a, b in pairwise(centres))
