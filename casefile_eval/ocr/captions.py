"""Signing over a caption: forms that print a short rule with the caption under it (受送达人（签字） under
a blank line) are signed on the rule, above the caption. Finds that rule on a page image and the zone
above it where the signature stands. (The zones beside and under a label: `ocr.marks`.)
"""

from __future__ import annotations

import cv2
import numpy as np

from casefile_eval.ocr.page import Box

_RULE_ABOVE = 0.5  # line heights above a caption's top where its rule may lie (a caption hangs under it)
_INTO_BOX = 0.3  # line heights into the caption's box where its rule may lie
_RULE_MIN = 2.0  # line heights: a shorter run of ink is a stroke, not a rule to sign on
_RULE_MAX = 20.0  # line heights: a longer rule is a table's border, not one caption's line
_CENTRED = 0.25  # of the rule's length: how far a caption's middle may stand from the rule's middle...
_FLUSH = 1.0  # ...unless it starts within this many line heights of the rule's start (set flush left)
_SIGN_HEIGHT = 3.0  # line heights above the rule where a signature may stand
_BORDER = 1.0  # line heights a vertical stroke at a rule's end reaches to make the rule a cell's border


def rule_above(ink: np.ndarray, caption: Box, h: float) -> tuple[float, float, float] | None:
    """(left, row, right) of the short rule right above a caption, centred over it or starting where it
    starts; None where there is none, or where the rule is a table's border (longer than `_RULE_MAX` line
    heights, or meeting a vertical rule at an end)."""
    x0, top, x1, _ = caption
    # (the engine's box of the caption may reach up to the rule)
    y0, y1 = max(round(top - _RULE_ABOVE * h), 0), max(round(top + _INTO_BOX * h), 0)
    left = max(round(x0 - _RULE_MAX * h), 0)
    raw = (ink[y0:y1, left : round(x1 + _RULE_MAX * h)] > 0).astype(np.uint8)
    if raw.size == 0:
        return None
    # a scanned rule steps by a pixel where the page was tilted and has small gaps: merge rows, bridge gaps
    rows = cv2.dilate(raw, np.ones((3, 1), np.uint8))
    band = np.asarray(
        cv2.morphologyEx(rows, cv2.MORPH_CLOSE, np.ones((1, max(2, round(0.15 * h))), np.uint8))
    )
    middle = round((x0 + x1) / 2) - left
    if not 0 <= middle < band.shape[1]:
        return None
    best: tuple[int, int, int] | None = None
    for row in range(band.shape[0] - 1, -1, -1):
        run = _run_through(band[row], middle)
        if run is not None and (best is None or run[1] - run[0] > best[2] - best[1]):
            best = (row, *run)
    if best is None:
        return None
    row, a, b = best
    length = b - a
    flush = abs(a - (x0 - left)) <= _FLUSH * h
    if not _RULE_MIN * h <= length <= _RULE_MAX * h or (
        abs((a + b) / 2 - middle) > _CENTRED * length and not flush
    ):
        return None
    y = y0 + row
    if _border_end(ink, left + a, y, h) or _border_end(ink, left + b - 1, y, h):
        return None
    return float(left + a), float(y), float(left + b)


def _run_through(row: np.ndarray, x: int) -> tuple[int, int] | None:
    """The run of ink along a pixel row that passes through column `x`, as (start, stop)."""
    if not row[x]:
        return None
    blank = np.flatnonzero(row == 0)
    before, after = blank[blank < x], blank[blank > x]
    return (int(before[-1]) + 1 if before.size else 0, int(after[0]) if after.size else row.size)


def _border_end(ink: np.ndarray, x: int, y: int, h: float) -> bool:
    """True when a vertical stroke at a rule's end reaches `_BORDER` line heights above or below it: the
    rule is a table cell's border."""
    reach = round(_BORDER * h)
    columns = ink[:, max(x - round(0.3 * h), 0) : x + round(0.3 * h) + 1]
    up = columns[max(y - reach, 0) : max(y - 2, 0)].any(axis=1)
    down = columns[y + 3 : y + reach + 1].any(axis=1)
    return bool(up.size and up.all()) or bool(down.size and down.all())


def zone_over_rule(rule: tuple[float, float, float], h: float, ceiling: float) -> Box | None:
    """The zone above a caption's rule where its signature stands: the rule's width, up to
    `_SIGN_HEIGHT` line heights or the `ceiling` (the foot of the print above); None where that leaves
    less than a line height."""
    a, y, b = rule
    top = max(y - _SIGN_HEIGHT * h, ceiling)
    return (a, top, b, y) if y - top > h else None
