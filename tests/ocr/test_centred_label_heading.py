"""A label level with the first line of its two-line value is not moved above a heading centred over the
form, though that heading's left edge happens to stand near the value's: the lines of one value cell stand at
an even step, the heading at a wider one."""

from __future__ import annotations

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine


def test_a_heading_at_another_step_is_no_line_of_the_value() -> None:
    lines = [
        OcrLine([OcrBox("案件调查终结报告", (646.0, 109.0, 861.0, 149.0), 0.99)]),
        OcrLine([OcrBox("德阳市生态环境局", (617.0, 164.0, 892.0, 190.0), 0.99)]),
        OcrLine(
            [
                OcrBox("案由：", (350.0, 207.0, 411.0, 235.0), 0.98),
                OcrBox("德阳市旌阳区恒达汽车修理厂未按规定配套废气", (591.0, 209.0, 1134.0, 231.0), 0.99),
            ]
        ),
        OcrLine([OcrBox("处理设施案", (588.0, 240.0, 760.0, 266.0), 0.99)]),
        OcrLine([OcrBox("当事人：", (353.0, 280.0, 431.0, 308.0), 0.99)]),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [
        "案件调查终结报告",
        "德阳市生态环境局",
        "案由： 德阳市旌阳区恒达汽车修理厂未按规定配套废气",
        "处理设施案",
        "当事人：",
    ]
