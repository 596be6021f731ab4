"""A document served before its own date: each 送达回证 paired with the document it serves by the 文号 it
writes, the receipt's date compared with that document's 落款.

A receipt is paired only through a number it writes beside a document's name (the same 文号, bracket styles,
第 and zero padding aside), never by type alone: a case may hold two documents of one type (a 听证告知书 and a
听证通知书), and the receipt of the first is rightly earlier than the second's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.model import DateFact, Document
from casefile_eval.rules.checks.common import Params, fact_page, iso, number_key
from casefile_eval.rules.checks.receipts import served_names
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check

_SERVED = (DateKind.SERVED, DateKind.SIGNED)


class ServedOrderParams(Params):
    """`documents`: the types of the served documents judged; `kinds`: the kinds of their own date (落款)."""

    documents: list[DocumentType] = Field(min_length=1)
    kinds: list[DateKind] = Field(min_length=1)


@register_check("served_order", ServedOrderParams, fields=("name", "issued", "served"), scope="case")
def served_order(ctx: RuleContext, params: ServedOrderParams) -> Iterator[Hit]:
    """No document of the given types was served, by the receipt naming its 文号, before its own date."""
    by_number = {
        number_key(doc.facts.case_number): doc
        for doc in ctx.case.of_type(*params.documents)
        if doc.facts.case_number
    }
    for receipt in ctx.case.of_type(DocumentType.SERVICE_RECEIPT):
        received = _dated(receipt.facts.dates, _SERVED)
        if not received:
            continue
        served_on, served = received[0]
        for name in served_names(receipt):
            doc = _named(by_number, number_key(name.number))
            own = _dated(doc.facts.dates, tuple(params.kinds)) if doc is not None else []
            if doc is None or not own or served_on >= own[-1][0]:
                continue
            page = served.evidence.page if served.evidence else None
            yield Hit(
                document=receipt,
                page=fact_page(receipt, page),
                evidence=served.raw,
                data={"name": doc.title or name.name, "issued": iso(own[-1][0]), "served": iso(served_on)},
            )
            break


def _named(by_number: dict[str, Document], key: str) -> Document | None:
    """The document whose 文号 the receipt wrote (the name's last character may run into the number as
    read: 通知书泸自然资听〔2021〕21号)."""
    return by_number.get(key) or next((doc for own, doc in by_number.items() if key.endswith(own)), None)


def _dated(dates: list[DateFact], kinds: tuple[DateKind, ...]) -> list[tuple[dt.date, DateFact]]:
    """(day, fact) of the dates of the kinds that were read, in order (a receipt's 送达时间 first, a 落款
    last)."""
    return [(d.value, d) for d in dates if d.kind in kinds and d.value is not None]
