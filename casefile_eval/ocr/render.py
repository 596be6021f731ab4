"""Page images: PDF pages rendered with pypdfium2, image files (.jpg, .png, multi-page .tif) via Pillow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageOps

from casefile_eval.codes import ErrorCode
from casefile_eval.errors import CaseReadError
from casefile_eval.model import Page

_MAX_SIDE = 2400  # larger photos are reduced: the recogniser works at 2000 px at most
_DEFAULT_IMAGE_DPI = 200.0


def render_pages(
    path: Path, fmt: str, pages: list[Page], dpi: int
) -> Iterator[tuple[Page, Image.Image, float]]:
    """Each page as an RGB image with its scale in points per pixel, in the order given."""
    if fmt == "pdf":
        yield from _pdf_pages(path, pages, dpi)
    elif fmt == "image":
        yield from _image_pages(path, pages)
    else:
        raise CaseReadError(ErrorCode.UNSUPPORTED_FORMAT, f"无法对{fmt}格式的文件进行OCR：{path.name}")


def _pdf_pages(path: Path, pages: list[Page], dpi: int) -> Iterator[tuple[Page, Image.Image, float]]:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise CaseReadError(ErrorCode.UNREADABLE, f"无法打开PDF文件{path.name}：{exc}") from exc
    try:
        for page in pages:
            if not 1 <= page.number <= len(pdf):
                raise CaseReadError(ErrorCode.UNREADABLE, f"{path.name}没有第{page.number}页")
            handle = pdf[page.number - 1]
            try:
                image = handle.render(scale=dpi / 72).to_pil().convert("RGB")
            except pdfium.PdfiumError as exc:
                raise CaseReadError(
                    ErrorCode.UNREADABLE, f"{path.name}第{page.number}页无法渲染：{exc}"
                ) from exc
            finally:
                handle.close()
            yield page, image, 72 / dpi
    finally:
        pdf.close()


def _image_pages(path: Path, pages: list[Page]) -> Iterator[tuple[Page, Image.Image, float]]:
    try:
        source = Image.open(path)
    except (OSError, Image.DecompressionBombError) as exc:
        raise CaseReadError(ErrorCode.UNREADABLE, f"无法打开图像文件{path.name}：{exc}") from exc
    with source:
        frames = getattr(source, "n_frames", 1)
        for page in pages:
            if not 1 <= page.number <= frames:
                raise CaseReadError(ErrorCode.UNREADABLE, f"{path.name}没有第{page.number}页")
            try:
                source.seek(page.number - 1)
                frame = ImageOps.exif_transpose(source).convert("RGB")
            except OSError as exc:
                raise CaseReadError(
                    ErrorCode.UNREADABLE, f"{path.name}第{page.number}页无法读取：{exc}"
                ) from exc
            yield page, *_scaled(frame, page, source.info.get("dpi"))


def _scaled(frame: Image.Image, page: Page, dpi_info: object) -> tuple[Image.Image, float]:
    """The frame reduced to at most _MAX_SIDE pixels, and its points per pixel."""
    if page.width:
        points_per_px = page.width / frame.width
    elif isinstance(dpi_info, tuple) and dpi_info and float(dpi_info[0]) >= 50:
        points_per_px = 72 / float(dpi_info[0])
    else:
        points_per_px = 72 / _DEFAULT_IMAGE_DPI
    longest = max(frame.size)
    if longest > _MAX_SIDE:
        factor = _MAX_SIDE / longest
        frame = frame.resize(
            (round(frame.width * factor), round(frame.height * factor)), Image.Resampling.LANCZOS
        )
        points_per_px /= factor
    return frame, points_per_px
