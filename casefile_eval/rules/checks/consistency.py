"""Checks that a party, a case number and the fine are the same across documents."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import Params, fact_page, serves
from casefile_eval.rules.context import DECISION_TYPES, Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

_BRACKETS = str.maketrans(
    {"〔": "[", "〕": "]", "［": "[", "］": "]", "（": "(", "）": ")", "【": "[", "】": "]"}
)
_PAREN = re.compile(r"\([^)]*\)")


class ConsistencyParams(Params):
    """`party`, `filing_number` (立案号) or `fine`: compared over the rule's documents; the value most
    documents agree on (the decision's on a tie) is the reference, each document that differs is one finding.
    `decision_number`: the 文号 a 送达回证 gives for the decision it serves must be the decision's."""

    fact: Literal["party", "filing_number", "fine", "decision_number"]
    tolerance: float = Field(default=0.01, ge=0)


@register_check("consistency", ConsistencyParams, fields=("value", "reference"), scope="case")
def consistency(ctx: RuleContext, params: ConsistencyParams) -> Iterator[Hit]:
    """A fact named in several documents is written the same way in each."""
    if params.fact == "decision_number":
        yield from _decision_number(ctx)
        return
    values = [(d, v) for d in ctx.documents() if (v := _value(d, params.fact)) is not None]
    if len(values) < 2:
        return
    reference = _reference(values, params)
    for doc, value in values:
        if not _same(value, reference, params):
            yield Hit(
                document=doc,
                evidence=_shown(value),
                data={"value": _shown(value), "reference": _shown(reference)},
            )


def _value(doc: Document, fact: str) -> str | float | None:
    if fact == "party":
        return doc.facts.party.strip() if doc.facts.party and doc.facts.party.strip() else None
    if fact == "filing_number":
        return doc.facts.filing_number
    return doc.facts.fine_amount


def _reference(values: list[tuple[Document, str | float]], params: ConsistencyParams) -> str | float:
    groups: list[list[tuple[Document, str | float]]] = []
    for item in values:
        group = next((g for g in groups if _same(g[0][1], item[1], params)), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    best = max(len(g) for g in groups)
    top = [g for g in groups if len(g) == best]
    chosen = next((g for g in top if any(d.type in DECISION_TYPES for d, _ in g)), top[0])
    return chosen[0][1]


def _same(a: str | float, b: str | float, params: ConsistencyParams) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(float(a) - float(b)) <= params.tolerance
    if params.fact == "party":
        x, y = _party_key(str(a)), _party_key(str(b))
        # One name inside the other is an abbreviation or words read past the name (张三现场), not a
        # different party.
        return x == y or (min(len(x), len(y)) >= 2 and (x in y or y in x))
    return _number_key(str(a)) == _number_key(str(b))


def _party_key(name: str) -> str:
    # An abbreviation or a bracketed addition (（个体工商户）, （经营者：张三）) is not a different party.
    return _PAREN.sub("", compact(name).translate(_BRACKETS))


def _number_key(number: str) -> str:
    key = compact(number).translate(_BRACKETS).replace("第", "")
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def _shown(value: str | float) -> str:
    if isinstance(value, float | int):
        return f"{value:g}元"
    return value


def _decision_number(ctx: RuleContext) -> Iterator[Hit]:
    decisions = [d for d in ctx.case.of_type(*DECISION_TYPES) if d.facts.case_number]
    if len(decisions) != 1:
        return
    reference = decisions[0].facts.case_number or ""
    for receipt in ctx.case.of_type(DocumentType.SERVICE_RECEIPT):
        number = receipt.facts.case_number
        if number and serves(receipt, list(DECISION_TYPES)) and _number_key(number) != _number_key(reference):
            page = fact_page(receipt, None)
            yield Hit(
                document=receipt, page=page, evidence=number, data={"value": number, "reference": reference}
            )
