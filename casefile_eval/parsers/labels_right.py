"""Tables whose field names stand right of their values.

Some forms put each value first and its field name in a column at the right ("伊宁市仁和口腔诊所 | 当事人",
"同意立案。签名：[ink] | 机关负责人意见"). Every stage that pairs a label with what follows it would then give
each field the next row's value. Such a table is read mirrored: each row's cells from right to left, their
columns counted from the right, so that every field name is followed by its value as in ordinary forms.

A table is read so when at least two of its rows end in a field name after a cell that is none, and no row
opens with a field name followed by a cell that is none (an ordinary label-value row).
"""

from __future__ import annotations

from casefile_eval.model import Block, ImageItem
from casefile_eval.parsers.header_rows import in_order, is_field_name

MIN_ROWS = 2  # rows ending in a field name that make a table one of labels on the right


def labels_first(blocks: list[Block], images: list[ImageItem]) -> tuple[list[Block], list[ImageItem]]:
    """Blocks in reading order with every table of labels-on-the-right mirrored. Images follow their
    blocks."""
    tables: dict[int, dict[int, list[int]]] = {}
    for index, block in enumerate(blocks):
        if block.table is not None and block.row is not None and block.col is not None:
            tables.setdefault(block.table, {}).setdefault(block.row, []).append(index)
    order = list(range(len(blocks)))
    mirrored: dict[int, int] = {}  # block index -> its column counted from the right
    for rows in tables.values():
        if not _labels_right(blocks, list(rows.values())):
            continue
        width = max(blocks[i].col or 0 for cells in rows.values() for i in cells)
        for cells in rows.values():
            if cells != list(range(cells[0], cells[-1] + 1)):
                continue  # a row interrupted by a nested table keeps its order
            order[cells[0] : cells[-1] + 1] = cells[::-1]
            mirrored.update({i: width - (blocks[i].col or 0) for i in cells})
    turned = [b.model_copy(update={"col": mirrored[k]}) if k in mirrored else b for k, b in enumerate(blocks)]
    return in_order(turned, images, order)


def _labels_right(blocks: list[Block], rows: list[list[int]]) -> bool:
    right = left = 0
    for cells in rows:
        filled = [blocks[i].text for i in cells if blocks[i].text.strip()]
        if len(filled) < 2:
            continue
        first, last = is_field_name(filled[0]), is_field_name(filled[-1])
        right += last and not first
        left += first and not last
    return right >= MIN_ROWS and left == 0
