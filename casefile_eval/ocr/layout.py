"""Engine boxes → text lines in reading order (rows top to bottom, boxes left to right)."""

from __future__ import annotations

from casefile_eval.ocr.engine import RawBox
from casefile_eval.ocr.page import OcrBox, OcrLine


def to_boxes(raw: list[RawBox]) -> list[OcrBox]:
    """Axis-aligned boxes of the engine's quadrilaterals."""
    out = []
    for item in raw:
        lead = len(item.text) - len(item.text.lstrip())
        text = item.text.strip()
        chars = item.chars[lead : lead + len(text)] if len(item.chars) == len(item.text) else ()
        scores = item.scores[lead : lead + len(text)] if len(item.scores) == len(item.text) else ()
        out.append(OcrBox(text, item.bounds, round(item.score, 4), chars, scores))
    return out


SAME_ROW = 0.5  # boxes side by side share at least this share of the smaller height
SAME_ROW_APART = 0.3  # ... or this much when a column gap lies between them
COLUMN_GAP = 1.5  # a gap this many heights wide separates two table columns
SETTLE_MARGIN = 0.2  # a box moves to another row only when it fits that row this much better
X_OVERLAP = 0.3  # boxes overlapping in x by this share of the narrower one lie on different rows


def _height(box: OcrBox) -> float:
    return max(box.box[3] - box.box[1], 1.0)


def _row_fit(box: OcrBox, row: list[OcrBox]) -> float | None:
    """How well `box` continues `row`: the largest share of the smaller height it shares with one of the
    row's boxes (box by box, so a skewed or warped line is followed), None when it does not fit.

    A box overlapping a row box in x stands above or below it, never beside it. A label centred in a tall
    table cell sits lower than the value at the top of the next cell: across a column gap a smaller
    overlap is enough."""
    x0, top, x1, bottom = box.box
    best: float | None = None
    for other in row:
        overlap_x = min(x1, other.box[2]) - max(x0, other.box[0])
        if overlap_x > X_OVERLAP * min(x1 - x0, other.box[2] - other.box[0]):
            return None
        gap = max(other.box[0] - x1, x0 - other.box[2])
        smaller = min(_height(box), _height(other))
        share = (min(bottom, other.box[3]) - max(top, other.box[1])) / smaller
        needed = SAME_ROW_APART if gap >= COLUMN_GAP * smaller else SAME_ROW
        if share >= needed and (best is None or share > best):
            best = share
    return best


def group_lines(boxes: list[OcrBox]) -> list[OcrLine]:
    """Rows of boxes side by side, each sorted left to right, rows top to bottom (see `_row_fit`)."""
    rows: list[list[OcrBox]] = []
    for box in sorted(boxes, key=lambda b: (b.box[1] + b.box[3]) / 2):
        fits = [(fit, i) for i in range(max(0, len(rows) - 3), len(rows)) if (fit := _row_fit(box, rows[i]))]
        if fits:
            rows[max(fits)[1]].append(box)
        else:
            rows.append([box])
    _settle(rows)
    lines = [OcrLine(sorted(row, key=lambda b: b.box[0])) for row in rows if row]
    return sorted(lines, key=lambda line: line.box[1])


def _settle(rows: list[list[OcrBox]]) -> None:
    """Move each box to the neighbouring row it fits clearly better than its own (a box placed while the
    row it belongs to did not exist yet: a date beside a 签章 label that a taller seal read joined to the
    row above)."""
    for i, row in enumerate(rows):
        for box in list(row):
            rest = [b for b in row if b is not box]
            own = (_row_fit(box, rest) or 0.0) if rest else 0.0
            best, target = own + SETTLE_MARGIN, None
            for j in range(max(0, i - 3), min(len(rows), i + 4)):
                fit = _row_fit(box, rows[j]) if j != i and rows[j] else None
                if fit is not None and fit > best:
                    best, target = fit, j
            if target is not None:
                row.remove(box)
                rows[target].append(box)
