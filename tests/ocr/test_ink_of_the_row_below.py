"""A signature written on one row whose top rises under the row above is ink of its own row only.

"被询问人签名：＿＿＿＿ 2022年2月24日" with the party's slot left blank, and under it
"执法人员签名：<甲> <乙>" where 乙's tall first stroke rises into the band under the party's line: the
party's zone (which reaches 0.7 line heights below its line) holds only the top of 乙, cut by the zone's
bottom edge and wholly below the party's line — not a signature of the party. Ink that starts on the
party's line and runs down past the zone's edge is the party's."""

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


def _signature(draw: ImageDraw.ImageDraw, x: int, top: int, bottom: int) -> None:
    """A signature-like zigzag 90 px wide from `top` to `bottom`."""
    points = [(x + 15 * k, top if k % 2 else bottom) for k in range(7)]
    draw.line(points, fill=INK, width=4)


def _page(party_ink: tuple[int, int] | None) -> tuple[np.ndarray, list[OcrLine]]:
    """The party's line at y 500-530 (its date at x 600), the officers' line at 570-600 with 甲 at
    x 300 and 乙 at x 420 whose top rises to y 535 (under the party's line); `party_ink` (top, bottom)
    draws a party's signature."""
    image = Image.new("RGB", (W, H), (246, 246, 242))
    draw = ImageDraw.Draw(image)
    party = OcrBox("被询问人签名：", (120.0, 500.0, 300.0, 530.0), 0.99)
    date = OcrBox("2022年2月24日", (600.0, 500.0, 780.0, 530.0), 0.99)
    officers = OcrBox("执法人员签名：", (120.0, 570.0, 300.0, 600.0), 0.99)
    for box in (party.box, date.box, officers.box):
        _print(draw, box)
    draw.line([(310, 528), (560, 528)], fill=INK, width=2)  # the blank's underscores
    _signature(draw, 310, 565, 605)
    _signature(draw, 430, 535, 605)
    if party_ink is not None:
        _signature(draw, 330, *party_ink)
    return np.asarray(image), [OcrLine([party, date]), OcrLine([officers])]


def test_the_top_of_a_signature_of_the_row_below_is_no_ink_of_the_blank_slot_above() -> None:
    marks = find_signatures(*_page(None))
    assert sorted((m.line, round(m.box[0]), round(m.box[1])) for m in marks) == [(1, 308, 565), (1, 428, 549)]


def test_a_signature_of_the_row_above_that_runs_down_past_its_zone_is_still_its_own() -> None:
    marks = find_signatures(*_page((495, 552)))
    # (what the blank's underscores cut off its lower end is left out: it reaches the zone's edge)
    assert sorted((m.line, round(m.box[0]), round(m.box[1])) for m in marks) == [
        (0, 335, 495),
        (1, 308, 565),
        (1, 428, 549),
    ]
