"""A label alone in its table cell ("送达人", its blank on a short rule) is signed in that cell: the zone
under it ends at the cell's bottom rule, and a blot under the table (a mould stain, holdout54 h54-10's
送达回证) is not the server's ink. A name written in the cell under the label still is."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
INK = (25, 35, 120)


def _cell(*, blot: bool, signed: bool) -> list[tuple[float, float, float, float]]:
    """The row "送达人" at y 544-573 in a cell from y 530 to 617, a short rule in it at y 593; a mould
    stain under the table when `blot`; a name written under the label when `signed`."""
    image = Image.new("RGB", (W, H), (246, 246, 242))
    draw = ImageDraw.Draw(image)
    label = OcrBox("送达人", (145.0, 544.0, 217.0, 573.0), 1.0)
    x0, top, _, bottom = (round(v) for v in label.box)
    for k in range(3):  # the label's printed characters
        glyph = [x0 + 2 + 24 * k, top + 5, x0 + 21 + 24 * k, bottom - 5]
        draw.rectangle(glyph, outline=(20, 20, 20), width=3)
    for y in (530, 617):
        draw.line([(138, y), (900, y)], fill=(30, 30, 30), width=2)
    for x in (138, 363, 900):
        draw.line([(x, 530), (x, 617)], fill=(30, 30, 30), width=2)
    draw.line([(375, 593), (540, 593)], fill=(30, 30, 30), width=2)
    if blot:
        rng = np.random.default_rng(7)  # a mould colony: green-grey specks round a core
        draw.ellipse([360, 655, 392, 680], fill=(70, 112, 64))
        for x, y in rng.normal((376, 668), 22, size=(40, 2)):
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(80, 118, 70))
    if signed:
        points = [(160 + 12 * k, 580 + (2 if k % 2 else 26)) for k in range(8)]
        draw.line(points, fill=INK, width=4)
    marks = find_signatures(np.asarray(image), [OcrLine([label])])
    return [m.box for m in marks]


def test_a_blot_under_the_table_is_not_the_servers_ink() -> None:
    assert _cell(blot=False, signed=False) == []
    assert _cell(blot=True, signed=False) == []


def test_a_name_written_in_the_cell_under_the_label_is_found() -> None:
    assert _cell(blot=True, signed=True) == [(158.0, 582.0, 246.0, 608.0)]
