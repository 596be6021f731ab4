"""OCR lines without what stands apart from the page's body in its margins: a band down the left edge (see
`casefile_eval.parsers.left_band`: an agency printed one upright character a row down the margin, a 存根
stub beside its perforation), and specks in the side margins (punched binding holes, a tractor-feed
paper's sprocket holes, dirt) that OCR reads as O, ®, 1, 福. Both the signature zones (`ocr.marks`) and
the reading order (`ocr.columns`) work on the lines without them."""

from __future__ import annotations

import statistics

from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.header_rows import Placement
from casefile_eval.parsers.left_band import MIN_GUTTER, Band, find_band

SPECK_CONFIDENCE = 0.9  # a read of one or two characters less sure than this may be a speck


def without_band(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    """The lines without what stands in the page's left band or as a speck in a side margin; for each old
    line, where its parts went (nowhere: all left out)."""
    parts = [p for line in lines for p in line.parts]
    band = find_band(parts, lambda p: p.box, lambda p: p.text, _speck)
    margins = _body_edges(parts)
    if band is None and margins is None:
        return lines, [[(float("-inf"), k)] for k in range(len(lines))]
    kept: list[OcrLine] = []
    placements: list[Placement] = []
    for line in lines:
        parts = [p for p in line.parts if not _outside(p, band, margins)]
        placements.append([(float("-inf"), len(kept))] if parts else [])
        if parts:
            kept.append(line if len(parts) == len(line.parts) else OcrLine(parts=parts))
    return kept, placements


def _outside(part: OcrBox, band: Band | None, margins: tuple[float, float] | None) -> bool:
    if band is not None and band.holds(part.box, _speck(part)):
        return True
    return margins is not None and _speck(part) and (part.box[2] < margins[0] or part.box[0] > margins[1])


def _body_edges(parts: list[OcrBox]) -> tuple[float, float] | None:
    """Where the page's sure text begins and ends across the page, each moved out by a gutter
    (MIN_GUTTER character heights): a speck beyond stands apart in a margin. None when the page holds
    no speck, or no sure text."""
    sure = [p.box for p in parts if not _speck(p)]
    if not sure or len(sure) == len(parts):
        return None
    gutter = MIN_GUTTER * statistics.median(box[3] - box[1] for box in sure)
    return min(box[0] for box in sure) - gutter, max(box[2] for box in sure) + gutter


def _speck(part: OcrBox) -> bool:
    """A doubtful read of a character or two: a perforation's hole, a speck."""
    return part.confidence < SPECK_CONFIDENCE and len(part.text.strip()) <= 2
