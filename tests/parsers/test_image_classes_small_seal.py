"""An agency's e-seal set small in a .docx (a ring round a solid star, 60 pt) is a seal; a red mark of a
name set as small (no star in its middle), or any red mark under 50 pt, is a personal mark."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from casefile_eval.model import ImageKind
from casefile_eval.parsers.imageclass import classify_bytes

RED = (220, 40, 40, 255)


def _png(star: bool) -> bytes:
    image = Image.new("RGBA", (200, 200), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((6, 6, 194, 194), outline=RED, width=9)
    if star:
        draw.polygon(
            [
                (100, 62),
                (111, 92),
                (142, 92),
                (117, 111),
                (126, 141),
                (100, 123),
                (74, 141),
                (83, 111),
                (58, 92),
                (89, 92),
            ],
            fill=RED,
        )
    else:  # two strokes of a name, the middle left open
        draw.line((60, 70, 60, 130), fill=RED, width=7)
        draw.line((140, 70, 140, 130), fill=RED, width=7)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_a_small_red_ring_round_a_star_is_a_seal_and_a_smaller_or_starless_one_a_personal_mark() -> None:
    kinds = [
        classify_bytes(_png(star=True), (60.0, 60.0)).kind,
        classify_bytes(_png(star=True), (40.0, 40.0)).kind,
        classify_bytes(_png(star=False), (60.0, 60.0)).kind,
    ]
    assert kinds == [ImageKind.SEAL, ImageKind.SIGNATURE, ImageKind.SIGNATURE]
