"""The rows of a 卷内目录 paired with the documents they list, for a case bound as one file."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from casefile_eval.model import Case, Document
from casefile_eval.segment.toc import TocEntry, read_toc
from casefile_eval.textnorm import compact

_SERIAL = re.compile(r"^([0-9]{1,3})(?![0-9])")


@dataclass(frozen=True)
class TocRow:
    """A 卷内目录 row, its serial number (序号) and the first physical page of the document it lists."""

    entry: TocEntry
    serial: int
    physical: int


def matched_rows(case: Case, toc: Document) -> list[TocRow]:
    """The rows of `toc` paired with the documents after it in the same file, in row order. Rows of a type
    are paired in order with the documents of that type only when their counts agree."""
    if toc.pages is None:
        return []
    entries = read_toc(toc.blocks)
    after = toc.pages[1]
    docs = [d for d in case.documents if d.source == toc.source and d.pages and d.pages[0] > after]
    by_type: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        by_type[doc.type].append(doc)
    rows_of: dict[str, list[TocEntry]] = defaultdict(list)
    for entry in entries:
        rows_of[entry.match.type].append(entry)
    serials = row_serials(toc, entries)
    out: list[TocRow] = []
    for position, entry in enumerate(entries):
        same = rows_of[entry.match.type]
        listed = by_type.get(entry.match.type, [])
        if len(same) != len(listed):
            continue
        doc = listed[same.index(entry)]
        if doc.pages is not None:
            out.append(TocRow(entry, serials[position], doc.pages[0]))
    return out


def row_serials(toc: Document, entries: list[TocEntry]) -> list[int]:
    """Each entry's 序号 as written at the start of its row, else its place among the rows."""
    lines = _lines(toc)
    out: list[int] = []
    cursor = 0
    for position, entry in enumerate(entries):
        title = compact(entry.title)
        serial = position + 1
        for index in range(cursor, len(lines)):
            found = _SERIAL.match(lines[index])
            if title and title in lines[index]:
                serial = int(found.group(1)) if found else serial
                cursor = index + 1
                break
        out.append(serial)
    return out


def _lines(toc: Document) -> list[str]:
    """The 目录's lines, compacted; the cells of a table row joined in column order."""
    lines: list[list[tuple[int, str]]] = []
    where: dict[tuple[int, int], int] = {}
    for block in toc.blocks:
        if block.table is None or block.row is None:
            lines.append([(0, compact(block.text))])
            continue
        key = (block.table, block.row)
        if key not in where:
            where[key] = len(lines)
            lines.append([])
        lines[where[key]].append((block.col or 0, compact(block.text)))
    return ["".join(text for _, text in sorted(cells)) for cells in lines]
