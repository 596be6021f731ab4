"""Where the characters of a PDF or OCR line stand across the page, estimated from the line's box.

An OCR line, and a PDF line read from pdfium's character boxes, carries the middle of each character
(`Block.char_xs`). Otherwise, a text line keeps one
space for any gap, so characters are laid out at an em of the line's height (full-width one em, others
half) and what is left of the line's width is shared by its gaps. Used to tell which of several labels
on one line an image or a written word stands under.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from casefile_eval.extract.text import DocText

_GAP = re.compile(r"\s+")


def _char_width(char: str) -> float:
    """Width of a character in ems: full-width (CJK, ：) one, anything else half."""
    return 1.0 if unicodedata.east_asian_width(char) in "FW" else 0.5


def offset_xs(dt_: DocText, index: int, offsets: list[int]) -> list[float] | None:
    """Estimated x of each character offset of line `index` (an offset at the text's end gives its right
    edge); None when the line has no box or its normalised text does not match the printed one."""
    block = dt_.doc.blocks[index]
    text = block.text.strip()
    if block.bbox is None or not text or len(text) != len(dt_.blocks[index].strip()):
        return None
    if block.char_xs is not None and len(block.char_xs) == len(block.text) and len(block.char_xs) > 1:
        return [_boundary(block.char_xs, block.text, offset) for offset in offsets]
    width = block.bbox.x1 - block.bbox.x0
    lead = len(block.text) - len(block.text.lstrip())
    runs = [m.span() for m in _GAP.finditer(text)]
    ems = sum(_char_width(c) for c in _GAP.sub("", text))
    em = min(block.bbox.bottom - block.bbox.top, width / ems) if ems else 0.0
    gap = (width - em * ems) / len(runs) if runs else 0.0
    xs: list[float] = []
    for offset in offsets:
        at = max(0, offset - lead)
        before = text[:at]
        gaps = sum(1 for a, _ in runs if a < at)
        xs.append(block.bbox.x0 + em * sum(_char_width(c) for c in _GAP.sub("", before)) + gap * gaps)
    return xs


def _boundary(middles: tuple[float, ...], text: str, offset: int) -> float:
    """The x between the character before `offset` and the one at it, from the characters' middles (at
    either end, half a character's step out from the end character). After a space (a gap on the line)
    the character starts half its step to the next character left of its middle: the gap goes with what
    stands before it (ink written in the blank after a label)."""
    if offset <= 0:
        return middles[0] - (middles[1] - middles[0]) / 2
    if offset >= len(middles):
        return middles[-1] + (middles[-1] - middles[-2]) / 2
    middle = (middles[offset - 1] + middles[offset]) / 2
    if text[offset - 1].isspace() and offset + 1 < len(middles) and not text[offset + 1].isspace():
        return max(middle, middles[offset] - (middles[offset + 1] - middles[offset]) / 2)
    return middle


def token_end(text: str, start: int) -> int:
    """Offset just past the label that starts at `start`: the next white space or the end of the text."""
    gap = _GAP.search(text, start)
    return gap.start() if gap else len(text)


def column_cuts(dt_: DocText, index: int, starts: list[int]) -> list[float] | None:
    """The x positions between the columns headed by the labels starting at `starts` on line `index`
    (sorted): halfway between one label's end and the next label's start."""
    text = dt_.doc.blocks[index].text
    lefts = offset_xs(dt_, index, starts)
    rights = offset_xs(dt_, index, [token_end(text, start) for start in starts])
    if lefts is None or rights is None:
        return None
    labels = sorted(zip(lefts, rights, strict=True))
    return [(end + start) / 2 for (_, end), (start, _) in pairwise(labels)]


def words_under(dt_: DocText, index: int, starts: list[int], below: int) -> list[str] | None:
    """The words of line `below` standing under each label of line `index` (labels in the order of
    `starts`, which must be sorted): each word, as OCR or the text layer parted it, to the column holding
    its middle (two names written in one cell may run together; names of two cells are parted). None
    when positions cannot be estimated."""
    cuts = column_cuts(dt_, index, starts)
    text = dt_.doc.blocks[below].text
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    xs = offset_xs(dt_, below, [offset for span in spans for offset in span])
    if cuts is None or xs is None:
        return None
    words: list[list[str]] = [[] for _ in starts]
    for n, (start, end) in enumerate(spans):
        middle = (xs[2 * n] + xs[2 * n + 1]) / 2
        words[sum(middle >= cut for cut in cuts)].append(text[start:end])
    return [" ".join(w) for w in words]
