"""Recognise a document title in one short line: exact lexicon entry, variant shape, or fuzzy match.

A line is a title candidate only when it is short and reads like a heading: no sentence punctuation,
no label colon, no 书名号 (a title quoted in a body or in a 送达回证's 送达文书名称 is not a title).
What precedes the core title must look like an agency, a place or a field qualifier
("国家税务总局XX税务局", "XX县农业农村局农业"); copy marks, numbering and a trailing 文号 are stripped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from casefile_eval.codes import DocumentType
from casefile_eval.segment.lexicon import LEXICON, VARIANT_RULES
from casefile_eval.textnorm import compact

EXACT_CONFIDENCE = 0.98  # the line is a lexicon entry
STRIPPED_CONFIDENCE = 0.97  # a lexicon entry once an agency prefix or a copy mark is removed
VARIANT_CONFIDENCE = 0.93  # a generic title shape (VARIANT_RULES)
FUZZY_CUTOFF = 80.0
STRAY_CONFIDENCE = 0.8  # a lexicon entry followed by one stray character
MAX_TITLE_CHARS = 48

_BY_TITLE: dict[str, DocumentType] = {
    variant: doc_type for doc_type, variants in LEXICON.items() for variant in variants
}
_ALL_TITLES: tuple[str, ...] = tuple(_BY_TITLE)
MIN_LAST_MISREAD = 5  # characters of a title whose last one alone may be misread
# A title less its last character → a title it opens, where every title it opens is of one type.
_OPENINGS: dict[str, set[str]] = {}
for _title in _ALL_TITLES:
    _OPENINGS.setdefault(_title[:-1], set()).add(_title)
_BY_LAST_MISREAD: dict[str, str] = {
    head: min(titles) for head, titles in _OPENINGS.items() if len({_BY_TITLE[t] for t in titles}) == 1
}
# Last characters of titles; a fuzzy match is tried only on lines ending in one of them.
_FINALS = frozenset(title[-1] for title in _ALL_TITLES) | frozenset("证书表录单告")

_JOINING = frozenset("的和及与等或并中")  # a title followed by one of these is a wrapped sentence
_FOLLOWING = frozenset("前后时之以为由已")  # ...and a title's opening followed by one of these
# (a numbered section's heading, 一、环境违法事实和证据 or （二）处罚依据, is no title either)
_NOT_A_TITLE = re.compile(
    r"[，,。；;：:？?！!《》“”\"]|\d{1,2}时|年.*月.*日|^[一二三四五六七八九十]{1,3}、|^[（(][一二三四五六七八九十]{1,3}[)）]"
)
_DECORATION = "【】[]<>·•*_-—=~ 　"
_LEADING_NUMBER = re.compile(
    r"^((附件|附表)[0-9一二三四五六七八九十]*|[0-9]{1,3}(?=[\u4e00-\u9fff])|(?:№|N[A-Za-zº°]?\.?)[0-9]{1,3})"
)
# A number field printed after a title on its line (№01 案件立案审批表 立案编号：本市监立〔2020〕0112号);
# 编号 or 文号 right after the title's last character is one field name (处罚决定书文号：…), not a title
_TRAILING_NUMBER_FIELD = re.compile(
    r"(?<=[表书录单告证])(?:\s+(?:立案编号|编号|文号|案号)|\s*(?:立案编号|案号))[:：]\s*\S+\s*$"
)
# A 文号 after a title: 某罚〔2023〕27号, or with the year first (（2023）固城执罚字第27号)
_CASE_NUMBER = re.compile(r"[〔\[(【]\d{4}[〕\])】][\u4e00-\u9fff]{0,10}?第?\d+号$")
# A 送达回证's row naming the document served (送达文书名称 行政处罚决定书), however misread (送新文书名)
_SERVED_FIELD = re.compile(r"^.{0,3}书名称?(?=.{4})")
_CONTINUATION = re.compile(r"(续页|续表|附页|续)$")
_CONTINUATION_LEAD = re.compile(r"^[(（](续页|续表|续)[)）]")
_SUFFIX = re.compile(r"\(([^()]{1,12})\)$")
_AGENCY = re.compile(
    r"^(关于.{1,30}的|对.{1,20}的|.{0,36}?(局|委员会|委|厅|政府|大队|支队|中队|所|中心|办公室|办|处|站|院|"
    r"分局|队|署|海关|部|街道|镇|乡|省|市|县|区|州|旗|盟|公司)|中国|中华人民共和国)?$"
)
_FIELD_QUALIFIERS = re.compile(
    r"(农业|农业农村|交通运输|交通|公路|水路|道路运输|生态环境|环境保护|环境|环保|税务|市场监督管理|市场监管|"
    r"工商|质监|食品药品|城市管理|城管|综合行政执法|综合执法|安全生产|应急管理|卫生健康|卫生|文化市场|"
    r"文化|自然资源|国土资源|住房和城乡建设|住建|水利|林业|渔业|海事|烟草|公安|消防|统计|价格|"
    r"文化和旅游|旅游|广播电视|医疗保障|人力资源和社会保障|劳动保障|知识产权|气象|民政|教育|体育)+$"
)


@dataclass(frozen=True)
class TitleMatch:
    """A recognised title: its type, how it was recognised and how sure that is."""

    type: DocumentType
    method: str  # title, fuzzy
    confidence: float
    core: str  # the normalised core that matched
    continuation: bool = False  # the title says 续页 / 续表


def match_title(text: str, *, allow_fuzzy: bool = True) -> TitleMatch | None:
    """The title that `text` (one line or cell) is, or None when it is not a title."""
    line = compact(_TRAILING_NUMBER_FIELD.sub("", text)).strip(_DECORATION)
    if not 2 <= len(line) <= MAX_TITLE_CHARS or _NOT_A_TITLE.search(line) or _SERVED_FIELD.match(line):
        return None
    return _match_compact(line, allow_fuzzy)


@lru_cache(maxsize=4096)
def _match_compact(line: str, allow_fuzzy: bool) -> TitleMatch | None:
    line = _LEADING_NUMBER.sub("", line)
    number = _CASE_NUMBER.search(line)
    if number is not None:
        return _before_case_number(line[: number.start()])
    lead = _CONTINUATION_LEAD.match(line)  # "（续）询问笔录"
    continuation = lead is not None
    line = line[lead.end() :] if lead else line
    stripped = 0
    while True:
        found = _lookup(line, continuation, exact=stripped == 0)
        if found is not None:
            return found
        cont = _CONTINUATION.search(line)
        suffix = _SUFFIX.search(line)
        if cont is not None and cont.start() >= 2:
            continuation = True
            line = line[: cont.start()]
        elif suffix is not None and suffix.start() >= 2:
            continuation = continuation or _CONTINUATION.search(suffix.group(1)) is not None
            line = line[: suffix.start()]
        else:
            break
        stripped += 1
    if allow_fuzzy:
        return _fuzzy(line, continuation)
    return None


def _before_case_number(head: str) -> TitleMatch | None:
    """A title followed on the same line by its 文号: the 文号's own prefix (津市监罚) is up to 8 chars. A
    word followed by 号, 文号 or 编号 names a number field (案卷号 辽卫健立〔2021〕33号 on a docket tag,
    处罚决定书文号 某罚〔2025〕23号 on a 结案报告), not a title."""
    for cut in range(len(head), max(len(head) - 9, 1), -1):
        if head[cut:].startswith(("号", "文号", "编号")):
            continue
        found = _lookup(head[:cut], False, exact=True)
        if found is not None and found.method == "title" and found.confidence > VARIANT_CONFIDENCE:
            return found
    return None


def _lookup(line: str, continuation: bool, *, exact: bool) -> TitleMatch | None:
    """Exact entry (after an agency prefix), else a variant shape of the whole core."""
    for start in range(len(line) - 1):
        doc_type = _BY_TITLE.get(line[start:])
        if doc_type is not None and _is_prefix(line[:start]):
            confidence = EXACT_CONFIDENCE if exact and start == 0 else STRIPPED_CONFIDENCE
            return TitleMatch(doc_type, "title", confidence, line[start:], continuation)
    if len(line) > 24:
        return None
    for pattern, doc_type in VARIANT_RULES:
        if pattern.search(line):
            return TitleMatch(doc_type, "title", VARIANT_CONFIDENCE, line, continuation)
    return None


def _is_prefix(prefix: str) -> bool:
    """True when what precedes a title core names an agency, a place or a field (or is empty)."""
    if not prefix:
        return True
    head = _FIELD_QUALIFIERS.sub("", prefix)
    return _AGENCY.match(head) is not None


def _fuzzy(line: str, continuation: bool) -> TitleMatch | None:
    """A near-miss of a lexicon entry (OCR or typing errors in a short heading), or a lexicon entry with
    one stray character after it (a speck of a seal or a punch hole read as a character: 立案审批表荣)."""
    if not 4 <= len(line) <= 20:
        return None
    if line[-1] not in _FINALS:
        stray = len(line) >= 5 and line[-1] not in _JOINING
        found = _lookup(line[:-1], continuation, exact=True) if stray else None
        if found is not None and found.confidence >= STRIPPED_CONFIDENCE:
            return TitleMatch(found.type, "fuzzy", STRAY_CONFIDENCE, found.core, continuation)
        # only the last character misread (案件调查报台 for 案件调查报告): the rest opens one title alone
        misread = stray and len(line) >= MIN_LAST_MISREAD and line[-1] not in _FOLLOWING
        closing = _BY_LAST_MISREAD.get(line[:-1]) if misread else None
        if closing is None:
            return None
        return TitleMatch(_BY_TITLE[closing], "fuzzy", STRAY_CONFIDENCE, closing, continuation)
    # One wrong character in a four-character title scores 75.
    cutoff = FUZZY_CUTOFF if len(line) > 4 else 75.0
    best = process.extractOne(line, _ALL_TITLES, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        return None
    title, score, _ = best
    if title[-1] != line[-1]:
        return None  # a title's last word names its kind: 当场行政处罚决定备案表 is no 决定书
    confidence = round(0.55 + 0.35 * (score - cutoff) / (100.0 - cutoff), 3)
    return TitleMatch(_BY_TITLE[title], "fuzzy", confidence, title, continuation)


def find_title_in(text: str) -> TitleMatch | None:
    """The longest lexicon title contained in `text` (a 卷内目录 题名 such as "张三询问笔录")."""
    line = compact(text)
    best: str | None = None
    for title in _ALL_TITLES:
        if len(title) >= 3 and title in line and (best is None or len(title) > len(best)):
            best = title
    if best is None:
        return None
    return TitleMatch(_BY_TITLE[best], "toc", VARIANT_CONFIDENCE, best)
