"""Text lines of a PDF page from pdfium's text layer, whether that layer is usable, printed page numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium

from casefile_eval.model import BBox

_SEGMENT = re.compile(r"[^\r\n]+")
_CID = re.compile(r"\(cid:\d+\)")
MIN_CHARS = 1  # fewer visible characters than this: no text layer at all
SPARSE_CHARS = 20  # fewer than this on a page mostly covered by an image: a scan with a stray label
BAD_SHARE = 0.3  # share of unmapped characters that makes a layer unusable


@dataclass
class Line:
    """One text line of a page, in points with the origin at the top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    def bbox(self) -> BBox:
        """The line's box."""
        return BBox(
            x0=round(self.x0, 2), top=round(self.top, 2), x1=round(self.x1, 2), bottom=round(self.bottom, 2)
        )


def page_lines(textpage: pdfium.PdfTextPage, left: float, top: float) -> list[Line]:
    """The page's lines, top to bottom and left to right; pieces on one baseline are joined."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    segments: list[Line] = []
    for match in _SEGMENT.finditer(text):
        piece = match.group()
        if not piece.strip():
            continue
        first = match.start() + (len(piece) - len(piece.lstrip()))
        last = match.end() - 1 - (len(piece) - len(piece.rstrip()))
        box = _span_box(textpage, min(first, count - 1), min(last, count - 1))
        x0, bottom, x1, y1 = box
        segments.append(Line(piece.strip(), x0 - left, top - y1, x1 - left, top - bottom))
    return _merge(segments)


def _span_box(textpage: pdfium.PdfTextPage, first: int, last: int) -> tuple[float, float, float, float]:
    a = textpage.get_charbox(first)
    b = textpage.get_charbox(last) if last != first else a
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _merge(segments: list[Line]) -> list[Line]:
    """Sort by position and join segments that share a line (vertical overlap over half a line)."""
    segments.sort(key=lambda s: (s.top, s.x0))
    lines: list[Line] = []
    for seg in segments:
        for line in reversed(lines[-3:]):
            height = min(seg.bottom - seg.top, line.bottom - line.top)
            overlap = min(seg.bottom, line.bottom) - max(seg.top, line.top)
            if height > 0 and overlap > 0.5 * height:
                _join(line, seg)
                break
        else:
            lines.append(seg)
    return lines


def _join(line: Line, seg: Line) -> None:
    left, right = (line, seg) if seg.x0 >= line.x0 else (seg, line)
    gap = right.x0 - left.x1
    height = max(line.bottom - line.top, 1.0)
    sep = " " if gap > 0.5 * height else ""
    line.text = left.text + sep + right.text
    line.x0, line.x1 = min(line.x0, seg.x0), max(line.x1, seg.x1)
    line.top, line.bottom = min(line.top, seg.top), max(line.bottom, seg.bottom)


def ocr_reason(lines: list[Line], image_share: float) -> str | None:
    """Why the page's text layer cannot be used (None when it can).

    `image_share` is the share of the page area covered by images.
    """
    text = "".join(line.text for line in lines)
    visible = len(text) - len(_SPACE.findall(text))
    if visible < MIN_CHARS:
        return "no_text"
    if _CID.search(text):
        return "cid_glyphs"
    if len(_UNMAPPED.findall(text)) / visible >= BAD_SHARE:
        return "unmapped_glyphs"
    cjk = len(_CJK.findall(text))
    if cjk / visible < 0.05 and len(_LATIN_EXT.findall(text)) / visible >= BAD_SHARE:
        return "unmapped_glyphs"
    if visible < SPARSE_CHARS and image_share >= 0.5:
        return "sparse_text"
    return None


_SPACE = re.compile(r"\s")
_UNMAPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ue000-\uf8ff\ufffd-\uffff\U000f0000-\U0010ffff]")
_CJK = re.compile("[\u3400-\u9fff]")
_LATIN_EXT = re.compile("[\u0080-\u024f]")


_PAGE_PATTERNS = (
    re.compile(r"第\s*(\d{1,4})\s*页"),
    re.compile(r"^\s*(?:page|p\.)\s*(\d{1,4})(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE),
    re.compile(r"^\s*[-—–－‐─]+\s*(\d{1,4})\s*[-—–－‐─]+\s*$"),
    re.compile(r"^\s*(\d{1,4})\s*/\s*\d{1,4}\s*$"),
)
_LONE_NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")
MARGIN_SHARE = 0.12  # the top and bottom bands where printed page numbers sit


def printed_number(lines: list[Line], height: float) -> int | None:
    """The page number printed in the top or bottom margin band, if any."""
    band = [ln for ln in lines if ln.bottom <= height * MARGIN_SHARE or ln.top >= height * (1 - MARGIN_SHARE)]
    for pattern in _PAGE_PATTERNS:
        for line in band:
            match = pattern.search(line.text)
            if match:
                return int(match.group(1))
    for line in reversed(band):
        if line.top >= height * (1 - MARGIN_SHARE):
            match = _LONE_NUMBER.match(line.text)
            if match:
                return int(match.group(1))
    return None
