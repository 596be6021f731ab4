"""A constructed report (one scored case, one unreadable case) that every format is rendered from."""

from __future__ import annotations

import pytest

from casefile_eval.codes import Defect, DocumentType, ErrorCode, Role, Severity
from casefile_eval.results import (
    CaseDatesOut,
    CaseOut,
    CaseResult,
    DocumentOut,
    ErrorInfo,
    Finding,
    Report,
    SheetInfo,
    ToolInfo,
)
from casefile_eval.scoring import Sheet, load_sheet, score_case
from casefile_eval.summary import summarize


@pytest.fixture(scope="session")
def sheet() -> Sheet:
    return load_sheet("general")


def _findings() -> list[Finding]:
    return [
        Finding(
            rule_id="SIG-003",
            defect=Defect.MISSING_SIGNATURE,
            role=Role.PARTY,
            severity=Severity.MAJOR,
            document_type=DocumentType.INQUIRY_RECORD,
            source="03询问笔录.docx",
            page=4,
            message="询问笔录第2页缺少被询问人签名",
            evidence="被询问人签名：＿＿＿＿",
            basis="《中华人民共和国行政处罚法》（2021年修订）第五十五条",
            sheet_item="调查取证.询问笔录",
            confidence=0.93,
        ),
        Finding(
            rule_id="REM-001",
            defect=Defect.REMEDY_NOTICE_ERROR,
            severity=Severity.MAJOR,
            document_type=DocumentType.DECISION,
            source="09决定书.docx",
            page=2,
            message="决定书未写明复议机关名称",
            evidence="可在六十日内申请行政复议",
        ),
        Finding(
            rule_id="DATE-002",
            defect=Defect.MISSING_DATE,
            severity=Severity.MINOR,
            document_type=DocumentType.SERVICE_RECEIPT,
            source="10送达回证.docx",
            page=1,
            message="送达回证缺少签收日期 <待核>",
            needs_review=True,
            confidence=0.55,
        ),
    ]


@pytest.fixture(scope="session")
def report(sheet: Sheet) -> Report:
    score, findings = score_case(_findings(), sheet)
    ok = CaseResult(
        source="archive/2024-017",
        status="ok",
        case=CaseOut(
            case_type="administrative_penalty",
            procedure="general",
            case_number="芙执罚决字〔2024〕12号",
            party="长沙市某某餐饮有限公司",
            agency="长沙市芙蓉区行政执法局",
            fine_amount=5000.0,
            dates=CaseDatesOut(filed="2024-03-04", notified="2024-04-02", decided="2024-04-15"),
        ),
        documents=[
            DocumentOut(
                type=DocumentType.INQUIRY_RECORD,
                title="询问笔录",
                source="03询问笔录.docx",
                pages=[3, 4],
                confidence=0.98,
            )
        ],
        findings=findings,
        score=score,
    )
    bad = CaseResult(
        source="archive/2024-018.pdf",
        status="error",
        error=ErrorInfo(code=ErrorCode.ENCRYPTED, message="PDF 文件已加密"),
    )
    results = [ok, bad]
    return Report(
        tool=ToolInfo(version="0.1.0"),
        sheet=SheetInfo(id=sheet.id, title=sheet.title),
        results=results,
        summary=summarize(results),
    )
