"""The 复议/诉讼 notice of a decision: which routes it offers, to which body or court, within which period,
and whether it says 复议 must come first (复议前置) or tax must be paid first (纳税前置).

The clause is the run of sentences that name 复议 or 诉讼/起诉 together with a period or a 不服/争议 trigger;
sentences about enforcement (不停止执行, 逾期不申请复议也不起诉…) are not part of it. Each period is tied to
the route named after it (…六十日内向X申请行政复议 / …六个月内向人民法院起诉).
"""

from __future__ import annotations

import re

from casefile_eval.extract.cnnum import cn_to_int
from casefile_eval.extract.text import DocText
from casefile_eval.model import RemedyClause

_SENTENCE = re.compile(r"[^。]*(?:。|$)")
_ROUTE = re.compile(r"复议|诉讼|起诉")
_TRIGGER = re.compile(r"不服|争议|异议|(?:\d+|[一二三四五六七八九十百两]+)(?:个工作日|个月|日|天)(?:之)?内")
_NOT_NOTICE = re.compile(r"不停止执行|停止执行|逾期不申请|既不申请|也不向人民法院|又不履行|不履行的")
_PERIOD = re.compile(r"(?P<n>\d+|[一二三四五六七八九十百两]+)(?P<u>个工作日|个月|日|天)(?:之)?内")
# 申请行夏议 / 空请行政复议 / 人民政府请行政复议: OCR's misreads of 行政复议 (two characters read as one) and
# of 申 (or 申 lost) still name the route and its body (whose last character is never the misread 申)
_REVIEW_WORD = r"(?:(?:行政)?复议|行.{1,2}议)"
_ORGAN_END = "府局院会厅部委"
_APPLY = rf"(?:申请|提出|提起|[^{_ORGAN_END}]请|(?<=[{_ORGAN_END}])请)"
_REVIEW = re.compile(rf"(?:申请|提出|提起){_REVIEW_WORD}|复议申请|行政复议")
# 行题诉讼 / 行政诉公: one character of 行政诉讼 misread by OCR still names the route
# (a period and the court it is brought to name the route though its verb was lost under a seal:
# 六个月内依法向武宁县人民法院[起诉。 read 趣])
_LITIGATION = re.compile(
    r"起诉|提起(?:行政)?诉讼|行政诉讼|行.诉讼|行政诉.|人民法院提起"
    r"|(?:(?<=内)|^)(?:依法)?向[^，。；,;向]{0,40}?人民法院"
)
# a 向 that governs 提起诉讼/起诉 never names a 复议 body: when OCR loses the 。 after
# "…人民法院提起行政诉讼", the next sentence's "申请行政复议或者提起行政诉讼期间" must not make the
# court a 复议 body
_BODY = re.compile(rf"向(?P<body>(?:(?!提起|起诉|诉讼)[^，。；,;]){{2,80}}?){_APPLY}{_REVIEW_WORD}")
_COURT = re.compile(
    r"向(?P<court>[^，。；,;向]{0,40}?人民法院)(?:提起|起诉|提出)"
    r"|(?:个月|日)(?:之)?内(?:依法)?向(?P<bare>[^，。；,;向]{0,40}?人民法院)"
)
_BODY_SPLIT = re.compile(r"或者|或|、")
_BODY_NOISE = re.compile(r"^(?:依法|直接|书面)+|(?:依法)$")
_REVIEW_FIRST = re.compile(
    r"(?:应当|必须|须|应)先(?:依法)?(?:向[^，。；]{0,40})?(?:申请|提出|提起)(?:行政)?复议|复议前置"
    r"|对(?:行政)?复议决定不服|不服(?:行政)?复议决定"
)
_TAX_FIRST = re.compile(r"先[^。；]{0,20}(?:缴纳|解缴)[^。；]{0,10}(?:税款|滞纳金)|提供相应的?(?:纳税)?担保")
GROUP_GAP = 200
_EITHER = re.compile(r"也可|或者|或直接|亦可|或于|或在|或自")


def _clause_spans(flat: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(flat):
        sentence = m.group()
        if not sentence or not _ROUTE.search(sentence) or not _TRIGGER.search(sentence):
            continue
        if _NOT_NOTICE.search(sentence) and not _PERIOD.search(sentence):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _periods(text: str, clause: RemedyClause) -> None:
    found = list(_PERIOD.finditer(text))
    ends = [m.start() for m in found[1:]] + [len(text)] if found else []
    for m, end in zip(found, ends, strict=True):
        # the route named after a period, before the next period ("十五日内…缴纳 …六十日内…申请行政复议":
        # the payment's period is no 复议 period)
        after = text[m.end() : min(m.end() + 60, end)]
        review = _REVIEW.search(after)
        court = _LITIGATION.search(after)
        n = cn_to_int(m.group("n"))
        if n is None:
            continue
        months = m.group("u") == "个月"
        if review and (court is None or review.start() < court.start()):
            if clause.review_period_days is None and not months:
                clause.review_period_days, clause.review_period_raw = n, m.group()
        elif court and (clause.litigation_period_raw is None or (not months and _REVIEW_FIRST.search(text))):
            clause.litigation_period_raw = m.group()
            clause.litigation_period_months = n if months else None
            clause.litigation_period_days = None if months else n


def _bodies(text: str) -> list[str]:
    bodies: list[str] = []
    for m in _BODY.finditer(text):
        for part in _BODY_SPLIT.split(m.group("body")):
            name = _BODY_NOISE.sub("", part.strip())
            if len(name) >= 2 and name not in bodies:
                bodies.append(name)
    return bodies


def parse_remedy(text: str) -> RemedyClause:
    """Read the fields of a remedy clause (flat text, no white space)."""
    clause = RemedyClause(text=text)
    clause.review_offered = _REVIEW.search(text) is not None
    clause.litigation_offered = _LITIGATION.search(text) is not None
    clause.review_bodies = _bodies(text)
    court = _COURT.search(text)
    clause.litigation_court = (court.group("court") or court.group("bare")) if court else None
    clause.review_first = _REVIEW_FIRST.search(text) is not None
    clause.tax_first = _TAX_FIRST.search(text) is not None
    _periods(text, clause)
    if clause.review_offered and clause.litigation_offered and not clause.review_first:
        review = _REVIEW.search(text)
        litigation = _LITIGATION.search(text)
        if review and litigation:
            lo, hi = sorted((review.end(), litigation.start()))
            clause.either_or = _EITHER.search(text[lo:hi]) is not None or lo == hi
    return clause


def find_remedy(dt_: DocText) -> RemedyClause | None:
    """The remedy clause of a document, None when it has none."""
    groups: list[tuple[int, int]] = []
    for start, end in _clause_spans(dt_.flat):
        if groups and start - groups[-1][1] <= GROUP_GAP:
            groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    if not groups:
        return None
    with_period = [g for g in groups if _PERIOD.search(dt_.flat, g[0], g[1])]
    start, end = (with_period or groups)[-1]
    clause = parse_remedy(dt_.flat[start:end])
    clause.evidence = dt_.evidence(start, end, flat=True)
    return clause
