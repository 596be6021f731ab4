"""A person's mark in a signing zone: a personal seal (名章, a red square frame round two rows of
characters, 10-18 mm) or a fingerprint, beside 送达人, 记录人, 检查人员. Its straight frame is no ruled line,
the seal is one mark (the zone of the row below its edge reaches into holds none of it), and a seal beside
a fingerprint is no agency seal broken into pieces."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.ocr.seals import find_seals, personal_marks, red_mask

W, H = 1240, 1754  # A4 at 150 dpi
PAPER = (246, 244, 236)
RED = (200, 40, 45)


def _printed(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    x0, top, x1, bottom = box
    for x in range(x0 + 3, x1 - 20, 30):
        draw.rectangle([x, top + 6, x + 22, bottom - 6], outline=(20, 20, 20), width=3)


def _personal_seal(draw: ImageDraw.ImageDraw, x: int, y: int, size: int = 80) -> None:
    """A square frame round four characters of thin strokes, on a short black rule it was stamped over."""
    draw.rectangle([x, y, x + size, y + size], outline=RED, width=5)
    half = size // 2
    for cx, cy in ((x + dx, y + dy) for dx in (8, half + 4) for dy in (8, half + 4)):
        draw.line([(cx, cy + 12), (cx + half - 14, cy + 12)], fill=RED, width=4)
        draw.line([(cx + 12, cy), (cx + 12, cy + half - 14)], fill=RED, width=4)
    draw.line([(x - 20, y + size - 12), (x + size + 20, y + size - 12)], fill=(25, 25, 25), width=2)


def _server_row(stamped: tuple[bool, bool]) -> tuple[np.ndarray, list[OcrLine]]:
    """送达人 [seal?] | 送达人 [seal?] on one row of a 送达回证, 见证人 on the row below."""
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    first = OcrBox("送达人", (178.0, 661.0, 253.0, 693.0), 1.0)
    second = OcrBox("送达人", (662.0, 662.0, 736.0, 694.0), 1.0)
    witness = OcrBox("见证人", (180.0, 739.0, 253.0, 771.0), 1.0)
    for box in (first, second, witness):
        _printed(draw, tuple(round(v) for v in box.box))  # type: ignore[arg-type]
    draw.line([(140, 645), (1110, 645)], fill=(25, 25, 25), width=2)  # the table's rules
    draw.line([(140, 737), (1110, 737)], fill=(25, 25, 25), width=2)
    if stamped[0]:
        _personal_seal(draw, 325, 652)
    if stamped[1]:
        _personal_seal(draw, 808, 652)
    return np.asarray(image), [OcrLine([first, second]), OcrLine([witness])]


def test_a_personal_seal_in_a_signing_zone_is_the_signature() -> None:
    assert find_signatures(*_server_row((False, False))) == []
    marks = find_signatures(*_server_row((True, True)))
    assert [(m.line, tuple(round(v) for v in m.box)) for m in marks] == [
        (0, (325, 652, 406, 715)),  # (as far down as the zone reaches)
        (0, (808, 652, 889, 716)),
    ]
    assert [m.confidence for m in marks] == [0.89, 0.89]


def test_a_personal_seal_belongs_to_one_zone_only() -> None:
    """Only the second 送达人 stamped: the first zone is blank, and the 见证人 row below holds nothing."""
    marks = find_signatures(*_server_row((False, True)))
    assert [(m.line, round(m.box[0])) for m in marks] == [(0, 808)]


def test_a_personal_seal_beside_a_fingerprint_is_no_agency_seal() -> None:
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    for r in range(4, 34, 5):  # a fingerprint's whorl (11 mm), up and left of the seal
        draw.ellipse([760 - r, 610 - r, 760 + r, 610 + r], outline=RED, width=2)
    _personal_seal(draw, 808, 655)
    assert find_seals(np.asarray(image)) == []
    # both are a person's marks; one red character of a form printed in red is not
    draw.text((200, 300), "章", fill=RED)
    draw.rectangle([200, 400, 230, 430], outline=RED, width=3)  # one printed character's size: 2.5 % of W
    marks = personal_marks(red_mask(np.asarray(image)))
    ys, xs = np.nonzero(marks)
    assert (int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())) == (731, 581, 888, 735)
