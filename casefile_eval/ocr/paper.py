"""A paper smaller than the scanner's glass (an A5 form, a one-third-A4 slip, a page photographed on a desk):
the dark lid or desk around it made paper-coloured before anything is looked for on the page.

Left dark, the surround is taken for ink: it pulls the skew estimate towards its own edges, darkens the
paper's tone and reaches into the zones beside signature labels. It is found on a reduced copy: the
median filter takes text strokes out, the dark that remains and touches the image's border is the lid.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

_WORK_SIZE = 400  # the longer side of the reduced copy, pixels
_BLUR = 5  # median filter size on the reduced copy: strokes of print vanish, paper and lid stay
LID_SHARE = 0.55  # lid pixels are darker than this share of the paper's tone
MIN_LID = 0.03  # the lid covers at least this share of the image...
MAX_LID = 0.9  # ...and leaves the paper at least the rest
_EDGE = 2  # reduced pixels the lid mask is widened by: the paper's shadowed edge
_SAMPLE = 97  # every so many paper pixels give its colour


def on_paper(image: Image.Image) -> Image.Image:
    """The page image with a dark surround touching its border painted the paper's colour; the image
    itself when there is no such surround."""
    lid = _lid_mask(image)
    if lid is None:
        return image
    rgb = np.asarray(image.convert("RGB"))
    paper = paper_colour(rgb, ~lid)
    out = rgb.copy()
    out[lid] = paper
    return Image.fromarray(out)


def paper_colour(rgb: np.ndarray, paper: np.ndarray) -> np.ndarray:
    """The colour of the paper: the median of every `_SAMPLE`-th pixel of the mask `paper`."""
    return np.asarray(np.median(rgb[paper][::_SAMPLE], axis=0).astype(np.uint8))


def _lid_mask(image: Image.Image) -> np.ndarray | None:
    """Full-size mask of the dark surround, or None."""
    width, height = image.size
    factor = max(1, max(width, height) // _WORK_SIZE)
    small = cv2.medianBlur(np.ascontiguousarray(np.asarray(image.convert("L").reduce(factor))), _BLUR)
    dark = (small < LID_SHARE * float(np.percentile(small, 95))).astype(np.uint8)
    _, labels = cv2.connectedComponents(dark, connectivity=4)
    border = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    touching = [int(n) for n in border if n != 0]
    if not touching:
        return None
    lid = np.isin(labels, touching)
    if not MIN_LID <= float(lid.mean()) <= MAX_LID:
        return None
    widened = cv2.dilate(lid.astype(np.uint8), np.ones((2 * _EDGE + 1,) * 2, np.uint8))
    return cv2.resize(widened, (width, height), interpolation=cv2.INTER_NEAREST).astype(bool)
