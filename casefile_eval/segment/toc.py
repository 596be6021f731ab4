"""Read a 卷内目录 (table of contents): its rows' 题名 and 页号, mapped to physical pages.

A row may come as table cells (序号 | 文号 | 责任者 | 题名 | 日期 | 页号 | 备注) or as one text line
("3 询问笔录 2024.3.5 5-8"). 页号 is a range ("5-8") or a start page ("5"), in the archive's own
numbering; `Page.printed_number` maps it to physical pages where the pages carry numbers, otherwise
the offset that best lines the entries up with the titles found on the pages is used.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from casefile_eval.model import Block, BlockKind, Page
from casefile_eval.segment.titles import TitleMatch, find_title_in
from casefile_eval.textnorm import compact, normalize

_PAGE_SPEC = re.compile(r"^(\d{1,4})(?:[-—–~至]+(\d{1,4}))?$")
_PAGE_HEADER = re.compile(r"^(页号|页次|页码|起止页号|页数)")
_PAGE_WORD = re.compile(r"^(?:起止)?(?:页号|页次|页码)[:：]?(?=\d|$)")
# Leader dots between a row's title and its page ("询问笔录……………3-4", "询问笔录......3-4")
_ELLIPSES, _DOTS, _DASH = "…⋯", ".．·・_", "—"
_LEADER = re.compile(rf"(?:[{_ELLIPSES}]|[{_DOTS}]{{2,}}|{_DASH}{{2,}})+")
# ...of which OCR may keep one dot against the page number ("·3-4") once the rest are lost
_LEADER_CHARS = _ELLIPSES + _DOTS + _DASH


@dataclass(frozen=True)
class TocEntry:
    """One row of a 卷内目录."""

    title: str  # the 题名 as written
    match: TitleMatch
    first: int  # printed page numbers
    last: int | None


@dataclass(frozen=True)
class PlacedEntry:
    """A 卷内目录 row placed on physical pages."""

    entry: TocEntry
    first: int
    last: int


def read_toc(blocks: Sequence[Block]) -> list[TocEntry]:
    """The rows of a 卷内目录 that name a known document type and a page."""
    entries: list[TocEntry] = []
    for cells in _rows(blocks):
        entry = _entry(cells)
        if entry is not None:
            entries.append(entry)
    return entries


def _rows(blocks: Sequence[Block]) -> list[list[str]]:
    """Table rows as lists of cell texts (in column order); other lines split on runs of spaces."""
    rows: dict[tuple[int, int], list[Block]] = defaultdict(list)
    for number, block in enumerate(blocks):
        if block.kind is BlockKind.CELL and block.table is not None and block.row is not None:
            rows[(block.table, block.row)].append(block)
        elif block.kind not in (BlockKind.HEADER, BlockKind.FOOTER):
            rows[(-1, number)].append(block)
    out: list[list[str]] = []
    for (table, _), members in rows.items():
        if table < 0:
            out.append(_LEADER.sub(" ", normalize(members[0].text)).split())
        else:
            out.append([normalize(b.text).strip() for b in sorted(members, key=lambda b: b.col or 0)])
    return out


def _entry(cells: list[str]) -> TocEntry | None:
    # a row writing its page after the column's name (页号 3, 页号3): the name is no cell of it
    cells = [c for c in (_PAGE_WORD.sub("", c) for c in cells) if c]
    if len(cells) < 2 or any(_PAGE_HEADER.match(compact(c)) for c in cells):
        return None
    for index in range(len(cells) - 1, 0, -1):
        spec = _PAGE_SPEC.match(compact(cells[index]).strip(_LEADER_CHARS))
        if spec is None:
            continue
        text = " ".join(cells[1:index] if _PAGE_SPEC.match(compact(cells[0])) else cells[:index])
        match = find_title_in(text)
        if match is None:
            return None
        last = int(spec.group(2)) if spec.group(2) else None
        return TocEntry(title=text, match=match, first=int(spec.group(1)), last=last)
    return None


def first_page(word: str) -> int | None:
    """The first page a 目录 row's page word gives (5, 5-8, 页号5, ……3-4), None for any other word."""
    spec = _PAGE_SPEC.match(compact(_PAGE_WORD.sub("", word)).strip(_LEADER_CHARS))
    return int(spec.group(1)) if spec else None


def place_entries(
    entries: Sequence[TocEntry],
    pages: Sequence[Page],
    after_page: int,
    type_on_page: Callable[[int], TitleMatch | None],
) -> list[PlacedEntry]:
    """Map the entries' printed pages to physical pages of the file; rows that do not fit are dropped."""
    ordered = sorted(entries, key=lambda e: e.first)
    offset = _offset(ordered, pages, after_page, type_on_page)
    total = len(pages)
    placed: list[PlacedEntry] = []
    for index, entry in enumerate(ordered):
        first = entry.first + offset
        if entry.last is not None:
            last = entry.last + offset
        elif index + 1 < len(ordered):
            last = ordered[index + 1].first + offset - 1
        else:
            last = total
        last = min(last, total)
        if (
            after_page < first <= last
            and (not placed or first > placed[-1].first)
            and not _misplaced(entry, first, type_on_page)
        ):
            placed.append(PlacedEntry(entry, first, last))
    return placed


def _misplaced(entry: TocEntry, first: int, type_on_page: Callable[[int], TitleMatch | None]) -> bool:
    """A row pointing at an untitled page while its document's title heads a page close by: the 目录's
    page number is wrong there, and the titles, not the row, decide what the pages are."""
    if type_on_page(first) is not None:
        return False
    for near in (first - 1, first + 1, first - 2, first + 2):
        found = type_on_page(near)
        if found is not None and found.type is entry.match.type:
            return True
    return False


def _offset(
    entries: Sequence[TocEntry],
    pages: Sequence[Page],
    after_page: int,
    type_on_page: Callable[[int], TitleMatch | None],
) -> int:
    """Physical minus printed page number: the best fit with the titles heading the pages, the archive's
    printed page numbers first among equals. (Printed numbers alone can mislead: a 笔录 numbering its own
    pages "— 1 —", "— 2 —" is not the archive's numbering.)"""
    known = sorted(p.number - p.printed_number for p in pages if p.printed_number is not None)
    candidates = [known[len(known) // 2]] if known else []
    candidates += [after_page, *range(0, min(len(pages), 12))]

    def fit(offset: int) -> int:
        return sum(
            1
            for entry in entries
            if (found := type_on_page(entry.first + offset)) is not None and found.type is entry.match.type
        )

    return max(candidates, key=fit)  # max keeps the first of equals
