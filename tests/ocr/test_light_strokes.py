"""A signature in a light ballpoint or a carbon copy's pale violet: strokes well darker than the paper round
them but nowhere as dark as print are ink; paper grain and a soft shadow are not."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.ink import ink_levels, zone_verdict

HEIGHT = 30.0  # the label's line height in pixels
ZONE = (200.0, 100.0, 330.0, 160.0)


def _page(stroke: tuple[int, int, int] | None, shadow: int | None = None) -> np.ndarray:
    img = Image.new("RGB", (600, 300), (234, 232, 226))
    draw = ImageDraw.Draw(img)
    draw.text((20, 110), "询问人签名：", fill=(30, 30, 30))  # print sets the page's contrast
    draw.rectangle((20, 20, 180, 24), fill=(25, 25, 25))
    if shadow is not None:
        draw.ellipse((205, 105, 325, 155), fill=(shadow, shadow, shadow - 4))
    if stroke is not None:
        draw.line([(215, 140), (232, 108), (241, 142), (258, 112), (266, 139)], fill=stroke, width=2)
        draw.line([(275, 125), (300, 118), (288, 146), (312, 135)], fill=stroke, width=2)
    return np.asarray(img)


def test_a_pale_violet_signature_is_ink() -> None:
    verdict = zone_verdict(ink_levels(_page((165, 150, 178))), ZONE, HEIGHT)
    assert verdict == (0.79, [(214.0, 108.0, 313.0, 148.0)])  # both strokes, one name


def test_paper_grain_and_a_soft_shadow_are_blank() -> None:
    assert zone_verdict(ink_levels(_page(None, shadow=206)), ZONE, HEIGHT) is None
    assert zone_verdict(ink_levels(_page(None)), ZONE, HEIGHT) is None
