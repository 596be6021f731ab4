"""How many signatures the pictures in a slot of an electronic file are (`slot_images.image_count`)."""

from __future__ import annotations

import pytest

from casefile_eval.extract.slot_images import image_count
from casefile_eval.model import ImageItem, ImageKind


def _picture(width: float, height: float, reading: str | None = None) -> ImageItem:
    return ImageItem(
        kind=ImageKind.SIGNATURE, source="a.docx", page=1, width=width, height=height, reading=reading
    )


def test_one_picture_of_one_name_is_one_signature() -> None:
    assert image_count([_picture(40, 20, "何振东")]) == 1


@pytest.mark.parametrize("reading", ["何辰东 吕晓燕", "杜海寿冯静"])
def test_two_names_read_in_one_picture_are_two(reading: str) -> None:
    assert image_count([_picture(87, 20, reading)]) == 2


def test_a_picture_wide_enough_for_two_names_read_as_less_is_not_counted() -> None:
    # 汪启明 田春生 in one picture, read 明田春
    assert image_count([_picture(82, 20, "明田春")]) is None


def test_two_pictures_side_by_side_are_two() -> None:
    assert image_count([_picture(40, 20), _picture(36, 20)]) == 2
