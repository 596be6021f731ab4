"""OCR lines without a band down the page's left edge (see `casefile_eval.parsers.left_band`): an agency
printed one upright character a row down the margin, a 存根 stub beside its perforation. Both the signature
zones (`ocr.marks`) and the reading order (`ocr.columns`) work on the lines without it."""

from __future__ import annotations

from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.header_rows import Placement
from casefile_eval.parsers.left_band import find_band

SPECK_CONFIDENCE = 0.9  # a read of one or two characters less sure than this may be a speck


def without_band(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    """The lines without what stands in the page's left band; for each old line, where its parts went
    (nowhere: all in the band)."""
    band = find_band([p for line in lines for p in line.parts], lambda p: p.box, lambda p: p.text, _speck)
    if band is None:
        return lines, [[(float("-inf"), k)] for k in range(len(lines))]
    kept: list[OcrLine] = []
    placements: list[Placement] = []
    for line in lines:
        parts = [p for p in line.parts if not band.holds(p.box, _speck(p))]
        placements.append([(float("-inf"), len(kept))] if parts else [])
        if parts:
            kept.append(line if len(parts) == len(line.parts) else OcrLine(parts=parts))
    return kept, placements


def _speck(part: OcrBox) -> bool:
    """A doubtful read of a character or two: a perforation's hole, a speck."""
    return part.confidence < SPECK_CONFIDENCE and len(part.text.strip()) <= 2
