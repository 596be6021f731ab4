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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from casefile_eval.model import Block, ImageItem
from casefile_eval.textnorm import compact

MAX_LABEL_CHARS = 12
_FIELD_END = re.compile(
    r"(?:人|人员|签收|签名|签字|签章|盖章|捺印|时间|日期|地点|地址|方式|名称|文号|编号|号码|意见|单位|来源|案由"
    r"|事由|住所|电话|职务|证号|金额|数额|备注|情况|结果|依据|类别|类型|内容|理由|期限|机关|机构|部门)"
    r"$"
)
_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]$")  # 当事人（签名）, 沈国华（法定代表人）
_NOT_A_LABEL = re.compile(r"[0-9０-９，。；,;、]")


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
    rows: dict[tuple[int, int], list[int]] = {}
    for index, block in enumerate(blocks):
        if block.table is not None and block.row is not None and block.col is not None:
            rows.setdefault((block.table, block.row), []).append(index)
    for (table, row), header in rows.items():
        below = rows.get((table, row + 1))
        if not below or not is_header_row([blocks[i].text for i in header]):
            continue
        if (
            is_header_row([blocks[i].text for i in below])
            or header[-1] + 1 != below[0]
            or len(below) > len(header)
        ):
            continue
        cols = [float(blocks[i].col or 0) for i in header]
        spans = list(zip(cols, cols, strict=True))
        paired: list[int] = []
        for column, head in enumerate(header):
            paired.append(head)
            paired += [i for i in below if column_of(spans, _col_span(blocks[i])) == column]
        start = order.index(header[0])
        order[start : start + len(paired)] = paired
    if order == list(range(len(blocks))):
        return blocks, images
    moved = {old: new for new, old in enumerate(order)}
    return [blocks[i] for i in order], [
        im if im.block_index is None else im.model_copy(update={"block_index": moved[im.block_index]})
        for im in images
    ]


def _col_span(block: Block) -> tuple[float, float]:
    col = float(block.col or 0)
    return col, col
