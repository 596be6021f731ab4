"""Images placed on a PDF page: position, size and what they show (seal, signature, photo)."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casefile_eval.model import BBox, ImageItem
from casefile_eval.parsers.imageclass import UNKNOWN, ImageClass, classify_image

FULL_PAGE_SHARE = 0.5  # an image covering this share of the page is a page scan, not a mark on it
MIN_SIDE_PT = 4.0  # smaller images are rules, bullets or dots
MAX_DECODE_PIXELS = 40_000_000  # refuse to decode larger bitmaps (classified UNKNOWN)
MAX_FORM_DEPTH = 4  # nesting of form XObjects searched for images


@dataclass
class PlacedImage:
    """An image with its box (points, origin top-left) and whether it is a whole-page scan."""

    image: ImageItem
    box: tuple[float, float, float, float]
    full_page: bool


Matrix = tuple[float, float, float, float, float, float]
PdfBox = tuple[float, float, float, float]  # left, bottom, right, top in PDF units (origin bottom-left)
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def page_images(
    page: pdfium.PdfPage, left: float, top: float, area: float
) -> tuple[list[PlacedImage], float]:
    """The page's images in content order (images without any ink left out) and the share of the page
    area they cover."""
    placed: list[PlacedImage] = []
    covered = 0.0
    for raw, (x0, y0, x1, y1) in page_objects(page.raw, (pdfium_c.FPDF_PAGEOBJ_IMAGE,)):
        w, h = x1 - x0, y1 - y0
        if w < MIN_SIDE_PT or h < MIN_SIDE_PT:
            continue
        share = (w * h) / area if area > 0 else 0.0
        covered += share
        full = share >= FULL_PAGE_SHARE
        box = (x0 - left, top - y1, x1 - left, top - y0)
        cls = UNKNOWN if full else _classify(pdfium.PdfImage(raw, page=page), (w, h))
        if cls.blank:
            continue  # (a white screen or mask over the print shows nothing: no mark, no signature)
        image = ImageItem(
            kind=cls.kind,
            source="",
            bbox=_bbox(box),
            width=round(w, 2),
            height=round(h, 2),
            confidence=cls.confidence,
        )
        placed.append(PlacedImage(image, box, full))
    return placed, min(covered, 1.0)


def page_objects(container: Any, kinds: tuple[int, ...]) -> Iterator[tuple[Any, PdfBox]]:
    """Objects of the given pdfium kinds on a page or form XObject, in content order, with their bounds in
    page space (form XObjects walked into)."""
    for obj, forms in objects_in_forms(container, kinds):
        yield obj, _transform(_bounds(obj), forms)


def objects_in_forms(
    container: Any, kinds: tuple[int, ...], matrix: Matrix = _IDENTITY, depth: int = 0
) -> Iterator[tuple[Any, Matrix]]:
    """Objects of the given pdfium kinds on a page or form XObject, in content order, each with the matrix of
    the form XObjects it is drawn in (walked into, up to `MAX_FORM_DEPTH` deep; identity on the page).

    Walks the raw handles: wrapping every text object in a Python object costs more than the text.
    """
    if depth > 0:
        count, get = pdfium_c.FPDFFormObj_CountObjects(container), pdfium_c.FPDFFormObj_GetObject
    else:
        count, get = pdfium_c.FPDFPage_CountObjects(container), pdfium_c.FPDFPage_GetObject
    for i in range(count):
        obj = get(container, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in kinds:
            yield obj, matrix
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            inner = object_matrix(obj)
            if inner is not None:
                yield from objects_in_forms(obj, kinds, multiply(inner, matrix), depth + 1)


def object_matrix(obj: Any) -> Matrix | None:
    """A page object's matrix (a text object's: its text matrix with the page's CTM), None where pdfium
    cannot tell."""
    fs = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, fs):
        return None
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def _bounds(obj: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, x0, y0, x1, y1):
        return (0.0, 0.0, 0.0, 0.0)
    return (x0.value, y0.value, x1.value, y1.value)


def _bbox(box: tuple[float, float, float, float]) -> BBox:
    return BBox(x0=round(box[0], 2), top=round(box[1], 2), x1=round(box[2], 2), bottom=round(box[3], 2))


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _transform(box: tuple[float, float, float, float], m: Matrix) -> tuple[float, float, float, float]:
    if m == _IDENTITY:
        return box
    a, b, c, d, e, f = m
    xs: list[float] = []
    ys: list[float] = []
    for x, y in ((box[0], box[1]), (box[0], box[3]), (box[2], box[1]), (box[2], box[3])):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _classify(obj: pdfium.PdfImage, size: tuple[float, float]) -> ImageClass:
    """Decode the bitmap with its mask applied and classify a small copy."""
    try:
        px_w, px_h = obj.get_px_size()
        if px_w * px_h > MAX_DECODE_PIXELS:
            return UNKNOWN
        img = obj.get_bitmap(render=True).to_pil()  # pdfium owns the buffer; freed with the bitmap
    except (pdfium.PdfiumError, ValueError, OSError):
        return UNKNOWN
    return classify_image(img, size)
