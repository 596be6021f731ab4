"""Red seals on a page image, and seal rings on a page scanned in grey or printed in one tinted ink.

Red pixels (HSV hue near 0°, saturated) are grouped into blobs; a blob of seal size (relative to the page
width) that is roughly round or elliptic is a seal, as are pieces of red lying close together that make
one together (a faded seal broken where print crosses it). On a grey page, round rings of seal size; on a
page whose print, seal and all, came out in one tinted ink (an ink-jet's colour cast), rings that stand
out more clearly.
Smaller blobs about as wide as tall are a person's mark: a personal seal (名章) or a fingerprint. Red on a
photograph (its box not mostly paper) is no seal.
"""

from __future__ import annotations

import cv2
import numpy as np
from scipy import ndimage

from casefile_eval.ocr.page import Box

_SEAL_MIN, _SEAL_MAX = 0.085, 0.40  # seal diameter as a share of the page width
_PIECE_MIN, _PIECE_GAP = 0.02, 0.05  # pieces of a broken seal: least size, widest gap (page widths)
_WHOLE_INSIDE, _WHOLE_BALANCE = 0.8, 0.5  # a small blob this round and even is a mark of its own, no piece
# A personal seal (名章, 私章) is 10-18 mm across, square or round; a fingerprint 12-18 mm; the least size
# leaves out one red printed character (a form printed in red).
_PERSONAL_MIN = 0.035
# A seal is stamped on paper: beside its red, its box is mostly paper (the 落款's print under it takes a
# fifth or so); the red of a photograph (a sign, a car) lies on the photograph's own colours.
_ON_PAPER = 0.4  # share of a seal box's other pixels within _PAPER_GAP grey levels of the paper
_PAPER_GAP = 40
_GREY_SATURATION = 3  # median saturation (of 255) below which a page was scanned in grey
_GREY_SCALE = 0.5  # grey seals are looked for on a half-size page
# An agency's round seal is 38-45 mm across (GA 241); rings from 27 to 55 mm on an A4 page are looked for.
_GREY_SEAL_MIN, _GREY_SEAL_MAX = 0.13, 0.26
_RING_CONTRAST = 0.7  # a seal's ring is inked this much more of the way round than just outside it
# ... on a page in one tinted ink, more (seal rings measured 0.85-0.95; a form's grid and a half seal at the
# edge made rings of 0.53-0.55)
_TINTED_RING_CONTRAST = 0.8
# a page in one tinted ink: its ink's median saturation (of 255) at least this, and this share of its
# coloured ink within _TINT_HUE hue steps (of 256) of their median hue
_TINT_SATURATION, _TINT_SHARE, _TINT_HUE = 20, 0.8, 12
_INK_SHARE = 0.75  # ink is darker than this share of the paper's grey
_BROKEN_RING_CONTRAST = 0.5  # ... a ring of dots, once thickened


def red_mask(rgb: np.ndarray) -> np.ndarray:
    """Pixels of seal red: hue within ±18° of red, saturated and not dark."""
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2HSV_FULL)  # hue on 0-255, as PIL's
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    return ((hue < 13) | (hue > 242)) & (sat > 60) & (val > 90)


def paper_tone(gray: np.ndarray) -> float:
    """The page's paper grey: the 90th percentile of every third pixel each way (as good as all of
    them on a page, at a tenth of the cost)."""
    return float(np.percentile(gray[::3, ::3], 90))


def find_seals(rgb: np.ndarray, *, broken: bool = True) -> list[tuple[Box, float]]:
    """Boxes (pixels) and confidences of the seals on a page: round or elliptic red ones (with `broken`,
    also those made of pieces of red close together); on a page scanned in grey or printed in one tinted
    ink, where a seal has no red, round rings of seal size (see `grey_seals`)."""
    red = red_seals(rgb, broken=broken)
    if red:
        return red
    contrast = _ring_contrast(rgb)
    return grey_seals(rgb, contrast) if contrast is not None else []


def _ring_contrast(rgb: np.ndarray) -> float | None:
    """How clearly a ring must stand out to be taken for a seal on a page where a seal has no red: on a
    page scanned in grey (even the paper has no tint), `_RING_CONTRAST`; on a page printed in one tinted
    ink (the ink coloured and nearly all of it of one hue), `_TINTED_RING_CONTRAST`; None on a page with
    seal red anywhere or of several inks. Judged on every fourth pixel each way."""
    small = np.ascontiguousarray(rgb[::4, ::4])
    if red_mask(small).any():
        return None
    hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV_FULL)
    if float(np.median(hsv[..., 1])) < _GREY_SATURATION:
        return _RING_CONTRAST
    gray = cv2.cvtColor(small, cv2.COLOR_RGB2GRAY)
    ink = gray < paper_tone(gray) * _INK_SHARE
    saturation, hue = hsv[..., 1][ink].astype(int), hsv[..., 0][ink].astype(int)
    if not len(saturation) or np.median(saturation) < _TINT_SATURATION:
        return None
    coloured = hue[saturation >= _TINT_SATURATION]
    middle = int(np.median(coloured))
    apart = np.minimum(np.abs(coloured - middle), 256 - np.abs(coloured - middle))
    return _TINTED_RING_CONTRAST if float(np.mean(apart <= _TINT_HUE)) >= _TINT_SHARE else None


def grey_seals(rgb: np.ndarray, contrast: float = _RING_CONTRAST) -> list[tuple[Box, float]]:
    """Round rings of seal size on a grey page: circles found by the Hough transform (on a half-size
    page) that are inked nearly all round (by `contrast` more than just outside them) while just outside
    them the page is mostly blank. Text, tables and signatures make circles too, but none is a thin dark
    ring on light paper.

    A ring that reached the page as dots (a faded seal, a dot-screened one thresholded to black and
    white) is looked for second: with the ink thickened so that the dots join, and a weaker ring."""
    gray = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    small = cv2.resize(gray, None, fx=_GREY_SCALE, fy=_GREY_SCALE, interpolation=cv2.INTER_AREA)
    dark = small < paper_tone(small) * 0.8
    blurred = cv2.GaussianBlur(small, (3, 3), 0)
    solid = _rings(blurred, dark, 0.5, contrast)
    if solid:
        return solid
    thick = cv2.GaussianBlur(cv2.erode(small, np.ones((3, 3), np.uint8)), (3, 3), 0)
    broken = _BROKEN_RING_CONTRAST + contrast - _RING_CONTRAST
    joined = ndimage.binary_dilation(dark)
    # (the thickened page may place the circle a little off a ring the page as it is places right: a ring
    # broken by streaks where the toner rubbed off)
    return _rings(thick, joined, 0.3, broken) or _rings(blurred, joined, 0.5, broken)


def _rings(
    image: np.ndarray, dark: np.ndarray, roundness: float, contrast_needed: float
) -> list[tuple[Box, float]]:
    """Hough circles of seal size on the half-size `image` whose ring on `dark` stands out."""
    width = image.shape[1]
    low, high = round(width * _GREY_SEAL_MIN / 2), round(width * _GREY_SEAL_MAX / 2)
    circles = cv2.HoughCircles(
        image,
        cv2.HOUGH_GRADIENT_ALT,
        dp=1.5,
        minDist=2 * low,
        param1=150,
        param2=roundness,  # how round an edge must be to be a circle
        minRadius=low,
        maxRadius=high,
    )
    if circles is None:
        return []
    seals = []
    for x, y, r in circles[0]:
        ring = _ring_share(dark, float(x), float(y), float(r), range(-4, 5))
        contrast = ring - _ring_share(dark, float(x), float(y), float(r), range(10, 16))
        if contrast >= contrast_needed:
            k = 1 / _GREY_SCALE
            box = (float((x - r) * k), float((y - r) * k), float((x + r) * k), float((y + r) * k))
            seals.append((box, round(min(0.9, 0.5 + 0.4 * contrast), 2)))
    return seals


def _ring_share(dark: np.ndarray, x: float, y: float, r: float, offsets: range) -> float:
    """Share of the directions round (x, y) in which a dark pixel lies at one of the radii r + offsets."""
    angles = np.linspace(0, 2 * np.pi, 240, endpoint=False)
    hit = np.zeros(angles.shape, dtype=bool)
    for dr in offsets:
        xs = np.clip((x + (r + dr) * np.cos(angles)).astype(int), 0, dark.shape[1] - 1)
        ys = np.clip((y + (r + dr) * np.sin(angles)).astype(int), 0, dark.shape[0] - 1)
        hit |= dark[ys, xs]
    return float(np.mean(hit))


def personal_marks(red: np.ndarray) -> np.ndarray:
    """The pixels of `red` (a page's `red_mask`) that make a person's mark: a personal seal (名章, its
    frame and characters) or a fingerprint — blobs of red, their strokes joined, smaller than an agency's
    seal and at least `_PERSONAL_MIN` of the page's width, about as wide as tall."""
    width = red.shape[1]
    step = 2
    small = red[::step, ::step].astype(np.uint8)
    cross = cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))
    joined = cv2.dilate(small, cross, iterations=max(1, round(width * 0.004 / step)))
    labels, _ = ndimage.label(joined)
    marks = np.zeros(red.shape, dtype=bool)
    for sl in ndimage.find_objects(labels):
        h, w = (sl[0].stop - sl[0].start) * step, (sl[1].stop - sl[1].start) * step
        if _PERSONAL_MIN <= max(h, w) / width < _SEAL_MIN and 0.6 <= w / h <= 1.65:
            full = tuple(slice(part.start * step, part.stop * step) for part in sl)
            marks[full] = red[full]
    return marks


def red_seals(rgb: np.ndarray, *, broken: bool = True) -> list[tuple[Box, float]]:
    """Boxes (pixels) and confidences of the round or elliptic red seals on a page: blobs of red, or
    pieces of red lying close together (a faded seal, its ring broken where print crosses it) that make
    one when taken together."""
    width = rgb.shape[1]
    step = 2  # work on every second pixel: seals are large
    red = red_mask(rgb[::step, ::step])
    cross = cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))
    joined = cv2.dilate(red.astype(np.uint8), cross, iterations=max(1, round(width * 0.006 / step)))
    labels, _ = ndimage.label(joined)
    seals, pieces = [], []
    for i, sl in enumerate(ndimage.find_objects(labels), start=1):
        found = _seal_of(red, labels, [i], sl, width / step)
        if found is not None:
            seals.append(found)
        elif broken and _piece(red, labels, i, sl, width / step):
            pieces.append((i, sl))
    for group in _close_groups(pieces, round(_PIECE_GAP * width / step)):
        ids = [i for i, _ in group]
        union = (
            slice(min(sl[0].start for _, sl in group), max(sl[0].stop for _, sl in group)),
            slice(min(sl[1].start for _, sl in group), max(sl[1].stop for _, sl in group)),
        )
        found = _seal_of(red, labels, ids, union, width / step)
        if found is not None:
            seals.append(found)
    if seals:
        gray = cv2.cvtColor(np.ascontiguousarray(rgb[::step, ::step]), cv2.COLOR_RGB2GRAY)
        paper = paper_tone(gray)
        seals = [seal for seal in seals if _on_paper(gray, red, seal[0], paper)]
    return [((x0 * step, y0 * step, x1 * step, y1 * step), c) for (x0, y0, x1, y1), c in seals]


def _on_paper(gray: np.ndarray, red: np.ndarray, box: Box, paper: float) -> bool:
    """Whether the pixels of a seal's box that are not its red are mostly paper (not a photograph)."""
    x0, y0, x1, y1 = (int(v) for v in box)
    other = gray[y0:y1, x0:x1][~red[y0:y1, x0:x1]]
    return other.size > 0 and float(np.mean(other >= paper - _PAPER_GAP)) >= _ON_PAPER


def _piece(red: np.ndarray, labels: np.ndarray, i: int, sl: tuple[slice, slice], width: float) -> bool:
    """Whether blob `i` (within `sl` of `red`, `width` its page's) may be a piece of a broken seal: large
    enough, and not a small mark whole in itself — a personal seal or a fingerprint, its red spread
    evenly round its centre (an arc of a ring is not)."""
    size = max(sl[0].stop - sl[0].start, sl[1].stop - sl[1].start) / width
    if size < _PIECE_MIN:
        return False
    inside, balance = _spread(red[sl] & (labels[sl] == i))
    return size >= _SEAL_MIN or inside < _WHOLE_INSIDE or balance < _WHOLE_BALANCE


def _seal_of(
    red: np.ndarray, labels: np.ndarray, ids: list[int], sl: tuple[slice, slice], width: float
) -> tuple[Box, float] | None:
    """The box (in pixels of `red`) and confidence of the seal the red of blobs `ids` within `sl` makes,
    or None when it is of no seal's size and shape."""
    h, w = sl[0].stop - sl[0].start, sl[1].stop - sl[1].start
    if not (_SEAL_MIN <= max(h, w) / width <= _SEAL_MAX and 0.6 <= w / h <= 1.65):
        return None
    own = red[sl] & np.isin(labels[sl], ids)
    inside, balance = _spread(own)
    confidence = float(round(min(0.98, 0.35 + 0.4 * inside + 0.3 * balance), 2))
    if confidence < 0.5:
        return None
    ys, xs = np.nonzero(own)
    x0, y0 = sl[1].start + int(xs.min()), sl[0].start + int(ys.min())
    return (
        float(x0),
        float(y0),
        float(sl[1].start + xs.max() + 1),
        float(sl[0].start + ys.max() + 1),
    ), confidence


def _close_groups(
    pieces: list[tuple[int, tuple[slice, slice]]], gap: int
) -> list[list[tuple[int, tuple[slice, slice]]]]:
    """Groups of two or more pieces whose boxes lie within `gap` of each other (directly or through
    other pieces of the group)."""
    groups: list[list[tuple[int, tuple[slice, slice]]]] = []
    for piece in pieces:
        near = [g for g in groups if any(_within(piece[1], other[1], gap) for other in g)]
        merged = [piece] + [p for g in near for p in g]
        groups = [g for g in groups if g not in near] + [merged]
    return [g for g in groups if len(g) >= 2]


def _within(a: tuple[slice, slice], b: tuple[slice, slice], gap: int) -> bool:
    return all(x.start - gap < y.stop and y.start - gap < x.stop for x, y in zip(a, b, strict=True))


def _spread(mask: np.ndarray) -> tuple[float, float]:
    """How seal-like a blob is: the share of its red inside the inscribed ellipse, and how evenly it is
    spread round its centre (the least red in a quadrant, of the most); nothing for a sparse blob."""
    h, w = mask.shape
    ys, xs = np.nonzero(mask)
    if len(xs) < 50 or len(xs) / (h * w) < 0.03:
        return 0.0, 0.0
    dx, dy = (xs - w / 2) / (w / 2), (ys - h / 2) / (h / 2)
    inside = float(np.mean(dx * dx + dy * dy <= 1.15))
    quadrants = [np.sum((dx < 0) & (dy < 0)), np.sum((dx >= 0) & (dy < 0))]
    quadrants += [np.sum((dx < 0) & (dy >= 0)), np.sum((dx >= 0) & (dy >= 0))]
    return inside, float(min(quadrants) / max(max(quadrants), 1))
