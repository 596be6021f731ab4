"""The engine: applicability, partial cases, faulty rules, order, the 30-document whole case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from casefile_eval.codes import DocumentType, Procedure
from casefile_eval.model import (
    Block,
    BlockKind,
    Case,
    CaseDates,
    CaseFacts,
    Document,
    DocumentFacts,
    SignatureSlot,
)
from casefile_eval.rules import RuleSet, load_rules, run_rules
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import CheckSpec

RULESET = load_rules()


def _doc(doc_type: DocumentType, source: str, **facts: object) -> Document:
    blocks = [Block(kind=BlockKind.PARAGRAPH, text="某某市市场监督管理局", source=source, page=1)]
    return Document(
        type=doc_type,
        title=None,
        source=source,
        pages=(1, 1),
        confidence=0.9,
        blocks=blocks,
        facts=DocumentFacts.model_validate(facts),
    )


def test_partial_case_runs_only_decision_level_rules() -> None:
    decision = _doc(DocumentType.DECISION, "d.docx")
    case = Case(
        source="x",
        partial=True,
        documents=[decision],
        facts=CaseFacts(dates=CaseDates(decided=dt.date(2024, 5, 1))),
    )
    findings = run_rules(case, RULESET)
    assert [f.rule_id for f in findings] == ["SEA-001"]
    assert findings[0].message == "行政处罚决定书第1页未加盖行政机关印章"
    assert findings[0].basis == "《中华人民共和国行政处罚法》（2021年修订）第五十九条"


def test_basis_follows_the_law_in_force() -> None:
    decision = _doc(DocumentType.DECISION, "d.docx")
    case = Case(
        source="x",
        partial=True,
        documents=[decision],
        facts=CaseFacts(dates=CaseDates(decided=dt.date(2019, 5, 1))),
    )
    assert [f.basis for f in run_rules(case, RULESET)] == [
        "《中华人民共和国行政处罚法》（2017年修正）第三十九条"
    ]


class _NoParams(Params):
    pass


def _boom(ctx: RuleContext, params: _NoParams) -> Iterator[Hit]:
    raise KeyError("facts")


def test_a_raising_check_becomes_a_finding_and_others_run() -> None:
    seal_rule = RULESET.get("SEA-001")
    assert seal_rule is not None
    broken = replace(seal_rule, check=CheckSpec("boom", _NoParams, _boom, frozenset(), "document", ""))
    ruleset = RuleSet(
        [broken, *[r for r in RULESET.rules if r.id == "DOC-001"]], RULESET.thresholds, RULESET.laws
    )
    case = Case(source="x", documents=[_doc(DocumentType.DECISION, "d.docx")])
    findings = run_rules(case, ruleset)
    assert [(f.rule_id, f.message, f.needs_review) for f in findings] == [
        ("DOC-001", "案卷缺少立案审批表", False),
        ("SEA-001", "规则执行出错：KeyError: 'facts'", True),
    ]


def test_order_is_by_document_then_page_then_rule() -> None:
    slots = [SignatureSlot(label="被询问人签名", role="party", filled=False)]
    inquiry = _doc(DocumentType.INQUIRY_RECORD, "02询问笔录.docx", signatures=slots)
    filing = _doc(
        DocumentType.FILING_APPROVAL,
        "01立案审批表.docx",
        signatures=[SignatureSlot(label="负责人签名", role="approver", filled=False)],
    )
    case = Case(source="x", documents=[filing, inquiry])
    findings = run_rules(case, RULESET.only("SIG-001", "SIG-002", "DOC-004"))
    assert [f.rule_id for f in findings] == ["SIG-001", "SIG-002", "DOC-004"]


def test_summary_case_skips_general_rules() -> None:
    summary = _doc(DocumentType.SUMMARY_DECISION, "s.docx", fine_amount=100.0)
    case = Case(source="x", procedure=Procedure.SUMMARY, documents=[summary], facts=CaseFacts(party="张三"))
    assert [f.rule_id for f in run_rules(case, RULESET)] == []
