"""OCR lines without what stands apart from the page's body in its margins: a band down the left edge (see
`casefile_eval.parsers.left_band`: an agency printed one upright character a row down the margin, a 存根
stub beside its perforation), a column of single characters right of the body (index tabs stuck on the
sheet's edge, 证/据, 送/达), and specks in the side margins (punched binding holes, a tractor-feed paper's
sprocket holes, dirt) that OCR reads as O, ®, 1, 福. Both the signature zones (`ocr.marks`) and the
reading order (`ocr.columns`) work on the lines without them."""

from __future__ import annotations

import re
import statistics

from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.parsers.header_rows import Placement
from casefile_eval.parsers.left_band import ALIGN, MIN_GUTTER, Band, find_band

SPECK_CONFIDENCE = 0.9  # a read of one or two characters less sure than this may be a speck
MIN_RIGHT_COLUMN = 3  # single characters, at least, one under the other right of the body
_ONE_HAN = re.compile(r"[\u4e00-\u9fff]")


def without_band(lines: list[OcrLine]) -> tuple[list[OcrLine], list[Placement]]:
    """The lines without what stands in the page's left band or as a speck in a side margin; for each old
    line, where its parts went (nowhere: all left out)."""
    parts = [p for line in lines for p in line.parts]
    band = find_band(parts, lambda p: p.box, lambda p: p.text, _speck)
    margins = _body_edges(parts)
    right = _right_column(parts)
    if band is None and margins is None and right is None:
        return lines, [[(float("-inf"), k)] for k in range(len(lines))]
    kept: list[OcrLine] = []
    placements: list[Placement] = []
    for line in lines:
        parts = [
            p for p in line.parts if not _outside(p, band, margins) and (right is None or p.box[0] < right)
        ]
        placements.append([(float("-inf"), len(kept))] if parts else [])
        if parts:
            kept.append(line if len(parts) == len(line.parts) else OcrLine(parts=parts))
    return kept, placements


def _outside(part: OcrBox, band: Band | None, margins: tuple[float, float] | None) -> bool:
    if band is not None and band.holds(part.box, _speck(part)):
        return True
    return margins is not None and _speck(part) and (part.box[2] < margins[0] or part.box[0] > margins[1])


def _right_column(parts: list[OcrBox]) -> float | None:
    """Where a column of single characters right of the page's body begins: at least MIN_RIGHT_COLUMN
    upright Han characters one under the other (their middles within ALIGN character heights), each a
    gutter (MIN_GUTTER character heights) right of every part of the page that is not such a character.
    None when the page has no such column."""
    singles = [p for p in parts if _ONE_HAN.fullmatch(p.text.strip())]
    others = [p for p in parts if not _ONE_HAN.fullmatch(p.text.strip())]
    if len(singles) < MIN_RIGHT_COLUMN or not others:
        return None
    height = statistics.median(p.box[3] - p.box[1] for p in singles)
    body = max(p.box[2] for p in others) + MIN_GUTTER * height
    beyond = [p for p in singles if p.box[0] > body]
    if len(beyond) < MIN_RIGHT_COLUMN:
        return None
    middle = statistics.median((p.box[0] + p.box[2]) / 2 for p in beyond)
    column = [p for p in beyond if abs((p.box[0] + p.box[2]) / 2 - middle) <= ALIGN * height]
    return min(p.box[0] for p in column) if len(column) >= MIN_RIGHT_COLUMN else None


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
