"""A landscape page printed in two columns (a 笔录's continuation sheet laid out two-up) is read column by
column, so a label in the right column does not take the left column's words for its value; a portrait
page, and a landscape table whose short cells cross the middle, keep their rows."""

from __future__ import annotations

from casefile_eval.ocr.layout import group_lines
from casefile_eval.ocr.page import OcrBox, OcrPage
from casefile_eval.ocr.spread import in_columns

LEFT = [
    "问：建设前是否办理了农用地转用审批手续？",
    "答：没有办，以为和村里签了协议就行。",
    "问：库房占地面积是多少？",
    "答：你们测量的420平方米，我们认可。",
    "问：你公司对违法事实有何意见？",
]
RIGHT = [
    "答：我们认识到错误，愿意配合处理。",
    "问：以上记录请你核对，是否属实？",
    "答：以上笔录已向我宣读，记录属实。",
    "被询问人（签名）：",
    "2026年01月14日",
]


def _page(width: int, height: int, left: list[str], right: list[str], right_x: float) -> OcrPage:
    boxes = [
        OcrBox(t, (145.0, 138.0 + 36 * k, 145.0 + 20 * len(t), 168.0 + 36 * k), 0.99)
        for k, t in enumerate(left)
    ]
    boxes += [
        OcrBox(t, (right_x, 138.0 + 36 * k, right_x + 20 * len(t), 168.0 + 36 * k), 0.99)
        for k, t in enumerate(right)
    ]
    return OcrPage(width, height, 0, 0.0, group_lines(boxes))


def test_a_landscape_page_in_two_columns_is_read_left_column_first() -> None:
    page = in_columns(_page(1756, 1241, LEFT, RIGHT, 923.0))
    assert [line.text for line in page.lines] == LEFT + RIGHT


def test_a_portrait_page_keeps_its_rows() -> None:
    page = in_columns(_page(1241, 1756, LEFT, RIGHT, 923.0))
    assert [line.text for line in page.lines] == [f"{a} {b}" for a, b in zip(LEFT, RIGHT, strict=True)]


def test_a_landscape_table_of_short_cells_keeps_its_rows() -> None:
    names = ["沉淀池排水管", "自吸式排水泵", "阀门", "电源线", "水泵支架"]
    units = ["套", "台", "个", "根", "个"]
    page = in_columns(_page(1756, 1241, names, units, 1100.0))
    assert [line.text for line in page.lines] == [f"{a} {b}" for a, b in zip(names, units, strict=True)]
