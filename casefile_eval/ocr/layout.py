"""Engine boxes → text lines in reading order (rows top to bottom, boxes left to right)."""

from __future__ import annotations

from casefile_eval.ocr.engine import RawBox
from casefile_eval.ocr.page import OcrBox, OcrLine


def to_boxes(raw: list[RawBox]) -> list[OcrBox]:
    """Axis-aligned boxes of the engine's quadrilaterals."""
    out = []
    for item in raw:
        xs = [p[0] for p in item.quad]
        ys = [p[1] for p in item.quad]
        lead = len(item.text) - len(item.text.lstrip())
        text = item.text.strip()
        chars = item.chars[lead : lead + len(text)] if len(item.chars) == len(item.text) else ()
        out.append(OcrBox(text, (min(xs), min(ys), max(xs), max(ys)), round(item.score, 4), chars))
    return out


def _same_row(box: OcrBox, top: float, bottom: float) -> bool:
    overlap = min(box.box[3], bottom) - max(box.box[1], top)
    smaller = min(box.box[3] - box.box[1], bottom - top)
    return smaller > 0 and overlap >= 0.5 * smaller


def group_lines(boxes: list[OcrBox]) -> list[OcrLine]:
    """Rows of boxes that share at least half their height, each sorted left to right."""
    rows: list[list[OcrBox]] = []
    bounds: list[tuple[float, float]] = []
    for box in sorted(boxes, key=lambda b: (b.box[1] + b.box[3]) / 2):
        for i in range(len(rows) - 1, max(-1, len(rows) - 3), -1):
            if _same_row(box, *bounds[i]):
                rows[i].append(box)
                top, bottom = bounds[i]
                bounds[i] = (min(top, box.box[1]), max(bottom, box.box[3]))
                break
        else:
            rows.append([box])
            bounds.append((box.box[1], box.box[3]))
    lines = [OcrLine(sorted(row, key=lambda b: b.box[0])) for row in rows]
    return sorted(lines, key=lambda line: line.box[1])
