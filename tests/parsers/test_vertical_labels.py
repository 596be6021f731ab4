"""Field names written one character a line down a narrow column are put back together."""

from __future__ import annotations

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.vertical_labels import join_vertical_labels


def _lines(rows: list[tuple[str, float, float]]) -> list[Block]:
    """LINE blocks (text, x0, top), 10 pt high."""
    return [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="a.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 200, bottom=top + 10),
        )
        for text, x0, top in rows
    ]


def test_two_stacked_vertical_labels_each_head_their_cell() -> None:
    blocks = _lines(
        [
            ("立案审批表", 200, 40),
            ("承 符合立案条件，建议立案查处。", 80, 100),
            ("办", 80, 114),
            ("人 签名：　日期：2021年8月2日", 80, 128),
            ("意", 80, 142),
            ("见", 80, 156),
            ("负 同意立案。", 80, 190),
            ("责", 80, 204),
            ("人 签名：　日期：2021年8月2日", 80, 218),
            ("意", 80, 232),
            ("见", 80, 246),
        ]
    )
    assert [b.text for b in join_vertical_labels(blocks)] == [
        "立案审批表",
        "承办人意见 符合立案条件，建议立案查处。",
        "",
        "签名：　日期：2021年8月2日",
        "",
        "",
        "负责人意见 同意立案。",
        "",
        "签名：　日期：2021年8月2日",
        "",
        "",
    ]


def test_lines_that_merely_start_with_a_numeral_stay_as_they_are() -> None:
    blocks = _lines([("一 违法事实清楚", 80, 100), ("二 证据确凿", 80, 114), ("三 程序合法", 80, 128)])
    assert join_vertical_labels(blocks) == blocks
