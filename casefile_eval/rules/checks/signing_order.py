"""An approval dated before the proposal it approves, on one form: the dates written beside the 承办人's
signature (the proposal) and beside a 负责人's (an approval) compared on the form itself.

A date read only in part (a digit under a seal) is compared over the days it can be: the form is out of
order only when every one of them is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import Role
from casefile_eval.model import DateFact
from casefile_eval.rules.checks.common import Params, fact_page, iso
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check


class SigningOrderParams(Params):
    """`proposed`: the roles whose signing dates come first (承办人); `approved`: the roles whose signing
    dates may not be earlier than any of them (负责人)."""

    proposed: list[Role] = Field(min_length=1)
    approved: list[Role] = Field(min_length=1)


@register_check("signing_order", SigningOrderParams, fields=("proposed", "approved"))
def signing_order(ctx: RuleContext, params: SigningOrderParams) -> Iterator[Hit]:
    """No approval on the form is dated before the latest proposal on it."""
    for doc in ctx.documents():
        first = [(day, d) for d in doc.facts.dates if d.role in params.proposed and (day := _first(d))]
        then = [(day, d) for d in doc.facts.dates if d.role in params.approved and (day := _last(d))]
        if not first or not then:
            continue
        proposed, _ = max(first, key=lambda item: item[0])
        approved, fact = min(then, key=lambda item: item[0])
        if approved >= proposed:
            continue
        yield Hit(
            document=doc,
            page=fact_page(doc, fact.evidence.page if fact.evidence else None),
            evidence=fact.raw,
            data={"proposed": _shown(first, proposed), "approved": _shown(then, approved)},
        )


def _first(fact: DateFact) -> dt.date | None:
    """The earliest day a date can be."""
    return fact.value or fact.earliest


def _last(fact: DateFact) -> dt.date | None:
    """The latest day a date can be."""
    return fact.value or fact.latest


def _shown(dates: list[tuple[dt.date, DateFact]], day: dt.date) -> str:
    """The date as the message shows it: the day where read whole, else as written (2017年□月8日)."""
    fact = next(d for found, d in dates if found == day)
    return iso(day) if fact.value is not None else fact.raw
