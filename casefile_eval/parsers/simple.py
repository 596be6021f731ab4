"""Formats without a text layer to walk: plain text and page images."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageSequence

from casefile_eval.model import Block, BlockKind, Page, ParsedFile
from casefile_eval.parsers.common import check_pages, empty, unreadable

_ENCODINGS = ("utf-8-sig", "gb18030", "utf-16")


def parse_txt(path: Path, source: str, sha256: str) -> ParsedFile:
    """One LINE block per non-blank line of a UTF-8 or GB18030 text file; no pages."""
    data = path.read_bytes()
    text = _decode(data, source)
    blocks = [
        Block(kind=BlockKind.LINE, text=line.strip(), source=source)
        for line in text.splitlines()
        if line.strip()
    ]
    if not blocks:
        raise empty(source)
    return ParsedFile(source=source, format="txt", sha256=sha256, blocks=blocks)


def _decode(data: bytes, source: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in _ENCODINGS[:2]:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise unreadable(source, "文本编码既不是 UTF-8 也不是 GB18030")


def parse_image(path: Path, source: str, sha256: str) -> ParsedFile:
    """One page per frame (multi-page TIFF), each waiting for OCR; sizes in points from the DPI."""
    pages: list[Page] = []
    try:
        with Image.open(path) as img:
            for number, frame in enumerate(ImageSequence.Iterator(img), start=1):
                check_pages(number, source)
                dpi = frame.info.get("dpi", (72, 72))
                xdpi = float(dpi[0]) or 72.0
                ydpi = float(dpi[1]) or 72.0
                pages.append(
                    Page(
                        source=source,
                        number=number,
                        width=round(frame.width * 72 / xdpi, 2),
                        height=round(frame.height * 72 / ydpi, 2),
                        needs_ocr=True,
                        ocr_reason="image",
                    )
                )
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise unreadable(source, type(exc).__name__) from exc
    return ParsedFile(source=source, format="image", sha256=sha256, pages=pages)
