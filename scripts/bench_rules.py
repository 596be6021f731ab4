"""Time all built-in rules over a 30-document case (median of repeated runs, in milliseconds)."""

from __future__ import annotations

import datetime as dt
import statistics
import time

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.model import (
    Block,
    BlockKind,
    Case,
    CaseDates,
    CaseFacts,
    Citation,
    DateFact,
    Document,
    DocumentFacts,
    Officer,
    Seal,
    SignatureSlot,
)
from casefile_eval.rules import load_rules, run_rules

TYPES = [
    DocumentType.COVER, DocumentType.TOC, DocumentType.CASE_SOURCE, DocumentType.FILING_APPROVAL,
    *[DocumentType.INSPECTION_RECORD] * 3, *[DocumentType.INQUIRY_RECORD] * 6, *[DocumentType.EVIDENCE] * 6,
    DocumentType.INVESTIGATION_REPORT, DocumentType.LEGAL_REVIEW, DocumentType.COLLECTIVE_DISCUSSION,
    DocumentType.PRIOR_NOTICE, DocumentType.SERVICE_RECEIPT, DocumentType.DECISION_APPROVAL,
    DocumentType.DECISION, DocumentType.SERVICE_RECEIPT, DocumentType.PAYMENT_RECEIPT,
    DocumentType.CLOSING_REPORT, DocumentType.REMARKS,
]  # fmt: skip
TEXT = (
    "当事人：长沙市某某餐饮有限公司，住所：长沙市芙蓉区五一大道1号。经查，当事人销售超过保质期的食品，"
    "以上事实有现场检查笔录、询问笔录等证据证实。依据《中华人民共和国食品安全法》第一百二十四条第一款的规定，"
    "决定给予罚款人民币伍万元的行政处罚。当事人应当自收到本决定书之日起十五日内缴纳罚款。"
    "如不服本处罚决定，可以在收到本决定书之日起六十日内向长沙市芙蓉区人民政府申请行政复议，"
    "也可以在六个月内依法向长沙市芙蓉区人民法院提起行政诉讼。"
)


def build_case() -> Case:
    docs = []
    day = dt.date(2024, 3, 4)
    for i, doc_type in enumerate(TYPES, start=1):
        source = f"{i:02d}.docx"
        blocks = [Block(kind=BlockKind.PARAGRAPH, text=TEXT, source=source, page=1) for _ in range(12)]
        facts = DocumentFacts(
            party="长沙市某某餐饮有限公司",
            filing_number="芙市监立〔2024〕12号",
            officers=[Officer(name="李明", cert_no="430100123"), Officer(name="王芳", cert_no="430100124")],
            dates=[DateFact(kind=DateKind.ISSUED, value=day + dt.timedelta(days=i), raw="2024年3月")],
            signatures=[SignatureSlot(label="签名", role=r, filled=True) for r in Role],
            seals=[Seal(method="image")],
            citations=[
                Citation(law="行政处罚法", law_key="中华人民共和国行政处罚法", article=72, raw="第七十二条")
            ],
            fine_amount=50000.0,
        )
        docs.append(
            Document(
                type=doc_type,
                title=None,
                source=source,
                pages=(1, 2),
                confidence=0.9,
                blocks=blocks,
                facts=facts,
            )
        )
    dates = CaseDates(
        filed=day,
        notified=dt.date(2024, 4, 2),
        decided=dt.date(2024, 4, 15),
        served=dt.date(2024, 4, 16),
        closed=dt.date(2024, 5, 6),
    )
    return Case(
        source="bench",
        documents=docs,
        facts=CaseFacts(party="长沙市某某餐饮有限公司", fine_amount=50000.0, dates=dates),
    )


def main() -> None:
    ruleset = load_rules()
    case = build_case()
    run_rules(case, ruleset)  # warm the caches (holiday calendar, regex cache)
    times = []
    for _ in range(30):
        start = time.perf_counter()
        run_rules(case, ruleset)
        times.append((time.perf_counter() - start) * 1000)
    print(
        f"{len(ruleset.rules)} rules, {len(case.documents)} documents: "
        f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms"
    )


if __name__ == "__main__":
    main()
