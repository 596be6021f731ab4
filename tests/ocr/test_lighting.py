"""A page scanned under a failing lamp (a yellow-green cast, dark corners): the paper's light is divided
out, so the paper is an even white again and a seal gone brown is red enough to be found; a page on even
neutral paper is left as it is."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.lighting import CAST, UNEVEN, evenly_lit, lighting_faults, paper_light
from casefile_eval.ocr.seals import find_seals, red_mask

PAPER = (246, 245, 242)
SEAL = (205, 40, 40)


def _page() -> Image.Image:
    """An A4 page at 100 dpi: lines of print and a round red seal over the 落款."""
    image = Image.new("RGB", (827, 1169), PAPER)
    draw = ImageDraw.Draw(image)
    for row in range(12):
        draw.rectangle([90, 120 + 40 * row, 730, 132 + 40 * row], fill=(25, 25, 25))
    draw.ellipse([520, 760, 720, 960], outline=SEAL, width=9)
    draw.polygon([(620, 820), (640, 880), (600, 880)], fill=SEAL)
    return image


def _failing_lamp(image: Image.Image) -> Image.Image:
    """The page with its seal's red dulled, then a yellow-green cast and darkened corners over it all."""
    rgb = np.asarray(image).astype(np.float32)
    grey = rgb.mean(axis=2, keepdims=True)
    rgb = grey + (rgb - grey) * 0.2
    height, width = rgb.shape[:2]
    yy, xx = np.mgrid[0:height, 0:width]
    reach = np.hypot((xx - width / 2) / (width / 2), (yy - height / 2) / (height / 2)) / np.sqrt(2)
    rgb = rgb * np.array([0.86, 1.0, 0.55]) * (1.0 - 0.8 * reach**2)[..., None]
    return Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))


def test_a_failing_lamp_is_a_cast_and_uneven_light() -> None:
    cast, uneven = lighting_faults(paper_light(np.asarray(_failing_lamp(_page()))))
    assert cast > 20
    assert uneven > 0.3
    cast, uneven = lighting_faults(paper_light(np.asarray(_page())))
    assert cast < CAST
    assert uneven < UNEVEN


def test_the_paper_comes_out_even_and_white() -> None:
    dull = np.asarray(_failing_lamp(_page())).astype(int)
    lit = np.asarray(evenly_lit(Image.fromarray(dull.astype(np.uint8)))).astype(int)
    for y, x in ((15, 15), (1150, 810), (600, 60), (1100, 400)):  # corners and margins
        assert np.abs(dull[y, x] - 245).max() > 100
        assert np.abs(lit[y, x] - 245).max() <= 10
    assert lit[126, 400].max() < 80  # the print stays dark


def test_the_brown_seal_is_red_again() -> None:
    dull = _failing_lamp(_page())
    assert find_seals(np.asarray(dull)) == []
    assert not red_mask(np.asarray(dull)[760:960, 520:720]).any()
    seals = find_seals(np.asarray(evenly_lit(dull)))
    assert len(seals) == 1
    box, _ = seals[0]
    assert max(abs(a - b) for a, b in zip(box, (520, 760, 720, 960), strict=True)) <= 12


def test_even_neutral_paper_is_left_alone() -> None:
    page = _page()
    assert evenly_lit(page) is page
