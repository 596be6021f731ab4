from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.codes import Defect, DocumentType, Grade, Role, Severity
from casefile_eval.results import CaseResult, ErrorInfo, Finding
from casefile_eval.scoring import Sheet, load_sheet, score_case, score_result

SHEET = """\
id: test
title: 测试评查表
source: 测试
veto: {veto}
fallback: {fallback}
default_deduction: {{major: 2, minor: 1}}
grades:
  - {{grade: excellent, min: 90}}
  - {{grade: good, min: 80}}
  - {{grade: pass, min: 60}}
  - {{grade: fail, min: 0}}
categories:
  - id: 笔录
    title: 笔录
    items:
      - id: 询问
        title: 询问笔录
        points: 10
        deductions:
          - {{ref: "1", when: {{defect: missing_signature, role: party}}, points: 3, cap: 5}}
          - {{ref: "2", when: {{rule: R-ONCE}}, points: 4, per: case}}
          - {{ref: "3", when: {{document_type: inquiry_record}}}}
      - id: 检查
        title: 检查笔录
        points: 4
        deductions:
          - {{when: {{defect: missing_document, document_type: inspection_record}}, points: all}}
  - id: 决定
    title: 决定
    items:
      - id: 决定书
        title: 决定书
        points: 6
        per_finding: 1.5
      - id: 杂项
        title: 其他不规范
        points: 80
        per_finding: 0.5
vetoes:
  - {{id: 执法人员, title: 执法人员不足两人, when: {{defect: officer_requirement}}}}
manual:
  - {{id: 人工.事实, title: 事实清楚, points: 5, veto: true}}
"""


def make_sheet(tmp_path: Path, veto: str = "fail", fallback: str = "杂项") -> Sheet:
    path = tmp_path / "sheet.yaml"
    path.write_text(SHEET.format(veto=veto, fallback=fallback), encoding="utf-8")
    return load_sheet(path)


def finding(rule_id: str = "R-1", defect: Defect = Defect.MISSING_SIGNATURE, **kw: object) -> Finding:
    base: dict[str, object] = {"severity": Severity.MAJOR, "message": "问题"}
    base.update(kw)
    return Finding(rule_id=rule_id, defect=defect, **base)  # type: ignore[arg-type]


def deducted(score_items: list[object]) -> dict[str, float]:
    return {i.id: i.deducted for i in score_items if i.deducted}  # type: ignore[attr-defined]


def test_per_occurrence_with_rule_cap(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path)
    fs = [finding(role=Role.PARTY, document_type=DocumentType.INQUIRY_RECORD, page=p) for p in (1, 2, 3)]
    score, out = score_case(fs, sheet)
    assert [f.deduction for f in out] == [3.0, 2.0, 0.0]  # cap 5: 3 + 2, then nothing
    assert [f.sheet_item for f in out] == ["询问", "询问", "询问"]
    assert deducted(score.items) == {"询问": 5.0}
    assert score.max == 100.0
    assert score.total == 95.0
    assert score.grade is Grade.EXCELLENT
    assert score.grade_label == "优秀"


def test_item_floor_at_zero_and_per_case(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path)
    fs = [
        finding(role=Role.PARTY, document_type=DocumentType.INQUIRY_RECORD),  # rule 1: 3
        finding("R-ONCE", Defect.MISSING_DATE),  # rule 2: 4
        finding("R-ONCE", Defect.MISSING_DATE),  # rule 2 again: once per case → 0
        finding("R-9", Defect.MISSING_ELEMENT, document_type=DocumentType.INQUIRY_RECORD),  # rule 3: major 2
        finding(
            "R-9", Defect.MISSING_ELEMENT, document_type=DocumentType.INQUIRY_RECORD, severity=Severity.MINOR
        ),
    ]
    score, out = score_case(fs, sheet)
    # 3 + 4 + 0 + 2 = 9, the minor one would cost 1 but only 1 point is left of 10 → 1, then the item is empty
    assert [f.deduction for f in out] == [3.0, 4.0, 0.0, 2.0, 1.0]
    fs.append(finding("R-9", Defect.MISSING_ELEMENT, document_type=DocumentType.INQUIRY_RECORD))
    score, out = score_case(fs, sheet)
    assert out[-1].deduction == 0.0  # 扣完为止
    assert deducted(score.items) == {"询问": 10.0}
    assert score.total == 90.0
    assert sum(f.deduction for f in out) == score.max - score.total


def test_routing_by_sheet_item_codes_and_fallback(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path)
    fs = [
        finding("D-1", Defect.MISSING_SEAL, document_type=DocumentType.DECISION, sheet_item="决定书"),
        finding("C-1", Defect.MISSING_DOCUMENT, document_type=DocumentType.INSPECTION_RECORD),
        finding("X-1", Defect.CITATION_ERROR, sheet_item="审查决定.处罚决定书"),  # unknown item id → fallback
    ]
    score, out = score_case(fs, sheet)
    assert [(f.sheet_item, f.deduction) for f in out] == [("决定书", 1.5), ("检查", 4.0), ("杂项", 0.5)]
    assert score.total == 94.0


def test_implicit_other_bucket_deducts_nothing(tmp_path: Path) -> None:
    text = SHEET.format(veto="fail", fallback="杂项").replace("fallback: 杂项\n", "")
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    sheet = load_sheet(tmp_path / "s.yaml")
    score, out = score_case([finding("X-1", Defect.CITATION_ERROR)], sheet)
    assert (out[0].sheet_item, out[0].deduction) == ("其他", 0.0)
    assert score.items[-1].model_dump() == {
        "id": "其他",
        "title": "其他问题（评查表未列）",
        "max": 0.0,
        "deducted": 0.0,
        "score": 0.0,
    }
    assert score.total == 100.0


def test_veto_fail_keeps_points(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path, veto="fail")
    fs = [
        finding("O-1", Defect.OFFICER_REQUIREMENT),
        finding(role=Role.PARTY, document_type=DocumentType.INQUIRY_RECORD),
    ]
    score, out = score_case(fs, sheet)
    assert [(f.sheet_item, f.deduction) for f in out] == [("执法人员", 0.0), ("询问", 3.0)]
    assert (score.total, score.vetoed, score.grade, score.grade_label) == (97.0, True, Grade.FAIL, "不合格")


def test_veto_zero_charges_the_rest_to_the_veto_finding(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path, veto="zero")
    fs = [
        finding(role=Role.PARTY, document_type=DocumentType.INQUIRY_RECORD),
        finding("V-1", Defect.CITATION_ERROR, severity=Severity.VETO),
    ]
    score, out = score_case(fs, sheet)
    assert [(f.sheet_item, f.deduction) for f in out] == [("询问", 3.0), ("否决项", 97.0)]
    assert score.total == 0.0
    assert score.vetoed
    assert all(i.score == 0.0 and i.deducted == i.max for i in score.items)
    assert sum(f.deduction for f in out) == score.max


@pytest.mark.parametrize(
    ("points", "grade"),
    [
        (0, Grade.EXCELLENT),
        (10, Grade.EXCELLENT),
        (10.5, Grade.GOOD),
        (20, Grade.GOOD),
        (40, Grade.PASS),
        (40.5, Grade.FAIL),
    ],
)
def test_grade_bands_in_percent_of_max(tmp_path: Path, points: float, grade: Grade) -> None:
    sheet = make_sheet(tmp_path)
    fs = [finding("E", Defect.MISSING_ELEMENT, sheet_item="杂项", severity=Severity.MINOR)] * int(points * 2)
    score, _ = score_case(fs, sheet)
    assert score.total == 100 - points
    assert score.grade is grade


def test_needs_review_findings_still_count(tmp_path: Path) -> None:
    sheet = make_sheet(tmp_path)
    score, out = score_case([finding(role=Role.PARTY, needs_review=True, confidence=0.4)], sheet)
    assert out[0].deduction == 3.0
    assert score.total == 97.0


def test_general_sheet_items_and_clean_case() -> None:
    sheet = load_sheet("general")
    assert sheet.max == 100.0
    assert [(i.id, i.points) for i in sheet.items()][:3] == [
        ("立案.案件来源", 2.0),
        ("立案.立案审批", 8.0),
        ("调查取证.执法人员", 5.0),
    ]
    score, out = score_case([], sheet)
    assert (score.total, score.grade_label, out) == (100.0, "优秀", [])


def test_general_sheet_routes_by_sheet_item_and_by_codes() -> None:
    sheet = load_sheet("general")
    fs = [
        finding(
            "SIG-003",
            role=Role.PARTY,
            document_type=DocumentType.INQUIRY_RECORD,
            sheet_item="调查取证.询问笔录",
        ),
        finding("DOC-1", Defect.MISSING_DOCUMENT, document_type=DocumentType.PRIOR_NOTICE),
        finding("OFF-1", Defect.OFFICER_REQUIREMENT, document_type=DocumentType.INQUIRY_RECORD),
        finding(
            "SRV-1", Defect.MISSING_DATE, document_type=DocumentType.SERVICE_RECEIPT, severity=Severity.MINOR
        ),
    ]
    score, out = score_case(fs, sheet)
    assert [(f.sheet_item, f.deduction) for f in out] == [
        ("调查取证.询问笔录", 2.0),
        ("审查决定.事先告知", 8.0),
        ("调查取证.执法人员", 2.0),
        ("送达执行.送达", 1.0),
    ]
    assert (score.total, score.grade_label) == (87.0, "良好")


def test_beijing_sheet_uses_its_own_points() -> None:
    sheet = load_sheet("beijing-2016")
    fs = [
        finding("SRV-9", Defect.DEADLINE_EXCEEDED, document_type=DocumentType.SERVICE_RECEIPT),
        finding("REM-1", Defect.REMEDY_NOTICE_ERROR, document_type=DocumentType.DECISION),
        finding("SIG-1", role=Role.PARTY, document_type=DocumentType.INQUIRY_RECORD),
    ]
    score, out = score_case(fs, sheet)
    assert [f.deduction for f in out] == [10.0, 2.0, 1.0]
    assert (score.total, score.grade_label) == (87.0, "良好")


def test_stage_weighted_decision_all_or_three_per_element() -> None:
    sheet = load_sheet("stage-weighted")
    missing = finding("DOC-9", Defect.MISSING_DOCUMENT, document_type=DocumentType.DECISION)
    score, out = score_case([missing], sheet)
    assert (out[0].sheet_item, out[0].deduction, score.total, score.max) == ("决定书", 21.0, 28.0, 49.0)
    elements = [
        finding(f"E-{n}", Defect.MISSING_ELEMENT, document_type=DocumentType.DECISION) for n in range(8)
    ]
    score, out = score_case(elements, sheet)
    assert [f.deduction for f in out] == [3.0] * 7 + [0.0]


def test_score_result_leaves_errors_alone() -> None:
    sheet = load_sheet("general")
    error = CaseResult(source="x", status="error", error=ErrorInfo(code="empty", message="空"))
    assert score_result(error, sheet) is error
    ok = CaseResult(source="y", status="ok", findings=[finding(sheet_item="调查取证.询问笔录")])
    scored = score_result(ok, sheet)
    assert scored.score is not None
    assert scored.score.total == 98.0
    assert score_result(scored, sheet) is scored
