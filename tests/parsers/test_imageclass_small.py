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


def _bold_name(ink: tuple[int, int, int], size: tuple[int, int] = (90, 38)) -> Image.Image:
    """Thick strokes of one ink covering most of a tight crop, their edges blended into the paper."""
    img = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    for x in range(2, size[0] - 4, 7):
        draw.rectangle((x, 2, x + 5, size[1] - 3), fill=(*ink, 255))
        draw.line((x + 6, 2, x + 6, size[1] - 3), fill=(*ink, 110))  # a half-inked edge
    return img


def test_a_bold_name_in_one_ink_is_a_signature_however_dense() -> None:
    for ink in ((28, 28, 34), (22, 52, 168)):
        mark = classify_image(_bold_name(ink), (53.0, 23.0))
        assert (mark.kind, mark.confidence) == (ImageKind.SIGNATURE, 0.6)


def test_a_square_code_or_a_dense_photo_in_several_colours_is_no_signature() -> None:
    assert classify_image(_bold_name((28, 28, 34), (60, 60)), (40.0, 40.0)).kind is ImageKind.PHOTO
    photo = _bold_name((28, 28, 34))
    ImageDraw.Draw(photo).rectangle((30, 5, 60, 30), fill=(200, 140, 60, 255))
    assert classify_image(photo, (53.0, 23.0)).kind is ImageKind.PHOTO
