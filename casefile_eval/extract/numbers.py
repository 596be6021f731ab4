"""Document numbers (文号 / 案号): every bracket style, an optional 第, spaces inside, zero padding.

`find_numbers(text)` finds them in flat text (no white space) and gives the canonical form
机关代字〔年份〕N号 (GB/T 9704). A document's own 文号 is the one in its header block (alone on its line, or
after a 文号/编号 label); numbers inside sentences, or after 送达文书文号-like labels, are cited numbers.
立案号/案号 labels give the filing number.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from casefile_eval.extract.text import DocText, squeeze
from casefile_eval.model import Evidence
from casefile_eval.textnorm import AGENCY_LINE

_PREFIX_CHAR = r"[\u4e00-\u9fffA-Za-z]"
# (on a scan the brackets may be read as 1 or l: "定安税罚120161第021号"; then 第 must follow; a branch's
# word may stand before the serial: "黔东南环罚〔2023〕黎12号"; a traffic police's serial runs to ten figures:
# "台公交决字[2020]第5226300148号")
_ANCHOR = re.compile(
    r"(?:[〔\[(（【［]\s*(?P<year>(?:19|20)\d{2})\s*[〕\])）】］]|(?<=[\u4e00-\u9fff])[1lI|]"
    r"(?P<year1>(?:19|20)\d{2})[1lI|](?=第))\s*(?P<infix>(?!第)[\u4e00-\u9fff]{1,2}?)?\s*第?\s*"
    r"(?P<num>\d{1,12})\s*号"
)
_PREFIX_BACK = re.compile(rf"(?:{_PREFIX_CHAR}|[(（][\u4e00-\u9fff]{{1,6}}[)）])+$")
PREFIX_MAX = 16
# Words of a sentence that can run into a number's agency code: cut the prefix after the last of them.
_PROSE = re.compile(
    r".*(?:根据|依据|依照|按照|参照|对照|文号|字号|编号|案号|号为|作出|作出的|下达|送达|送达了|文书|见|经|即|和|及|与|的|了|为|是"
    r"|简称|立案|登记|备案|审批|印发|发布|转发|附件|通知|决定书|告知书|通知书)"
)
_OWN_LABEL = re.compile(r"(?:^|[\s|])(?:文号|编号|文书编号|决定书文号|字号)[:：]?\s*$")
# an own-number label closing an agency's header line ("长治市应急管理局　文书编号：…"; OCR may drop 编号)
_AGENCY_LABEL = re.compile(r"(?:文书编号|文书|编号|文号|字号)[:：]?$")
_FILING_LABEL = re.compile(r"(?:立案号|立案编号|案件编号|案号|案卷号)[:：]?\s*$")
# an archive's own number under 案卷号 (长应急档〔2020〕罚字第21号), not the case's 立案号 under it
# (辽卫健立〔2021〕33号)
_ARCHIVE_NUMBER = re.compile(r"档")
_CITED_LABEL = re.compile(r"(?:送达文书|送达|文书|告知书|决定书|通知书)(?:文号|编号|字号)[:：]?\s*$")
HEADER_BLOCKS = 8
OWN_BLOCK_EXTRA = 6


@dataclass(frozen=True)
class NumberMatch:
    """A 文号 found in flat text: span, canonical form and its parts."""

    start: int
    end: int
    raw: str
    canonical: str
    prefix: str
    year: int
    serial: int


def _clean_prefix(prefix: str) -> str:
    cut = _PROSE.match(prefix)
    return prefix[cut.end() :] if cut and cut.end() < len(prefix) else prefix


def find_numbers(
    flat: str, line_starts: list[int] | None = None, word_starts: list[int] | None = None
) -> list[NumberMatch]:
    """Every 文号 in `flat` (text without white space), canonicalised to 机关代字〔年份〕N号.

    `line_starts` (sorted offsets where lines or blocks begin) keeps an agency code from reaching back
    into the line before (a title "决定书（单位）" above the number); `word_starts` (sorted offsets that
    followed white space) keeps it from reaching back over a gap ("当事人：某公司    某罚字〔2025〕8号"),
    though a gap right before the bracket ("某罚字 （2025）") is allowed."""
    out: list[NumberMatch] = []
    for m in _ANCHOR.finditer(flat):
        floor = max(0, m.start() - PREFIX_MAX)
        if line_starts:
            floor = max(floor, line_starts[max(0, bisect_right(line_starts, m.start()) - 1)])
        words_before = bisect_right(word_starts or [], m.start() - 1)
        if word_starts and words_before:
            floor = max(floor, word_starts[words_before - 1])
        back = _PREFIX_BACK.search(flat, floor, m.start())
        if back is None:
            continue
        prefix = _clean_prefix(back.group())
        start = m.start() - len(prefix)
        year, serial = int(m.group("year") or m.group("year1")), int(m.group("num"))
        infix = m.group("infix") or ""
        canonical = f"{prefix.replace('(', '（').replace(')', '）')}〔{year}〕{infix}{serial}号"
        out.append(NumberMatch(start, m.end(), flat[start : m.end()], canonical, prefix, year, serial))
    return out


def canonical_number(text: str) -> str | None:
    """The canonical first 文号 of `text`: "芙执罚决字 〔 2024 〕 第 12 号" → 芙执罚决字〔2024〕12号."""
    found = find_numbers(squeeze(text))
    return found[0].canonical if found else None


@dataclass(frozen=True)
class DocumentNumbers:
    """The numbers of one document: its own 文号, its 立案号, and the numbers it cites."""

    own: tuple[str, Evidence] | None
    filing: tuple[str, Evidence] | None
    cited: list[tuple[str, Evidence]]


def _label_before(dt_: DocText, block: int, flat_start: int) -> str:
    """The words before a number in its block, or the previous block when the number starts its block."""
    block_flat_start = dt_.flat_block_start(block)
    before = dt_.flat[block_flat_start:flat_start]
    if not before and block > 0:
        before = dt_.squeezed(block - 1)
    return before


def document_numbers(dt_: DocText) -> DocumentNumbers:
    """Split the numbers of a document into its own 文号, its 立案号 and cited numbers.

    The own 文号 is the first number of the header that stands alone, after the title or the agency, or
    after an own-number label; a labelled one later in the header wins over an unlabelled one (a barcode's
    caption, a stamp's number read before the 编号 field)."""
    own: tuple[str, Evidence] | None = None
    own_labelled = False
    filing: tuple[str, Evidence] | None = None
    cited: list[tuple[str, Evidence]] = []
    line_starts = [dt_.flat_block_start(i) for i in range(len(dt_.blocks))]
    title = squeeze(dt_.doc.title or "")
    for match in find_numbers(dt_.flat, line_starts, dt_.word_starts()):
        block = dt_.flat_block(match.start)
        evidence = dt_.evidence(match.start, match.end, flat=True)
        before = _label_before(dt_, block, match.start)
        agency = block < HEADER_BLOCKS and _after_agency(dt_.flat[line_starts[block] : match.start])
        if _FILING_LABEL.search(before) and not _ARCHIVE_NUMBER.search(match.prefix):
            filing = filing or (match.canonical, evidence)
            continue
        if _CITED_LABEL.search(before) and not agency:
            cited.append((match.canonical, evidence))
            continue
        labelled = _OWN_LABEL.search(before) is not None or (
            agency and _AGENCY_LABEL.search(before) is not None
        )
        if (own is None or (labelled and not own_labelled and block < HEADER_BLOCKS)) and (
            labelled or agency or _header_number(dt_, match, block, before, title)
        ):
            if own is not None:
                cited.append(own)
            own, own_labelled = (match.canonical, evidence), labelled
        else:
            cited.append((match.canonical, evidence))
    return DocumentNumbers(own, filing, cited)


def _after_agency(line_before: str) -> bool:
    """A number after the agency's name on one header line ("舟山市交通运输局　　　舟交执罚〔2022〕118号"),
    an own-number label between them or not ("长治市应急管理局　文书编号：…"; OCR may drop the 编号)."""
    return AGENCY_LINE.fullmatch(_AGENCY_LABEL.sub("", line_before)) is not None


def _header_number(dt_: DocText, match: NumberMatch, block: int, before: str, title: str) -> bool:
    """A number in the header that is the document's own without a label: alone on its line, or on the
    title's line ("行政处罚决定书    某罚〔2025〕9号")."""
    if block >= HEADER_BLOCKS:
        return False
    return len(dt_.squeezed(block)) - len(match.raw) <= OWN_BLOCK_EXTRA or bool(
        title and before.endswith(title)
    )
