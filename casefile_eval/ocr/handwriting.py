"""Dates written by hand in an electronic file, read by OCR.

A case system's exported PDF, or a .docx signed on a tablet, holds the signer's name and the date as ink
pictures beside the printed label (负责人意见 签名：[name][date], 签收日期：[date]). Nothing of the date is
in the text, so the rules that need it (the 立案 date of the 90-day period, a head's approval date) could
only ask a person. Here each picture that stands where a date is written is read by OCR as one line of text:
every picture after the first on a signing line that holds two or more and no date (one person signs once;
the second mark is the date), a picture right after a date label (日期：, 签收时间：) on a line with no
date, first in the cell beside that label, or alone in a cell under a column headed by it (签名 | 日期), and
a picture as wide as a written date, first or alone on its line (签名：[date], the head having dated and not
signed; 检查人员：[廖春生 曾凡宇], two officers signing in one picture).
What reads as a date and nothing else, its doubtful digits marked □ as on a scan (`ocr.doubt`), is put at
the end of its line's text (doubtful 1s taken for the slashes they may be where only that makes a date),
and a picture alone on its line that reads so is no signature: it leaves the file's pictures; anything
else (a name, a scrawl, a date with a stroke left over) stays a signature, its read kept as the picture's
`reading` (two officers may sign in one picture: 陈德兴林秀琴). Reads are cached by
the file's hash, the page and the picture's place, so a second run does no OCR.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from casefile_eval.extract.dates import find_dates
from casefile_eval.files import sha256_of
from casefile_eval.model import Block, BlockKind, ImageItem, ImageKind, ParsedFile
from casefile_eval.ocr.cache import SETTINGS, OcrCache, default_cache_dir
from casefile_eval.ocr.confusables import mend_text
from casefile_eval.ocr.doubt import mark_unreadable
from casefile_eval.ocr.engine import Quad, get_engine, ocr_available
from casefile_eval.ocr.page import OcrBox, OcrLine
from casefile_eval.textnorm import compact

READ_DPI = 200  # a PDF's picture is rendered at this resolution to be read
MAX_PICTURES = 40  # pictures read in one file at most (a file of signed forms holds a few)
MIN_SCORE = 0.5  # a read below this confidence is no date
HAND = "h3"  # bump when the choice of pictures or their reading changes
SEPARATOR_ONE = 0.85  # a 1 read with less confidence than this in a handwritten date may be a separator
MAX_DOUBTFUL_ONES = 4  # reads with more doubtful 1s than this are left as they are
# A picture alone after a signing caption is read only when at least this many times as wide as tall: of 739
# such pictures in the holdout PDFs the 5 dates measured 3.75-4.05; all but 16 of the 734 names under 3.5.
DATE_ASPECT = 3.5
_SEPARATED_DATE = re.compile(r"(?:19|20)[0-9]{2}([./\-])(?:1[0-2]|0?[1-9])\1(?:3[01]|[12][0-9]|0?[1-9])")
_DATE_LABEL = re.compile(r"(?:日期|时间)[:：]?$")
_PICTURE_FORMATS = ("pdf", "docx")
_GAP_AT_SEPARATOR = re.compile(r"\s*([./\-])\s*")
_SPLIT_YEAR = re.compile(r"^([0-9]{1,3})\s+([0-9]{1,3})(?=[./\-])")
_DIGIT_GAP = re.compile(r"(?<=[0-9])\s+(?=[0-9])")
_LOST_SEPARATOR = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})(?:\s+(?P<m>[0-9]{1,2})(?P<sep>[./\-])|(?P<sep2>[./\-])(?P<m2>[0-9]{1,2})\s+)"
    r"(?P<d>[0-9]{1,2})"
)


def read_inked_dates(parsed: ParsedFile, path: Path, *, cache_dir: Path | None = None) -> ParsedFile:
    """`parsed` with the dates handwritten in its pictures read into its lines' text (see the module
    docstring); unchanged when it holds no such picture or the OCR engine is not installed."""
    if parsed.format not in _PICTURE_FORMATS:
        return parsed
    chosen = date_pictures(parsed)[:MAX_PICTURES]
    if not chosen or not ocr_available():
        return parsed
    cache = OcrCache(cache_dir if cache_dir is not None else default_cache_dir())
    file_sha = parsed.sha256 or sha256_of(path)
    reads: dict[int, OcrBox] = {}
    todo: list[tuple[int, ImageItem]] = []
    for index, picture in chosen:  # (a read is one box: the cache's layer of boxes read on a second look)
        hit = cache.get_faint(_key(file_sha, picture))
        if hit is not None:
            if hit:
                reads[index] = hit[0]
        else:
            todo.append((index, picture))
    if todo:
        crops = list(_crops(parsed, path, [picture for _, picture in todo]))
        boxes = get_engine().read_crops([_quad(c) for c in crops], crops)
        for (index, picture), raw in zip(todo, boxes, strict=True):
            box = OcrBox(raw.text, raw.bounds, round(raw.score, 4), raw.chars, raw.scores)
            cache.put_faint(_key(file_sha, picture), [box] if raw.text.strip() else [])
            if raw.text.strip():
                reads[index] = box
    return _with_dates(parsed, chosen, reads)


def date_pictures(parsed: ParsedFile) -> list[tuple[int, ImageItem]]:
    """(index in `parsed.images`, picture) of each picture that stands where a date is written by hand."""
    by_block: dict[int, list[tuple[int, ImageItem]]] = defaultdict(list)
    for index, picture in enumerate(parsed.images):
        block = picture.block_index
        if picture.kind is ImageKind.SIGNATURE and block is not None and 0 <= block < len(parsed.blocks):
            if not _on_text_page(parsed, parsed.blocks[block]):
                continue
            by_block[block].append((index, picture))
    chosen: list[tuple[int, ImageItem]] = []
    for block, pictures in sorted(by_block.items()):
        pictures.sort(key=lambda item: _place(item[1]))
        if _dated(parsed.blocks[block]):  # (only names: two officers signing in one picture)
            chosen.extend(item for item in pictures if _date_wide(item[1]))
            continue
        if len(pictures) >= 2:
            # (the first too where it is as wide as a date: two officers may sign in one picture)
            chosen.extend(pictures if _date_wide(pictures[0][1]) else pictures[1:])
            continue
        _, picture = pictures[0]
        before = compact(_text_before(parsed.blocks[block], picture))
        if not before and block > 0 and _same_row(parsed.blocks[block - 1], parsed.blocks[block]):
            before = compact(parsed.blocks[block - 1].text)  # the field's name in the cell left of it
        if not before:
            before = _column_head(parsed.blocks, block)  # or at the head of its column (… 签名 | 日期)
        # (a lone picture is read too where it is as wide as a written date: a date alone after a signing
        # caption signs nothing, and two officers may sign in one picture after theirs: 检查人员：[甲 乙])
        if _DATE_LABEL.search(before) or _date_wide(picture):
            chosen.append(pictures[0])
    return chosen


def _dated(block: Block) -> bool:
    """Whether a line's text holds a date, whole or in part."""
    return any(m.value is not None or m.earliest is not None for m in find_dates(block.text))


def _date_wide(picture: ImageItem) -> bool:
    """Whether a picture is as wide for its height as a handwritten date (2020.5.26); a name is narrower."""
    box = picture.bbox
    width, height = (box.x1 - box.x0, box.bottom - box.top) if box else (picture.width, picture.height)
    return width is not None and height is not None and height > 0 and width >= DATE_ASPECT * height


def _column_head(blocks: list[Block], index: int) -> str:
    """The text of the table's first row in the column of a cell below it (the field's name where a
    table's names stand in a row above its values), compacted; '' for a block that is no such cell."""
    cell = blocks[index]
    if cell.kind is not BlockKind.CELL or cell.table is None or cell.row is None or cell.col is None:
        return ""
    above = [
        b
        for b in blocks
        if b.kind is BlockKind.CELL
        and (b.source, b.table, b.col) == (cell.source, cell.table, cell.col)
        and b.row is not None
        and b.row < cell.row
    ]
    return compact(min(above, key=lambda b: b.row or 0).text) if above else ""


def _same_row(left: Block, cell: Block) -> bool:
    """Whether `left` is a table cell of the same row as `cell`, before it."""
    return (
        left.kind is BlockKind.CELL
        and cell.kind is BlockKind.CELL
        and (left.table, left.row) == (cell.table, cell.row)
        and left.col is not None
        and cell.col is not None
        and left.col < cell.col
    )


def _text_before(block: Block, picture: ImageItem) -> str:
    """The line's text before the picture: up to its place in a .docx paragraph, or the characters left of
    it on a PDF line whose characters' places are known (签收时间 [date] 10 时 30 分); else the whole line."""
    if picture.ink_offset is not None:
        return block.text[: picture.ink_offset]
    xs = block.char_xs
    if xs is not None and len(xs) == len(block.text) and picture.bbox is not None:
        return block.text[: sum(1 for x in xs if x < picture.bbox.x0)]
    return block.text


def _on_text_page(parsed: ParsedFile, block: Block) -> bool:
    """Whether the block stands on a page read from its text layer (a scanned page's ink is read by OCR
    with the page)."""
    return block.confidence is None and not any(
        p.number == block.page and p.needs_ocr for p in parsed.pages if p.source == block.source
    )


def _place(picture: ImageItem) -> float:
    """Where a picture stands on its line: its left edge, else its place in the text."""
    return picture.bbox.x0 if picture.bbox is not None else float(picture.ink_offset or 0)


def _key(file_sha: str, picture: ImageItem) -> str:
    """The cache key of a picture's read: its file, page and box (a PDF), or its package part (a .docx: one
    part shown twice is one picture, read once)."""
    box = picture.bbox
    where = f"{box.x0:.1f},{box.top:.1f},{box.x1:.1f},{box.bottom:.1f}" if box else f"{picture.ref}"
    return hashlib.sha256(f"{file_sha}|{picture.page}|{where}|{SETTINGS}|{HAND}".encode()).hexdigest()


def _crops(parsed: ParsedFile, path: Path, pictures: list[ImageItem]) -> Iterator[np.ndarray]:
    """Each picture as an RGB array on white, in order (an empty white square where it cannot be had)."""
    if parsed.format == "pdf":
        yield from _pdf_crops(path, pictures)
    else:
        yield from _docx_crops(path, pictures)


def _pdf_crops(path: Path, pictures: list[ImageItem]) -> Iterator[np.ndarray]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for picture in pictures:
            box = picture.bbox
            if box is None or picture.page is None or not 1 <= picture.page <= len(pdf):
                yield _blank()
                continue
            page = pdf[picture.page - 1]
            try:
                left, bottom, right, top = page.get_cropbox()
                crop = (
                    max(0.0, box.x0),
                    max(0.0, (top - bottom) - box.bottom),
                    max(0.0, (right - left) - box.x1),
                    max(0.0, box.top),
                )
                image = page.render(scale=READ_DPI / 72, crop=crop).to_pil().convert("RGB")
            finally:
                page.close()
            yield np.asarray(image)
    finally:
        pdf.close()


def _docx_crops(path: Path, pictures: list[ImageItem]) -> Iterator[np.ndarray]:
    with zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        for picture in pictures:
            if picture.ref is None or picture.ref not in names:
                yield _blank()
                continue
            with Image.open(io.BytesIO(package.read(picture.ref))) as image:
                rgba = image.convert("RGBA")
            white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
            yield np.asarray(Image.alpha_composite(white, rgba).convert("RGB"))


def _blank() -> np.ndarray:
    return np.full((32, 32, 3), 255, dtype=np.uint8)


def _quad(crop: np.ndarray) -> Quad:
    """The whole crop as a quad, clockwise from top-left."""
    height, width = crop.shape[:2]
    return ((0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height)))


def _with_dates(
    parsed: ParsedFile, chosen: list[tuple[int, ImageItem]], reads: dict[int, OcrBox]
) -> ParsedFile:
    """The file with each read that is a date put at the end of its picture's line; a picture alone on its
    line that reads as a date is no signature and is taken out of the file's pictures."""
    added: dict[int, list[tuple[str, ImageItem]]] = defaultdict(list)
    lone = Counter(p.block_index for p in parsed.images if p.kind is ImageKind.SIGNATURE)
    dates: set[int] = set()
    readings: dict[int, str] = {}
    for index, picture in chosen:
        box = reads.get(index)
        if box is None or box.confidence < MIN_SCORE or picture.block_index is None:
            continue
        text = _closed_up(mend_text(mark_unreadable(OcrLine([box]), []).text))
        if not _whole_date(text):
            text = _ones_as_separators(box) or text
        if _whole_date(text):
            if _dated(parsed.blocks[picture.block_index]):
                continue  # the line's date is in its text already
            added[picture.block_index].append((text, picture))
            if lone[picture.block_index] == 1:
                dates.add(index)
        else:
            readings[index] = box.text.strip()
    if not added and not readings:
        return parsed
    blocks = [_extended(b, added[k]) if k in added else b for k, b in enumerate(parsed.blocks)]
    images = [
        p.model_copy(update={"reading": readings[k]}) if k in readings else p
        for k, p in enumerate(parsed.images)
        if k not in dates
    ]
    return parsed.model_copy(update={"blocks": blocks, "images": images})


def _closed_up(read: str) -> str:
    """A handwritten date's read without the gaps OCR puts between strokes written apart: around a
    separator ("2024. 8. 12"), inside the year ("202 4.10.15"), for a separator it lost ("2024 9.20",
    "2024.10 15"), and inside a number where the date is then whole ("2021.10.1 1")."""
    text = _GAP_AT_SEPARATOR.sub(r"\1", read.strip())
    text = _SPLIT_YEAR.sub(lambda m: m[1] + m[2] if len(m[1] + m[2]) == 4 else m[0], text)
    lost = _LOST_SEPARATOR.fullmatch(text)
    if lost is not None:
        sep = lost["sep"] or lost["sep2"]
        return f"{lost['y']}{sep}{lost['m'] or lost['m2']}{sep}{lost['d']}"
    joined = _DIGIT_GAP.sub("", text)  # a number written in two strokes: 2021.10.1 1
    return joined if joined != text and _whole_date(joined) else text


def _ones_as_separators(box: OcrBox) -> str | None:
    """The read with doubtful 1s taken for the separators they may be, where exactly one choice of them
    makes the read a whole date (year, month and day, one separator between each): a slash written
    upright reads as 1 ("20251519" and "2025/519" for 2025/5/9). None where no choice or more than one does
    ("2025/1119" with its three 1s doubtful: 1/19 or 11/9 is not to be told)."""
    text = box.text
    if len(box.scores) != len(text):
        return None
    doubtful = [i for i, char in enumerate(text) if char == "1" and box.scores[i] < SEPARATOR_ONE]
    if not doubtful or len(doubtful) > MAX_DOUBTFUL_ONES:
        return None
    sep = next((char for char in text if char in "./-"), "/")
    found: set[str] = set()
    for taken in range(1, 2 ** len(doubtful)):
        chars = list(text)
        for bit, i in enumerate(doubtful):
            if taken >> bit & 1:
                chars[i] = sep
        candidate = "".join(chars)
        if _SEPARATED_DATE.fullmatch(candidate) and any(m.value for m in find_dates(candidate)):
            found.add(candidate)
    return found.pop() if len(found) == 1 else None


def _whole_date(text: str) -> bool:
    """Whether the text is one date and nothing else (a read with a stray stroke left over is no date)."""
    return any(m.start == 0 and m.end == len(text) and not m.blank for m in find_dates(text))


def _extended(block: Block, reads: list[tuple[str, ImageItem]]) -> Block:
    """The block with each read put after its text, a space before it (none in an empty cell); where the
    block knows its characters' places, each read character is placed across its picture."""
    text, xs = block.text, block.char_xs
    for read, picture in reads:
        gap = " " if text else ""  # (an empty cell holds the read alone)
        if xs is not None and len(xs) == len(text) and picture.bbox is not None:
            x0, x1 = picture.bbox.x0, picture.bbox.x1
            step = (x1 - x0) / len(read)
            xs = (*xs, *(x0 for _ in gap), *(x0 + step * (k + 0.5) for k in range(len(read))))
        else:
            xs = None
        text += gap + read
    return block.model_copy(update={"text": text, "char_xs": xs})
