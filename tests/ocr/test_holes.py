"""A page eaten by insects: holes through the sheet show the scanner's lid, dark grey and solid. Beside a
blank signing line or on a table's rule they are no signature; a name written with a pen beside them still
is. A winding tunnel eaten down the page that only ends in a signer's zone is not his ink either; a name
written against a table's rules, rising over its zone, is. (A narrow tunnel lying wholly in a zone is not
told from ink.)"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.labels import line_em
from casefile_eval.ocr.marks import find_signatures, on_printed_label
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
LID = (58, 58, 60)
INK = (25, 35, 120)


def _label(draw: ImageDraw.ImageDraw, part: OcrBox) -> None:
    """Dark squares standing for the printed characters of `part`, 22 px a character."""
    x0, top, _, bottom = (round(v) for v in part.box)
    for k in range(len(part.text)):
        draw.rectangle(
            [x0 + 2 + 22 * k, top + 5, x0 + 19 + 22 * k, bottom - 5], outline=(20, 20, 20), width=3
        )


def _signing_line(*, holes: bool, signed: bool) -> list[tuple[float, float, float, float]]:
    """ "询问人签字：" and a blank rule after it; holes and a tunnel in its zone when `holes`; a name
    written on the rule when `signed`."""
    image = Image.new("RGB", (W, H), (244, 243, 240))
    draw = ImageDraw.Draw(image)
    label = OcrBox("询问人签字：", (150.0, 700.0, 282.0, 726.0), 0.99)
    _label(draw, label)
    draw.line([(290, 724), (440, 724)], fill=(30, 30, 30), width=2)
    if holes:
        draw.ellipse([330, 690, 352, 712], fill=LID)  # a hole over the rule's zone
        draw.ellipse([600, 705, 618, 723], fill=LID)
    if signed:
        points = [(300 + 12 * k, 699 + (3 if k % 2 else 24)) for k in range(8)]
        draw.line(points, fill=INK, width=4)
    lines = [OcrLine([label])]
    marks = find_signatures(np.asarray(image), lines)
    return [m.box for m in marks if not on_printed_label(m, lines, line_em(lines))]


def test_holes_beside_a_blank_line_are_no_signature() -> None:
    assert _signing_line(holes=False, signed=False) == []
    assert _signing_line(holes=True, signed=False) == []


def test_a_name_written_among_the_holes_is_found() -> None:
    # (the hole over the rule lies under the name: the name is found whole, with a pixel of the hole's
    # edge left where the ink crosses it)
    assert _signing_line(holes=True, signed=True) == [(300.0, 701.0, 386.0, 721.0)]
    assert _signing_line(holes=False, signed=True) == [(300.0, 702.0, 386.0, 721.0)]


def _recorder(*, tunnel: bool = False, grid: bool = False) -> list[tuple[float, float, float, float]]:
    """A printed line of prose over "记录人签字：" and the recorder's name written after it. When `tunnel`,
    a winding tunnel a third of a line height wide comes down the page past the prose's end and ends a
    line height into the signer's zone; when `grid`, the rows are a table's cells and the name is written
    tall against the top rule of its cell."""
    image = Image.new("RGB", (W, H), (244, 243, 240))
    draw = ImageDraw.Draw(image)
    prose = OcrBox("以上笔录我已看过，无误。", (150.0, 587.0, 414.0, 613.0), 0.99)
    label = OcrBox("记录人签字：", (150.0, 650.0, 282.0, 676.0), 0.99)
    _label(draw, prose)
    _label(draw, label)
    if tunnel:
        points = [(520 + round(12 * np.sin(k / 3)), 470 + 8 * k) for k in range(25)]
        draw.line(points, fill=LID, width=9, joint="curve")
    if grid:
        for y in (560, 620, 700):
            draw.line([(140, y), (900, y)], fill=(30, 30, 30), width=2)
        for x in (140, 286, 460, 900):
            draw.line([(x, 560), (x, 700)], fill=(30, 30, 30), width=2)
        points = [(300 + 14 * k, 621 if k == 0 else 628 + (4 if k % 2 else 44)) for k in range(8)]
    else:
        points = [(300 + 14 * k, 652 + (4 if k % 2 else 22)) for k in range(8)]
    draw.line(points, fill=INK, width=4)
    lines = [OcrLine([prose]), OcrLine([label])]
    marks = find_signatures(np.asarray(image), lines)
    return [m.box for m in marks if m.line == 1 and not on_printed_label(m, lines, line_em(lines))]


def test_a_tunnel_ending_in_a_signers_zone_is_not_his_ink() -> None:
    assert _recorder() == [(298.0, 655.0, 400.0, 676.0)]
    assert _recorder(tunnel=True) == [(298.0, 655.0, 400.0, 676.0)]


def test_a_name_written_against_a_cells_rule_is_found() -> None:
    assert _recorder(grid=True) == [(310.0, 632.0, 400.0, 674.0)]
