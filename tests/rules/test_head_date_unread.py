"""DAT-005's "the head signed after every date" (`marks._head_signed_after_dates`): on a scan the head's
own date may be written and read too poorly to be a date (2019年：月6日, holdout29 h29-10); it is not a
blank date then. A blank 年 月 日 (or a year printed before a blank month and day) still is."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.model import Block, BlockKind, DateFact, Document, DocumentFacts, Evidence, SignatureSlot
from casefile_eval.rules.checks.marks import _head_signed_after_dates


def _approval(last_line: str) -> tuple[Document, list[DateFact]]:
    lines = [
        "承办机构意见",
        "负责人： 乔志强",
        "2019年8月5日",
        "负责人审批意见 同意",
        "负责人： 王宏亮",
        last_line,
    ]
    dated = DateFact(
        kind=DateKind.APPROVED,
        value=dt.date(2019, 8, 5),
        raw="2019年8月5日",
        role=Role.APPROVER,
        evidence=Evidence(text="2019年8月5日", page=8, block=2),
    )
    slots = [
        SignatureSlot(
            label=label, role=Role.APPROVER, filled=True, evidence=Evidence(text=label, page=8, block=b)
        )
        for label, b in (("负责人", 1), ("负责人审批意见", 3))
    ]
    doc = Document(
        type=DocumentType.DECISION_APPROVAL,
        title="行政处罚决定审批表",
        source="s.pdf",
        pages=(8, 8),
        confidence=1.0,
        blocks=[Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=8) for t in lines],
        facts=DocumentFacts(signatures=slots, dates=[dated]),
    )
    return doc, [dated]


def test_the_heads_date_read_too_poorly_is_written() -> None:
    assert _head_signed_after_dates(*_approval("2019年：月6日")) is None


def test_a_blank_date_after_the_head_is_missing() -> None:
    for blank in ("年　月　日", "2019年　月　日"):
        found = _head_signed_after_dates(*_approval(blank))
        assert found is not None
        assert found.block == 3
