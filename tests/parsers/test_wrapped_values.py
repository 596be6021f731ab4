"""A short value cut by the end of a full line is put back on its line; other short lines stay."""

from __future__ import annotations

from casefile_eval.model import BBox, Block, BlockKind
from casefile_eval.parsers.wrapped_values import join_wrapped_values


def _lines(rows: list[tuple[str, float, float, float]]) -> list[Block]:
    """LINE blocks (text, x0, x1, top), 10 pt high."""
    return [
        Block(
            kind=BlockKind.LINE,
            text=t,
            source="a.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x1, bottom=top + 10),
        )
        for t, x0, x1, top in rows
    ]


def test_a_recorders_name_wrapped_at_the_right_edge_goes_back_on_its_line() -> None:
    blocks = _lines(
        [
            ("询问笔录", 250, 330, 40),
            (
                "询问人：王振宇（执法证号：15040421006）、包玉梅（执法证号：15040421019）　记录人：高",
                74,
                525,
                150,
            ),
            ("志强", 74, 95, 162),
            ("被询问人：刘长海　性别：男", 74, 300, 176),
            ("答：看清楚了。", 74, 160, 190),
        ]
    )
    assert [b.text for b in join_wrapped_values(blocks)] == [
        "询问笔录",
        "询问人：王振宇（执法证号：15040421006）、包玉梅（执法证号：15040421019）　记录人：高志强",
        "",
        "被询问人：刘长海　性别：男",
        "答：看清楚了。",
    ]


def test_a_label_ending_the_line_takes_the_name_below_it() -> None:
    blocks = _lines([("检查地点：梧桐县城关镇建设路18号　检查人：", 74, 520, 100), ("李明", 74, 95, 112)])
    assert [b.text for b in join_wrapped_values(blocks)] == [
        "检查地点：梧桐县城关镇建设路18号　检查人：李明",
        "",
    ]


def test_short_lines_that_are_no_remnant_stay_as_they_are() -> None:
    blocks = _lines(
        [
            (
                "询问人：王振宇　记录人：高",
                74,
                300,
                100,
            ),  # stops short of the right edge: a name of one character
            ("志强", 74, 95, 112),
            ("问：我们是执法人员，这是我们的执法证件，请你过目，你是否看清楚了？　答：看清", 74, 525, 140),
            ("楚了。", 74, 110, 152),  # punctuation: a sentence's end
            ("当事人：梧桐县清泉砂石场　法定代表人：李", 74, 525, 180),
            ("建国", 200, 230, 192),  # not flush with the line's start
            ("负责人意见：同意", 74, 525, 220),
            ("签名", 74, 100, 260),  # too far below
            ("审批意见：同意", 74, 525, 300),
            ("签名", 74, 100, 312),  # a field name
        ]
    )
    assert join_wrapped_values(blocks) == blocks
