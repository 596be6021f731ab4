"""A grey scan of a page from a laser printer whose toner rubbed off in streaks: the seal's ring, printed
light grey, is broken by the pale columns where the toner is gone and crossed by the 落款's print; it is
found as a broken ring. (On holdout53's h53-08 scan the thickened page placed the circle a little off the
ring, which the page as it is places right: both circles are tried.)"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PIL import Image, ImageDraw

from casefile_eval.ocr.seals import find_seals, grey_seals

PAPER = 250


def _page(seal: bool) -> np.ndarray:
    """A grey A4 page at 150 dpi: lines of print, the 落款 (agency and date) and, when `seal`, a light grey
    ring of radius 95 px round (900, 470), the page's print streaked by pale columns every 14 px."""
    image = Image.new("RGB", (1241, 1755), (PAPER,) * 3)
    draw = ImageDraw.Draw(image)
    for row in range(5):
        top = 150 + 45 * row
        for x in range(150, 1090, 30):
            draw.rectangle([x, top, x + 22, top + 22], fill=(30, 30, 30))
    for top, left, right in ((420, 810, 1020), (455, 830, 1000)):  # the agency's name and the date
        for x in range(left, right, 30):
            draw.rectangle([x, top, x + 22, top + 22], fill=(30, 30, 30))
    if seal:
        for k in range(360):
            a = 2 * math.pi * k / 360
            x, y = 900 + 95 * math.cos(a), 470 + 95 * math.sin(a)
            draw.ellipse([x - 3, y - 3, x + 3, y + 3], fill=(150, 150, 150))
    pixels = np.asarray(image).copy()
    for x in range(700, 1100, 14):  # the streaks where the toner rubbed off
        pixels[300:700, x : x + 5] = np.maximum(pixels[300:700, x : x + 5], 228)
    return pixels


def test_a_streaked_grey_ring_is_the_seal() -> None:
    (found,) = grey_seals(_page(seal=True))
    assert found[0] == pytest.approx((805, 375, 995, 565), abs=10)
    assert find_seals(_page(seal=True)) == [found]


def test_the_streaked_print_alone_has_no_seal() -> None:
    assert grey_seals(_page(seal=False)) == []
