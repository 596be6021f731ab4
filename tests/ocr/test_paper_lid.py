"""A small paper scanned on a larger glass: the dark lid around it is painted the paper's colour; a page
without one, or with a dark photo inside it, is left as it is."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.paper import on_paper

PAPER = (246, 244, 238)
LID = (62, 64, 66)


def _slip_on_lid() -> Image.Image:
    """An A4 image at 100 dpi: a slip turned 5° on the dark lid, with a line of print on it."""
    image = Image.new("RGB", (827, 1169), LID)
    slip = Image.new("RGB", (560, 300), PAPER)
    ImageDraw.Draw(slip).rectangle([40, 60, 500, 74], fill=(20, 20, 20))
    turned = slip.rotate(5, expand=True, fillcolor=LID)
    image.paste(turned, (120, 200))
    return image


def test_the_lid_around_a_slip_becomes_paper() -> None:
    page = np.asarray(on_paper(_slip_on_lid()))
    assert page[20, 20].tolist() == list(PAPER)  # a corner of the lid
    assert page[1100, 700].tolist() == list(PAPER)
    assert page[:, :, 0].min() < 60  # the print on the slip stays


def test_a_page_without_a_lid_is_left_alone() -> None:
    page = Image.new("RGB", (827, 1169), PAPER)
    ImageDraw.Draw(page).rectangle([300, 400, 500, 600], fill=(30, 30, 30))  # a dark photo inside the page
    assert on_paper(page) is page
