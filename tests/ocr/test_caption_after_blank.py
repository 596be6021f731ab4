"""A row of signing rules each followed by its caption in brackets ("＿＿＿（被询问人签名）"): the ink on the
rule LEFT of a caption is found for that caption (a caption's zone lies left of it, not right); a few digits
the engine read unsurely out of the ink ("38") are handwriting, not print."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 400
PAPER = (246, 243, 234)
PRINT = (30, 30, 30)
RULE_Y = 300
RULES = [(140, 300), (640, 800)]  # each caption starts 10 px right of its rule
CAPTIONS = ["（被询问人签名）", "（询问人签名）"]


def _name(draw: ImageDraw.ImageDraw, left: int) -> None:
    """A scribbled name of three characters standing on a rule."""
    for k in range(3):
        x = left + 34 * k
        draw.line(
            [(x, 295), (x + 22, 258), (x + 8, 288), (x + 26, 300), (x + 12, 266)], fill=(20, 30, 90), width=3
        )


def _page(signed: list[int]) -> np.ndarray:
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    for (a, b), caption in zip(RULES, CAPTIONS, strict=True):
        draw.line([(a, RULE_Y), (b, RULE_Y)], fill=PRINT, width=2)
        for k in range(len(caption)):
            x = b + 10 + 18 * k
            draw.rectangle([x + 3, 282, x + 15, 298], outline=PRINT, width=2)
    for k in signed:
        _name(draw, RULES[k][0] + 20)
    return np.asarray(image)


def _line(read_ink: bool) -> list[OcrLine]:
    parts = [OcrBox(CAPTIONS[0], (310.0, 280.0, 454.0, 302.0), 0.99)]
    if read_ink:  # the engine read the second signer's ink as digits
        parts.append(OcrBox("38", (655.0, 255.0, 760.0, 302.0), 0.68))
    parts.append(OcrBox(CAPTIONS[1], (810.0, 280.0, 936.0, 302.0), 0.99))
    return [
        OcrLine([OcrBox("问：你还有什么要补充的吗？", (140.0, 100.0, 600.0, 124.0), 0.99)]),
        OcrLine(parts),
    ]


def _signed_rules(rgb: np.ndarray, lines: list[OcrLine]) -> list[int]:
    return sorted(
        {
            next(k for k, (a, b) in enumerate(RULES) if a <= m.box[0] < b + 10)
            for m in find_signatures(rgb, lines)
        }
    )


@pytest.mark.parametrize("signed", [[0, 1], [0], [1], []])
def test_each_caption_is_signed_on_the_rule_left_of_it(signed: list[int]) -> None:
    assert _signed_rules(_page(signed), _line(False)) == signed


def test_ink_read_as_a_few_unsure_digits_is_handwriting() -> None:
    assert _signed_rules(_page([0, 1]), _line(True)) == [0, 1]


def _bare_caption_page(rule: bool, ink_left: bool) -> np.ndarray:
    """An approval row: "（签名）" printed at x 500, a rule 140-490 before it or none, ink on the rule
    (left) or after the caption (right)."""
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    if rule:
        draw.line([(140, RULE_Y), (490, RULE_Y)], fill=PRINT, width=2)
    for k in range(4):
        x = 500 + 18 * k
        draw.rectangle([x + 3, 282, x + 15, 298], outline=PRINT, width=2)
    _name(draw, 200 if ink_left else 600)
    return np.asarray(image)


@pytest.mark.parametrize(
    ("rule", "ink_left", "found"),
    [
        (True, True, [(140, 500)]),  # ＿＿＿[ink]（签名）: signed on the rule
        (True, False, []),  # the ink after a caption of a rule belongs to no one here
        (False, False, [(500, 1240)]),  # 负责人 （签章）[ink]: one label, signed after it
    ],
)
def test_a_bare_caption_is_signed_before_it_only_after_a_printed_rule(
    rule: bool, ink_left: bool, found: list[tuple[int, int]]
) -> None:
    lines = [
        OcrLine([OcrBox("同意立案。", (140.0, 100.0, 300.0, 124.0), 0.99)]),
        OcrLine([OcrBox("（签名）", (500.0, 280.0, 572.0, 302.0), 0.99)]),
    ]
    marks = find_signatures(_bare_caption_page(rule, ink_left), lines)
    assert (
        sorted({next((a, b) for a, b in [(140, 500), (500, 1240)] if a <= m.box[0] < b) for m in marks})
        == found
    )


def _caption_under_rule_page(signed: bool) -> np.ndarray:
    """A 笔录's foot: a short rule 140-380 with "（被检查人签名）" printed under it at its left end, a name
    (and a fingerprint's smudge) signed on the rule or nothing."""
    image = Image.new("RGB", (W, H), PAPER)
    draw = ImageDraw.Draw(image)
    draw.line([(140, 250), (380, 250)], fill=PRINT, width=2)
    for k in range(8):
        x = 143 + 16 * k
        draw.rectangle([x + 2, 256, x + 13, 272], outline=PRINT, width=2)
    if signed:
        _name(draw, 170)
        draw.ellipse([290, 262 - 60, 312, 262 - 34], fill=(200, 60, 70))
    return np.asarray(image)


@pytest.mark.parametrize("signed", [True, False])
def test_a_named_caption_under_its_own_rule_is_signed_above_the_rule(signed: bool) -> None:
    # "（被检查人签名）" names its signer like a caption after a blank, but hangs under a rule of its own:
    # the signature stands on that rule, above the caption
    lines = [
        OcrLine([OcrBox("已售出同批次产品18瓶。", (140.0, 100.0, 450.0, 124.0), 0.99)]),
        OcrLine([OcrBox("（被检查人签名）", (141.0, 253.0, 272.0, 275.0), 0.99)]),
    ]
    marks = find_signatures(_caption_under_rule_page(signed), lines)
    assert {(m.line, m.box[3] <= 252) for m in marks} == ({(1, True)} if signed else set())
