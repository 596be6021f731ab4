"""What a blank's underline or a table rule leaves when it breaks off — a bar a pixel or two tall, too
short to be taken for a rule — is no signature of its own: a written name is never that flat."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from casefile_eval.ocr.ink import ink_levels, zone_verdict

HEIGHT = 30.0  # the label's line height in pixels
ZONE = (200.0, 100.0, 520.0, 160.0)


def _page(name: bool) -> np.ndarray:
    img = Image.new("RGB", (600, 300), (234, 232, 226))
    draw = ImageDraw.Draw(img)
    draw.text((20, 110), "签收人：", fill=(30, 30, 30))
    draw.rectangle((20, 20, 180, 24), fill=(25, 25, 25))
    draw.rectangle((420, 150, 443, 151), fill=(40, 40, 40))  # a piece of the underline, 24 by 2 pixels
    if name:
        draw.line([(215, 140), (232, 108), (241, 142), (258, 112), (266, 139)], fill=(20, 20, 60), width=3)
        draw.line([(275, 125), (300, 118), (288, 146), (312, 135)], fill=(20, 20, 60), width=3)
    return np.asarray(img)


def test_a_broken_off_piece_of_a_rule_is_no_signature() -> None:
    verdict = zone_verdict(ink_levels(_page(name=True)), ZONE, HEIGHT)
    assert verdict is not None
    assert verdict[1] == [(214.0, 108.0, 313.0, 148.0)]  # the name alone
    blank = zone_verdict(ink_levels(_page(name=False)), ZONE, HEIGHT)
    assert blank is None or blank[1] == []
