"""Per-document page marks: "第2页 共3页", "共3页 第2页", "第 2 页（共 3 页）".

A multi-page 笔录 numbers its own pages; those marks tie its pages together. Marks that count the
pages of the whole file (the same total on most pages, rising with the physical page) are archive
numbering, not a document's, and are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from casefile_eval.textnorm import compact

_NUM = r"([0-9]{1,3}|[一二三四五六七八九十两]{1,3})"
_OF = re.compile(rf"第{_NUM}页[,，/、]?\(?共{_NUM}页|共{_NUM}页[,，/、]?\(?第{_NUM}页")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}
# A line that is only a page number: "8", "-13-", "— 2 —", "第3页", "第2页共5页", "3/12", "— 1 / 2 —".
_PAGE_NUMBER_LINE = re.compile(
    rf"^(?:[-—–－‐─·]*(?:[0-9]{{1,4}}/)?[0-9]{{1,4}}[-—–－‐─·]*"
    rf"|(?:第{_NUM}页)?[,，/、(（]?(?:共{_NUM}页)?[)）]?(?:第{_NUM}页)?)$"
)


# A printer's imprint at a form's foot: "平凉印（连续打印纸）", "湖南省财政厅监制", "某某印刷厂印制".
_IMPRINT_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}(?:印[(（][^()（）]{1,8}[)）]|印刷厂(?:印制)?|印制|监制)$")
# A page mark whose numbers were lost in reading ("第页共页").
_BARE_PAGE_MARK = re.compile(r"^第页[,，/]?共页$|^共页第页$")


def is_page_furniture(text: str) -> bool:
    """True for a line that belongs to the page, not to the document's text: a page number (its numbers
    read or lost) or a printer's imprint."""
    flat = compact(text)
    return is_page_number_line(text) or bool(_IMPRINT_LINE.match(flat) or _BARE_PAGE_MARK.match(flat))


def is_page_number_line(text: str) -> bool:
    """True for a line that holds nothing but a printed page number (not part of any document's text)."""
    flat = compact(text)
    return (
        _PAGE_NUMBER_LINE.match(flat) is not None
        and re.search("[0-9一二三四五六七八九十两]", flat) is not None
    )


@dataclass(frozen=True)
class PageMark:
    """Page `index` of `total` of one document."""

    index: int
    total: int


def find_marks(texts: Sequence[str]) -> list[PageMark]:
    """Every "第X页 共Y页" mark among a page's texts, last line first (marks sit at the foot); a page may
    carry both its document's mark and the archive's numbering of the whole file."""
    found: list[PageMark] = []
    for text in reversed(texts):
        for m in _OF.finditer(compact(text)):
            groups = m.groups()
            if groups[0] is not None:
                index, total = _number(groups[0]), _number(groups[1])
            else:
                index, total = _number(groups[3]), _number(groups[2])
            mark = PageMark(index, total)
            if 1 <= index <= total <= 99 and mark not in found:
                found.append(mark)
    return found


def document_marks(marks: dict[int, list[PageMark]]) -> dict[int, PageMark]:
    """Each page's own document mark, once marks that number the whole file are removed; of several marks
    of one document on a page (第1页（共2页） and 第2页（共2页） side by side), the first.

    File numbering shows as one total on at least three pages, rising with the physical page (one shift
    between page and index) and counting at least five pages."""
    pairs = [(page, m) for page, found in marks.items() for m in found]
    totals = [m.total for _, m in pairs]
    if totals:
        common = max(set(totals), key=totals.count)
        shifts = {page - m.index for page, m in pairs if m.total == common}
        if totals.count(common) >= 3 and len(shifts) == 1 and common >= 5:
            shift = shifts.pop()
            pairs = [(p, m) for p, m in pairs if not (m.total == common and p - m.index == shift)]
    own: dict[int, PageMark] = {}
    for page, m in pairs:
        first = own.setdefault(page, m)
        if m.total == first.total and m.index < first.index:
            own[page] = m  # two pages of one document on one sheet (a book spread): it starts at the first
    return own


# A page's bare number, printed without a total: "（第2页）", "第 2 页", "- 2 -", "— 2 —".
_FOLIO = re.compile(rf"^\(?第{_NUM}页\)?$|^[-—–－‐─·]+([0-9]{{1,3}})[-—–－‐─·]+$")


def find_folio(texts: Sequence[str]) -> int | None:
    """The bare page number among a page's head and foot lines (the first found), or None."""
    for text in texts:
        if m := _FOLIO.match(compact(text)):
            return _number(m.group(1) or m.group(2))
    return None


def _number(text: str) -> int:
    """An Arabic or a small Chinese number (二, 十二, 二十)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (_DIGITS.get(tens, 0) if tens else 1) * 10 + (_DIGITS.get(units, 0) if units else 0)
