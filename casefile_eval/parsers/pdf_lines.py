"""A PDF page's text lines and horizontal rules, in points with the origin at the page's top-left."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casefile_eval.model import BBox

RULE_THICKNESS = 2.0  # a path at most this tall (points) and...
RULE_MIN_WIDTH = 10.0  # ...at least this wide is a horizontal table rule
MAX_PATHS = 5000  # pages with more path objects are drawings: their rules are not read


@dataclass
class Line:
    """One text line of a page, in points with the origin at the top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    parts: list[Line] = field(default_factory=list, repr=False, compare=False)  # joined pieces, left to right
    cells: list[Line] = field(default_factory=list, repr=False, compare=False)  # a piece's words if several
    xs: tuple[float, ...] = field(
        default=(), repr=False, compare=False
    )  # each character's x middle, if known

    def bbox(self) -> BBox:
        """The line's box."""
        return BBox(
            x0=round(self.x0, 2), top=round(self.top, 2), x1=round(self.x1, 2), bottom=round(self.bottom, 2)
        )


class Rules:
    """The horizontal table rules of a page (thin path objects at its top level), read on first use."""

    def __init__(self, page: pdfium.PdfPage | None, left: float, top: float) -> None:
        self._page, self._left, self._top = page, left, top
        self._found: list[tuple[float, float, float]] | None = None

    def between(self, x: float, y0: float, y1: float) -> bool:
        """Whether a rule crossing x runs strictly between heights y0 and y1 (origin top-left)."""
        if self._found is None:
            self._found = self._read()
        low, high = min(y0, y1), max(y0, y1)
        return any(x0 <= x <= x1 and low < y < high for x0, x1, y in self._found)

    def _read(self) -> list[tuple[float, float, float]]:
        if self._page is None:
            return []
        raw = self._page.raw
        count = pdfium_c.FPDFPage_CountObjects(raw)
        if count > MAX_PATHS:
            return []
        found: list[tuple[float, float, float]] = []
        x0, y0, x1, y1 = (ctypes.c_float() for _ in range(4))
        for k in range(count):
            obj = pdfium_c.FPDFPage_GetObject(raw, k)
            if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
                continue
            if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (x0, y0, x1, y1))):
                continue
            if y1.value - y0.value <= RULE_THICKNESS and x1.value - x0.value >= RULE_MIN_WIDTH:
                y = self._top - (y0.value + y1.value) / 2
                found.append((x0.value - self._left, x1.value - self._left, y))
        return found
