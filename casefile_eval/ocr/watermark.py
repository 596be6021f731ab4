"""Print set at a slant across the page (a platform's diagonal watermark, "行政执法案卷评查专用" repeated
over every page it exports): not the document's text, and dropped before the page's lines are used.

A level line of print is about as tall as its characters are wide; a run of characters set at 30–45° is
several times taller, taller by far than the page's own lines, and wide as well (a field name printed
down a tall cell is as tall but one character wide). Only runs of several characters are judged so: a
handwritten name of two or three characters may be tall and narrow.

The engine's own boxes tell the slant first (`level_only`): the line finder fits each box to its text, so
a run set at 30° comes as a box turned 30°, while the page, levelled, has its print at 0°. What the
finder boxes level (a piece cut short by the print it crosses) is left to the shape of its box
(`without_slanted`).
"""

from __future__ import annotations

import math
from dataclasses import replace
from difflib import SequenceMatcher
from statistics import median

from casefile_eval.ocr.engine import RawBox
from casefile_eval.ocr.layout import group_lines
from casefile_eval.ocr.page import OcrBox, OcrPage
from casefile_eval.textnorm import compact

SLANT_RATIO = 3.0  # height over the width of one character: a slanted (or upright) run at least this
LEVEL_RATIO = 2.0  # the page's level print is below this (its lines give the usual height)
SLANT_HEIGHT = 3.0  # a slanted run is at least this many times the usual line's height...
SLANT_CHARS = 4  # ...and has at least this many characters
SLANT_WIDTH = 2.5  # ...and this many usual heights wide (a word set upright in a tall cell is not)
REPEATS = 2  # a watermark's run shares its words with more than this many runs of the page (itself included)
PIECE_HEIGHT = 1.6  # a shorter piece of the watermark's words is at least this many times the usual height
TURN = (20.0, 70.0)  # degrees off level of an engine's box set at a slant (a sloping signature turns less)
TURN_LENGTH = 1.6  # ...and its length over its height (a single character's box has no direction)


def level_only(raw: list[RawBox]) -> list[RawBox]:
    """The engine's boxes without those turned well off level: runs of a diagonal watermark."""
    return [box for box in raw if not _turned(box)]


def _turned(box: RawBox) -> bool:
    """Whether a box of two or more characters runs at a slant: its longer side 20–70° off level."""
    if len(box.quad) != 4 or len(box.text.strip()) < 2:
        return False
    (ax, ay), (bx, by), (cx, cy) = box.quad[:3]
    top, side = (bx - ax, by - ay), (cx - bx, cy - by)
    long, short = (top, side) if math.hypot(*top) >= math.hypot(*side) else (side, top)
    if math.hypot(*long) < TURN_LENGTH * max(math.hypot(*short), 1.0):
        return False
    angle = abs(math.degrees(math.atan2(long[1], long[0])))
    angle = min(angle, 180.0 - angle)
    return TURN[0] <= angle <= TURN[1]


def _ratio(part: OcrBox) -> float:
    x0, top, x1, bottom = part.box
    return (bottom - top) / max((x1 - x0) / max(len(part.text), 1), 1.0)


def _share_words(one: str, other: str) -> bool:
    """Whether two runs have SLANT_CHARS characters in a row in common."""
    match = SequenceMatcher(None, one, other, autojunk=False).find_longest_match(0, len(one), 0, len(other))
    return match.size >= SLANT_CHARS


def _width(part: OcrBox) -> float:
    return part.box[2] - part.box[0]


def _height(part: OcrBox) -> float:
    return part.box[3] - part.box[1]


def without_slanted(page: OcrPage) -> OcrPage:
    """The page without the runs of print set at a slant: the long ones by their shape, and the shorter
    pieces of the same words cut off by the page's print (行政执法 of 行政执法案卷评查专用) by their words
    and a height no level line has. A word set upright in a tall cell (a field name printed down its
    column) is too narrow for either, and a watermark repeats: a lone tall run (a label and a tall
    signature read as one) is left. The lines are grouped again where any run was dropped (a tall slanted
    run had joined the level lines it crossed)."""
    parts = [part for line in page.lines for part in line.parts]
    level = [_height(part) for part in parts if _ratio(part) < LEVEL_RATIO]
    if not level:
        return page
    usual = median(level)
    tall = [
        (part, compact(part.text))
        for part in parts
        if len(part.text) >= SLANT_CHARS
        and _ratio(part) >= SLANT_RATIO
        and _height(part) >= SLANT_HEIGHT * usual
        and _width(part) >= SLANT_WIDTH * usual
    ]
    # a watermark repeats across the page: a lone tall run (a label and a tall signature read as one) stays
    slanted = [(part, text) for part, text in tall if sum(_share_words(text, t) for _, t in tall) > REPEATS]
    if not slanted:
        return page
    dropped = {id(part) for part, _ in slanted}
    words = {text for _, text in slanted}
    kept = [
        part
        for part in parts
        if id(part) not in dropped
        and not (
            _height(part) >= PIECE_HEIGHT * usual
            and _width(part) >= SLANT_WIDTH * usual
            and len(piece := compact(part.text)) >= 2
            and any(piece in word for word in words)
        )
    ]
    return replace(page, lines=group_lines(kept))
