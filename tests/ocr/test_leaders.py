"""Page numbers after leader dots (a 卷内目录 row "现场检查笔录……………12"): the detector passes over the
dots and the lone digits, so right of a line's last words a run of dots followed by digit-tall marks is
read by itself (holdout37 h37-10's 目录 on the scan)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from casefile_eval.ocr import _engine, ocr_available
from casefile_eval.ocr.leaders import leader_numbers
from casefile_eval.ocr.page import OcrBox, OcrLine

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
TOP, BOTTOM = 20, 47  # the row's words, in pixels


def _row(number: str, dots: bool = True) -> np.ndarray:
    """A 目录 row at 150 dpi: the title (read), leader dots (every 8 px, 3 px square), the number."""
    image = Image.new("RGB", (1000, 70), (246, 246, 244))
    draw = ImageDraw.Draw(image)
    draw.text((20, TOP), "1 现场检查笔录", font=ImageFont.truetype(FONT, 24), fill=(20, 20, 20))
    if dots:
        for x in range(220, 700, 8):
            draw.rectangle([x, 33, x + 2, 35], fill=(20, 20, 20))
    draw.text((712, TOP + 2), number, font=ImageFont.truetype(FONT, 22), fill=(20, 20, 20))
    return np.asarray(image)


def _words(*more: OcrBox) -> list[OcrLine]:
    return [
        OcrLine(
            [
                OcrBox("1", (20, TOP, 34, BOTTOM), 0.99),
                OcrBox("现场检查笔录", (48, TOP, 200, BOTTOM), 0.99),
                *more,
            ]
        )
    ]


needs_engine = pytest.mark.skipif(not ocr_available(), reason="rapidocr_onnxruntime is not installed")


@needs_engine
@pytest.mark.parametrize("number", ["12", "3-4"])
def test_the_number_after_the_dots_is_read(number: str) -> None:
    found = leader_numbers(_row(number), _words(), _engine.get_engine)
    assert [part.text for part in found] == [number]
    assert found[0].box[0] > 700


class _NoEngine:
    def __call__(self) -> object:
        raise AssertionError("nothing to read")


def test_no_dots_or_a_number_read_already_is_left_alone() -> None:
    engine = _NoEngine()
    assert leader_numbers(_row("12", dots=False), _words(), engine) == []  # type: ignore[arg-type]
    read = OcrBox("12", (712, TOP, 740, BOTTOM), 0.99)
    assert leader_numbers(_row("12"), _words(read), engine) == []  # type: ignore[arg-type]
