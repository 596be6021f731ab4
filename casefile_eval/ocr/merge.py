"""OCR pages folded into a ParsedFile: LINE blocks in page order, seal and signature images, pages marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from casefile_eval.model import BBox, Block, BlockKind, ImageItem, ImageKind, Page, ParsedFile
from casefile_eval.ocr.columns import reading_order
from casefile_eval.ocr.confusables import mend_misreads
from casefile_eval.ocr.doubt import mark_unreadable
from casefile_eval.ocr.labels import char_middles, line_em
from casefile_eval.ocr.marks import on_printed_field, on_printed_label
from casefile_eval.ocr.page import Box, OcrBox, OcrLine, OcrMark, OcrPage
from casefile_eval.parsers.header_rows import Placement, placed
from casefile_eval.parsers.vertical_labels import join_vertical_labels
from casefile_eval.parsers.wrapped_values import join_wrapped_values

OCR_REASON = "ocr"
BINDING_MARGIN = 0.1  # share of the page's width at each side where a binding line's words are printed
VERTICAL_RATIO = 2.5  # a box this many times taller than wide holds text set vertically
_BINDING_WORD = re.compile(r"[装订线]|装订线?|订线")
MAX_RING_WORD = 4  # characters of a seal's ring word read on its own, at most...
RING_WORD_SCORE = 0.9  # ...its parts read with less confidence than this


@dataclass(frozen=True)
class PageResult:
    """An OCR page with its points per pixel."""

    page: OcrPage
    scale: float


def _bbox(box: Box, scale: float) -> BBox:
    return BBox(x0=box[0] * scale, top=box[1] * scale, x1=box[2] * scale, bottom=box[3] * scale)


def _blocks(source: str, number: int, result: PageResult, lines: list[OcrLine]) -> list[Block]:
    em = line_em(result.page.lines)
    return join_wrapped_values(
        join_vertical_labels(
            [
                Block(
                    kind=BlockKind.LINE,
                    text=line.text,
                    source=source,
                    page=number,
                    bbox=_bbox(line.box, result.scale),
                    confidence=round(line.confidence, 4),
                    char_scores=line.char_scores or None,
                    char_xs=tuple(round(x * result.scale, 2) for x in char_middles(line, em)),
                )
                for line in lines
            ]
        )
    )


def _marks(
    source: str,
    number: int,
    result: PageResult,
    blocks: list[Block],
    first_block: int,
    ordered: tuple[list[OcrLine], list[Placement]],
) -> list[ImageItem]:
    _, where = ordered
    items = []
    em = line_em(result.page.lines)
    for mark in result.page.marks:
        if on_printed_field(mark, result.page.lines, em) or on_printed_label(mark, result.page.lines, em):
            continue
        bbox = _bbox(mark.box, result.scale)
        centre = (mark.box[0] + mark.box[2]) / 2
        row = None if mark.line is None else where[_row_of(result.page, where, mark)]
        index = first_block + placed(row, centre) if row else None  # no row: the line was a band's
        items.append(
            ImageItem(
                kind=ImageKind.SEAL if mark.kind == "seal" else ImageKind.SIGNATURE,
                source=source,
                page=number,
                bbox=bbox,
                block_index=index,
                width=bbox.x1 - bbox.x0,
                height=bbox.bottom - bbox.top,
                name=f"ocr:{mark.kind}",
                confidence=mark.confidence,
                ink_offset=None
                if index is None or mark.kind != "signature"
                else _ink_offset(blocks[index], (bbox.x0 + bbox.x1) / 2),
            )
        )
    return items


def _ink_offset(block: Block, centre: float) -> int | None:
    """How many characters of the block the ink is placed in stand left of the ink's centre (points), by
    the characters' middles OCR gave; None when the block's text is not the line's as read."""
    if block.char_xs is None or len(block.char_xs) != len(block.text):
        return None
    return sum(1 for x in block.char_xs if x < centre)


ROW_OVERLAP = 0.4  # of the shorter of a mark and a grid row: ink that stands in that row


def _row_of(page: OcrPage, where: list[Placement], mark: OcrMark) -> int:
    """The line a mark is placed by: its label's line; but ink that stands in a grid's row below its
    field name (a 送达回证 listing several documents, a record to a row) goes with that row's cell."""
    assert mark.line is not None
    overlaps = {
        index: min(mark.box[3], page.lines[index].box[3]) - max(mark.box[1], page.lines[index].box[1])
        for index in range(mark.line + 1, len(page.lines))
        if len(where[index]) > 1
    }
    best = max(overlaps, key=lambda index: overlaps[index], default=None)
    if best is None:
        return mark.line
    line = page.lines[best].box
    shorter = min(mark.box[3] - mark.box[1], line[3] - line[1])
    return best if overlaps[best] >= ROW_OVERLAP * shorter else mark.line


def _is_page_scan(image: ImageItem, page: Page | None) -> bool:
    """An image covering most of its page: the scan itself, which OCR replaces."""
    if page is None or image.bbox is None or not page.width or not page.height:
        return image.bbox is None
    b = image.bbox
    return (b.x1 - b.x0) * (b.bottom - b.top) >= 0.5 * page.width * page.height


def merge_pages(parsed: ParsedFile, results: dict[int, PageResult]) -> ParsedFile:
    """A new ParsedFile whose OCR'd pages carry the OCR lines and marks instead of their old content."""
    blocks: list[Block] = []
    moved: dict[int, int] = {}
    first_block: dict[int, int] = {}
    results = {number: _unbound(result) for number, result in results.items()}
    ordered = {number: _in_order(result.page) for number, result in results.items()}

    def flush(up_to: int | None) -> None:
        for number in sorted(results):
            if number not in first_block and (up_to is None or number < up_to):
                first_block[number] = len(blocks)
                blocks.extend(_blocks(parsed.source, number, results[number], ordered[number][0]))

    for index, block in enumerate(parsed.blocks):
        if block.page in results:
            continue
        if block.page is not None:
            flush(block.page)
        moved[index] = len(blocks)
        blocks.append(block)
    flush(None)

    pages = {p.number: p for p in parsed.pages}
    images = []
    for image in parsed.images:
        if image.page in results and _is_page_scan(image, pages.get(image.page)):
            continue
        kept: int | None = moved.get(image.block_index) if image.block_index is not None else None
        images.append(image.model_copy(update={"block_index": kept}))
    for number in sorted(results):
        images.extend(
            _marks(parsed.source, number, results[number], blocks, first_block[number], ordered[number])
        )
    return parsed.model_copy(
        update={"blocks": blocks, "images": images, "pages": [_page(p, results) for p in parsed.pages]}
    )


def _marked_lines(page: OcrPage) -> list[OcrLine]:
    """The page's lines with misreads mended (see `ocr.confusables`) and the doubtful characters of their
    dates marked (see `ocr.doubt`)."""
    seals = [mark.box for mark in page.marks if mark.kind == "seal"]
    return [mark_unreadable(mend_misreads(line), seals) for line in page.lines]


def _unbound(result: PageResult) -> PageResult:
    """The page read without the words printed down its side margins (see `_without_margin_words`) and
    without a word of a seal's ring read between two lines (see `_seal_ring_word`); a line holding nothing
    else is dropped, the marks placed by the lines kept."""
    page = result.page
    seals = [mark.box for mark in page.marks if mark.kind == "seal"]
    kept = [
        None if _seal_ring_word(line, seals, page.lines) else _without_margin_words(line, page.width)
        for line in page.lines
    ]
    if all(new is old for new, old in zip(kept, page.lines, strict=True)):
        return result
    # a line that held a tall strip was ranked by the strip's top: ranked again by what is left of it
    order = sorted((k for k, line in enumerate(kept) if line is not None), key=lambda k: _top(kept[k]))
    index = {old: new for new, old in enumerate(order)}
    marks = [replace(mark, line=None if mark.line is None else index.get(mark.line)) for mark in page.marks]
    lines = [line for k in order if (line := kept[k]) is not None]
    return PageResult(replace(page, lines=lines, marks=marks), result.scale)


def _seal_ring_word(line: OcrLine, seals: list[Box], lines: list[OcrLine]) -> bool:
    """Whether a line is a word of a seal's ring read on its own (国家 of 国家税务局 round the seal's edge,
    0.71): a few characters read unsurely, inside a seal, squeezed between a line above and one below
    whose boxes it overlaps. Printed lines never overlap two others; a 落款's date under the seal stands on
    a line of its own."""
    box = line.box
    text = line.text.strip()
    if len(text) > MAX_RING_WORD or min(p.confidence for p in line.parts) >= RING_WORD_SCORE:
        return False
    if not any(s[0] <= box[0] and box[2] <= s[2] and s[1] <= box[1] and box[3] <= s[3] for s in seals):
        return False
    above = any(o is not line and o.box[1] < box[1] < o.box[3] for o in lines)
    below = any(o is not line and o.box[1] < box[3] < o.box[3] for o in lines)
    return above and below


def _top(line: OcrLine | None) -> float:
    return line.box[1] if line is not None else 0.0


def _without_margin_words(line: OcrLine, width: int) -> OcrLine | None:
    """The line without its parts printed down a side margin: a word of a 装订线 (装, 订, 线), or a strip
    of text set vertically (a carbon form's `第二联 存档联（复写无效需加盖印章）`), which OCR joins to the row
    it stands beside ("订 签名" under an opinion, "审核人（签名）： 2023年5月4日 存档联（复写…）"). None when
    nothing else is on the line."""
    parts = [part for part in line.parts if not _margin_word(part, width)]
    if len(parts) == len(line.parts):
        return line
    return OcrLine(parts) if parts else None


def _margin_word(part: OcrBox, width: int) -> bool:
    x0, y0, x1, y1 = part.box
    if not (x1 <= BINDING_MARGIN * width or x0 >= (1 - BINDING_MARGIN) * width):
        return False
    vertical = len(part.text.strip()) >= 2 and y1 - y0 >= VERTICAL_RATIO * (x1 - x0)
    return vertical or _BINDING_WORD.fullmatch(part.text.strip()) is not None


def _in_order(page: OcrPage) -> tuple[list[OcrLine], list[Placement]]:
    """The page's marked lines in reading order, mended again where reading order joined the pieces of a
    word from lines of their own (a turned table's cell read in fragments: 告知 | #)."""
    lines, where = reading_order(_marked_lines(page))
    return [mend_misreads(line) for line in lines], where


def _page(page: Page, results: dict[int, PageResult]) -> Page:
    result = results.get(page.number)
    if result is None:
        return page
    return page.model_copy(
        update={
            "needs_ocr": False,
            "ocr_reason": OCR_REASON,
            "width": round(result.page.width * result.scale, 2),
            "height": round(result.page.height * result.scale, 2),
        }
    )
