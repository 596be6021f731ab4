"""Forms that print each field's caption small, under the rule its value is written on.

A 三联单 or a modern form design writes "汪德明（法定代表人）" on a rule with "现场负责人" printed under
it, often two fields to a row. Read top to bottom that gives every value before its field name, and every
stage that pairs a label with what follows it goes wrong. Where a line holds only field names, set
smaller than the line right above it, hanging under a rule that line stands on, and every value of that
line starts where a caption does, the two lines are read as one: each caption followed by its value
("检查时间 2023/12/12 9时30分 检查地点 宣城市…").
"""

from __future__ import annotations

from casefile_eval.parsers.header_rows import is_field_name
from casefile_eval.parsers.pdf_lines import Line, Rules

CAPTION_SHARE = 0.8  # a caption is at most this share of its value's height
# value line heights from the value's foot to the caption's top, at most: the value stands on the rule
# and the caption hangs right under it (a table's row of field names stands a cell's padding lower)
GAP = 0.8
ALIGN = 1.0  # value line heights from a caption's start within which its value starts


def captions_first(lines: list[Line], rules: Rules) -> list[Line]:
    """The lines with every row of captions under its values read as one line, captions first."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        if k + 1 < len(lines) and _hangs_under(lines[k + 1], lines[k], rules):
            out.append(_paired(lines[k + 1], lines[k]))
            k += 2
        else:
            out.append(lines[k])
            k += 1
    return out


def _pieces(line: Line) -> list[Line]:
    return line.parts or [line]


def _hangs_under(captions: Line, values: Line, rules: Rules) -> bool:
    """Whether `captions` holds only field names, set small, each hanging under a rule that `values`
    stands on right above it."""
    heads = _pieces(captions)
    height = min(p.bottom - p.top for p in _pieces(values))
    if not all(is_field_name(p.text) for p in heads) or height <= 0:
        return False
    small = max(p.bottom - p.top for p in heads)
    if small > CAPTION_SHARE * height or captions.top - values.bottom > GAP * height:
        return False
    # every value starts where a caption does (written from the rule's start): a table's row of small
    # field names under the row above has that row's values in other columns
    starts = [p.x0 for p in heads]
    if not all(any(abs(v.x0 - x) <= ALIGN * height for x in starts) for v in _pieces(values)):
        return False
    return all(rules.between(p.x0 + 1.0, values.bottom - 0.5 * height, p.top + 0.5 * small) for p in heads)


def _paired(captions: Line, values: Line) -> Line:
    """One line: each caption followed by the values standing in its column (from its start, less
    `ALIGN` value heights, to the next caption's)."""
    heads = sorted(_pieces(captions), key=lambda p: p.x0)
    slack = ALIGN * min(p.bottom - p.top for p in _pieces(values))
    starts = [p.x0 - slack for p in heads]
    order: list[Line] = []
    for n, head in enumerate(heads):
        stop = starts[n + 1] if n + 1 < len(heads) else float("inf")
        order += [head, *(v for v in _pieces(values) if starts[n] <= v.x0 < stop)]
    texts: list[str] = []
    xs: list[float] = []
    for n, piece in enumerate(order):
        if n:
            texts.append(" ")
            xs.append((order[n - 1].x1 + piece.x0) / 2)
        texts.append(piece.text)
        xs += piece.xs
    text = "".join(texts)
    return Line(
        text,
        min(p.x0 for p in order),
        values.top,
        max(p.x1 for p in order),
        captions.bottom,
        order,
        xs=tuple(xs) if len(xs) == len(text) else (),
    )
