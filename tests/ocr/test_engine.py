"""The engine's handling of the angle classifier's per-line verdicts."""

from __future__ import annotations

import numpy as np

from casefile_eval.ocr.engine import _keep_majority_upright


def crop(value: int) -> np.ndarray:
    out = np.zeros((2, 3, 3), np.uint8)
    out[0, 0] = value  # marks the top-left corner
    return out


def test_a_few_turned_crops_on_an_upright_page_are_turned_back() -> None:
    crops = [crop(1), crop(2), crop(3)]
    turned = [False, True, False]
    _keep_majority_upright(crops, turned)
    assert turned == [False, False, False]
    assert [int(c[0, 0, 0]) for c in crops] == [1, 0, 3]
    assert int(crops[1][1, 2, 0]) == 2  # the corner went to the opposite end


def test_a_page_mostly_turned_is_left_as_read() -> None:
    crops = [crop(1), crop(2)]
    turned = [True, True]
    _keep_majority_upright(crops, turned)
    assert turned == [True, True]
    assert [int(c[0, 0, 0]) for c in crops] == [1, 2]
