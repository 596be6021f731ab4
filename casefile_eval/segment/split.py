"""Split one parsed file into documents: by its 卷内目录, by titles heading pages, by page marks.

A page starts a document when a 卷内目录 row starts there, when a title heads it (not a 续页), or when
its "第1页 共N页" mark says so; a page marked "第2页 共N页" or later continues the document before it (unless
another kind of document's title heads it and the mark may number the whole file: 第2页 共2页 there). An
untitled, unmarked page continues it too, unless the evidence says the document is over: its own marks
said its last page was reached ("第2页 共2页"), the page's field labels make it another kind of form (a
payment slip, a licence copy), or the body classifier clearly types it otherwise (more readily after a
document that rarely runs past a page or two, or one typed by the classifier itself). A file without
pages (plain text) splits on title lines.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, ParsedFile
from casefile_eval.segment.classify import classify_text
from casefile_eval.segment.formlabels import form_type
from casefile_eval.segment.inline_titles import inline_starts, is_number_line
from casefile_eval.segment.pagemarks import PageMark, document_marks, find_folio, find_marks
from casefile_eval.segment.titles import TitleMatch, match_title
from casefile_eval.segment.toc import PlacedEntry, place_entries, read_toc
from casefile_eval.textnorm import compact

TOP_BLOCKS = 8  # a title sits among the first lines of a page
BODY_LINE = 40  # a longer line with sentence punctuation is body text: stop looking for a title
CLASSIFIER_SWITCH = 0.7  # probability at which the classifier may start a document on an untitled page
CLEAR_SWITCH = 0.85  # the same after a titled document that may well run over several pages
RUNNING_PAGES = 3  # a line atop at least this many pages (and half of them) is a running head...
RUNNING_CHARS = 4  # ...of at least this many characters
RUNNING_SHARE = 0.4  # a page's line of this share of a running head's length or more...
RUNNING_EXTRA = 2  # ...and at most this many characters longer...
ALIKE = 0.8  # ...whose characters are the head's but for this share, in its order, is that head as read there
HEADING_LINES = 2  # a title among a page's first lines heads it
MARK_HEAD = 4  # page marks are read among a page's first lines (a header) …
MARK_FOOT = 6  # … and its last lines (a footer)
MIN_CLASSIFY_CHARS = 40
# Documents that rarely run past a page or two, with the pages they usually take: an untitled page
# beyond that is worth classifying (the classifier's tokenizer costs time, so only then).
SHORT_TYPES: dict[DocumentType, int] = {
    DocumentType.COVER: 1,
    DocumentType.CASE_SOURCE: 1,
    DocumentType.FILING_APPROVAL: 2,
    DocumentType.SERVICE_RECEIPT: 1,
    DocumentType.ADDRESS_CONFIRMATION: 1,
    DocumentType.DECISION_APPROVAL: 2,
    DocumentType.CLOSING_REPORT: 2,
    DocumentType.PAYMENT_RECEIPT: 1,
    DocumentType.HEARING_NOTICE: 2,
    DocumentType.REMARKS: 1,
}


@dataclass
class PageView:
    """What splitting needs to know about one page."""

    number: int
    blocks: list[int]  # indices into the file's blocks
    title: TitleMatch | None = None
    title_block: int | None = None
    mark: PageMark | None = None
    folio: int | None = None  # its bare page number ("（第2页）", "- 2 -") where documents number their own
    needs_ocr: bool = False
    classified: tuple[DocumentType, float] | None = None
    classified_done: bool = False
    form: DocumentType | None = None  # the kind of form its field labels show (set when read)


@dataclass
class Segment:
    """A run of blocks that forms one document, with what typed it."""

    blocks: list[int]
    pages: list[int] = field(default_factory=list)
    title: TitleMatch | None = None
    title_block: int | None = None
    toc: PlacedEntry | None = None
    classified: tuple[DocumentType, float] | None = None
    form: DocumentType | None = None  # the kind of form the first page's labels show
    unread_pages: int = 0  # pages that still need OCR
    last_mark: PageMark | None = None  # the page mark of its last page so far
    first_folio: int | None = None  # the bare page number of its first page


def split_file(file: ParsedFile) -> list[Segment]:
    """The documents of one file as segments of its blocks, in order."""
    if not file.blocks and not file.pages:
        return []
    if all(b.page is None for b in file.blocks) and not file.pages:
        return _split_pageless(file.blocks)
    views = _page_views(file)
    placed = _toc_entries(file, views)
    return _split_pages(file, views, placed)


def _page_views(file: ParsedFile) -> list[PageView]:
    by_page: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(file.blocks):
        by_page[block.page or 1].append(index)
    numbers = sorted({p.number for p in file.pages} | set(by_page))
    ocr = {p.number for p in file.pages if p.needs_ocr}
    views = [PageView(n, by_page.get(n, []), needs_ocr=n in ocr) for n in numbers]
    found: dict[int, list[PageMark]] = {}
    tops = [_top_lines(file.blocks, view.blocks) for view in views]
    running = _running_heads(file.blocks, tops)
    folios: list[int | None] = []
    for view, top in zip(views, tops, strict=True):
        view.title_block, view.title = _page_title(file.blocks, top, running)
        ends = view.blocks[:MARK_HEAD] + view.blocks[max(MARK_HEAD, len(view.blocks) - MARK_FOOT) :]
        found[view.number] = find_marks([file.blocks[i].text for i in ends])
        folios.append(find_folio([file.blocks[i].text for i in ends]))
        view.folio = _folio_under_title(file.blocks, view)
        if (
            view.title is not None
            and not view.title.continuation
            and found[view.number]
            and all(m.index > 1 for m in found[view.number])
        ):
            # a titled page marked as a later page may be two pages side by side (a book spread): the
            # first page's mark stands mid-page, at the foot of the left one
            whole = find_marks([file.blocks[i].text for i in view.blocks])
            found[view.number] += [m for m in whole if m not in found[view.number]]
    marks = document_marks(found)
    for view in views:
        view.mark = marks.get(view.number)
    # Bare page numbers in a page's head or foot count each document's own pages only where they start
    # again at 1 after the file's first page; rising through the file they are the archive's numbering.
    if any(f == 1 for f in folios[1:]):
        for view, folio in zip(views, folios, strict=True):
            view.folio = view.folio or folio
    return views


def _folio_under_title(blocks: list[Block], view: PageView) -> int | None:
    """A bare page number on the line right under the page's title ("（第2页）"): the document's own."""
    if view.title_block is None:
        return None
    at = view.blocks.index(view.title_block) + 1
    return find_folio([blocks[view.blocks[at]].text]) if at < len(view.blocks) else None


def _top_lines(blocks: list[Block], indices: list[int]) -> list[int]:
    """A page's top lines, where its title sits: up to the first line of body text."""
    top: list[int] = []
    for index in indices:
        block = blocks[index]
        if block.kind in (BlockKind.HEADER, BlockKind.FOOTER) or not block.text.strip():
            continue
        if len(block.text) > BODY_LINE and any(p in block.text for p in "，。；,;"):
            break
        top.append(index)
        if len(top) >= TOP_BLOCKS:
            break
    return top


def _running_heads(blocks: list[Block], tops: list[list[int]]) -> list[str]:
    """Lines printed at the top of most pages of the file alike ("某某局 行政处罚案卷" over every form of an
    archive printed as one volume): a running head, not the title of each page's document. On a scan
    the head is read a little differently from page to page (`_alike`). `tops`: each page's top lines."""
    pages = [{compact(blocks[i].text) for i in top} for top in tops]
    seen: defaultdict[str, int] = defaultdict(int)
    for texts in pages:
        for text in texts:
            seen[text] += 1
    least = max(RUNNING_PAGES, len(pages) / 2)
    # (read alike on a quarter of the pages it must head at least: the others are looked through for it)
    often = max(2.0, least / 4)
    heads = [text for text, pages in seen.items() if pages >= often and len(text) >= RUNNING_CHARS]
    return [
        head for head in heads if sum(any(_alike(head, text) for text in texts) for texts in pages) >= least
    ]


def _alike(head: str, text: str) -> bool:
    """Whether a line is a running head as read on one page: the same, or the head with a character or a
    few misread or lost (no longer than the head but by RUNNING_EXTRA: a title printed after the head on
    its line makes another line)."""
    if text == head:
        return True
    if not RUNNING_SHARE * len(head) <= len(text) <= len(head) + RUNNING_EXTRA or len(text) < RUNNING_CHARS:
        return False
    if (Counter(head) & Counter(text)).total() < ALIKE * len(text):
        return False  # (too few characters in common for the matching blocks to hold enough: a quick no)
    matching = SequenceMatcher(None, head, text, autojunk=False).get_matching_blocks()
    return sum(block.size for block in matching) >= ALIKE * len(text)


# Words a clerk writes or stamps on a page that is a copy (复印件): the page's title where it has no other
# (a copied licence filed as it is), not over a document's own title below them.
COPY_MARKS = frozenset({"复印件"})


def _page_title(
    blocks: list[Block], top: list[int], running: list[str]
) -> tuple[int | None, TitleMatch | None]:
    """The title heading a page: exact or variant first, then a fuzzy match, among its top lines (`top`);
    a running head (`running`) only where no other line is a title (a file of one document titled on every
    page)."""
    candidates = [i for i in top if _may_hold_title(blocks[i])]
    candidates.sort(key=lambda i: any(_alike(head, compact(blocks[i].text)) for head in running))
    marked: tuple[int, TitleMatch] | None = None
    for allow_fuzzy in (False, True):
        for index in candidates:
            found = match_title(blocks[index].text, allow_fuzzy=allow_fuzzy)
            if found is not None and found.core in COPY_MARKS:
                marked = marked or (index, found)
            elif found is not None:
                return index, found
    return marked if marked is not None else (None, None)


def _may_hold_title(block: Block) -> bool:
    """A table cell holds a title only in the first row and first column (a merged heading row)."""
    if block.kind is not BlockKind.CELL:
        return True
    return (block.row or 0) == 0 and (block.col or 0) == 0


def _toc_entries(file: ParsedFile, views: list[PageView]) -> list[PlacedEntry]:
    """The rows of the file's 卷内目录 placed on physical pages, or [] without one."""
    toc_pages = [v for v in views if v.title is not None and v.title.type is DocumentType.TOC]
    if not toc_pages:
        return []
    first = toc_pages[0].number
    run = [v for v in views if first <= v.number and (v.title is None or v.title.type is DocumentType.TOC)]
    run = [v for i, v in enumerate(run) if v.number == first + i]
    entries = read_toc([file.blocks[i] for v in run for i in v.blocks])
    if not entries:
        return []
    titles = {v.number: v.title for v in views}
    return place_entries(entries, file.pages or [], run[-1].number, lambda n: titles.get(n))


def _split_pages(file: ParsedFile, views: list[PageView], placed: list[PlacedEntry]) -> list[Segment]:
    starts = {p.first: p for p in placed}
    covered = {n for p in placed for n in range(p.first, p.last + 1)}
    segments: list[Segment] = []
    for view in views:
        current = segments[-1] if segments else None
        entry = starts.get(view.number)
        if current is None or _starts_document(view, entry, current, covered, file.blocks, len(views)):
            current = Segment(blocks=[], title=view.title, title_block=view.title_block, toc=entry)
            current.classified, current.form = view.classified, view.form
            current.first_folio = view.folio
            segments.append(current)
        begun = None
        if view.title_block is not None and (
            current.title_block == view.title_block or _running_title(view, current)
        ):
            begun = view.blocks.index(view.title_block)
        cuts = inline_starts(file.blocks, view.blocks, begun, _segment_type(current))
        edges = [cut.at for cut in cuts] + [len(view.blocks)]
        current.blocks.extend(view.blocks[: edges[0]])
        current.pages.append(view.number)
        current.last_mark = view.mark
        current.unread_pages += int(view.needs_ocr and not view.blocks)
        for cut, begin, end in zip(cuts, edges, edges[1:], strict=False):
            piece = Segment(blocks=view.blocks[begin:end], pages=[view.number], title=cut.title)
            piece.title_block = cut.title_block
            segments.append(piece)
    return segments


def _running_title(view: PageView, current: Segment) -> bool:
    """A later page of a document (marked "第2页 共2页") heading itself with the document's own title again:
    a running title, not the start of another document."""
    return (
        view.mark is not None
        and view.mark.index > 1
        and view.title is not None
        and view.title.type is _segment_type(current)
    ) or _numbered_on(view, current)


def _numbered_on(view: PageView, current: Segment) -> bool:
    """A page titled as the document before it and numbered as its next page ("（第2页）" after the
    document's "（第1页）" or its unnumbered first page): the document's own title printed again atop its
    second sheet."""
    return (
        view.title is not None
        and view.title.type is _segment_type(current)
        and current.first_folio in (1, None)
        and view.folio is not None
        and view.folio == len(current.pages) + 1
    )


def _starts_document(
    view: PageView,
    entry: PlacedEntry | None,
    current: Segment,
    covered: set[int],
    blocks: list[Block],
    pages: int,
) -> bool:
    if view.mark is not None and view.mark.index > 1:
        return _titled_otherwise(view, current) and _numbers_the_file(view.mark, view.number, pages)
    if entry is not None:
        return True
    if view.title is not None:
        return not view.title.continuation and not _numbered_on(view, current)
    if view.mark is not None:
        return True
    if view.number in covered or not view.blocks:
        return False
    view.form = form_type(blocks[i].text for i in view.blocks)
    if current.last_mark is not None:
        # The document numbers its pages: it is over once its last page is reached, and not before.
        return current.last_mark.index == current.last_mark.total
    return _content_breaks(view, current, blocks)


def _titled_otherwise(view: PageView, current: Segment) -> bool:
    """A page headed by the title of another kind of document than the one before it: the title among its
    first HEADING_LINES lines (under a 编号 line at most), not under the end of the document before."""
    return (
        view.title is not None
        and view.title_block in view.blocks[:HEADING_LINES]
        and not view.title.continuation
        and view.title.type is not _segment_type(current)
        and not _numbered_on(view, current)
    )


def _numbers_the_file(mark: PageMark, number: int, pages: int) -> bool:
    """A mark that may number the whole file rather than one document: page `number` of all the file's
    `pages` ("第2页 共2页" on the second of two pages). (`pagemarks.document_marks` only tells a file's
    numbering where it runs over five pages or more.)"""
    return mark.total == pages and mark.index == number


def _content_breaks(view: PageView, current: Segment, blocks: list[Block]) -> bool:
    """An untitled page whose labels or body clearly make it another kind of document starts one."""
    current_type = _segment_type(current)
    if current_type is None:
        return False
    if view.form is not None and view.form is not current_type:
        found = _classify_page(view, blocks)
        if found is None or found[0] is view.form:
            return True
    readily = current.title is None and current.toc is None
    readily = readily or len(current.pages) >= SHORT_TYPES.get(current_type, 99)
    # a page opening with a 文号 alone heads a document whose title was not read (a fold across it)
    readily = readily or (bool(view.blocks) and is_number_line(blocks[view.blocks[0]].text))
    found = _classify_page(view, blocks)
    threshold = CLASSIFIER_SWITCH if readily else CLEAR_SWITCH
    return found is not None and found[1] >= threshold and found[0] is not current_type


def _classify_page(view: PageView, blocks: list[Block]) -> tuple[DocumentType, float] | None:
    """The classifier's reading of one page (computed once per page)."""
    if not view.classified_done:
        text = "\n".join(blocks[i].text for i in view.blocks)
        view.classified = classify_text(text) if len(text) >= MIN_CLASSIFY_CHARS else None
        view.classified_done = True
    return view.classified


def _segment_type(segment: Segment) -> DocumentType | None:
    if segment.title is not None:
        return segment.title.type
    if segment.toc is not None:
        return segment.toc.entry.match.type
    return segment.classified[0] if segment.classified else None


def _split_pageless(blocks: list[Block]) -> list[Segment]:
    """Plain text: a document starts at each title line, with the agency lines just above it."""
    segments: list[Segment] = [Segment(blocks=[])]
    for index, block in enumerate(blocks):
        found = match_title(block.text, allow_fuzzy=False) if len(block.text) <= BODY_LINE else None
        current = segments[-1]
        if found is None or found.continuation:
            pass
        elif current.title is None and _is_header(current):
            current.title, current.title_block = found, index
        else:
            moved = _trailing_headers(blocks, current.blocks)
            del current.blocks[len(current.blocks) - len(moved) :]
            segments.append(Segment(blocks=moved, title=found, title_block=index))
        segments[-1].blocks.append(index)
    return [s for s in segments if s.blocks]


def _is_header(segment: Segment) -> bool:
    """True while a document has only header lines (agency name) before its title."""
    return len(segment.blocks) <= 3


def _trailing_headers(blocks: list[Block], indices: list[int]) -> list[int]:
    """The last one or two lines of a document that are really the next document's agency header."""
    moved: list[int] = []
    for index in reversed(indices[-2:]):
        text = blocks[index].text.strip()
        if not text or len(text) > 30 or any(p in text for p in "，。；：:,;年月日"):
            break
        moved.insert(0, index)
    return moved
