"""Checks of the officers named in records: at least two, each with a 执法证号 (行政处罚法 2021 art. 42)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from casefile_eval.rules.checks.common import Params, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check


class OfficersParams(Params):
    """`count`: at least `min_count` officers named; `cert`: every officer named has a 执法证号."""

    require: Literal["count", "cert"]
    min_count: int = Field(default=2, ge=1)


@register_check("officers", OfficersParams, fields=("count", "names"))
def officers(ctx: RuleContext, params: OfficersParams) -> Iterator[Hit]:
    """Enough officers, each with an enforcement certificate number (documents naming none are not judged)."""
    for doc in ctx.documents():
        people = doc.facts.officers
        if not people:
            continue  # officers not read: no judgement
        first = people[0].evidence
        page = fact_page(doc, first.page if first else None)
        evidence = first.text if first else None
        names = "、".join(o.name for o in people)
        if params.require == "count" and len({o.name for o in people}) < params.min_count:
            yield Hit(
                document=doc, page=page, evidence=evidence, data={"count": str(len(people)), "names": names}
            )
        if params.require == "cert":
            missing = [o for o in people if not (o.cert_no or "").strip()]
            if missing:
                ev = missing[0].evidence
                yield Hit(
                    document=doc,
                    page=fact_page(doc, ev.page if ev else None),
                    evidence=ev.text if ev else None,
                    data={"count": str(len(missing)), "names": "、".join(o.name for o in missing)},
                )
