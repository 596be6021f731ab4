from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.geometry import estimate_skew
from casefile_eval.ocr.marks import find_signatures
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.ocr.seals import find_seals

W, H = 1240, 1754  # A4 at 150 dpi


def page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (W, H), (248, 248, 244))
    return image, ImageDraw.Draw(image)


def printed(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int]) -> None:
    """Glyph-like dark blocks standing for printed characters."""
    x0, top, x1, bottom = box
    for x in range(x0 + 3, x1 - 20, 30):
        draw.rectangle([x, top + 6, x + 22, bottom - 6], outline=(20, 20, 20), width=3)


def test_red_round_seal_found_with_its_box() -> None:
    image, draw = page()
    draw.ellipse([700, 1200, 950, 1450], outline=(210, 35, 40), width=8)
    draw.polygon([(825, 1280), (845, 1340), (805, 1340)], fill=(210, 35, 40))
    draw.rectangle([100, 80, 1100, 130], fill=(210, 35, 40))  # a red 红头 band: no seal
    draw.ellipse([100, 600, 140, 640], outline=(210, 35, 40), width=4)  # too small for an agency seal
    seals = find_seals(np.asarray(image))
    assert len(seals) == 1
    box, confidence = seals[0]
    assert box == pytest.approx((700, 1200, 952, 1452), abs=6)
    assert confidence >= 0.9


def test_red_in_a_photograph_is_no_seal() -> None:
    """A red sign in an evidence photograph is round enough for a seal, but it lies on the photograph's
    own colours, not on paper; the same ring stamped on the paper beside it is a seal."""
    image, draw = page()
    draw.rectangle([150, 300, 1090, 900], fill=(120, 115, 105))  # the photograph
    draw.rectangle([150, 700, 1090, 900], fill=(80, 78, 70))  # its ground
    draw.ellipse([300, 400, 520, 620], outline=(200, 50, 60), width=30)  # a red sign, ringed
    draw.ellipse([700, 1200, 950, 1450], outline=(210, 35, 40), width=8)
    draw.polygon([(825, 1280), (845, 1340), (805, 1340)], fill=(210, 35, 40))
    seals = find_seals(np.asarray(image))
    assert [tuple(round(v) for v in box) for box, _ in seals] == [(700, 1200, 952, 1452)]


def test_black_ring_is_no_seal() -> None:
    image, draw = page()
    draw.ellipse([700, 1200, 950, 1450], outline=(30, 30, 30), width=8)
    assert find_seals(np.asarray(image)) == []


def test_inked_zone_is_a_signature_tied_to_its_label() -> None:
    marks = find_signatures(*_zone("inked"))
    assert len(marks) == 1
    assert marks[0].kind == "signature"
    assert marks[0].line == 1
    assert marks[0].confidence >= 0.75
    assert marks[0].box == pytest.approx((328, 493, 473, 543), abs=4)


@pytest.mark.parametrize("zone", ["blank", "underscores", "speck", "tilted", "cell_border"])
def test_blank_or_ruled_zone_has_no_signature(zone: str) -> None:
    assert find_signatures(*_zone(zone)) == []


def _zone(zone: str) -> tuple[np.ndarray, list[OcrLine]]:
    image, draw = page()
    label = OcrBox("被询问人签名：", (100.0, 500.0, 310.0, 536.0), 0.99)
    other = OcrBox("以上笔录我已看过。", (100.0, 400.0, 380.0, 436.0), 0.99)
    printed(draw, (100, 500, 300, 536))
    printed(draw, (100, 400, 380, 436))
    ink = (20, 30, 90)
    if zone == "inked":
        draw.line([(330, 530), (360, 495), (380, 540), (410, 500), (440, 535), (470, 505)], fill=ink, width=4)
        draw.line([(345, 515), (455, 520)], fill=ink, width=3)
    elif zone == "underscores":
        draw.line([(310, 534), (700, 534)], fill=(20, 20, 20), width=3)
    elif zone == "tilted":  # an underscore the deskew left at a slant
        draw.line([(310, 532), (700, 536)], fill=(20, 20, 20), width=2)
    elif zone == "cell_border":  # a table rule cut by the zone's edge
        draw.line([(520, 490), (521, 548)], fill=(20, 20, 20), width=3)
    elif zone == "speck":
        draw.rectangle([400, 515, 402, 517], fill=(30, 30, 30))
    return np.asarray(image), [OcrLine([other]), OcrLine([label])]


def test_skew_of_ruled_text_is_measured() -> None:
    image, draw = page()
    for y in range(200, 1500, 60):
        printed(draw, (150, y, 1100, y + 36))
    turned = image.rotate(-2.0, fillcolor=(248, 248, 244))  # clockwise: lines descend to the right
    assert estimate_skew(turned.convert("L")) == pytest.approx(2.0, abs=0.15)
    assert estimate_skew(image.convert("L")) == 0.0


def _approval_cell(signed: bool) -> tuple[np.ndarray, list[OcrLine]]:
    """负责人审批意见 | 同意立案。(line above) / 签名：[ink?] 2025-03-05 — the opinion's printed words sit in
    its right zone; only the 签名 label below them decides."""
    image, draw = page()
    opinion = OcrBox("负责人审批意见", (100.0, 812.0, 300.0, 840.0), 0.99)
    words = OcrBox("同意立案，由徐明、顾嘉怡承办。", (340.0, 790.0, 760.0, 818.0), 0.99)
    sign = OcrBox("签名：", (340.0, 826.0, 410.0, 854.0), 0.99)
    date = OcrBox("2025-03-05", (470.0, 826.0, 600.0, 854.0), 0.99)
    printed(draw, (100, 812, 300, 840))
    printed(draw, (340, 790, 760, 818))
    printed(draw, (340, 826, 410, 854))
    printed(draw, (470, 826, 600, 854))
    if signed:
        draw.line([(415, 850), (430, 826), (445, 852), (460, 828)], fill=(20, 30, 90), width=4)
    return np.asarray(image), [OcrLine([words]), OcrLine([opinion]), OcrLine([sign, date])]


def test_opinion_whose_zone_holds_a_signature_label_leaves_the_verdict_to_that_label() -> None:
    assert find_signatures(*_approval_cell(signed=False)) == []
    marks = find_signatures(*_approval_cell(signed=True))
    assert [m.line for m in marks] == [2]


def _grey_page(ring: bool) -> np.ndarray:
    image = Image.new("RGB", (W, H), (238, 238, 238))
    draw = ImageDraw.Draw(image)
    for y in range(200, 1100, 60):
        printed(draw, (150, y, 1100, y + 36))
    printed(draw, (720, 1300, 1000, 1336))  # the 落款 the seal is stamped over
    if ring:
        draw.ellipse([700, 1200, 950, 1450], outline=(120, 120, 120), width=8)
        draw.polygon([(825, 1280), (845, 1340), (805, 1340)], fill=(120, 120, 120))
    return np.asarray(image)


def test_grey_scan_seal_is_a_ring_of_seal_size() -> None:
    seals = find_seals(_grey_page(ring=True))
    assert len(seals) == 1
    box, confidence = seals[0]
    assert box == pytest.approx((700, 1200, 952, 1452), abs=16)
    assert confidence >= 0.7
    assert find_seals(_grey_page(ring=False)) == []


def test_label_alone_on_its_line_is_signed_on_the_line_below() -> None:
    image, draw = page()
    label = OcrBox("被检查人（签名）", (100.0, 500.0, 330.0, 536.0), 0.99)
    date = OcrBox("2023年11月20日", (600.0, 580.0, 860.0, 616.0), 0.99)
    nxt = OcrBox("执法人员签名", (100.0, 660.0, 290.0, 696.0), 0.99)
    for part in (label, date, nxt):
        printed(draw, tuple(round(v) for v in part.box))  # type: ignore[arg-type]
    lines = [OcrLine([label]), OcrLine([date]), OcrLine([nxt])]
    assert find_signatures(np.asarray(image), lines) == []
    draw.line([(130, 600), (160, 570), (190, 610), (220, 575), (250, 605)], fill=(20, 30, 90), width=4)
    assert [m.line for m in find_signatures(np.asarray(image), lines)] == [0]


def test_a_printed_field_further_along_the_line_ends_the_zone() -> None:
    image, draw = page()
    label = OcrBox("法制审核人员：", (100.0, 500.0, 330.0, 536.0), 0.99)
    field = OcrBox("法律职业资格证号：A20202312020148", (560.0, 500.0, 1100.0, 536.0), 0.99)
    printed(draw, (100, 500, 330, 536))
    printed(draw, (560, 500, 1100, 536))
    draw.line([(340, 534), (540, 534)], fill=(20, 20, 20), width=2)  # the blank slot's underscore
    assert find_signatures(np.asarray(image), [OcrLine([label, field])]) == []


def test_signature_under_a_label_beside_the_field_printed_on_its_right() -> None:
    """法制审核人员 / [ink] 法律职业资格证号：A2018… — the ink shares its line with a printed field."""
    image, draw = page()
    label = OcrBox("法制审核人员", (100.0, 500.0, 280.0, 536.0), 0.99)
    field = OcrBox("法律职业资格证号：A20185001120377", (420.0, 560.0, 1000.0, 596.0), 0.99)
    printed(draw, (100, 500, 280, 536))
    printed(draw, (420, 560, 1000, 596))
    lines = [OcrLine([label]), OcrLine([field])]
    assert find_signatures(np.asarray(image), lines) == []
    draw.line([(150, 590), (180, 545), (210, 595), (240, 550), (270, 585)], fill=(20, 30, 90), width=4)
    assert [m.line for m in find_signatures(np.asarray(image), lines)] == [0]


def _scribble(draw: ImageDraw.ImageDraw, x: int, y: int, chars: int) -> None:
    """A handwritten name: `chars` connected zigzags, each about one line height wide."""
    for k in range(chars):
        left = x + k * 40
        points = [
            (left, y + 30),
            (left + 10, y),
            (left + 20, y + 32),
            (left + 30, y + 4),
            (left + 36, y + 28),
        ]
        draw.line(points, fill=(20, 30, 90), width=4)


def test_two_signatures_apart_in_one_zone_are_two_marks_and_one_name_is_one() -> None:
    image, draw = page()
    label = OcrBox("询问人（签名）：", (100.0, 500.0, 330.0, 536.0), 0.99)
    printed(draw, (100, 500, 330, 536))
    lines = [OcrLine([label])]
    _scribble(draw, 350, 500, 3)  # one name of three characters, strokes close together
    marks = find_signatures(np.asarray(image), lines)
    assert [(m.line, round(m.box[0])) for m in marks] == [(0, 348)]  # the pen is 4 px wide
    _scribble(draw, 530, 500, 2)  # a second officer's name, a line height and more to the right
    marks = find_signatures(np.asarray(image), lines)
    assert [(m.line, round(m.box[0])) for m in marks] == [(0, 348), (0, 528)]
    assert marks[0].confidence == marks[1].confidence


def test_handwriting_read_as_text_under_a_label_does_not_end_its_zone() -> None:
    """执法人员签名 / [ink the engine read as "#" with 0.51] / 记录人 — the ink is the label's."""
    image, draw = page()
    label = OcrBox("执法人员签名", (100.0, 500.0, 280.0, 536.0), 1.0)
    read = OcrBox("#", (150.0, 545.0, 420.0, 595.0), 0.51)
    nxt = OcrBox("记录人", (100.0, 620.0, 190.0, 656.0), 1.0)
    printed(draw, (100, 500, 280, 536))
    printed(draw, (100, 620, 190, 656))
    _scribble(draw, 160, 552, 3)
    _scribble(draw, 340, 552, 2)
    lines = [OcrLine([label]), OcrLine([read]), OcrLine([nxt])]
    assert [(m.line, round(m.box[0])) for m in find_signatures(np.asarray(image), lines)] == [
        (0, 158),
        (0, 338),
    ]
    # a printed line under the label (read surely) still ends the zone: nothing is looked for above it
    sure = OcrBox("以上情况属实", (150.0, 545.0, 380.0, 595.0), 0.99)
    assert find_signatures(np.asarray(image), [OcrLine([label]), OcrLine([sure]), OcrLine([nxt])]) == []


def test_a_personal_seal_inked_solid_round_white_characters_is_ink() -> None:
    """法制审核人员签名：[私章] 法律职业资格证号：… — a red square wider than a rule's run, its characters
    left white."""
    image, draw = page()
    label = OcrBox("法制审核人员签名：", (100.0, 500.0, 370.0, 536.0), 1.0)
    field = OcrBox("法律职业资格证号：A20173305020418", (500.0, 500.0, 930.0, 536.0), 1.0)
    printed(draw, (100, 500, 370, 536))
    printed(draw, (500, 500, 930, 536))
    lines = [OcrLine([label, field])]
    assert find_signatures(np.asarray(image), lines) == []
    draw.rectangle([385, 473, 475, 563], fill=(205, 40, 45))
    for x, y in ((394, 482), (432, 482), (394, 520), (432, 520)):  # four white characters
        draw.rectangle([x, y, x + 32, y + 34], outline=(248, 248, 244), width=3)
        draw.line([(x + 5, y + 17), (x + 27, y + 17)], fill=(248, 248, 244), width=3)
    # (the whole seal, its straight edges too: a personal seal's frame is no ruled line)
    assert [(m.line, round(m.box[0])) for m in find_signatures(np.asarray(image), lines)] == [(0, 385)]


def test_a_faded_seal_broken_into_pieces_is_one_seal() -> None:
    """A seal's ring and star reached the page in pieces lying apart (print crossing a faded seal): taken
    together they are one round seal; for the recogniser's fading only whole seals are looked for."""
    image, draw = page()
    red = (200, 70, 70)
    draw.arc([700, 1200, 950, 1450], 200, 340, fill=red, width=8)  # the upper arc with the name
    draw.arc([700, 1200, 950, 1450], 20, 160, fill=red, width=8)  # the lower arc
    draw.polygon([(825, 1290), (850, 1350), (800, 1350)], fill=red)  # the star
    seals = find_seals(np.asarray(image))
    assert [(tuple(round(v) for v in box), confidence) for box, confidence in seals] == [
        ((708, 1200, 944, 1452), 0.98)
    ]
    assert find_seals(np.asarray(image), broken=False) == []
    # two small red marks far apart (fingerprints) make no seal
    image, draw = page()
    draw.ellipse([200, 1200, 240, 1250], fill=red)
    draw.ellipse([600, 1200, 640, 1250], fill=red)
    assert find_seals(np.asarray(image)) == []
