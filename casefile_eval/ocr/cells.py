"""The ruled cell beside a label in a form's table, found from the table's rules in the page's ink.

A 送达回证 is often a two-column table: the label cell on the left ("受送达人签收"), the wide value cell on
its right, where the person signs anywhere, often low and far right. The cell is the span between the first
two vertical rules right of the label, from the rule over the label's row to the rule under it.
"""

from __future__ import annotations

import numpy as np

from casefile_eval.ocr.page import Box

_RULE_COVER = 0.9  # of a label's line and half a line over and under it: a vertical rule's cover (no glyph's)
_ROW_COVER = 0.8  # share of a cell's width a horizontal rule covers
_MIN_WIDTH = 4.0  # line heights: a narrower "cell" is the gap between two strokes, not a cell
_MAX_ROWS = 6.0  # line heights from the label's line to the rule under its row
_INSET = 0.3  # line heights kept off each rule (a rule's blur, a skewed rule's edge)


def value_cell(ink: np.ndarray, label: Box, start: float, h: float) -> Box | None:
    """The cell right of a label whose words end at `start`: between the first two vertical rules right
    of it that cross the label's whole line and half a line height over and under it, from the horizontal
    rule over the label's row to the one under it (at most `_MAX_ROWS` line heights under the label);
    inset from its rules. None where no such ruled cell is found."""
    _, top, _, bottom = label
    band = ink[max(round(top - 0.5 * h), 0) : round(bottom + 0.5 * h), :] > 0
    if not band.size:
        return None
    # (a rule a pixel off the vertical on a skewed page: the column or its neighbours)
    covered = band.mean(axis=0)
    covered = np.maximum(covered, np.maximum(np.roll(covered, 1), np.roll(covered, -1)))
    rules = _runs(np.nonzero(covered >= _RULE_COVER)[0], round(start))
    if len(rules) < 2:
        return None
    (_, left), (right, _) = rules[0], rules[1]
    if right - left < _MIN_WIDTH * h:
        return None
    columns = slice(round(left + _INSET * h), round(right - _INSET * h))
    across = (ink[:, columns] > 0).mean(axis=1) >= _ROW_COVER
    below = np.nonzero(across[round(bottom) : round(bottom + _MAX_ROWS * h)])[0]
    above = np.nonzero(across[max(round(top - 2 * h), 0) : round(top)])[0]
    if not len(below) or not len(above):
        return None
    ceiling = max(round(top - 2 * h), 0) + int(above[-1])
    floor = round(bottom) + int(below[0])
    return (left + _INSET * h, ceiling + _INSET * h, right - _INSET * h, floor - _INSET * h)


def _runs(columns: np.ndarray, start: int) -> list[tuple[int, int]]:
    """The runs of adjacent `columns` right of `start`, each as its first and last column."""
    runs: list[tuple[int, int]] = []
    for x in columns[columns > start]:
        if runs and x - runs[-1][1] <= 1:
            runs[-1] = (runs[-1][0], int(x))
        else:
            runs.append((int(x), int(x)))
    return runs
