"""Checks of the order the case's documents are bound in (立卷顺序)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import Params, iso
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
    if _records_after(docs, decision) is not False:
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


class ApprovalOrderParams(Params):
    """A 行政处罚决定审批表 approves the decision once the party was heard: in a file bound in the order the
    case ran, it stands after the 事先告知书. One bound before the notice though its every date is after
    it (proposed on the 23rd, the notice of the 14th bound after it) breaks the order; one with a date
    before the notice (the penalty proposed for approval, then notified, then decided on the same form)
    does not."""


@register_check(
    "approval_order", ApprovalOrderParams, fields=("approval", "approved", "notice", "notified"), scope="case"
)
def approval_order(ctx: RuleContext, params: ApprovalOrderParams) -> Iterator[Hit]:
    """One finding for the first decision approval bound before a prior notice and dated after it."""
    docs = ctx.case.documents
    decision = next((k for k, d in enumerate(docs) if d.type is T.DECISION), None)
    if decision is not None and _records_after(docs, decision):
        return  # bound the SAMR way: the records after the decision
    for k, approval in enumerate(docs):
        if approval.type is not T.DECISION_APPROVAL:
            continue
        approved = _first_date(approval)  # (its first step: a form approving the notice first is earlier)
        for notice in docs[k + 1 :]:
            notified = _last_date(notice) if notice.type is T.PRIOR_NOTICE else None
            if approved is not None and notified is not None and approved > notified:
                yield Hit(
                    document=approval,
                    evidence=approval.title,
                    data={
                        "approval": _name(approval),
                        "approved": iso(approved),
                        "notice": _name(notice),
                        "notified": iso(notified),
                    },
                )
                return


class RecordOrderParams(Params):
    """The 询问/检查笔录 of the investigation come before the 事先告知书 that sums it up: in a file bound in
    the order the case ran, a record bound after the notice is a later inquiry (the party heard again, a
    point checked after the statements) only when it is dated on or after the notice. One dated before it
    breaks the order; one with no date read cannot be placed and asks for review."""


@register_check(
    "record_order", RecordOrderParams, fields=("record", "recorded", "notice", "notified"), scope="case"
)
def record_order(ctx: RuleContext, params: RecordOrderParams) -> Iterator[Hit]:
    """One finding for the first record bound after a prior notice and dated before it (or undated)."""
    docs = ctx.case.documents
    decision = next((k for k, d in enumerate(docs) if d.type is T.DECISION), None)
    if decision is None or _records_after(docs, decision) is not False:
        return  # no decision to place the records by, no record, or bound the SAMR way
    notice_at = next((k for k, d in enumerate(docs) if d.type is T.PRIOR_NOTICE), None)
    if notice_at is None or notice_at > decision:
        return
    notice = docs[notice_at]
    notified = _last_date(notice)
    if notified is None:
        return
    for record in docs[notice_at + 1 : decision]:
        if record.type not in _RECORDS:
            continue
        recorded = _recorded(record)
        if recorded is not None and recorded >= notified:
            continue
        data = {
            "record": _name(record),
            "recorded": "未写明日期" if recorded is None else iso(recorded),
            "notice": _name(notice),
            "notified": iso(notified),
        }
        undecided = "笔录未写明日期，无法确定是告知前的调查还是告知后的补充询问" if recorded is None else None
        yield Hit(document=record, evidence=record.title, data=data, undecided=undecided)
        return


def _recorded(record: Document) -> dt.date | None:
    """The day a record was made: its 询问/检查时间, else its earliest date read whole."""
    started = [d.value for d in record.facts.dates if d.kind is DateKind.RECORD_START and d.value is not None]
    return min(started) if started else _first_date(record)


def _records_after(docs: list[Document], decision: int) -> bool | None:
    """Whether the file's 询问/检查笔录 are bound after the decision at `decision` (the SAMR way; their last
    one after it), None when it holds none."""
    records = [k for k, d in enumerate(docs) if d.type in _RECORDS]
    return max(records) > decision if records else None


def _first_date(doc: Document) -> dt.date | None:
    """The earliest date read whole on a document."""
    return min((d.value for d in doc.facts.dates if d.value is not None), default=None)


def _last_date(doc: Document) -> dt.date | None:
    """The latest date read whole on a document."""
    return max((d.value for d in doc.facts.dates if d.value is not None), default=None)


def _listed(docs: list[Document]) -> str:
    """The documents' names in 书名号, joined: 《听证笔录》、《送达回证》."""
    return "、".join(f"《{_name(d)}》" for d in docs)


def _name(doc: Document) -> str:
    return doc.title or document_name(doc.type)
