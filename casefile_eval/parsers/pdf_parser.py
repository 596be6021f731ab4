"""Read a PDF with pypdfium2: text lines with boxes, images with positions, pages that need OCR.

pdfium is used for everything: on the test PDFs it extracts a page's text with boxes in well under
a millisecond, where pdfplumber (pdfminer layout analysis) takes tens of milliseconds a page.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import Block, BlockKind, ImageItem, Page, ParsedFile
from casefile_eval.parsers.common import check_pages, empty, unreadable
from casefile_eval.parsers.header_rows import Placement, placed
from casefile_eval.parsers.hidden_text import hidden_share
from casefile_eval.parsers.pdf_images import page_images
from casefile_eval.parsers.pdf_lines import Line
from casefile_eval.parsers.pdf_text import SCANNED_SHARE, grid_lines, ocr_reason, page_lines, printed_number
from casefile_eval.parsers.vertical_labels import join_vertical_labels
from casefile_eval.parsers.wrapped_values import join_wrapped_values


def parse_pdf(path: Path, source: str, sha256: str) -> ParsedFile:
    """Parse a PDF file into a `ParsedFile` (raises `CaseReadError` when it cannot be read)."""
    pdf = _open(path, source)
    try:
        count = len(pdf)
        if count == 0:
            raise empty(source)
        check_pages(count, source)
        pages: list[Page] = []
        blocks: list[Block] = []
        images: list[ImageItem] = []
        for number in range(1, count + 1):
            page = pdf[number - 1]
            try:
                _read_page(page, number, source, pages, blocks, images)
            finally:
                page.close()
    finally:
        pdf.close()
    return ParsedFile(source=source, format="pdf", sha256=sha256, pages=pages, blocks=blocks, images=images)


def _open(path: Path, source: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise CaseReadError(
                ErrorCode.ENCRYPTED, f"{source} 已加密（需要密码才能打开），请提供未加密的文件"
            ) from exc
        raise unreadable(source, str(exc)) from exc


def _read_page(
    page: pdfium.PdfPage,
    number: int,
    source: str,
    pages: list[Page],
    blocks: list[Block],
    images: list[ImageItem],
) -> None:
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    try:
        lines, band = page_lines(textpage, left, top, page)
    finally:
        textpage.close()
    found, image_share = page_images(page, left, top, width * height)
    hidden = hidden_share(page, width * height) if image_share >= SCANNED_SHARE else 0.0
    reason = ocr_reason(lines, image_share, hidden)
    pages.append(
        Page(
            source=source,
            number=number,
            width=round(width, 2),
            height=round(height, 2),
            needs_ocr=reason is not None,
            ocr_reason=reason,
            printed_number=printed_number(lines, height) if reason is None else None,
        )
    )
    first = len(blocks)
    placements: list[Placement] = []
    if reason is None:
        grid, placements = grid_lines(lines)
        blocks.extend(
            join_wrapped_values(
                join_vertical_labels(
                    [
                        Block(
                            kind=BlockKind.LINE,
                            text=ln.text,
                            source=source,
                            page=number,
                            bbox=ln.bbox(),
                            char_xs=_left_to_right(ln.xs),
                        )
                        for ln in grid
                    ]
                )
            )
        )
    for item in found:
        if reason is not None and item.full_page:
            continue
        image = item.image.model_copy(update={"source": source, "page": number})
        if placements and (band is None or not band.holds(item.box)):  # a band's ink is no line's
            old = _nearest(lines, item.box)
            image.block_index = first + placed(placements[old], (item.box[0] + item.box[2]) / 2)
        images.append(image)


def _left_to_right(xs: tuple[float, ...]) -> tuple[float, ...] | None:
    """A line's character middles where they run left to right (a line folded from pieces stacked in one
    cell starts over at each piece: no position along it can be told from them)."""
    if not xs or any(b < a - 1.0 for a, b in pairwise(xs)):
        return None
    return tuple(round(x, 2) for x in xs)


def _nearest(lines: list[Line], box: tuple[float, float, float, float]) -> int:
    """Index of the line nearest to a box (vertical gap first, then horizontal, then between middles)."""
    x0, top, x1, bottom = box

    def distance(line: Line) -> tuple[float, float, float]:
        dy = max(0.0, line.top - bottom, top - line.bottom)
        dx = max(0.0, line.x0 - x1, x0 - line.x1)
        return (dy, dx, abs(line.top + line.bottom - top - bottom))  # then the line nearer its middle

    return min(range(len(lines)), key=lambda i: distance(lines[i]))
