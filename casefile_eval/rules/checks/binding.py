"""Checks of the order the case's documents are bound in (立卷顺序)."""

from __future__ import annotations

from collections.abc import Iterator

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.registry import register_check

# the steps that come before the decision: the records it rests on and the review, notice and hearing
_BEFORE_DECISION = frozenset(
    {
        T.FILING_APPROVAL,
        T.INQUIRY_RECORD,
        T.INSPECTION_RECORD,
        T.INVESTIGATION_REPORT,
        T.LEGAL_REVIEW,
        T.COLLECTIVE_DISCUSSION,
        T.PRIOR_NOTICE,
        T.HEARING_NOTICE,
        T.STATEMENT_RECORD,
        T.HEARING_RECORD,
        T.DECISION_APPROVAL,
    }
)
_RECORDS = frozenset({T.INQUIRY_RECORD, T.INSPECTION_RECORD})


class BindingOrderParams(Params):
    """In a file bound in the order the case ran (every 询问/检查笔录 before the 决定书), no document of
    a step before the decision is bound after it (a 听证笔录 or a 事先告知书 after the 决定书). A file
    bound the way the SAMR rules arrange the 正卷 (the 决定书 right after the 立案审批表, the evidence and the
    other documents after it) is not judged: there the records stand after the decision."""


@register_check("binding_order", BindingOrderParams, fields=("name", "decision"), scope="case")
def binding_order(ctx: RuleContext, params: BindingOrderParams) -> Iterator[Hit]:
    """One finding naming the documents of the steps before the decision that are bound after it."""
    docs = ctx.case.documents
    decision = next((k for k, d in enumerate(docs) if d.type is T.DECISION), None)
    if decision is None:
        return
    records = [k for k, d in enumerate(docs) if d.type in _RECORDS]
    if not records or max(records) > decision:
        return  # no record, or the records after the decision: bound the SAMR way
    late = [d for d in docs[decision + 1 :] if d.type in _BEFORE_DECISION]
    if late:
        yield Hit(
            document=late[0],
            evidence=late[0].title,
            data={"name": _listed(late), "decision": _name(docs[decision])},
        )


# the steps after the decision, which the closing report closes
_AFTER_DECISION = frozenset({T.SERVICE_RECEIPT, T.PAYMENT_RECEIPT})


class ClosingOrderParams(Params):
    """The 结案报告 (结案审批表) closes the file: no 送达回证 or 罚没款票据 is bound after it. It stands
    last in a file bound in the order the case ran, and last in the 副卷 of one bound the SAMR way, after
    the 正卷's receipts."""


@register_check("closing_order", ClosingOrderParams, fields=("name", "closing"), scope="case")
def closing_order(ctx: RuleContext, params: ClosingOrderParams) -> Iterator[Hit]:
    """One finding naming the receipts bound after the first closing report."""
    docs = ctx.case.documents
    closing = next((k for k, d in enumerate(docs) if d.type is T.CLOSING_REPORT), None)
    if closing is None:
        return
    late = [d for d in docs[closing + 1 :] if d.type in _AFTER_DECISION]
    if late:
        yield Hit(
            document=docs[closing],
            evidence=docs[closing].title,
            data={"name": _listed(late), "closing": _name(docs[closing])},
        )


def _listed(docs: list[Document]) -> str:
    """The documents' names in 书名号, joined: 《听证笔录》、《送达回证》."""
    return "、".join(f"《{_name(d)}》" for d in docs)


def _name(doc: Document) -> str:
    return doc.title or document_name(doc.type)
