"""A row of signing rules with each caption printed small under its rule, flush with the rule's start
(被检查人（签名、盖章或按指印） 2023/12/12 | 执法人员 | 记录人), the engine reading the first two captions as
one box: each caption is signed above its own rule. A value typed on a caption's rule (a field filled in
type) is no signing."""

from __future__ import annotations

import unicodedata

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.labels import labels_in
from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 700
PAPER = (246, 243, 234)
PRINT = (40, 30, 110)
RULE_Y = 528
RULES = [(140, 423), (457, 740), (774, 1057)]
ROW = "被检查人（签名、盖章或按指印）2023/12/12执法人员"


def _centres() -> tuple[float, ...]:
    """Character centres of the merged caption box: the party's caption, a gap, the date, a gap, 执法人员
    flush under the second rule."""
    out, x = [], 147.0
    for k, char in enumerate(ROW):
        if k == 15:
            x = 380.0
        if k == 25:
            x = 464.0
        out.append(x)
        x += 14.0 if unicodedata.east_asian_width(char) in "FW" else 7.0
    return tuple(out)


def _glyphs(draw: ImageDraw.ImageDraw, centres: tuple[float, ...], text: str, top: int) -> None:
    for x, char in zip(centres, text, strict=True):
        half = 6 if unicodedata.east_asian_width(char) in "FW" else 3
        draw.rectangle([x - half, top + 5, x + half, top + 16], outline=PRINT, width=2)


def _name(draw: ImageDraw.ImageDraw, left: int) -> None:
    """A scribbled name of three characters standing on a rule."""
    for k in range(3):
        x = left + 34 * k
        draw.line(
            [(x, 515), (x + 22, 478), (x + 8, 508), (x + 26, 520), (x + 12, 486)], fill=(20, 30, 90), width=3
        )


def _page(signed: list[int], typed: str = "") -> np.ndarray:
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    for a, b in RULES:
        draw.line([(a, RULE_Y), (b, RULE_Y)], fill=PRINT, width=2)
    _glyphs(draw, _centres(), ROW, 531)
    _glyphs(draw, (781.0, 795.0, 809.0), "记录人", 531)
    for k in signed:
        _name(draw, RULES[k][0] + 30)
    if typed:
        _glyphs(draw, (480.0, 500.0, 520.0), typed, 500)
    return np.asarray(image)


CAPTIONS = OcrLine(
    [
        OcrBox(ROW, (140.0, 531.0, 520.0, 552.0), 0.98, _centres(), (0.98,) * len(ROW)),
        OcrBox("记录人", (774.0, 531.0, 816.0, 552.0), 0.99),
    ]
)


def _marked(rgb: np.ndarray, lines: list[OcrLine]) -> list[int]:
    """For each mark, the rule it stands over (its index)."""
    marks = find_signatures(rgb, lines)
    return sorted({next(k for k, (a, b) in enumerate(RULES) if a <= m.box[0] < b) for m in marks})


def test_the_role_word_ending_the_merged_caption_box_is_a_label_of_its_own() -> None:
    # (the party's caption reads as two labels, 签名、盖章 and 或按指印: both find the same rule)
    assert [(ROW[a:b], o) for a, b, o in labels_in(CAPTIONS.parts[0])] == [
        ("被检查人（签名、盖章", False),
        ("或按指印）", False),
        ("执法人员", False),
    ]


def test_a_name_over_the_officers_rule_is_found() -> None:
    assert _marked(_page([1]), [CAPTIONS]) == [1]


def test_every_rule_signed() -> None:
    assert _marked(_page([0, 1, 2]), [CAPTIONS]) == [0, 1, 2]


def test_blank_rules_stay_blank() -> None:
    assert _marked(_page([]), [CAPTIONS]) == []


def test_a_value_typed_on_the_rule_is_no_signing() -> None:
    typed = OcrLine([OcrBox("向海波", (472.0, 500.0, 528.0, 521.0), 0.99)])
    assert _marked(_page([], typed="向海波"), [typed, CAPTIONS]) == []
