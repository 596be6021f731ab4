"""A round seal copied without its red (a photocopy's grey, a black or blue stamp) is a seal: ink closing
a circle round marks inside it. A personal seal's size, an open arc, a plain disc outline with nothing
inside and a written name are not."""

from __future__ import annotations

import math

from PIL import Image, ImageDraw

from casefile_eval.model import ImageKind
from casefile_eval.parsers.imageclass import COPIED_SEAL_CONFIDENCE, classify_image

SIZE = 240
INK = (70, 70, 70)


def _seal(ink: tuple[int, int, int] = INK, arc: float = 360.0, inside: bool = True) -> Image.Image:
    img = Image.new("RGB", (SIZE, SIZE), "white")
    draw = ImageDraw.Draw(img)
    draw.arc((8, 8, SIZE - 8, SIZE - 8), start=0, end=arc, fill=ink, width=6)
    if inside:
        centre = SIZE / 2
        star = [
            (
                centre + (28 if k % 2 == 0 else 11) * math.cos(math.pi / 2 + k * math.pi / 5),
                centre - (28 if k % 2 == 0 else 11) * math.sin(math.pi / 2 + k * math.pi / 5),
            )
            for k in range(10)
        ]
        draw.polygon(star, fill=ink)
        for k in range(12):  # the agency's name along the upper arc, as blocks of strokes
            angle = math.radians(200 + k * 12)
            x, y = centre + 80 * math.cos(angle), centre + 80 * math.sin(angle)
            draw.rectangle((x - 7, y - 7, x + 7, y + 7), outline=ink, width=2)
    return img


def test_a_grey_round_seal_is_a_seal() -> None:
    assert classify_image(_seal(), (113.0, 113.0)).kind is ImageKind.SEAL
    assert classify_image(_seal(), (113.0, 113.0)).confidence == COPIED_SEAL_CONFIDENCE


def test_a_blue_stamp_of_unknown_size_is_a_seal() -> None:
    assert classify_image(_seal(ink=(60, 60, 160))).kind is ImageKind.SEAL


def test_a_personal_seal_size_is_not_an_agency_seal() -> None:
    assert classify_image(_seal(), (50.0, 50.0)).kind is not ImageKind.SEAL


def test_an_open_arc_is_not_a_seal() -> None:
    assert classify_image(_seal(arc=250.0), (113.0, 113.0)).kind is not ImageKind.SEAL


def test_an_empty_circle_is_not_a_seal() -> None:
    assert classify_image(_seal(inside=False), (113.0, 113.0)).kind is not ImageKind.SEAL


def test_a_written_name_stays_a_signature() -> None:
    img = Image.new("RGB", (240, 90), "white")
    ImageDraw.Draw(img).line(
        [(15 + i * 30, 20 + (i * 37) % 50) for i in range(8)], fill=(15, 15, 25), width=4
    )
    assert classify_image(img, (60.0, 22.0)).kind is ImageKind.SIGNATURE
