"""A second look at numbers printed after a run of leader dots: the page numbers of a 卷内目录 set as
"现场检查笔录……………二〇一六年五月十日……………1".

The line detector passes over a row of dots and the lone digits after it (too thin a region), and a crop
of dots and digits reads as dots ("·."). Right of the last words read on a line, a run of at least
`MIN_DOTS` dot-sized marks on the line's row followed by a few marks as tall as digits is such a number:
those marks are read by themselves, and a read of a page number (1, 13, 13-14) is added to the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import cv2
import numpy as np

from casefile_eval.ocr.engine import OcrEngine, Quad
from casefile_eval.ocr.layout import to_boxes
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.ocr.seals import paper_tone

INK = 0.6  # pixels darker than this share of the paper's grey are print
DOT_SIZE = 0.35  # line heights: a dot is at most this tall and wide...
DOT_ROW = 0.12  # line heights a dot's middle stands off the run's middle
DIGIT_HEIGHT = 0.45  # the number's marks together stand at least this tall
MIN_DOTS = 3  # dots in a run of leaders before the number
NUMBER_WIDTH = 5.0  # line heights the number's marks span at most (13-14)
PAD = 3  # pixels of paper kept round the number for the recogniser
MIN_SCORE = 0.8
_WORDS = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d{1,3}(?:[-－—~～]\d{1,3})?")
_LEADERS = re.compile(r"[·•.．…。,，:：'`\s]+")


def leader_numbers(rgb: np.ndarray, lines: list[OcrLine], engine: Callable[[], OcrEngine]) -> list[OcrBox]:
    """The numbers after leader dots on the lines of an upright, levelled page that the lines read do not
    end with (`engine` is called only when there are some to read)."""
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    ink = gray < INK * paper_tone(gray)
    quads: list[Quad] = []
    for line in lines:
        box = _number_box(ink, line)
        if box is not None:
            quads.append(((box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])))
    if not quads:
        return []
    read = engine().read_crops(quads, [_crop(rgb, q) for q in quads])
    return to_boxes([r for r in read if r.score >= MIN_SCORE and _NUMBER.fullmatch(r.text.strip())])


def _crop(rgb: np.ndarray, quad: Quad) -> np.ndarray:
    (x0, top), _, (x1, bottom), _ = quad
    return np.ascontiguousarray(rgb[int(top) : int(bottom), int(x0) : int(x1)])


def _number_box(ink: np.ndarray, line: OcrLine) -> tuple[int, int, int, int] | None:
    """The box (x0, top, x1, bottom, page pixels) of the digits after a run of leader dots right of the
    line's last words, or None."""
    parts = sorted(line.parts, key=lambda p: p.box[0])
    worded = [p for p in parts if _WORDS.search(p.text)]
    if not worded or _NUMBER.fullmatch(_LEADERS.sub("", parts[-1].text)):
        return None  # no words, or the line already ends with its number
    start = int(max(p.box[2] for p in worded))
    top, bottom = int(min(p.box[1] for p in worded)), int(max(p.box[3] for p in worded))
    height = bottom - top
    if height <= 0 or start >= ink.shape[1]:
        return None
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink[top:bottom, start:].astype(np.uint8))
    marks = [tuple(int(v) for v in stats[k][:4]) for k in range(1, count)]
    small = [m for m in marks if m[3] <= DOT_SIZE * height and m[2] <= DOT_SIZE * height]
    if len(small) < MIN_DOTS:
        return None
    row = float(np.median([m[1] + m[3] / 2 for m in small]))
    dots = [m for m in small if abs(m[1] + m[3] / 2 - row) <= DOT_ROW * height]
    number = [m for m in marks if m not in dots]  # (a digit may come apart: the bar of a 5 is small)
    if not number:
        return None
    x0, x1 = min(m[0] for m in number), max(m[0] + m[2] for m in number)
    tall = max(m[1] + m[3] for m in number) - min(m[1] for m in number)
    if tall < DIGIT_HEIGHT * height or sum(m[0] + m[2] <= x0 for m in dots) < MIN_DOTS:
        return None  # no digit, or it does not follow a run of dots
    if x1 - x0 > NUMBER_WIDTH * height or any(m[0] >= x1 for m in dots):
        return None  # more than a number, or dots go on after it
    if any(p.box[2] > start + x0 and p.box[0] < start + x1 for p in parts):
        return None  # something was read there (a misread number is not read again)
    width = ink.shape[1]
    return max(start + x0 - PAD, 0), max(top - PAD, 0), min(start + x1 + PAD, width), bottom + PAD
