"""A short opinion printed right of an opinion label ("负责人意见：同意。", "负责人意见　同意") is print,
not the approver's ink: an approver who never signed is not judged signed by the words the form was filled
in with (an opinion read surely is the opinion, printed or written, never a name)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.labels import line_em
from casefile_eval.ocr.marks import find_signatures, on_printed_label
from casefile_eval.ocr.page import OcrBox, OcrLine

W, H = 1240, 1754  # A4 at 150 dpi
INK = (25, 35, 120)


def _print(draw: ImageDraw.ImageDraw, part: OcrBox) -> None:
    """Glyph-like dark squares standing for the printed characters of an OCR box, 22 px a character;
    a colon two small dots, a full stop one low in its cell."""
    x0, top, _, bottom = (round(v) for v in part.box)
    for k, char in enumerate(part.text):
        x = x0 + 2 + 22 * k
        if char in "：。":
            draw.ellipse([x + 2, bottom - 10, x + 7, bottom - 5], fill=(20, 20, 20))
        if char == "：":
            draw.ellipse([x + 2, top + 8, x + 7, top + 13], fill=(20, 20, 20))
        elif char != "。":
            draw.rectangle([x, top + 5, x + 17, bottom - 5], outline=(20, 20, 20), width=3)


def _scrawl(draw: ImageDraw.ImageDraw, x: int, top: int) -> None:
    """A signature-like zigzag about 70 px wide and a line high."""
    points = [(x + 12 * k, top + (3 if k % 2 else 27)) for k in range(6)]
    draw.line(points, fill=INK, width=4)
    draw.line([(x + 4, top + 16), (x + 62, top + 12)], fill=INK, width=3)


def _opinion(opinion: str, confidence: float, signed: bool) -> list[tuple[float, float, float, float]]:
    """Line "负责人意见：" then the opinion's box 22 px after it; a signature at x=560 when `signed`."""
    image = Image.new("RGB", (W, H), (247, 247, 243))
    draw = ImageDraw.Draw(image)
    label = OcrBox("负责人意见：", (150.0, 700.0, 282.0, 726.0), 0.99)
    said = OcrBox(opinion, (304.0, 700.0, 304.0 + 22 * len(opinion), 726.0), confidence)
    for part in (label, said):
        _print(draw, part)
    if signed:
        _scrawl(draw, 560, 699)
    lines = [OcrLine([label, said])]
    marks = find_signatures(np.asarray(image), lines)
    return [m.box for m in marks if not on_printed_label(m, lines, line_em(lines))]


def test_a_short_printed_opinion_is_no_signature() -> None:
    assert _opinion("同意。", 0.99, signed=False) == []
    assert _opinion("同意立案。", 0.97, signed=False) == []


def test_an_opinion_alone_read_surely_is_no_signature() -> None:
    # "同意" without a full stop, printed (or written) and nothing else: the opinion is not a name
    assert _opinion("同意", 0.99, signed=False) == []
    (box,) = _opinion("同意", 0.99, signed=True)
    assert 555 <= box[0] <= 565


def test_an_opinion_with_its_colon_read_fairly_surely_is_no_signature() -> None:
    # holdout54 h54-06's scan: "同意：" (the head to sign after its colon, who did not) read at 0.85
    assert _opinion("同意：", 0.85, signed=False) == []
    # (read less surely it may be a name)
    assert _opinion("同意", 0.79, signed=False) == [(306.0, 705.0, 346.0, 722.0)]


def test_the_approver_signing_after_the_printed_opinion_is_found() -> None:
    (box,) = _opinion("同意。", 0.99, signed=True)
    assert 555 <= box[0] <= 565


def test_an_opinion_read_unsurely_may_be_handwriting_and_counts_as_ink() -> None:
    (box,) = _opinion("同意", 0.62, signed=False)
    assert 304 <= box[0] < 314


def _opinion_in_label_box(written: bool) -> list[tuple[float, float, float, float]]:
    """ "负责人审批意见同意立案" in one box; under it, when `written`, the approver's name and date written
    large by hand and read surely as a line of its own ("孔德华2022.9.14", 0.95, 2.5 lines tall)."""
    image = Image.new("RGB", (W, H), (247, 247, 243))
    draw = ImageDraw.Draw(image)
    label = OcrBox("负责人审批意见同意立案", (150.0, 700.0, 392.0, 726.0), 0.99)
    _print(draw, label)
    lines = [OcrLine([label])]
    if written:
        for x in (160, 240, 320):
            _scrawl(draw, x, 740)
        lines.append(OcrLine([OcrBox("孔德华2022.9.14", (152.0, 728.0, 420.0, 792.0), 0.95)]))
    marks = find_signatures(np.asarray(image), lines)
    return [m.box for m in marks if not on_printed_label(m, lines, line_em(lines))]


def test_the_opinion_printed_in_its_labels_box_is_print() -> None:
    assert _opinion_in_label_box(written=False) == []


def test_a_name_and_date_written_large_under_the_opinion_is_its_signature_though_read_surely() -> None:
    assert _opinion_in_label_box(written=True) == [
        (158.0, 743.0, 222.0, 769.0),
        (238.0, 743.0, 302.0, 769.0),
        (318.0, 743.0, 382.0, 769.0),
    ]


def test_an_opinion_read_surely_after_show_through_is_no_signature() -> None:
    # holdout55 h55-06's scan: the next sheet's print showing through a grease stain ran into the printed
    # "同意：" the head never signed after; the box read "二策《同意：" at 0.78, its opinion surely
    image = Image.new("RGB", (W, H), (247, 247, 243))
    draw = ImageDraw.Draw(image)
    label = OcrBox("负责人意见：", (150.0, 700.0, 282.0, 726.0), 0.99)
    text = "二策《同意："
    centres = tuple(304.0 + 22 * k + 11 for k in range(len(text)))
    scores = (0.72, 0.30, 0.96, 0.79, 1.0, 0.89)
    said = OcrBox(text, (304.0, 700.0, 304.0 + 22 * len(text), 726.0), 0.78, centres, scores)
    _print(draw, label)
    _print(draw, OcrBox("同意：", (370.0, 700.0, 436.0, 726.0), 0.99))
    for k in range(3):  # the show-through: faint
        x = 306 + 22 * k
        draw.rectangle([x, 705, x + 17, 721], outline=(222, 222, 220), width=2)
    lines = [OcrLine([label, said])]
    marks = find_signatures(np.asarray(image), lines)
    assert [m.box for m in marks if not on_printed_label(m, lines, line_em(lines))] == []
