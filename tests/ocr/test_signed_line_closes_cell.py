"""A signer's name and date (魏丽娟 2019.5.17) closes a cell as a date alone does: a field name standing
alone in the row under it is not moved above it (holdout47 h47-10's scan, its fill-ins printed out of
register, lower than their labels: the recipient's signature stands nearer to the next row's label)."""

from __future__ import annotations

from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.page import OcrBox, OcrLine


def _line(text: str, box: tuple[float, float, float, float]) -> OcrLine:
    return OcrLine([OcrBox(text, box, 0.99)])


def test_a_signers_dated_name_stays_in_the_row_above_the_next_label() -> None:
    lines = [
        _line("送达方式 直接送达", (98, 216, 262, 231)),
        _line("受送达人（签名或盖章）", (100, 240, 211, 252)),
        _line("魏丽娟 2019.5.17", (346, 264, 486, 284)),
        _line("送达人 （签名）", (99, 292, 170, 307)),
        _line("范建平 2019.5.17", (347, 316, 485, 337)),
        _line("备注", (98, 346, 124, 362)),
    ]
    ordered, _ = reading_order(lines)
    assert [line.text for line in ordered] == [line.text for line in lines]
