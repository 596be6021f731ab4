"""Documents that begin inside a page: short 文书 packed one under another on one sheet.

A register of short forms (立案审批表 and 现场勘验笔录 on one sheet, a decision with its 送达回证 and the
收据 under it) starts a document in mid-page. Such a start is trusted only on strong evidence, since
titles are named inside documents too (a 送达回证 names what it serves, a 卷内目录 lists every title):
- the line is a printed title by the lexicon itself (no variant shape, no fuzzy match), with nothing
  before it but an index tab (№04) and nothing beside it on its row;
- an agency's name or the document's own 文号 stands alone on a line right over or under it (inside a
  送达回证, which names what it serves and its 文号, only the agency's name), and the line over it names
  no field (送达文书名称);
- the document it would cut holds a few lines of its own before it, and is no 卷内目录 or 封面.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind
from casefile_eval.segment.titles import STRIPPED_CONFIDENCE, TitleMatch, match_title
from casefile_eval.textnorm import AGENCY_LINE, compact

CONTEXT_LINES = 2  # how far over or under the title its agency or number line may stand
MIN_LINES_BEFORE = 3  # lines the document being cut holds after its own start
MAX_TITLE_LINE = 40
ROW_OVERLAP = 0.5  # share of the lower box's height two boxes overlap by to stand on one row
_TAB = re.compile(r"^[A-Za-z0-9№#.．:：\-_()（）]{0,6}$")  # an index tab OCR read as a few marks
_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff()（）]{1,14}[〔\[【(（]\d{4}[〕\]】)）]第?\d{1,6}号$")
_NUMBER_LABEL = re.compile(r"文号|编号|字号|名称|送达")
_NOT_CUT: frozenset[DocumentType] = frozenset({DocumentType.TOC, DocumentType.COVER})
# A 送达回证 names what it serves, with its 文号: inside one only an agency's name marks a new heading.
_NAMES_DOCUMENTS: frozenset[DocumentType] = frozenset({DocumentType.SERVICE_RECEIPT})
_FIELD_BEFORE = re.compile(r"(名称|文号|文书|案由|事由|标题)[:：]?$")  # the line before names a field


@dataclass(frozen=True)
class InlineStart:
    """A document beginning inside a page: where its first block stands among the page's blocks, and its
    title block (an index into the file's blocks)."""

    at: int
    title_block: int
    title: TitleMatch


def inline_starts(
    blocks: list[Block], indices: list[int], begun: int | None, current: DocumentType | None
) -> list[InlineStart]:
    """The documents that begin among `indices` (one page's blocks) while the document `current` (None
    when untyped) is under way: begun at position `begun` of this page, or on an earlier page (None)."""
    if current in _NOT_CUT:
        return []
    found: list[InlineStart] = []
    previous = -1 - MIN_LINES_BEFORE if begun is None else begun
    for pos in range(1, len(indices)):
        if pos - previous <= MIN_LINES_BEFORE:
            continue
        title = _title_line(blocks, indices, pos)
        if title is None or _FIELD_BEFORE.search(compact(blocks[indices[pos - 1]].text)):
            continue
        if not _has_heading_context(blocks, indices, pos, numbers=current not in _NAMES_DOCUMENTS):
            continue
        first = pos - 1 if _is_agency(blocks[indices[pos - 1]]) and pos - 1 > previous else pos
        found.append(InlineStart(first, indices[pos], title))
        previous, current = pos, title.type
    return found


def _title_line(blocks: list[Block], indices: list[int], pos: int) -> TitleMatch | None:
    """The title a line is, when it is a lexicon title standing alone on its row."""
    block = blocks[indices[pos]]
    if block.kind is not BlockKind.LINE or len(block.text) > MAX_TITLE_LINE:
        return None
    title = match_title(block.text, allow_fuzzy=False)
    if title is None or title.continuation or title.confidence < STRIPPED_CONFIDENCE:
        return None
    line = compact(block.text)
    at = line.find(title.core)
    if at < 0 or _TAB.match(line[:at]) is None:
        return None
    return title if _alone_on_row(blocks, indices, pos) else None


def _alone_on_row(blocks: list[Block], indices: list[int], pos: int) -> bool:
    """No other text beside the line (a 送达回证 row: 送达文书名称 | 行政处罚决定书), index tabs aside."""
    box = blocks[indices[pos]].bbox
    if box is None:
        return True
    for index in indices:
        other = blocks[index]
        if index == indices[pos] or other.bbox is None or _TAB.match(compact(other.text)):
            continue
        overlap = min(box.bottom, other.bbox.bottom) - max(box.top, other.bbox.top)
        lower = min(box.bottom - box.top, other.bbox.bottom - other.bbox.top)
        if lower > 0 and overlap > ROW_OVERLAP * lower:
            return False
    return True


def _has_heading_context(blocks: list[Block], indices: list[int], pos: int, *, numbers: bool) -> bool:
    """An agency name (or, where `numbers`, a 文号) alone on a line just over or under the title."""
    near = indices[max(0, pos - CONTEXT_LINES) : pos] + indices[pos + 1 : pos + 1 + CONTEXT_LINES]
    return any(_is_agency(blocks[i]) or (numbers and is_number_line(blocks[i].text)) for i in near)


def _is_agency(block: Block) -> bool:
    return AGENCY_LINE.fullmatch(compact(block.text)) is not None


def is_number_line(text: str) -> bool:
    """Whether a line is a document's 文号 alone (国环罚字（2016）第12号), no field's label before it."""
    line = compact(text)
    return _NUMBER_LINE.match(line) is not None and _NUMBER_LABEL.search(line) is None
