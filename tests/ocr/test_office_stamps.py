"""An office's framed blue or violet stamp laid over a page (a 收件 intake stamp with its own date) is taken
off before the page is read; print under it, blue handwriting, a photograph's coloured boxes, a round stamp
and a one-row date stamp in a 日期 slot stay."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.office_stamps import without_office_stamps

PAPER = (244, 240, 226)
PRINT = (25, 25, 25)
VIOLET = (112, 96, 168)
BLUE_INK = (40, 60, 150)


def _page() -> Image.Image:
    """An A4 page at 150 dpi with a title and two rows of print (bars for characters) and a blue
    handwritten name (a stroked zigzag)."""
    page = Image.new("RGB", (1241, 1755), PAPER)
    draw = ImageDraw.Draw(page)
    for x in range(460, 780, 40):  # the title's characters
        draw.rectangle([x, 200, x + 28, 232], fill=PRINT)
    for y in (300, 360):
        for x in range(150, 1100, 30):
            draw.rectangle([x, y, x + 20, y + 22], fill=PRINT)
    draw.line([(200, 900), (230, 860), (260, 905), (290, 858), (320, 902)], fill=BLUE_INK, width=4)
    return page


def _stamp(page: Image.Image, turn: float) -> Image.Image:
    """The page with a violet intake stamp (a ruled frame, a middle rule, two rows of words) laid over it at
    70 % ink, turned `turn` degrees."""
    x0, y0, x1, y1 = 640, 170, 1060, 330
    mask = Image.new("L", page.size, 0)
    draw = ImageDraw.Draw(mask)
    draw.rectangle([x0, y0, x1, y1], outline=255, width=4)
    draw.line([(x0, (y0 + y1) // 2), (x1, (y0 + y1) // 2)], fill=255, width=2)
    for row in (y0 + 25, (y0 + y1) // 2 + 25):
        for x in range(x0 + 20, x1 - 40, 34):
            draw.rectangle([x, row, x + 24, row + 26], outline=255, width=3)
    mask = mask.rotate(turn, center=((x0 + x1) / 2, (y0 + y1) / 2))
    ink = Image.new("RGB", page.size, VIOLET)
    alpha = Image.fromarray((np.asarray(mask) * 0.7).astype(np.uint8))
    return Image.composite(ink, page, alpha)


def _violet(rgb: np.ndarray) -> np.ndarray:
    """The stamp's ink on paper (its ink on print is darker: print showing through)."""
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV_FULL)
    return (hsv[..., 0] >= 140) & (hsv[..., 0] <= 215) & (hsv[..., 1] > 40) & (hsv[..., 2] > 150)


@pytest.mark.parametrize("turn", [0.0, 4.0, -5.0])
def test_a_turned_intake_stamp_is_taken_off_and_the_print_under_it_stays(turn: float) -> None:
    page = _page()
    stamped = _stamp(page, turn)
    out = np.asarray(without_office_stamps(stamped))
    assert _violet(np.asarray(stamped)[150:360, 600:1100]).sum() > 5000
    assert _violet(out[150:360, 600:1100]).sum() == 0
    gray = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
    # the print under the stamp (a character of the first row at x 660-680) is still dark
    assert gray[305:318, 662:678].max() < 120
    # the page away from the stamp, the blue name included, is untouched
    assert np.array_equal(out[700:, :], np.asarray(stamped)[700:, :])


def test_blue_handwriting_a_photograph_a_round_stamp_and_a_date_stamp_are_left_alone() -> None:
    page = _page()
    draw = ImageDraw.Draw(page)
    # a one-row date stamp (2020.08.06 in a rounded frame) put in a 日期 slot: the date of the act
    draw.rounded_rectangle([600, 880, 730, 920], radius=10, outline=VIOLET, width=3)
    for x in range(612, 712, 12):
        draw.rectangle([x, 890, x + 7, 910], outline=VIOLET, width=2)
    draw.rectangle([300, 1000, 900, 1400], fill=(120, 120, 125))  # a photograph...
    draw.rectangle([420, 1100, 700, 1250], fill=(70, 70, 170), outline=(50, 50, 140), width=4)  # its blue box
    draw.ellipse([850, 1450, 1100, 1700], outline=VIOLET, width=6)  # a round violet stamp
    assert without_office_stamps(page) is page
