"""Checks of the fine: the 当场处罚 limit of the law in force, and no heavier fine than the one notified."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check


class SummaryLimitParams(Params):
    """No parameters: the limits are in the configuration (`summary_limits`)."""


@register_check("summary_limit", SummaryLimitParams, fields=("fine", "limit"))
def summary_limit(ctx: RuleContext, params: SummaryLimitParams) -> Iterator[Hit]:
    """A 当场 (summary) fine stays within the limit for a person or an organisation on its date."""
    limit = ctx.view.thresholds.summary_limit(ctx.reference_date)
    org = ctx.view.thresholds.is_organization(ctx.view.party())
    cap = limit.individual if org is False else limit.organization
    for doc in ctx.documents():
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
