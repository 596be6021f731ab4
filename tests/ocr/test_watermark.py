"""A platform's diagonal watermark read by OCR across the page is dropped (the engine's boxes turned off
level, then runs by their shape); level print, a handwritten name and a page without any watermark stay as
read."""

from __future__ import annotations

import math

from casefile_eval.ocr.engine import RawBox
from casefile_eval.ocr.layout import group_lines
from casefile_eval.ocr.page import OcrBox, OcrPage
from casefile_eval.ocr.watermark import level_only, without_slanted


def box(text: str, x0: float, top: float, x1: float, bottom: float) -> OcrBox:
    return OcrBox(text, (x0, top, x1, bottom), 0.97)


def page(boxes: list[OcrBox]) -> OcrPage:
    return OcrPage(1240, 1754, 0, 0.0, group_lines(boxes))


LEVEL = [
    box("行政处罚决定书", 497, 140, 743, 176),
    box("当事人：晋江市鑫源食品有限公司", 152, 167, 494, 193),
    box("违法事实：当事人于2022年6月生产芒果味夹心饼干140箱，其预包装标签未标", 197, 400, 1091, 423),
    box("注食品生产许可证编号，至2022年7月12日已销售14箱，货值金额共计26600元", 151, 438, 1091, 461),
    box("元。", 150, 475, 200, 500),
    box("以上事实有下列证据证明：1.现场检查笔录及现场照片；2.当事人营业执照", 151, 512, 1043, 535),
    box("执法人员（签名）：", 151, 800, 380, 824),
    box("牛振工", 390, 780, 509, 844),  # a handwritten name: tall, but three characters
    box("第1页共2页", 543, 1667, 697, 1691),
]
MARK = [
    box("行政执法案卷评查专用 H36-01", 152, 167, 532, 391),
    box("卷评查专用", 1100, 475, 1240, 578),  # crosses 元。 and the line below it
    box("专用H36-01", 0, 689, 148, 794),
    box("行政执法", 400, 560, 529, 655),  # a piece cut off by the print: too short to tell by its shape
]


def test_the_watermarks_runs_are_dropped_and_the_lines_it_crossed_part_again() -> None:
    read = page(LEVEL + MARK)
    assert [line.text for line in read.lines][2:7] == [
        "行政执法案卷评查专用 H36-01",
        "违法事实：当事人于2022年6月生产芒果味夹心饼干140箱，其预包装标签未标",
        "注食品生产许可证编号，至2022年7月12日已销售14箱，货值金额共计26600元",
        "元。",
        "以上事实有下列证据证明：1.现场检查笔录及现场照片；2.当事人营业执照 卷评查专用",
    ]
    assert [line.text for line in without_slanted(read).lines] == [
        "行政处罚决定书",
        "当事人：晋江市鑫源食品有限公司",
        "违法事实：当事人于2022年6月生产芒果味夹心饼干140箱，其预包装标签未标",
        "注食品生产许可证编号，至2022年7月12日已销售14箱，货值金额共计26600元",
        "元。",
        "以上事实有下列证据证明：1.现场检查笔录及现场照片；2.当事人营业执照",
        "执法人员（签名）：牛振工",
        "第1页共2页",
    ]


def test_a_page_without_a_watermark_is_left_as_read() -> None:
    read = page(LEVEL)
    assert without_slanted(read) is read
    # a label and a tall signature read as one run, and field names printed down tall cells: no watermark
    tall = [
        box("被询问人(签名)：朱晓燕", 150, 700, 560, 850),
        box("送达文书名称及文", 100, 900, 130, 1150),
        box("受送达人签", 100, 1200, 130, 1350),
    ]
    read = page(LEVEL + tall)
    assert without_slanted(read) is read


def quad_box(text: str, x: float, y: float, length: float, height: float, degrees: float) -> RawBox:
    """An engine's box of `text` whose top edge runs `length` from (x, y) at `degrees` (negative: rising
    to the right, as a diagonal watermark runs), `height` down from it."""
    a = math.radians(degrees)
    dx, dy = math.cos(a), math.sin(a)
    corners = ((x, y), (x + length * dx, y + length * dy))
    down = (-dy * height, dx * height)
    quad = (*corners, (corners[1][0] + down[0], corners[1][1] + down[1]), (x + down[0], y + down[1]))
    return RawBox(quad, text, 0.98)


def test_the_engines_boxes_turned_off_level_are_dropped() -> None:
    raw = [
        quad_box("行政执法案卷评查专用H35-03", 100, 600, 414, 41, -27.9),
        quad_box("135-04", 1021, 230, 77, 26, -26.9),
        quad_box("专用", 400, 300, 61, 33, -28.2),
        quad_box("税务行政处罚决定书", 464, 170, 333, 33, 0.0),
        quad_box("谭志勇", 500, 732, 128, 56, 2.2),  # a signature sloping a little
        quad_box("林", 600, 900, 40, 38, -30.0),  # one character: its box has no direction
        quad_box("装订线", 60, 700, 30, 120, 90.0),  # printed down the binding margin
        quad_box("扫描人：王敏", 900, 1500, 200, 30, 12.0),  # a stamp set a little askew
    ]
    assert [b.text for b in level_only(raw)] == [
        "税务行政处罚决定书",
        "谭志勇",
        "林",
        "装订线",
        "扫描人：王敏",
    ]
