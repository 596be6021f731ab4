"""A name signed in bold strokes under "签名" at the corner of an approval row: its rows of ink run as long as
three line heights and as thick as a fifth of one, which is no ruled line (a rule is thin, or as long as the
table is wide); it is a signature. A thin underscore of the same length stays print."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 700
INK = (20, 20, 30)


def _row(sign: str) -> np.ndarray:
    """An approval row: table rules, the head's opinion, "签名" at the right, the date under the ink;
    `sign` is "bold" (a dense name of thick strokes), "underscore" (a thin line) or "" (blank)."""
    image = Image.new("RGB", (W, H), (247, 247, 243))
    draw = ImageDraw.Draw(image)
    for y in (180, 330):
        draw.line([(100, y), (1140, y)], fill=(90, 90, 90), width=2)
    for x in (100, 300, 880, 1140):
        draw.line([(x, 180), (x, 330)], fill=(90, 90, 90), width=2)
    for box in ((160, 200, 300, 226), (335, 200, 430, 226), (962, 200, 1012, 226), (914, 285, 1059, 310)):
        x0, top, x1, bottom = box
        for x in range(x0 + 3, x1 - 18, 28):  # glyph-like squares for the printed characters
            draw.rectangle([x, top + 5, x + 20, bottom - 5], outline=(20, 20, 20), width=3)
    if sign == "bold":
        for top in (238, 250, 262):  # rows of a bold name, each 95 px long and 8 px thick
            draw.rectangle([925, top, 1020, top + 7], fill=INK)
        for x in (930, 960, 990):  # and the downstrokes joining them
            draw.line([(x, 236), (x + 14, 276)], fill=INK, width=6)
    elif sign == "underscore":
        draw.line([(925, 270), (1020, 270)], fill=INK, width=2)
    return np.asarray(image)


LINES = [
    OcrLine(
        [
            OcrBox("机关负责人意见", (160.0, 200.0, 300.0, 226.0), 0.99),
            OcrBox("同意立案。", (335.0, 200.0, 430.0, 226.0), 0.99),
            OcrBox("签名", (962.0, 200.0, 1012.0, 226.0), 0.99),
        ]
    ),
    OcrLine([OcrBox("2025年7月14日", (914.0, 285.0, 1059.0, 310.0), 0.99)]),
]


def _marks(sign: str) -> list[tuple[tuple[float, float, float, float], float]]:
    return [(m.box, m.confidence) for m in find_signatures(_row(sign), LINES)]


def test_a_name_signed_in_bold_strokes_is_a_signature() -> None:
    # "签名" heads the column of its cell: the ink is found there whole, sure of itself
    assert _marks("bold") == [((925.0, 235.0, 1021.0, 278.0), 0.95)]


def test_a_thin_underscore_and_a_blank_are_not() -> None:
    assert (_marks("underscore"), _marks("")) == ([], [])
