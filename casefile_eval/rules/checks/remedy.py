"""The 复议/诉讼 notice of a decision, judged by the law in force on the decision date.

复议机关: 行政复议法 (2023, in force 2024-01-01) arts. 24/27 — the 本级人民政府 for a local department,
the 上一级主管部门 for vertically led bodies (税务, 海关, 金融, 外汇, 国家安全); before 2024
(1999/2017 art. 12) either the government or the department one level up, the vertical bodies one
level up only.
Periods: 复议 60 days; direct litigation 6 months since 2015-05-01 (3 months before). 复议前置 for 当场
decisions from 2024-01-01 (art. 23); 纳税前置 for tax disputes (税收征收管理法 art. 88).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Literal

from casefile_eval.codes import AgencyKind, DateKind, DocumentType
from casefile_eval.model import Block, Document, RemedyClause
from casefile_eval.rules.checks.common import LOW_CHAR_SCORE, Params, is_read, numeral_scores
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

NEW_REVIEW_LAW = dt.date(2024, 1, 1)
NEW_LITIGATION_LAW = dt.date(2015, 5, 1)
_VERTICAL_NAMES = re.compile(r"税务|国家税务|海关|金融监督|金融监管|银保监|银监|保监|证监|外汇|国家安全")
_LOCAL_MARKS = re.compile(r"[省市县区州旗盟乡镇]")
# A period's unit with no number before it ("之日超个月内": 起六 read as one character): on a scan the
# number was lost in reading, so the period was written but cannot be judged
_UNIT_WITHOUT_NUMBER = re.compile(r"(?<![\d一二三四五六七八九十百两作])(?:个月|个工作日|日|天)(?:之)?内")
# or a number before a misread 个 ("六全月内" for 六个月内): the period's unit cannot be told
_UNIT_MISREAD = re.compile(r"[\d一二三四五六七八九十][^\s\d一二三四五六七八九十个]月(?:之)?内")
_LITIGATION_WORDS = re.compile(r"起诉|诉讼|人民法院")
_REVIEW_WORDS = re.compile(r"复议")
_AFTER_REVIEW = re.compile(r"复议决定[^。；;]{0,30}$")
# Wording that assesses tax due (the object of the 纳税前置); amounts alone are not enough, since facts
# sections list invoice tax (税额合计) without assessing anything.
_TAX_DUE = re.compile(r"(?:补缴|追缴|补征|应缴|应补|缴纳)[^。；]{0,15}(?:税款|税|滞纳金)|加收滞纳金")

Aspect = Literal[
    "presence", "body", "review_period", "litigation_period", "review_first", "tax_first", "named"
]


class RemedyParams(Params):
    """Which aspect of the notice this rule judges (one finding per aspect and decision)."""

    aspect: Aspect


@register_check("remedy_notice", RemedyParams, fields=("problem",))
def remedy_notice(ctx: RuleContext, params: RemedyParams) -> Iterator[Hit]:
    """The 复议/诉讼 notice names the right body, periods and preconditions for the decision date."""
    judge = _ASPECTS[params.aspect]
    for doc in ctx.documents():
        if not is_read(ctx, doc):
            continue
        clause = doc.facts.remedy
        problem = judge(ctx, doc, clause)
        cut = _cut_on_scan(doc) if problem and params.aspect == "presence" else None
        if cut is not None:
            yield Hit(
                document=doc,
                page=cut.page,
                evidence=cut.text,
                undecided="扫描件上的救济途径告知未读完整，无法确定是否告知了复议、诉讼的途径和期限",
            )
        elif clause and problem and problem.startswith("未写明") and _period_unread(doc, clause, params):
            yield Hit(
                document=doc,
                page=clause.evidence.page if clause.evidence else None,
                evidence=clause.evidence.text if clause.evidence else clause.text,
                undecided="扫描件上救济途径告知的期限数字未能识别，无法判断期限是否正确",
            )
        elif clause and problem and (unsure := _period_unsure(doc, clause, params)) is not None:
            yield Hit(
                document=doc,
                page=clause.evidence.page if clause.evidence else None,
                evidence=clause.evidence.text if clause.evidence else clause.text,
                undecided=f"{problem}，但扫描件上该期限的数字识别置信度低（{unsure:.2f}），无法确定是文书写错还是识别有误",
                confidence=unsure,
            )
        elif problem:
            evidence = (clause.evidence.text if clause.evidence else clause.text) if clause else None
            page = clause.evidence.page if clause and clause.evidence else None
            yield Hit(document=doc, page=page, evidence=evidence, data={"problem": problem})


def _cut_on_scan(doc: Document) -> Block | None:
    """On an OCR-read document, the line where a remedy sentence ("如不服本处罚决定，可以…") starts when
    that sentence never reaches its full stop: the rest was lost in reading (under a stamp, a fold), so
    what it offered cannot be told."""
    if not _ocr_read(doc):
        return None
    blocks = [b for b in doc.blocks if b.text.strip()]
    for n, block in enumerate(blocks):
        at = block.text.rfind("不服")
        if at >= 0 and "。" not in block.text[at:] and not any("。" in b.text for b in blocks[n + 1 :]):
            return block
    return None


def _ocr_read(doc: Document) -> bool:
    return any(b.confidence is not None for b in doc.blocks if b.text.strip())


def _period_unread(doc: Document, clause: RemedyClause, params: RemedyParams) -> bool:
    """On an OCR-read notice, whether the route judged has a period unit whose number was not read
    (…之日超个月内向人民法院提起行政诉讼), or whose 个 was misread (六全月内): a period is written, its
    length unknown."""
    if params.aspect not in ("review_period", "litigation_period") or not _ocr_read(doc):
        return False
    route = _LITIGATION_WORDS if params.aspect == "litigation_period" else _REVIEW_WORDS
    for pattern in (_UNIT_WITHOUT_NUMBER, _UNIT_MISREAD):
        for m in pattern.finditer(clause.text):
            if route.search(clause.text, m.end(), m.end() + 40):
                return True
    return False


def _period_unsure(doc: Document, clause: RemedyClause, params: RemedyParams) -> float | None:
    """On an OCR-read notice, the least confidence the recogniser read the judged period's numerals with
    (六十日 read 六一日: 一 at 0.56), when below LOW_CHAR_SCORE: a wrong period resting on them may be a
    misread. None otherwise."""
    if params.aspect == "review_period":
        raw = clause.review_period_raw
    elif params.aspect == "litigation_period":
        raw = clause.litigation_period_raw
    else:
        return None
    numerals = numeral_scores(doc, raw or "")  # (none on a text layer)
    return min(numerals) if numerals and min(numerals) < LOW_CHAR_SCORE else None


def _decided(ctx: RuleContext, doc: Document) -> dt.date | None:
    for fact in doc.facts.dates:
        if fact.kind in (DateKind.DECIDED, DateKind.ISSUED) and fact.value is not None:
            return fact.value
    return ctx.view.law_date("decided")


def _agency(ctx: RuleContext, doc: Document) -> str:
    return compact(doc.facts.agency or ctx.case.facts.agency or "")


def _vertical(ctx: RuleContext, doc: Document) -> bool | None:
    kind = doc.facts.agency_kind or ctx.case.facts.agency_kind
    if kind is not None and kind != AgencyKind.OTHER:
        return kind.vertical
    agency = _agency(ctx, doc)
    if not agency:
        return None
    return bool(_VERTICAL_NAMES.search(agency))


def _tax_handling(doc: Document, text: str) -> bool:
    return "税务处理决定书" in compact(doc.title or "") or "税务处理决定书" in text[:200]


def _presence(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    if clause is None or not (clause.review_offered or clause.litigation_offered):
        return "未告知申请行政复议、提起行政诉讼的途径和期限"
    decided = _decided(ctx, doc)
    review_first = (
        doc.type == DocumentType.SUMMARY_DECISION and decided is not None and decided >= NEW_REVIEW_LAW
    )
    if not clause.review_offered and not review_first:
        return "未告知申请行政复议的途径和期限"
    tax = _tax_handling(doc, ctx.view.text(doc))
    if not clause.litigation_offered and not (clause.review_first or clause.tax_first or review_first or tax):
        return "未告知提起行政诉讼的途径和期限"
    return None


def _body(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    decided = _decided(ctx, doc)
    if clause is None or not clause.review_bodies or decided is None:
        return None
    vertical = _vertical(ctx, doc)
    government = [b for b in clause.review_bodies if "人民政府" in b]
    others = [b for b in clause.review_bodies if "人民政府" not in b]
    if vertical is None:
        return None
    if vertical:
        local_tax = re.search(r"地方税务|地税", _agency(ctx, doc))
        if government and (decided >= NEW_REVIEW_LAW or (not others and not local_tax)):
            return f"实行垂直领导的机关作出的决定应向上一级主管部门申请行政复议，不应向{government[0]}申请"
        return None
    if decided >= NEW_REVIEW_LAW and others and not _central_self(ctx, doc, others):
        return f"自2024年1月1日起应向本级人民政府申请行政复议，不应向{others[0]}申请"
    return None


def _central_self(ctx: RuleContext, doc: Document, bodies: list[str]) -> bool:
    agency = _agency(ctx, doc)
    return bool(agency) and not _LOCAL_MARKS.search(agency) and all(compact(b) == agency for b in bodies)


def _review_period(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    if clause is None or not clause.review_offered:
        return None
    if clause.review_period_days is None and clause.review_period_raw is None:
        return "未写明申请行政复议的期限"
    if clause.review_period_days is not None and clause.review_period_days != 60:
        return f"申请行政复议的期限应为六十日，写为“{clause.review_period_raw or clause.review_period_days}”"
    return None


def _litigation_period(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    if clause is None or not clause.litigation_offered or clause.review_first:
        return None
    months = clause.litigation_period_months
    decided = _decided(ctx, doc)
    right = "六个月" if decided is None or decided >= NEW_LITIGATION_LAW else "三个月"
    if months is None:
        if clause.litigation_period_raw is None and clause.litigation_period_days is None:
            return "未写明提起行政诉讼的期限"
        if clause.litigation_period_raw and _direct_suit_in_days(clause.text, clause.litigation_period_raw):
            return f"提起行政诉讼的期限应为{right}，写为“{clause.litigation_period_raw}”"
        return None
    allowed = {3, 6} if decided is None else ({6} if decided >= NEW_LITIGATION_LAW else {3})
    if months not in allowed:
        return f"提起行政诉讼的期限应为{right}，写为“{clause.litigation_period_raw or f'{months}个月'}”"
    return None


def _direct_suit_in_days(text: str, raw: str) -> bool:
    """Whether a period in days for going to court (六十日内, 十五日内) is the direct suit's: it is not
    when a 复议 decision is named just before it (…收到复议决定书之日起十五日内向人民法院起诉: the 15 days
    after 复议, 行政诉讼法 art. 45)."""
    return not any(_AFTER_REVIEW.search(text, 0, m.start()) for m in re.finditer(re.escape(raw), text))


def _review_first(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    if clause is None or clause.review_first or not clause.litigation_offered:
        return None
    if clause.litigation_period_months is None and clause.litigation_period_days is not None:
        return None  # only the 15 days after a 复议 decision: consistent with 复议前置
    return "当场作出的行政处罚决定应告知先申请行政复议（复议前置），不得直接告知提起行政诉讼"


def _tax_first(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    text = ctx.view.text(doc)
    if clause is None or clause.tax_first or not _tax_handling(doc, text):
        return None
    if not _TAX_DUE.search(text):
        return None
    return "纳税争议应告知先缴纳税款及滞纳金或者提供相应担保后再申请行政复议（纳税前置）"


def _named(ctx: RuleContext, doc: Document, clause: RemedyClause | None) -> str | None:
    if clause is None:
        return None
    if clause.review_offered and not clause.review_bodies:
        return "未写明复议机关名称"
    if clause.litigation_offered and ctx.view.thresholds.require_named_court:
        court = compact(clause.litigation_court or "")
        if not court or court in ("人民法院", "有管辖权的人民法院") or "有管辖权" in court:
            return "未写明受理诉讼的人民法院名称"
    return None


_ASPECTS: dict[str, Callable[[RuleContext, Document, RemedyClause | None], str | None]] = {
    "presence": _presence,
    "body": _body,
    "review_period": _review_period,
    "litigation_period": _litigation_period,
    "review_first": _review_first,
    "tax_first": _tax_first,
    "named": _named,
}
