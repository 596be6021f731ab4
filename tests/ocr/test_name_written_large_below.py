"""A name written large, sitting on the foot of its label's row: a 回执's "收件人签名  2024年6月20日" with the
recipient's name written a line and a half high beside the date and reaching well under the row, read by
the engine as a line of its own. The zone beside the label reaches down to that line's foot, so the whole
name is seen and the slot is surely signed (cut at 0.7 line heights under the row, too little of it was
seen: an unsure verdict sent for review, or none). A printed line of ordinary height under the row
reaches nothing."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
INK = (20, 25, 30)


def _print(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float]) -> None:
    """Glyph-like dark squares standing for the printed characters of an OCR box."""
    x0, top, x1, bottom = (round(v) for v in box)
    for x in range(x0 + 3, x1 - 18, 28):
        draw.rectangle([x, top + 5, x + 20, bottom - 5], outline=(20, 20, 20), width=3)


def _receipt(*, below: OcrBox | None, name: bool) -> list[tuple[float, tuple[int, ...]]]:
    """The label's row at y 436-470 with its printed date; `below` the line the engine read under it;
    `name` draws a name written large from y 466 to 512, where the name's line stands (else `below` is
    printed)."""
    image = Image.new("RGB", (W, H), (246, 246, 242))
    draw = ImageDraw.Draw(image)
    label = OcrBox("收件人签名", (158.0, 436.0, 274.0, 470.0), 1.0)
    date = OcrBox("2024年6月20日", (318.0, 438.0, 460.0, 465.0), 1.0)
    for box in (label.box, date.box):
        _print(draw, box)
    if name:
        for x in (430, 472, 514):  # three characters: a short head stroke and a knot of strokes under it
            draw.line([(x + 14, 466), (x + 18, 480)], fill=INK, width=4)
            points = [(x + 8 * k, 490 if k % 2 else 512) for k in range(5)]
            draw.line(points, fill=INK, width=4)
    if below is not None and not name:
        _print(draw, below.box)
    lines = [OcrLine([label, date])] + ([OcrLine([below])] if below is not None else [])
    marks = find_signatures(np.asarray(image), lines)
    return [(m.confidence, tuple(round(v) for v in m.box)) for m in marks]


def test_a_name_written_large_under_the_row_is_seen_whole() -> None:
    name = OcrBox("胡建军", (424.0, 460.0, 554.0, 517.0), 1.0)
    assert _receipt(below=name, name=True) == [(0.86, (428, 466, 549, 514))]


def test_cut_at_the_rows_reach_the_same_name_is_not_seen() -> None:
    # (the engine read nothing under the row: the zone keeps its reach, and what it holds of the name is
    # its head strokes, too little, and the tops of the knots, wholly under the label's line and cut)
    assert _receipt(below=None, name=True) == []


def test_a_printed_line_under_the_row_reaches_nothing() -> None:
    printed = OcrBox("本人", (424.0, 478.0, 470.0, 505.0), 1.0)
    assert _receipt(below=printed, name=False) == []
