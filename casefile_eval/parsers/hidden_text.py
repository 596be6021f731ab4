"""Text a reader of the page cannot see: a scanner's OCR layer under or behind the scanned picture.

A searchable scan (双层PDF, as archive digitisation delivers it) is a page-size picture with the scanner's own
OCR text laid over it invisibly (text render mode 3) or drawn first and covered by the picture. That text is
not what the page shows: it carries the scanner's misreads, and the signatures and seals are only in the
picture. Such a page is read like any scan (`pdf_text.ocr_reason` "hidden_text").
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casefile_eval.parsers.pdf_images import page_objects

COVER_SHARE = 0.5  # an opaque picture covering this share of the page hides the text drawn before it
_KINDS = (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_IMAGE)

Box = tuple[float, float, float, float]


def hidden_share(page: pdfium.PdfPage, area: float) -> float:
    """Share of the page's text objects (by their area) that are invisible or covered by a later picture
    (`area`: the page's area in points).

    Text objects are weighed by their area (a scanner's layer is one object per word or line); 0.0 when
    the page has no text.
    """
    texts: list[tuple[Box, bool]] = []  # (bounds, invisible) in content order
    for obj, box in page_objects(page.raw, _KINDS):
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj)
            texts.append((box, mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE))
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE and _covers(box, area, obj):
            texts = [(b, invisible or _inside(b, box)) for b, invisible in texts]
    total = sum(_area(b) for b, _ in texts)
    if total <= 0:
        return 0.0
    return sum(_area(b) for b, hidden in texts if hidden) / total


def _covers(box: Box, page_area: float, obj: Any) -> bool:
    """An opaque picture over at least COVER_SHARE of the page."""
    if page_area <= 0 or _area(box) / page_area < COVER_SHARE:
        return False
    return not pdfium_c.FPDFPageObj_HasTransparency(obj)


def _inside(inner: Box, outer: Box, slack: float = 1.0) -> bool:
    return (
        inner[0] >= outer[0] - slack
        and inner[1] >= outer[1] - slack
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _area(box: Box) -> float:
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
