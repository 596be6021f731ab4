"""Ink OCR found over the words of a label box up to its colon ("签收人：", "签收日期：2024-8-9") is what is
left of a printed character, not a signature: a 送达回证 whose recipient did not sign has no ink after
"签收人：". Ink after the colon (in the box or beyond it) and ink over a label without a colon are kept,
unless the box is only a grid's field name ("签收时间"): then it is print throughout."""

from __future__ import annotations

import pytest

from casefile_eval.ocr.marks import on_printed_label
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrMark

EM = 28.0
LINES = [
    OcrLine(
        [
            OcrBox("签收人：", (170.0, 522.0, 239.0, 550.0), 1.0, chars=(181.7, 200.3, 214.3, 228.3)),
            OcrBox(
                "签收日期：2024-8-9",
                (410.0, 525.0, 619.0, 550.0),
                1.0,
                chars=(
                    420.5,
                    445.7,
                    466.6,
                    491.8,
                    508.6,
                    533.7,
                    542.1,
                    554.7,
                    571.5,
                    579.9,
                    588.3,
                    600.9,
                    609.2,
                ),
            ),
        ]
    ),
    OcrLine(
        [
            OcrBox(
                "送达人签名 王",
                (170.0, 600.0, 400.0, 628.0),
                0.9,
                chars=(181.0, 205.0, 229.0, 253.0, 277.0, 340.0),
            )
        ]
    ),
    # a grid's field name in a box of its own, no colon: its ink is print throughout
    OcrLine([OcrBox("签收时间", (170.0, 660.0, 260.0, 688.0), 0.99, chars=(181.0, 203.0, 226.0, 248.0))]),
]


@pytest.mark.parametrize(
    ("box", "printed"),
    [
        ((208.0, 527.0, 220.0, 547.0), True),  # the rest of 人 in 签收人：
        ((480.0, 527.0, 495.0, 547.0), True),  # the rest of 期 in 签收日期：
        ((245.0, 520.0, 330.0, 552.0), False),  # a signature after 签收人：
        ((200.0, 520.0, 300.0, 552.0), False),  # a signature reaching over the label's end
        ((560.0, 527.0, 600.0, 547.0), False),  # ink over the date after the colon
        ((250.0, 604.0, 262.0, 624.0), False),  # 送达人签名 has no colon: its box may hold the ink
        ((243.0, 664.0, 253.0, 684.0), True),  # the rest of 间 in the field name 签收时间
        ((280.0, 660.0, 360.0, 690.0), False),  # a time written after it
    ],
)
def test_ink_over_a_labels_words_is_print(box: tuple[float, float, float, float], printed: bool) -> None:
    assert on_printed_label(OcrMark("signature", box, 0.8, 0), LINES, EM) is printed
