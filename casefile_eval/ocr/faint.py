"""A second look at print too faint for the line detector: form labels and titles printed in a light
colour that the scanner nearly dropped (colour-dropout forms), faded toner.

The detector finds no line in print a few grey levels below the paper (a label at grey 230 on paper
252). Such print is found as rows of faint strokes outside every line read, each row deepened (its grey
raised to a power relative to the paper) and read by the recogniser alone. A page is read so only when a
probe of its largest faint rows reads as words (two rows, or one read surely: a date washed out under a
laminate's glare); a read is kept only when it reads better than its mirror image, since the mirrored text
of the next sheet showing through thin paper is faint too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import cv2
import numpy as np

from casefile_eval.ocr.engine import OcrEngine, Quad, RawBox
from casefile_eval.ocr.layout import group_lines, to_boxes
from casefile_eval.ocr.page import OcrBox, OcrLine, OcrPage, overlap_area
from casefile_eval.ocr.seals import paper_tone

INK_GAP = 12  # grey levels below the paper where faint print begins...
PRINT_GAP = 60  # ...and where ordinary print begins
LINE_MARGIN = 4  # pixels around every line read that hold its own print
RULE = 2.5  # a faint run this many line heights long is a table rule
JOIN = 1.0  # faint strokes this many line heights apart along a row join (characters partly dropped)
MIN_HEIGHT, MAX_HEIGHT = 0.5, 1.6  # a faint row's height in line heights (the page's median)
MIN_WIDTH = 1.5  # ... and its least width (a row of at least two characters)
MIN_FILL = 0.12  # share of a faint row's box its faint strokes fill (scan noise fills less)
MAX_PRINT = 0.02  # share of a faint row's box in ordinary print (a row beside a line read)
PAD = 0.25  # line heights of paper kept around a row for the recogniser
DEEPEN = 8  # the power a row's grey (relative to the paper) is raised to: 230 on 252 → 122
THICKEN = 2  # ...and its strokes, broken where the scanner dropped their lightest part, thickened (px)
PROBE = 6  # the largest rows read first...
PROBE_WIDTH = 10  # ...of those at most this many line heights wide (long rows are show-through)
PROBE_WORDS = 2  # ...and at least this many must read as words for the page to be read on...
LONE_CHARS, LONE_SCORE = 4, 0.95  # ...or one of this many characters, read this surely (a washed-out date)
MIN_SCORE = 0.7  # a faint read kept needs this confidence
PIECE_INSIDE = 0.5  # a part of the page's reading lying this much inside a line read again is a piece of it
WHOLE_SCORE = 0.9  # a line read again whole replaces its pieces when read this surely
SLANT = 0.25  # a row whose strokes rise or fall more than this per pixel along it (14°) is set at a slant


@dataclass(frozen=True)
class _Row:
    x: int
    top: int
    width: int
    height: int


def faint_parts(rgb: np.ndarray, lines: list[OcrLine], engine: Callable[[], OcrEngine]) -> list[OcrBox]:
    """The faint rows of an upright, levelled page read as text (`engine` is called only when there are
    rows to read); [] when the page holds no faint print that reads as words."""
    return to_boxes(_faint_reads(rgb, lines, engine))


def with_faint(page: OcrPage, parts: list[OcrBox]) -> OcrPage:
    """The page with the faint print read on it (and the lines read again under its seals) put into its
    lines. A line read again whole over the pieces the page's reading made of it (a remedy sentence broken
    where it crosses a seal's ring: …城市管理 | 款泽县人民政府, read again …城市管理局或章彭泽县人民政府)
    takes their place when it reads more of it, surely; else the pieces stay and it is left out."""
    if not parts:
        return page
    kept = [p for line in page.lines for p in line.parts]
    for part in parts:
        pieces = [p for p in kept if overlap_area(p.box, part.box) >= PIECE_INSIDE * _area(p.box)]
        if not pieces:
            kept.append(part)
        elif part.confidence >= WHOLE_SCORE and len(part.text) > sum(len(p.text) for p in pieces):
            kept = [p for p in kept if all(p is not q for q in pieces)] + [part]
    return replace(page, lines=group_lines(kept))


def _area(box: tuple[float, float, float, float]) -> float:
    return max((box[2] - box[0]) * (box[3] - box[1]), 1.0)


def _faint_reads(rgb: np.ndarray, lines: list[OcrLine], engine: Callable[[], OcrEngine]) -> list[RawBox]:
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    paper = paper_tone(gray)
    height = _line_height(lines)
    rows = _faint_rows(gray, paper, lines, height)
    if not rows:
        return []
    rows.sort(key=lambda r: -r.width * r.height)
    probe = [r for r in rows if r.width <= PROBE_WIDTH * height][:PROBE]
    ocr = engine()
    first = _read(ocr, gray, paper, height, probe)
    words = [box for box in first if len(box.text.strip()) >= 2]
    lone = any(len(box.text.strip()) >= LONE_CHARS and box.score >= LONE_SCORE for box in words)
    if len(words) < PROBE_WORDS and not lone:
        return []
    rest = _read(ocr, gray, paper, height, [r for r in rows if r not in probe])
    return sorted(first + rest, key=lambda box: (box.bounds[1], box.bounds[0]))


def _line_height(lines: list[OcrLine]) -> float:
    heights = [part.box[3] - part.box[1] for line in lines for part in line.parts]
    return float(np.median(heights)) if heights else 20.0


def _faint_rows(gray: np.ndarray, paper: float, lines: list[OcrLine], height: float) -> list[_Row]:
    """Rows of faint strokes outside the lines read: faint pixels joined along the row, boxes of a line's
    height and at least two characters wide, filled enough and holding no ordinary print."""
    read = np.zeros(gray.shape, bool)
    for line in lines:
        for part in line.parts:
            x0, top, x1, bottom = (int(v) for v in part.box)
            read[
                max(top - LINE_MARGIN, 0) : bottom + LINE_MARGIN, max(x0 - LINE_MARGIN, 0) : x1 + LINE_MARGIN
            ] = True
    faint = (gray < paper - INK_GAP) & (gray > paper - PRINT_GAP) & ~read
    faint &= ~_rules(faint, height)
    printed = (gray <= paper - PRINT_GAP) & ~read
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (int(JOIN * height) | 1, 3))
    joined = cv2.morphologyEx(faint.astype(np.uint8), cv2.MORPH_CLOSE, kernel)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    rows = []
    for label, (x, top, width, tall, _) in enumerate(stats[1:count], start=1):
        box = (slice(top, top + tall), slice(x, x + width))
        if (
            MIN_HEIGHT * height <= tall <= MAX_HEIGHT * height
            and width >= MIN_WIDTH * height
            and faint[box].mean() >= MIN_FILL
            and printed[box].mean() < MAX_PRINT
            and not _slanted(faint[box] & (labels[box] == label))
        ):
            rows.append(_Row(int(x), int(top), int(width), int(tall)))
    return rows


def _slanted(strokes: np.ndarray) -> bool:
    """Whether a row's strokes run at a slant (a piece of a diagonal watermark, 行政执法案卷评查专用 set at
    30°, cut off by the print it crosses): their height rises or falls along the row (the least-squares
    slope of the strokes' rows on their columns), where a level row's strokes keep one height."""
    ys, xs = np.nonzero(strokes)
    if len(xs) < 2:
        return False
    spread = float(np.var(xs))
    if spread == 0.0:
        return False
    slope = float(np.mean((xs - xs.mean()) * (ys - ys.mean()))) / spread
    return abs(slope) > SLANT


def _rules(mask: np.ndarray, height: float) -> np.ndarray:
    """The table rules among faint strokes: runs across or down at least `RULE` line heights long (a
    label beside a faint cell border would otherwise join it into a box of no line's shape)."""
    mask8 = mask.astype(np.uint8)
    length = int(RULE * height)
    across = cv2.morphologyEx(mask8, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))
    down = cv2.morphologyEx(mask8, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length)))
    grown = cv2.dilate(np.maximum(across, down), np.ones((3, 3), np.uint8))
    return grown.astype(bool)


def _read(ocr: OcrEngine, gray: np.ndarray, paper: float, height: float, rows: list[_Row]) -> list[RawBox]:
    """The rows deepened and read; kept when read with confidence and better than mirrored."""
    if not rows:
        return []
    pad = int(PAD * height)
    quads: list[Quad] = []
    crops: list[np.ndarray] = []
    for row in rows:
        x0, top = max(row.x - pad, 0), max(row.top - pad, 0)
        x1, bottom = row.x + row.width + pad, row.top + row.height + pad
        crop = gray[top:bottom, x0:x1].astype(np.float32) / max(paper, 1.0)
        deep = (255 * np.minimum(crop, 1.0) ** DEEPEN).astype(np.uint8)
        deep = cv2.erode(deep, np.ones((THICKEN, THICKEN), np.uint8))
        crops.append(np.repeat(deep[:, :, None], 3, axis=2))
        right, low = x0 + deep.shape[1], top + deep.shape[0]
        quads.append(
            (
                (float(x0), float(top)),
                (float(right), float(top)),
                (float(right), float(low)),
                (float(x0), float(low)),
            )
        )
    read = ocr.read_crops(quads, crops)
    kept = [i for i, box in enumerate(read) if box.score >= MIN_SCORE and box.text.strip()]
    if not kept:
        return []
    mirrored = ocr.read_crops(
        [quads[i] for i in kept], [np.ascontiguousarray(crops[i][:, ::-1]) for i in kept]
    )
    return [read[i] for i, mirror in zip(kept, mirrored, strict=True) if read[i].score > mirror.score]
