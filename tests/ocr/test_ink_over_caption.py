"""Forms that print a short rule with the caption under it (受送达人（签字） under a blank line) are signed on
the rule, above the caption: that zone is read for ink. A thin ballpoint blurred by a coarse scan leaves
strokes lighter than print; they count where they are dark enough somewhere along their length and make a
sure verdict. A blank caption stays blank, and the fill-in line of the row above a label ("调查人：____"
over "记录人：") is no rule of that label's own."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 800
PAPER = (246, 243, 234)
PRINT = (25, 25, 25)
CAPTIONS = [(300.0, 531.0, 446.0, 562.0), (810.0, 531.0, 937.0, 562.0)]
RULES = [(185, 565), (686, 1066)]
RULE_Y = 528


def _glyphs(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float]) -> None:
    """Glyph-like squares for the printed characters of a box."""
    x0, top, x1, bottom = (round(v) for v in box)
    for x in range(x0 + 3, x1 - 14, 18):
        draw.rectangle([x, top + 6, x + 13, bottom - 6], outline=PRINT, width=3)


def _name(
    draw: ImageDraw.ImageDraw, left: int, colour: tuple[int, int, int], core: tuple[int, int, int]
) -> None:
    """A scribbled name of three characters standing on the rule, its strokes a pen's width."""
    for k in range(3):
        x = left + 34 * k
        strokes = [(x, 505), (x + 22, 470), (x + 8, 500), (x + 26, 512), (x + 12, 478), (x + 28, 492)]
        draw.line(strokes, fill=colour, width=2)
        for px, py in strokes[::2]:  # where the pen pressed, the stroke is darker
            draw.ellipse([px - 2, py - 2, px + 2, py + 2], fill=core)


def _page(sign: str) -> np.ndarray:
    """Two captions under their rules; `sign` is "faint" (light thin strokes), "dark" or "" (blank)."""
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    for a, b in RULES:
        draw.line([(a, RULE_Y), (b, RULE_Y)], fill=PRINT, width=2)
    for box in CAPTIONS:
        _glyphs(draw, box)
    if sign == "faint":
        _name(draw, 320, (165, 162, 185), (95, 92, 120))
    elif sign == "dark":
        _name(draw, 820, (30, 40, 120), (30, 40, 120))
    return np.asarray(image.filter(ImageFilter.GaussianBlur(0.7)))


LINES = [
    OcrLine([OcrBox("受送达人（签字）", CAPTIONS[0], 0.98), OcrBox("送达人（签字）", CAPTIONS[1], 0.98)])
]


def _marks(rgb: np.ndarray, lines: list[OcrLine]) -> list[tuple[tuple[float, ...], float, int | None]]:
    return [(tuple(round(v) for v in m.box), m.confidence, m.line) for m in find_signatures(rgb, lines)]


def test_a_faint_name_signed_over_the_caption_is_found() -> None:
    assert _marks(_page("faint"), LINES) == [((318, 470, 417, 513), 0.85, 0)]


def test_a_dark_name_over_the_second_caption_is_found() -> None:
    assert _marks(_page("dark"), LINES) == [((818, 470, 918, 514), 0.85, 0)]


def test_blank_captions_stay_blank() -> None:
    assert _marks(_page(""), LINES) == []


def test_the_fill_in_line_of_the_row_above_is_not_a_captions_rule() -> None:
    # 调查人（签名）：[name on its fill-in line] over 记录人（签名）：____ one line below: the 记录人 is blank
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    above, below = (520.0, 470.0, 700.0, 500.0), (520.0, 536.0, 700.0, 566.0)
    for box in (above, below):
        _glyphs(draw, box)
    draw.line([(705, 503), (900, 503)], fill=PRINT, width=2)  # the row above's fill-in line
    draw.line([(705, 569), (900, 569)], fill=PRINT, width=2)
    draw.line([(730, 495), (760, 474), (790, 496), (820, 478)], fill=(30, 40, 120), width=3)
    lines = [
        OcrLine([OcrBox("调查人（签名）：", above, 0.98)]),
        OcrLine([OcrBox("记录人（签名）：", below, 0.98)]),
    ]
    assert [line for _, _, line in _marks(np.asarray(image), lines)] == [0]
