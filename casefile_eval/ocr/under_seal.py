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
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from casefile_eval.extract.dates import find_dates
from casefile_eval.ocr.confusables import normalize_ocr_text
from casefile_eval.ocr.engine import OcrEngine, RawBox
from casefile_eval.ocr.layout import to_boxes
from casefile_eval.ocr.page import Box, OcrBox, OcrLine, overlap_area

REACH = 1.0  # seal widths each side of a seal that its band spans (a 落款 line reaches past the seal)
MARGIN = 0.05  # of a seal's height, above and below it, in its band
MIN_SCORE = 0.8  # a line read in the band is kept with this confidence...
MIN_CHARS = 2  # ...and at least this many characters...
INSCRIPTION = 0.25  # ...below the top share of the seal that holds its inscription's arc
READ_OVERLAP = 0.3  # a line overlapping lines already read by this share of its box is no new line


def under_seal_parts(
    rgb: np.ndarray, lines: list[OcrLine], seals: list[Box], engine: Callable[[], OcrEngine]
) -> list[OcrBox]:
    """The lines read in the bands of the seals (`seals.find_seals` of the page) of an upright, levelled
    page that the page's reading (`lines`) did not find; [] on a page without seals."""
    if not seals:
        return []
    read = [part.box for line in lines for part in line.parts]
    ocr = engine()
    found: list[RawBox] = []
    for seal in seals:
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
