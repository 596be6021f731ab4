"""Checks of the archive: page numbering of the bound file, and the 卷内目录's page numbers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.model import Case, Document
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.checks.tocrows import TocRow, matched_rows, row_serials
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.registry import register_check
from casefile_eval.segment.toc import TocEntry, first_page, read_toc


class PageNumberingParams(Params):
    """Printed page numbers must run 1, 2, 3… without gaps or repeats; judged only when at least
    `min_share` of the pages carry a printed number that was read.

    Not judged: numbering that starts again at 1 (each document numbered on its own, "第1页 共2页"), and a
    single page whose number disagrees with both neighbours while they agree with each other (a number
    read from the page's text, not the archive's page number)."""

    min_share: float = Field(default=0.6, gt=0, le=1)


@register_check("page_numbering", PageNumberingParams, fields=("detail",), scope="case")
def page_numbering(ctx: RuleContext, params: PageNumberingParams) -> Iterator[Hit]:
    """The printed page numbers of the file are continuous (one finding listing the breaks)."""
    pages = ctx.case.pages
    numbered = [p for p in pages if p.printed_number is not None]
    if not pages or len(numbered) < params.min_share * len(pages):
        return
    numbers = [p.printed_number for p in numbered if p.printed_number is not None]
    if any(b == 1 and a != 0 for a, b in pairwise(numbers)):
        return  # per-document numbering, not the archive's
    kept = _without_outliers(numbers)
    breaks = [f"{a}→{b}" for (i, a), (j, b) in pairwise(kept) if b - a != j - i]
    if breaks:
        first = numbered[0]
        detail = "、".join(breaks[:5]) + ("等" if len(breaks) > 5 else "")
        yield Hit(evidence=f"{first.source}", data={"detail": detail})


def _without_outliers(numbers: list[int]) -> list[tuple[int, int]]:
    """(position, number) pairs without single numbers that break a run their two neighbours continue."""
    keep = []
    for i, value in enumerate(numbers):
        if 0 < i < len(numbers) - 1:
            prev, nxt = numbers[i - 1], numbers[i + 1]
            if nxt == prev + 2 and value != prev + 1:
                continue
        keep.append((i, value))
    return keep


class TocPagesParams(Params):
    """Each 卷内目录 row's 页号 must be where its document is. Judged only when the 目录 and the documents
    are pages of one file, at least `min_rows` rows are matched to a document and at least one row agrees
    with the offset between printed and physical pages (from the printed page numbers, else from the most
    rows); rows whose type names several documents that do not pair one to one are not judged."""

    min_rows: int = Field(default=4, ge=2)


@register_check("toc_pages", TocPagesParams, fields=("row", "name", "listed", "actual", "more"), scope="case")
def toc_pages(ctx: RuleContext, params: TocPagesParams) -> Iterator[Hit]:
    """The page numbers of the 卷内目录 lead to the documents (one finding naming the first wrong row)."""
    for toc in ctx.case.of_type(DocumentType.TOC):
        placed = _placed(ctx.case, toc, params.min_rows)
        if placed is None:
            continue
        rows, offset = placed
        wrong = [r for r in rows if r.physical - r.entry.first != offset]
        if not wrong or len(wrong) == len(rows):
            continue
        # A 目录 read by OCR can misread one digit: a lone odd row there needs a look at the page.
        lone = len(wrong) == 1 and any(b.confidence is not None for b in toc.blocks)
        first = wrong[0]
        actual = first.physical - offset
        doubt = (
            f"第{first.serial}项《{first.entry.title}》页号为{first.entry.first}，实际位于第{actual}页，"
            "扫描件上仅此一项不符，可能是页号识别有误"
            if lone
            else None
        )
        yield Hit(
            document=toc,
            evidence=first.entry.title,
            data={
                "row": str(first.serial),
                "name": first.entry.title,
                "listed": str(first.entry.first),
                "actual": str(actual),
                "more": f"（共{len(wrong)}项页号不符）" if len(wrong) > 1 else "",
            },
            needs_review=lone,
            undecided=doubt,
        )


def _placed(case: Case, toc: Document, min_rows: int) -> tuple[list[TocRow], int] | None:
    """The 目录's rows paired with their documents and the offset between physical and printed pages,
    or None when its page numbers cannot be compared with the documents' places."""
    rows = matched_rows(case, toc)
    if len(rows) < min_rows:
        return None
    offset = _offset(case, toc, rows)
    return None if offset is None else (rows, offset)


# the documents a 目录 lists as rows of their own; others (evidence, a receipt, a photo) are often listed
# within a neighbour's row (行政处罚决定书及送达回证, 证据材料 5-12)
_OWN_ROW = frozenset(
    {
        DocumentType.FILING_APPROVAL,
        DocumentType.LEGAL_REVIEW,
        DocumentType.COLLECTIVE_DISCUSSION,
        DocumentType.PRIOR_NOTICE,
        DocumentType.HEARING_NOTICE,
        DocumentType.HEARING_RECORD,
        DocumentType.DECISION_APPROVAL,
        DocumentType.DECISION,
        DocumentType.CLOSING_REPORT,
    }
)


@register_check("toc_unlisted", TocPagesParams, fields=("name", "page"), scope="case")
def toc_unlisted(ctx: RuleContext, params: TocPagesParams) -> Iterator[Hit]:
    """Every document the 卷内目录 lists as a row of its own is listed: a document of such a type that no
    row names (more documents of the type than rows), starting on a 卷内 page no row starts on (3 → 5, the
    听证通知书 on page 4 left out). Judged where `toc_pages` compares the rows' 页号 with the pages."""
    for toc in ctx.case.of_type(DocumentType.TOC):
        placed = _placed(ctx.case, toc, params.min_rows)
        if placed is None or toc.pages is None:
            continue
        _, offset = placed
        entries = read_toc(toc.blocks)
        # (a row whose name was not read still gives its 页号 as the last word of its line)
        starts = {e.first for e in entries} | _last_numbers(toc)
        rows_of = Counter(e.match.type for e in entries)
        after = toc.pages[1]
        docs = [d for d in ctx.case.documents if d.source == toc.source and d.pages and d.pages[0] > after]
        docs_of = Counter(d.type for d in docs)
        read_by_ocr = any(b.confidence is not None for b in toc.blocks)
        for doc in docs:
            page = doc.pages[0] - offset if doc.pages else 0
            listed = page < 1 or page in starts or rows_of[doc.type] >= docs_of[doc.type]
            if doc.type not in _OWN_ROW or listed:
                continue
            name = doc.title or document_name(doc.type)
            yield Hit(
                document=toc,
                evidence=doc.title,
                data={"name": name, "page": str(page)},
                needs_review=read_by_ocr,
                undecided=f"目录中未见《{name}》（卷内第{page}页），扫描件上的目录可能有一项未能识别"
                if read_by_ocr
                else None,
            )


def _last_numbers(toc: Document) -> set[int]:
    """The pages closing the 目录's lines (a row's 页号 or the first page of its range)."""
    pages = (first_page(words[-1]) for block in toc.blocks if (words := block.text.split()))
    return {page for page in pages if page is not None}


class TocOrderParams(Params):
    """Where the 目录's page numbers cannot be compared with the documents' places (each document a file
    of its own, no printed page numbers), its rows must at least run on: no row starting on or before the
    last page of the row above (10. 行政处罚决定书 13-14 above 11. 送达回证 13). Not judged where `toc_pages`
    compares them (`min_rows` as there)."""

    min_rows: int = Field(default=4, ge=2)


@register_check(
    "toc_order",
    TocOrderParams,
    fields=("row", "name", "listed", "next_row", "next_name", "next_listed"),
    scope="case",
)
def toc_order(ctx: RuleContext, params: TocOrderParams) -> Iterator[Hit]:
    """The 卷内目录's page numbers run on from row to row (one finding naming the first overlap)."""
    for toc in ctx.case.of_type(DocumentType.TOC):
        if _placed(ctx.case, toc, params.min_rows) is not None:
            continue
        entries = read_toc(toc.blocks)
        if len(entries) < params.min_rows:
            continue
        for (n, above), (m, below) in pairwise(zip(row_serials(toc, entries), entries, strict=True)):
            end = above.last if above.last is not None else above.first
            if below.first > end:
                continue
            on_scan = any(b.confidence is not None for b in toc.blocks)
            yield Hit(
                document=toc,
                evidence=above.title,
                data={
                    "row": str(n),
                    "name": above.title,
                    "listed": _pages(above),
                    "next_row": str(m),
                    "next_name": below.title,
                    "next_listed": _pages(below),
                },
                needs_review=on_scan,
            )
            break


def _pages(entry: TocEntry) -> str:
    return (
        str(entry.first) if entry.last is None or entry.last == entry.first else f"{entry.first}-{entry.last}"
    )


def _offset(case: Case, toc: Document, rows: list[TocRow]) -> int | None:
    """Physical minus printed page: from the file's printed page numbers, else the offset most rows share.
    Numbers printed on the 目录's own pages count the file's sheets (第1页/共8页 from the 目录 on), not the
    卷内 pages its 页号 give, which begin after it."""
    pages = [p for p in case.pages if p.source == toc.source]
    numbered = [p for p in pages if p.printed_number is not None]
    numbers = [p.printed_number for p in numbered if p.printed_number is not None]
    restarts = any(b == 1 and a != 0 for a, b in pairwise(numbers))
    first, last = toc.pages or (0, -1)
    counts_toc = any(first <= p.number <= last for p in numbered)
    if pages and len(numbered) >= 0.6 * len(pages) and not restarts and not counts_toc:
        diffs = Counter(p.number - (p.printed_number or 0) for p in numbered).most_common(1)
        return diffs[0][0] if diffs[0][1] >= 0.6 * len(numbered) else None
    shares = Counter(r.physical - r.entry.first for r in rows).most_common(2)
    if len(shares) > 1 and shares[0][1] == shares[1][1]:
        return None
    return shares[0][0] if shares[0][1] * 2 > len(rows) else None
