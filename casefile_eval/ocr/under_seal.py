"""A second look under the seals of a page: the band of the page a seal lies on, read by itself.

On a colour page a seal is faded by its colour before the lines are found (`reading._for_recognition`).
On a grey page it has none: its ring and star hide the 落款 lines under it from the line detector, which
reads the agency's name in part and the date not at all. A colour scan whose colour was stored coarser
than its grey (a JPEG's chroma) smears the seal's red over the print under it, and fading the red fades
that print too. Found again in the band the seal lies on (the detector then sizes its view to that band),
those lines are read; a line read there where the page's own reading holds nothing is added to the page.
A band whose date the page's reading holds is not looked at again. In the band a line is kept by the
detector's confidence over its own outline: a date whose end the seal's inscription hooks onto (ink bleeding
into a ruled line under the seal) has a tall, slanted rectangle round it that the usual score drops.

A seal stamped over the end of the body's last lines (the remedy clause running into the 落款's seal) joins
them to its ring, and the detector loses the whole line, far to the left of the seal as it reaches. Each such
row, under the last line read above the seal and holding unread ink left of it, is read in a band one line
tall, where the ring's arc is too small a part to join it; a line read there that starts well left of the
seal is the body's, not the seal's inscription.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from casefile_eval.extract.dates import find_dates
from casefile_eval.ocr.confusables import normalize_ocr_text
from casefile_eval.ocr.engine import OcrEngine, RawBox
from casefile_eval.ocr.layout import to_boxes
from casefile_eval.ocr.page import Box, OcrBox, OcrLine, overlap_area
from casefile_eval.ocr.seals import paper_tone

REACH = 1.0  # seal widths each side of a seal that its band spans (a 落款 line reaches past the seal)
MARGIN = 0.05  # of a seal's height, above and below it, in its band
MIN_SCORE = 0.8  # a line read in the band is kept with this confidence...
MIN_CHARS = 2  # ...and at least this many characters...
INSCRIPTION = 0.25  # ...below the top share of the seal that holds its inscription's arc
READ_OVERLAP = 0.3  # a line overlapping lines already read by this share of its box is no new line
CROSS_REACH = 0.5  # of a seal's height from its top: the rows where a body line may cross the seal
ROW_BAND = 1.6  # line heights of the band a crossing row is read in
ROW_INK = 0.03  # share of dark pixels left of the seal in a row holding print
DARK = 0.6  # of the paper's tone: a dark pixel
LEFT_OF_SEAL = 0.5  # seal widths left of the seal where a crossing line starts (the inscription does not)
ROWS_ABOVE = 2.0  # line heights above a seal where the rows looked at begin at the latest
MAX_ROWS = 2  # bands read a seal
# RapidOCR pads an image wider than this many times its height with black above and below; a band one line
# tall is padded with paper to this shape instead, and found at the page's own scale (`own_scale`), not
# blown up until its short side is the detector's 736 pixels
WIDE = 8
STRIDE = 32  # the detector's network takes sides that are multiples of this (others are stretched to one)


def under_seal_parts(
    rgb: np.ndarray, lines: list[OcrLine], seals: list[Box], engine: Callable[[], OcrEngine]
) -> list[OcrBox]:
    """The lines read in the bands of the seals (`seals.find_seals` of the page) of an upright, levelled
    page that the page's reading (`lines`) did not find; [] on a page without seals."""
    if not seals:
        return []
    read = [part.box for line in lines for part in line.parts]
    ocr = engine()
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    found: list[RawBox] = []
    for seal in seals:
        found += _crossing_lines(ocr, rgb, gray, seal, read + [b.bounds for b in found])
        if _dated(lines, _band(rgb, seal)):
            continue  # the 落款's date was read on the page: nothing is looked for again
        for box in _band_reads(ocr, rgb, seal):
            if _new(box, seal, read + [b.bounds for b in found]):
                found.append(box)
    return to_boxes(found)


def _band(rgb: np.ndarray, seal: Box) -> tuple[int, int, int, int]:
    """The band of the page a seal lies on (x0, top, x1, bottom in pixels): REACH seal widths each side,
    MARGIN of its height above and below."""
    x0, top, x1, bottom = seal
    height, width = rgb.shape[:2]
    reach, margin = REACH * (x1 - x0), MARGIN * (bottom - top)
    left, upper = max(int(x0 - reach), 0), max(int(top - margin), 0)
    return left, upper, min(int(x1 + reach), width), min(int(bottom + margin), height)


def _dated(lines: list[OcrLine], band: Box) -> bool:
    """Whether a line read on the page within the band holds a date, whole or in part."""
    return any(
        overlap_area(line.box, band) > 0 and find_dates(normalize_ocr_text(line.text)) for line in lines
    )


def _band_reads(ocr: OcrEngine, rgb: np.ndarray, seal: Box) -> list[RawBox]:
    """The lines found and read in the band a seal lies on, in page pixels."""
    left, upper, right, lower = _band(rgb, seal)
    band = np.ascontiguousarray(rgb[upper:lower, left:right])
    if band.size == 0:
        return []
    return [_shifted(box, left, upper) for box in ocr.recognise(ocr.detect(band, by_outline=True))]


def _crossing_lines(
    ocr: OcrEngine, rgb: np.ndarray, page_gray: np.ndarray, seal: Box, read: list[Box]
) -> list[RawBox]:
    """The body's lines crossing the top of a seal that the page's reading lost: the rows from the last
    line read above the seal (at most ROWS_ABOVE line heights above it) to CROSS_REACH of its height that
    hold unread print left of it, each read in a band one line tall (at most MAX_ROWS bands a seal)."""
    x0, top, _, bottom = seal
    left_of = [b for b in read if b[0] < x0]
    if not left_of:
        return []
    height = float(np.median([b[3] - b[1] for b in left_of]))
    left = int(min(b[0] for b in left_of))
    above = [b[3] for b in left_of if (b[1] + b[3]) / 2 < top]
    row = max(max(above, default=0.0), top - ROWS_ABOVE * height)
    gray = page_gray[:, : int(x0)]
    paper = paper_tone(gray)
    out: list[RawBox] = []
    bands = 0
    while row < top + CROSS_REACH * (bottom - top) and row + height <= rgb.shape[0] and bands < MAX_ROWS:
        upper, lower = int(row), int(row + height)
        inked = float((gray[upper:lower, left:] < DARK * paper).mean()) >= ROW_INK
        if not inked or _covered(read + [b.bounds for b in out], left, upper, int(x0), lower):
            row += height / 2
            continue
        bands += 1
        band = _padded(rgb[upper : int(row + ROW_BAND * height)])
        found = ocr.detect(band, by_outline=True, own_scale=True)
        reads = [_shifted(b, 0, upper) for b in ocr.recognise(found)]
        kept = [b for b in reads if _crossing(b, seal)]
        out += kept
        row = max([b.bounds[3] for b in kept], default=float(lower))
    return out


def _padded(band: np.ndarray) -> np.ndarray:
    """A band of the page with paper rows (its own paper's colour) below it: at least a `WIDE`-th of its
    width, a multiple of `STRIDE` rows."""
    rows = max(band.shape[0], math.ceil(band.shape[1] / WIDE))
    missing = math.ceil(rows / STRIDE) * STRIDE - band.shape[0]
    if missing <= 0:
        return np.ascontiguousarray(band)
    paper = np.percentile(band.reshape(-1, band.shape[2]), 90, axis=0).astype(band.dtype)
    below = np.broadcast_to(paper, (missing, band.shape[1], band.shape[2]))
    return np.ascontiguousarray(np.concatenate([band, below]))


def _crossing(box: RawBox, seal: Box) -> bool:
    """A line read with confidence that starts well left of a seal and reaches into it: the body's."""
    x0, _, x1, _ = seal
    confident = box.score >= MIN_SCORE and len(box.text.strip()) >= MIN_CHARS
    return confident and box.bounds[0] < x0 - LEFT_OF_SEAL * (x1 - x0) and box.bounds[2] > x0


def _covered(read: list[Box], left: int, top: int, right: int, bottom: int) -> bool:
    """Whether lines read cover most of a row's height left of a seal."""
    return any(
        b[0] < right and b[2] > left and min(b[3], bottom) - max(b[1], top) > 0.5 * (bottom - top)
        for b in read
    )


def _shifted(box: RawBox, dx: float, dy: float) -> RawBox:
    return replace(
        box,
        quad=tuple((x + dx, y + dy) for x, y in box.quad),
        chars=tuple(x + dx for x in box.chars),
    )


def _new(box: RawBox, seal: Box, read: list[Box]) -> bool:
    """A line read with confidence, of at least two characters, below the seal's inscription, that
    overlaps no line already read."""
    x0, top, x1, bottom = box.bounds
    if box.score < MIN_SCORE or len(box.text.strip()) < MIN_CHARS:
        return False
    if (top + bottom) / 2 < seal[1] + INSCRIPTION * (seal[3] - seal[1]):
        return False
    area = max((x1 - x0) * (bottom - top), 1.0)
    return sum(overlap_area(box.bounds, r) for r in read) < READ_OVERLAP * area
