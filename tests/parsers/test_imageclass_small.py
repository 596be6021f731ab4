"""A small placed image of a name on a white ground is a signature, whatever its ink colour."""

from __future__ import annotations

from PIL import Image, ImageDraw

from casefile_eval.model import ImageKind
from casefile_eval.parsers.imageclass import classify_image


def _name_strip(ink: tuple[int, int, int], fill_share: float) -> Image.Image:
    """A 300x100 white strip with a block of coloured strokes covering about `fill_share` of it."""
    img = Image.new("RGB", (300, 100), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    width = int(300 * fill_share / 0.6)
    for x in range(20, 20 + width, 6):
        draw.rectangle((x, 20, x + 3, 80), fill=ink)
    return img


def test_small_green_name_is_a_signature_large_one_a_photo() -> None:
    green = _name_strip((40, 160, 60), 0.25)
    assert classify_image(green, (60.0, 20.0)).kind is ImageKind.SIGNATURE
    assert classify_image(green, (60.0, 20.0)).confidence == 0.6
    assert classify_image(green, (400.0, 130.0)).kind is ImageKind.PHOTO
    assert classify_image(green, None).kind is ImageKind.PHOTO
