"""Page geometry before recognition: skew by projection profile, orientation from the text boxes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import cv2
import numpy as np
from PIL import Image

from casefile_eval.ocr.engine import Quad, RawBox

_WORK_WIDTH = 700  # skew is measured on a copy this wide
_MAX_SKEW = 8.0  # degrees
_MIN_SKEW = 0.15  # smaller angles are left alone


def _ink_points(gray: Image.Image) -> np.ndarray:
    """Coordinates (x, y) of dark pixels of a reduced copy, at most 30 000 of them."""
    scale = min(1.0, _WORK_WIDTH / gray.width)
    small = gray.resize((max(1, round(gray.width * scale)), max(1, round(gray.height * scale))))
    arr = np.asarray(small, dtype=np.float32)
    background = float(np.percentile(arr, 90))
    ys, xs = np.nonzero(arr < background * 0.6)
    if len(xs) > 30_000:
        keep = np.linspace(0, len(xs) - 1, 30_000).astype(np.int64)
        ys, xs = ys[keep], xs[keep]
    return np.stack([xs, ys], axis=1).astype(np.float64)


def _sharpness(points: np.ndarray, angles_deg: np.ndarray) -> np.ndarray:
    """Sum of squared row counts after shearing the points by each angle: high when lines align."""
    scores = np.empty(len(angles_deg))
    for i, angle in enumerate(angles_deg):
        rows = points[:, 1] - points[:, 0] * np.tan(np.radians(angle))
        counts = np.bincount((rows - rows.min()).astype(np.int64))
        scores[i] = float(np.dot(counts, counts))
    return scores


def estimate_skew(gray: Image.Image) -> float:
    """Angle (degrees) by which the text lines descend to the right; 0 when no text or below 0.15°.

    Rotating the image by this angle (PIL, counter-clockwise) makes the lines horizontal.
    """
    points = _ink_points(gray)
    if len(points) < 200:
        return 0.0
    coarse = np.arange(-_MAX_SKEW, _MAX_SKEW + 0.01, 0.5)
    best = float(coarse[int(np.argmax(_sharpness(points, coarse)))])
    fine = np.arange(best - 0.5, best + 0.51, 0.05)
    angle = float(fine[int(np.argmax(_sharpness(points, fine)))])
    return round(angle, 2) if abs(angle) >= _MIN_SKEW else 0.0


def deskew(rgb: np.ndarray, angle: float) -> np.ndarray:
    """The RGB page turned by `angle` degrees counter-clockwise about its centre, same size, bilinear,
    new corners white (OpenCV: several times faster than PIL on a full page)."""
    if angle == 0.0:
        return rgb
    height, width = rgb.shape[:2]
    turn = cv2.getRotationMatrix2D(((width - 1) / 2, (height - 1) / 2), angle, 1.0)
    return cv2.warpAffine(rgb, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def is_sideways(quads: Sequence[Quad]) -> bool:
    """True when most text boxes found are taller than wide: the page lies turned by 90° or 270°."""
    if len(quads) < 3:
        return False
    tall = 0
    for quad in quads:
        xs = [p[0] for p in quad]
        ys = [p[1] for p in quad]
        if max(ys) - min(ys) > 1.5 * (max(xs) - min(xs)):
            tall += 1
    return tall > len(quads) / 2


def is_upside_down(boxes: list[RawBox]) -> bool:
    """True when the angle classifier turned most lines by 180°."""
    if not boxes:
        return False
    return sum(b.upside_down for b in boxes) > len(boxes) / 2


def turn_boxes_180(boxes: list[RawBox], width: int, height: int) -> list[RawBox]:
    """Boxes of an image turned by 180° expressed in the upright image (the text is already upright)."""
    out = []
    for box in boxes:
        quad = tuple((width - x, height - y) for x, y in box.quad)
        chars = tuple(width - x for x in box.chars)
        out.append(replace(box, quad=quad[2:] + quad[:2], upside_down=False, chars=chars))
    return out
