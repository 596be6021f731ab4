"""Tell a red seal, a handwritten signature and a photo apart from a small copy of an image."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np
from PIL import Image

from casefile_eval.model import ImageKind

BLANK_INK = 0.002  # share of ink below which an image shows nothing
THUMB_SIZE = 96  # pixels on the longer side of the copy that is classified
# a red mark smaller than this (≈2.5 cm) is a 名章 or a fingerprint, not an agency seal
PERSONAL_MARK_MAX_PT = 70.0
# a placed image smaller than this (≈6 × 3 cm) on a light ground with sparse or few-coloured ink is a
# signature (a typeset-looking or coloured handwritten name), not a photo
SMALL_MARK_PT = (170.0, 85.0)
SMALL_MARK_CONFIDENCE = 0.6
FEW_COLOURS = 6
WIDE_MARK = 1.5  # a written name is this many times as wide as high at least
ONE_INK_SPREAD = 24.0  # RGB distance off the white-to-ink line within which a pixel is of that ink...
ONE_INK_SHARE = 0.97  # ...for this share of the ink pixels at least
ONE_INK_MIN_CONTRAST = 120.0  # the ink's RGB distance from white
# a copied seal (grey or black, a photocopy's or a scan's): ink closing a circle round a marked centre
RING_BAND = (0.88, 1.04)  # radii of the ring, in halves of the ink's extent
RING_ANGLES = 48  # sectors the circle is checked in...
RING_CLOSED = 0.92  # ...and the share of them the ring's ink reaches
RING_SQUARE = 1.15  # the ink's extent at most this many times as wide as high, or as high as wide
RING_CENTRE_INK = 0.05  # share of the ink inside half the radius (the star, the name's arc)
COPIED_SEAL_CONFIDENCE = 0.7
SMALL_SEAL_MIN_PT = 50.0  # an agency's seal drawn small is set this large at least (≈1.8 cm)
STAR_RADIUS = 0.2  # the middle of a round seal, in halves of its extent, that its star fills...
STAR_INK = 0.4  # ...to this share at least


@dataclass(frozen=True)
class ImageClass:
    """The kind of an image and how sure the classifier is."""

    kind: ImageKind
    confidence: float
    blank: bool = False  # no ink at all: a white mask or screen laid over print, not content


UNKNOWN = ImageClass(ImageKind.UNKNOWN, 0.0)


def classify_bytes(data: bytes, size_pt: tuple[float, float] | None = None) -> ImageClass:
    """Classify an encoded image (PNG, JPEG, GIF, BMP, TIFF…); formats Pillow cannot read give UNKNOWN."""
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", (THUMB_SIZE * 2, THUMB_SIZE * 2))
            return classify_image(img, size_pt)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return UNKNOWN


def classify_image(img: Image.Image, size_pt: tuple[float, float] | None = None) -> ImageClass:
    """Classify a Pillow image; `size_pt` is its placed size in points, where known.

    Mostly red ink on a light background is a seal (a small red mark is a personal seal or a
    fingerprint, counted as a signature); thin dark strokes on white with little ink are a signature;
    a small placed image (under ≈6 × 3 cm) on a light ground with sparse ink or few ink colours is a
    signature too (typeset or coloured names); anything else is a photo.
    """
    small = img.convert("RGBA") if img.mode in ("P", "PA", "LA", "1", "I", "I;16", "F") else img
    small = small.copy() if small is img else small
    small.thumbnail((THUMB_SIZE, THUMB_SIZE), reducing_gap=2.0)
    px = _on_white(small)
    if px.size == 0:
        return UNKNOWN
    r, g, b = px[..., 0], px[..., 1], px[..., 2]
    hi = np.maximum(np.maximum(r, g), b)  # (not px.max(axis=2): a reduction over 3 values is slow)
    lo = np.minimum(np.minimum(r, g), b)
    light = (lo > 200) & (hi - lo < 40)
    red = (r > 120) & (r - g > 50) & (r - b > 40)
    total = px.shape[0] * px.shape[1]
    light_count = int(np.count_nonzero(light))
    light_share = light_count / total
    ink = ~light
    ink_count = total - light_count
    ink_share = ink_count / total
    if ink_share < BLANK_INK:
        return ImageClass(ImageKind.UNKNOWN, 0.3, blank=True)
    red_of_ink = int(np.count_nonzero(red)) / ink_count
    if red_of_ink >= 0.5 and light_share >= 0.35:
        return _red_mark(red_of_ink, size_pt, ink)
    if light_share >= 0.5 and _large(size_pt) and _ring(ink):
        return ImageClass(ImageKind.SEAL, COPIED_SEAL_CONFIDENCE)
    lum = (r * 299 + g * 587 + b * 114) // 1000
    dark = (lum < 140) & ~red
    dark_of_ink = int(np.count_nonzero(dark)) / ink_count
    if light_share >= 0.6 and ink_share <= 0.2 and dark_of_ink >= 0.5:
        solid = _solid_share(dark)
        if solid < 0.5:
            conf = 0.5 + 0.3 * (1.0 - ink_share / 0.2) * (1.0 - solid)
            return ImageClass(ImageKind.SIGNATURE, round(min(conf, 0.85), 2))
    if _small(size_pt) and (
        (light_share >= 0.55 and (ink_share <= 0.35 or _colours(px[ink]) <= FEW_COLOURS))
        or (_wide(size_pt) and _one_ink(px[ink]))  # a bold name in one ink, however dense
    ):
        return ImageClass(ImageKind.SIGNATURE, SMALL_MARK_CONFIDENCE)
    return ImageClass(ImageKind.PHOTO, round(0.5 + 0.4 * min(1.0, (1.0 - light_share) * 1.5), 2))


def _red_mark(red_of_ink: float, size_pt: tuple[float, float] | None, ink: np.ndarray) -> ImageClass:
    """A red mark: an agency seal, or placed small a personal seal or a fingerprint (a signature) — unless
    it is drawn as an agency's seal is, a closed ring round a solid star (an e-seal set small in a .docx)."""
    conf = round(min(0.95, 0.55 + 0.4 * red_of_ink), 2)
    if size_pt is None or not 0 < max(size_pt) < PERSONAL_MARK_MAX_PT:
        return ImageClass(ImageKind.SEAL, conf)
    if min(size_pt) >= SMALL_SEAL_MIN_PT and _ring(ink) and _solid_centre(ink):
        return ImageClass(ImageKind.SEAL, conf)
    return ImageClass(ImageKind.SIGNATURE, round(conf * 0.85, 2))


def _solid_centre(ink: np.ndarray) -> bool:
    """Whether the middle of the ink's extent (within STAR_RADIUS of its half-size) is mostly ink: a seal's
    star, not a name's strokes."""
    rows, cols = np.nonzero(ink)
    cy, cx = (rows.min() + rows.max()) / 2.0, (cols.min() + cols.max()) / 2.0
    radius = (np.ptp(rows) + 1 + np.ptp(cols) + 1) / 4.0
    yy, xx = np.mgrid[0 : ink.shape[0], 0 : ink.shape[1]]
    middle = np.hypot(yy - cy, xx - cx) <= STAR_RADIUS * radius
    return bool(middle.any()) and float(ink[middle].mean()) >= STAR_INK


def _large(size_pt: tuple[float, float] | None) -> bool:
    """Placed at least the size of an agency seal (a personal seal is smaller), or of unknown size."""
    return size_pt is None or min(size_pt) >= PERSONAL_MARK_MAX_PT


def _ring(ink: np.ndarray) -> bool:
    """Whether the ink draws a closed circle round its middle with marks inside: the outline of a
    round seal, whatever its colour. In nearly every direction from the middle the farthest ink lies on
    the circle (an open arc leaves directions whose farthest ink is the lettering inside)."""
    rows, cols = np.nonzero(ink)
    height, width = np.ptp(rows) + 1, np.ptp(cols) + 1
    if min(height, width) < 16 or max(height, width) > RING_SQUARE * min(height, width):
        return False
    cy, cx = (rows.min() + rows.max()) / 2.0, (cols.min() + cols.max()) / 2.0
    radius = (height + width) / 4.0
    dist = np.hypot(rows - cy, cols - cx) / radius
    turn = (np.arctan2(rows - cy, cols - cx) + np.pi) / (2 * np.pi)  # 0..1 round the middle
    sector = (turn * RING_ANGLES).astype(int) % RING_ANGLES
    farthest = np.zeros(RING_ANGLES)
    np.maximum.at(farthest, sector, dist)
    on_ring = (farthest >= RING_BAND[0]) & (farthest <= RING_BAND[1])
    centre = float((dist < 0.5).mean())
    return float(on_ring.mean()) >= RING_CLOSED and centre >= RING_CENTRE_INK


def _small(size_pt: tuple[float, float] | None) -> bool:
    if size_pt is None:
        return False
    width, height = size_pt
    return 0 < width < SMALL_MARK_PT[0] and 0 < height < SMALL_MARK_PT[1]


def _wide(size_pt: tuple[float, float] | None) -> bool:
    """A placed image at least WIDE_MARK times as wide as high: a written name, not a square code."""
    return size_pt is not None and size_pt[1] > 0 and size_pt[0] >= WIDE_MARK * size_pt[1]


def _one_ink(ink: np.ndarray) -> bool:
    """Whether every ink pixel lies between the paper's white and one ink colour (a mark drawn in one
    ink, its edges blended into the paper), as no photo's pixels do."""
    if ink.size == 0:
        return False
    pixels = ink.astype(np.float64)
    white = np.full(3, 255.0)
    darkest = pixels[int(np.argmin(pixels.sum(axis=1)))] - white
    length = float(darkest @ darkest)
    if length < ONE_INK_MIN_CONTRAST**2:
        return False
    along = np.clip((pixels - white) @ darkest / length, 0.0, 1.0)
    off = np.linalg.norm(pixels - white - np.outer(along, darkest), axis=1)
    return float((off <= ONE_INK_SPREAD).mean()) >= ONE_INK_SHARE


def _colours(ink: np.ndarray) -> int:
    """How many distinct colours (4 levels a channel) make up at least 2% of the ink pixels."""
    if ink.size == 0:
        return 0
    codes = (ink[:, 0] // 64) * 16 + (ink[:, 1] // 64) * 4 + ink[:, 2] // 64
    counts = np.bincount(codes, minlength=64)
    return int((counts >= max(1, 0.02 * len(codes))).sum())


def _on_white(img: Image.Image) -> np.ndarray:
    """The image's RGB pixels (int32, height × width × 3) with any transparency composed over white, rounded
    as Pillow's alpha_composite rounds (done in numpy: Pillow's compositing costs twice as much)."""
    if img.mode in ("RGBA", "RGBa"):
        rgba = np.asarray(img.convert("RGBA"), dtype=np.int32)
        alpha = rgba[..., 3:]
        return (rgba[..., :3] * alpha + 255 * (255 - alpha) + 127) // 255
    return np.asarray(img.convert("RGB"), dtype=np.int32)


def _solid_share(mask: np.ndarray) -> float:
    """Share of marked pixels whose four neighbours are all marked: high for blocks, low for strokes."""
    count = int(np.count_nonzero(mask))
    if count == 0 or mask.shape[0] < 3 or mask.shape[1] < 3:
        return 0.0
    inner = mask[1:-1, 1:-1] & mask[:-2, 1:-1] & mask[2:, 1:-1] & mask[1:-1, :-2] & mask[1:-1, 2:]
    return int(np.count_nonzero(inner)) / count
