"""A 送达回证 laid out as a two-column ruled table: the label cell on the left, the wide value cell on its
right where the person signs anywhere in it, often low and far right of the label (holdout51's palette scans).
And a caption wrapped in its cell whose tail OCR did not read ("受送达人签名（盖" over 章）): that tail is
print, not a signature under the label."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.cells import value_cell
from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
RULE = (150, 40, 45)  # a receipt form printed in dark red
INK = (70, 40, 35)  # brown handwriting


def _printed(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], chars: int) -> None:
    x0, top, _, bottom = (round(v) for v in box)
    for k in range(chars):
        x = x0 + 3 + 22 * k
        draw.rectangle([x, top + 5, x + 16, bottom - 5], outline=RULE, width=3)


def _receipt(label: str, signed: bool, tail: bool = False) -> tuple[np.ndarray, list[OcrLine]]:
    image = Image.new("RGB", (W, H), (246, 240, 234))
    draw = ImageDraw.Draw(image)
    for y in (350, 448, 530):
        draw.line([(150, y), (1090, y)], fill=RULE, width=2)
    for x in (150, 350, 1090):
        draw.line([(x, 350), (x, 530)], fill=RULE, width=2)
    first = OcrBox(label, (159.0, 362.0, 159.0 + 22 * len(label), 389.0), 0.99)
    second = OcrBox("送达人", (159.0, 460.0, 225.0, 487.0), 0.99)
    _printed(draw, first.box, len(label))
    _printed(draw, second.box, 3)
    if tail:  # 章） wrapped under the label, not read
        _printed(draw, (159.0, 396.0, 205.0, 423.0), 2)
    if signed:
        draw.line([(720, 430), (745, 405), (760, 438), (790, 410), (815, 436)], fill=INK, width=4)
        draw.line([(735, 418), (805, 422)], fill=INK, width=3)
    return np.asarray(image), [OcrLine([first]), OcrLine([second])]


def test_a_signature_low_and_far_right_in_the_value_cell_is_the_labels() -> None:
    rgb, lines = _receipt("受送达人签收", signed=True)
    marks = find_signatures(rgb, lines)
    assert [(m.line, m.confidence >= 0.75) for m in marks] == [(0, True)]
    assert marks[0].box == pytest.approx((718, 403, 817, 440), abs=4)


def test_an_empty_value_cell_holds_no_signature() -> None:
    rgb, lines = _receipt("受送达人签收", signed=False)
    assert find_signatures(rgb, lines) == []


def test_the_value_cell_is_between_the_rules_of_the_labels_row() -> None:
    rgb, lines = _receipt("受送达人签收", signed=False)
    ink = (rgb.min(axis=2) < 200).astype(np.uint8) * 2
    cell = value_cell(ink, lines[0].parts[0].box, 291.0, 27.0)
    assert cell == pytest.approx((359.1, 358.1, 1081.9, 441.9), abs=2)
    assert value_cell(ink, (159.0, 1000.0, 291.0, 1027.0), 291.0, 27.0) is None  # no table there


def test_a_cut_captions_unread_tail_under_it_is_print() -> None:
    rgb, lines = _receipt("受送达人签名（盖", signed=False, tail=True)
    assert find_signatures(rgb, lines) == []
    rgb, lines = _receipt("受送达人签名（盖", signed=True, tail=True)
    assert [m.line for m in find_signatures(rgb, lines)] == [0]


@pytest.mark.parametrize("signed", [False, True])
def test_a_qualifier_printed_in_brackets_in_the_value_cell_is_print(signed: bool) -> None:
    """见证人签名 | （村委会）: the bracketed words read surely are print; only a name written there signs."""
    rgb, lines = _receipt("见证人签名", signed=signed)
    image = Image.fromarray(rgb)
    qualifier = OcrBox("（村委会）", (371.0, 362.0, 457.0, 389.0), 0.97)
    _printed(ImageDraw.Draw(image), qualifier.box, 4)
    lines[0] = OcrLine([lines[0].parts[0], qualifier])
    assert [m.line for m in find_signatures(np.asarray(image), lines)] == ([0] if signed else [])
