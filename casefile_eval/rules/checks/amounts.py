"""Checks of the fine: the 当场处罚 limit of the law in force, no heavier fine than the one notified, and
the 缴款书 paying what was decided."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check


class SummaryLimitParams(Params):
    """No parameters: the limits are in the configuration (`summary_limits`, and `summary_limits_by_law` for
    a law with limits of its own that the decision cites)."""


@register_check("summary_limit", SummaryLimitParams, fields=("fine", "limit"))
def summary_limit(ctx: RuleContext, params: SummaryLimitParams) -> Iterator[Hit]:
    """A 当场 (summary) fine stays within the limit for a person or an organisation on its date."""
    org = ctx.view.thresholds.is_organization(ctx.view.party())
    for doc in ctx.documents():
        laws = frozenset(c.law_key for c in doc.facts.citations)
        limit = ctx.view.thresholds.summary_limit(ctx.reference_date, laws)
        cap = limit.individual if org is False else limit.organization
        fine = doc.facts.fine_amount
        if fine is not None and fine > cap:
            yield Hit(
                document=doc, evidence=f"{fine:g}元", data={"fine": f"{fine:g}元", "limit": f"{cap:g}元"}
            )


class FineNotAboveParams(Params):
    """The decision's fine must not exceed the fine proposed in the 事先告知书 (no heavier penalty
    without a new notice, 行政处罚法 2021 arts. 44, 45)."""

    notice_types: list[DocumentType] = Field(default_factory=lambda: [DocumentType.PRIOR_NOTICE])


@register_check("fine_not_above_notice", FineNotAboveParams, fields=("fine", "notified_fine"), scope="case")
def fine_not_above_notice(ctx: RuleContext, params: FineNotAboveParams) -> Iterator[Hit]:
    """The fine decided is not higher than the fine notified."""
    notified = [d.facts.fine_amount for d in ctx.case.of_type(*params.notice_types) if d.facts.fine_amount]
    if not notified:
        return
    proposed = max(f for f in notified if f is not None)
    for doc in ctx.documents():
        fine = doc.facts.fine_amount
        if fine is not None and fine > proposed + 0.01:
            data = {"fine": f"{fine:g}元", "notified_fine": f"{proposed:g}元"}
            yield Hit(document=doc, evidence=f"{fine:g}元", data=data)


class PaymentParams(Params):
    """The sums paid by the case's 缴款书 come to the fine decided, or to the fine and the 违法所得
    confiscated (one 缴款书 or several: 罚款 and 没收 apart, 分期 instalments). A 加处罚款 or 滞纳金 named in
    the case's papers besides the decision and the notice (which warn of it) lets the sum exceed the fine;
    an instalment or a deferment (分期, 延期) lets it fall short."""

    more_words: list[str] = Field(default_factory=lambda: ["加处罚款", "滞纳金"])
    less_words: list[str] = Field(default_factory=lambda: ["分期", "延期缴纳", "暂缓缴纳"])


_MAX_RECEIPTS = 4  # more 缴款书 than this are not combined (their sums are not compared)
_LATE_KINDS = ("late_fee", "tax")  # sums a 缴款书 may carry besides the penalty
_WARNING_TYPES = (DocumentType.DECISION, DocumentType.SUMMARY_DECISION, DocumentType.PRIOR_NOTICE)


@register_check("payment_amount", PaymentParams, fields=("paid", "fine"), scope="case")
def payment_amount(ctx: RuleContext, params: PaymentParams) -> Iterator[Hit]:
    """The 缴款书 pay what the decision imposed: some choice of one sum from each (a single sum, or all of
    its sums together) adds up to the fine, or to the fine and the 违法所得; or each pays the fine, the
    违法所得 or both. Silent when a 缴款书 shows no sum, or the fine is not known."""
    fine = ctx.view.fine()
    receipts = ctx.documents()
    if fine is None or not receipts or len(receipts) > _MAX_RECEIPTS:
        return
    sums = [_paid(doc) for doc in receipts]
    if not all(sums):
        return
    gains = {g for d in ctx.case.documents if (g := d.facts.illegal_gains)}
    owed = {fine} | {fine + g for g in gains}
    if _pays(sums, owed, gains):
        return
    # (every decision warns that a late payment draws 加处罚款: the case's other papers say it happened)
    text = "".join(d.text for d in ctx.case.documents if d.type not in _WARNING_TYPES)
    total = max(sum(s) for s in sums)
    if total > fine and any(w in text for w in params.more_words):
        return
    if total < fine and any(w in text for w in params.less_words):
        return
    doc = receipts[0]
    shown = "、".join(f"{max(s):g}元" for s in sums)
    evidence = next((a.raw for a in doc.facts.amounts if a.value == max(sums[0])), shown)
    yield Hit(document=doc, evidence=evidence, data={"paid": shown, "fine": f"{fine:g}元"})


def _paid(doc: Document) -> list[float]:
    """The different sums a 缴款书 shows (a sum written in figures and in words counted once), without a
    late fee or tax beside them."""
    return sorted({a.value for a in doc.facts.amounts if a.kind not in _LATE_KINDS and a.value > 0})


def _pays(sums: list[list[float]], owed: set[float], gains: set[float]) -> bool:
    """Whether one sum of each 缴款书 (or all of its sums together) adds up to a sum owed, or each pays a
    part owed by itself."""
    choices = [s + ([round(sum(s), 2)] if len(s) > 1 else []) for s in sums]
    parts = owed | gains
    if all(any(_same(c, p) for c in choice for p in parts) for choice in choices):
        return True
    return any(any(_same(sum(pick), o) for o in owed) for pick in product(*choices))


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 0.01
