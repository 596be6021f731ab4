"""Checks stay silent where the case does not positively show a defect (reading gaps, other templates)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from casefile_eval.codes import Defect, DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document, ImageItem, ImageKind
from casefile_eval.results import Finding
from casefile_eval.rules import load_rules, run_rules

RULESET = load_rules()
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "measure_findings.py"


def _measure_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("measure_findings", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_findings"] = module
    spec.loader.exec_module(module)
    return module


def _measure_enforcement(images: list[ImageItem]) -> list[Finding]:
    text = "扣押决定书\n本机关决定对下列财物实施扣押。\n某某县市场监督管理局\n2023年6月2日"
    doc = Document(
        type=DocumentType.ENFORCEMENT_MEASURE,
        title="查封（扣押）决定书",
        source="case.pdf",
        pages=(4, 4),
        confidence=0.9,
        blocks=[Block(kind=BlockKind.LINE, text=t, source="case.pdf", page=4) for t in text.split("\n")],
        images=images,
    )
    return run_rules(Case(source="case.pdf", documents=[doc]), RULESET.only("SEA-004"))


def test_seal_image_on_the_document_counts_as_sealed_even_if_not_tied_to_the_closing() -> None:
    seal = ImageItem(kind=ImageKind.SEAL, source="case.pdf", page=4, confidence=0.9)
    assert _measure_enforcement([seal]) == []


def test_no_seal_image_and_no_seal_fact_is_reported() -> None:
    signature = ImageItem(kind=ImageKind.SIGNATURE, source="case.pdf", page=4)
    findings = _measure_enforcement([signature])
    assert [(f.rule_id, f.message, f.page) for f in findings] == [
        ("SEA-004", "行政强制措施文书第4页未加盖行政机关印章", 4)
    ]


def test_measure_counts_labels_findings_and_clean_cases() -> None:
    module = _measure_module()

    def finding(defect: Defect, doc_type: DocumentType | None, rule_id: str = "X-001") -> Finding:
        return Finding(rule_id=rule_id, defect=defect, severity="major", document_type=doc_type, message="m")

    tally = module.RenditionTally()
    labels = [
        {"defect": "missing_seal", "role": None, "document_type": "decision"},
        {"defect": "missing_signature", "role": "party", "document_type": "inquiry_record"},
    ]
    found = [
        finding(Defect.MISSING_SEAL, DocumentType.DECISION),
        finding(Defect.MISSING_SEAL, DocumentType.DECISION),
        finding(Defect.MISSING_DATE, DocumentType.PRIOR_NOTICE, "DAT-004"),
    ]
    module.tally_case(tally, "c1", labels, found)
    module.tally_case(tally, "c2", [], [])
    module.tally_case(tally, "c3", [], [finding(Defect.ARCHIVE_DEFECT, None, "ARC-003")])
    assert (tally.overall.found, tally.overall.labels) == (1, 2)
    assert (tally.overall.matched, tally.overall.distinct) == (1, 3)
    assert (tally.clean_silent, tally.clean_cases) == (1, 2)
    assert [m["defect"] for m in tally.misses] == ["missing_signature"]
    wrong = [(f["case"], f["rule_id"]) for f in tally.false_positives]
    assert wrong == [("c1", "DAT-004"), ("c3", "ARC-003")]
    assert (tally.per_defect["missing_seal"].found, tally.per_defect["missing_seal"].matched) == (1, 1)


def test_measure_matches_a_case_level_finding_to_the_label_of_its_defect_whatever_the_document() -> None:
    module = _measure_module()
    tally = module.RenditionTally()
    labels = [
        {"defect": "deadline_exceeded", "role": None, "document_type": "service_receipt"},
        {"defect": "missing_date", "role": None, "document_type": "service_receipt"},
    ]
    found = [
        Finding(rule_id="DDL-002", defect=Defect.DEADLINE_EXCEEDED, severity="major", message="m"),
        Finding(
            rule_id="DAT-004",
            defect=Defect.MISSING_DATE,
            severity="major",
            document_type=DocumentType.PRIOR_NOTICE,
            message="m",
        ),
    ]
    module.tally_case(tally, "c1", labels, found)
    assert (tally.overall.found, tally.overall.matched, tally.overall.distinct) == (1, 1, 2)
    assert [f["rule_id"] for f in tally.false_positives] == ["DAT-004"]


def _toc_case(toc_text: str, confidence: float | None) -> Case:
    def doc(doc_type: DocumentType, pages: tuple[int, int], text: str = "") -> Document:
        blocks = [
            Block(kind=BlockKind.LINE, text=t, source="卷.pdf", page=pages[0], confidence=confidence)
            for t in text.split("\n")
            if t
        ]
        return Document(
            type=doc_type, title=None, source="卷.pdf", pages=pages, confidence=0.9, blocks=blocks
        )

    return Case(
        source="卷.pdf",
        documents=[
            doc(DocumentType.TOC, (1, 1), toc_text),
            doc(DocumentType.FILING_APPROVAL, (2, 2)),
            doc(DocumentType.INSPECTION_RECORD, (3, 3)),
            doc(DocumentType.INQUIRY_RECORD, (4, 5)),
            doc(DocumentType.PRIOR_NOTICE, (6, 6)),
            doc(DocumentType.DECISION, (7, 7)),
        ],
    )


ONE_ODD_ROW = (
    "卷内目录\n1 立案审批表 1\n2 现场检查笔录 2\n3 询问笔录 8\n4 行政处罚告知书 5\n5 行政处罚决定书 6"
)


def test_one_odd_toc_row_read_by_ocr_needs_review() -> None:
    """OCR may have misread the one odd page number: the row is shown for a look, not scored as sure."""
    [finding] = run_rules(_toc_case(ONE_ODD_ROW, 0.97), RULESET.only("ARC-004"))
    assert finding.message == (
        "卷内目录页号与文书实际页码不符（卷内目录第1页）：无法判断：第3项《询问笔录》页号为8，实际位于第3页，"
        "扫描件上仅此一项不符，可能是页号识别有误"
    )
    assert finding.needs_review


def test_one_odd_toc_row_in_an_electronic_file_is_a_finding() -> None:
    [finding] = run_rules(_toc_case(ONE_ODD_ROW, None), RULESET.only("ARC-004"))
    assert finding.message == "卷内目录第3项《询问笔录》页号为8，实际位于第3页"
