"""A page scanned under a failing lamp or in a dim room: its paper is not white but tinted (a yellow or
green cast over the whole page) and darker towards the corners or one side.

Read as it is, the cast takes the red out of a seal (a seal gone brown is not found, and its 落款 is
judged unsealed), the darkened corners pass for ink beside a signature label, and print in a dark corner
loses its contrast. The paper's light is estimated on a reduced copy (a grey closing takes strokes out, a
blur smooths what is left) and every channel is divided by it, so that the paper comes out one even
white and inks keep their colour relative to it. A page whose paper is already even and neutral is
returned as it is.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

_WORK_SIZE = 400  # the longer side of the reduced copy, pixels
_STROKE = 15  # closing size on the reduced copy: print, ink and table rules are taken out
_SMOOTH = 9  # blur size on the reduced copy: the light changes slowly across a page
CAST = 20.0  # a channel of the paper this far (0-255) from the paper's grey is a colour cast...
UNEVEN = 0.25  # ...and the paper's light varying by this share across the page is uneven
_WHITE = 245.0  # the even paper's tone


def paper_light(rgb: np.ndarray) -> np.ndarray:
    """The light of the paper on a reduced copy of `rgb`, per channel (float32, 0-255)."""
    height, width = rgb.shape[:2]
    factor = max(1, max(width, height) // _WORK_SIZE)
    small = cv2.resize(rgb, (width // factor, height // factor), interpolation=cv2.INTER_AREA)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (_STROKE, _STROKE))
    light = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    return np.asarray(cv2.blur(light, (_SMOOTH, _SMOOTH)), dtype=np.float32)


def lighting_faults(light: np.ndarray) -> tuple[float, float]:
    """The colour cast (the farthest a channel's median strays from the median grey) and the unevenness
    (the spread of the paper's grey, 2nd to 98th percentile, as a share of its brightest) of `light`."""
    grey = light.mean(axis=2)
    middle = float(np.median(grey))
    cast = max(abs(float(np.median(light[..., c])) - middle) for c in range(3))
    low, high = np.percentile(grey, [2, 98])
    return cast, float((high - low) / max(float(high), 1.0))


def evenly_lit(image: Image.Image) -> Image.Image:
    """The page image with its paper made an even neutral white; the image itself when the paper has
    neither a colour cast (`CAST`) nor uneven light (`UNEVEN`)."""
    rgb = np.asarray(image.convert("RGB"))
    light = paper_light(rgb)
    cast, uneven = lighting_faults(light)
    if cast < CAST and uneven < UNEVEN:
        return image
    height, width = rgb.shape[:2]
    full = cv2.resize(light, (width, height), interpolation=cv2.INTER_LINEAR)
    out = rgb.astype(np.float32) * (_WHITE / np.maximum(full, 1.0))
    return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
