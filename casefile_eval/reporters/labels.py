"""Chinese labels of the contract's codes, and small formatting helpers shared by the reporters."""

from __future__ import annotations

from casefile_eval.codes import Defect, DocumentType, Severity
from casefile_eval.results import CaseResult, Finding

DEFECT_LABELS: dict[Defect, str] = {
    Defect.MISSING_DOCUMENT: "文书缺失",
    Defect.MISSING_SIGNATURE: "缺少签名",
    Defect.MISSING_SEAL: "缺少印章",
    Defect.MISSING_DATE: "缺少日期",
    Defect.MISSING_ELEMENT: "缺少必备内容",
    Defect.REMEDY_NOTICE_ERROR: "救济途径告知错误",
    Defect.DEADLINE_EXCEEDED: "超过法定期限",
    Defect.PREMATURE_DECISION: "陈述申辩期未满即作决定",
    Defect.DATE_INCONSISTENCY: "日期矛盾",
    Defect.OFFICER_REQUIREMENT: "执法人员不符合要求",
    Defect.CITATION_ERROR: "法条引用错误",
    Defect.INCONSISTENT_FACT: "前后记载不一致",
    Defect.LEGAL_REVIEW_MISSING: "缺少法制审核或集体讨论",
    Defect.ARCHIVE_DEFECT: "立卷归档问题",
}

SEVERITY_LABELS: dict[Severity, str] = {Severity.VETO: "否决", Severity.MAJOR: "严重", Severity.MINOR: "一般"}

DOCUMENT_LABELS: dict[DocumentType, str] = {
    DocumentType.COVER: "卷宗封面",
    DocumentType.TOC: "卷内目录",
    DocumentType.CASE_SOURCE: "案件来源登记",
    DocumentType.FILING_APPROVAL: "立案审批",
    DocumentType.INSPECTION_RECORD: "现场检查（勘验）笔录",
    DocumentType.INQUIRY_RECORD: "询问（调查）笔录",
    DocumentType.EVIDENCE: "证据材料",
    DocumentType.ENFORCEMENT_MEASURE: "行政强制措施文书",
    DocumentType.INVESTIGATION_REPORT: "调查终结报告",
    DocumentType.LEGAL_REVIEW: "法制审核",
    DocumentType.COLLECTIVE_DISCUSSION: "集体讨论",
    DocumentType.PRIOR_NOTICE: "行政处罚事先告知",
    DocumentType.HEARING_NOTICE: "听证告知",
    DocumentType.STATEMENT_RECORD: "陈述申辩",
    DocumentType.HEARING_RECORD: "听证笔录",
    DocumentType.DECISION_APPROVAL: "处罚决定审批",
    DocumentType.DECISION: "行政处罚决定书",
    DocumentType.SUMMARY_DECISION: "当场处罚决定书",
    DocumentType.SERVICE_RECEIPT: "送达回证",
    DocumentType.ADDRESS_CONFIRMATION: "送达地址确认书",
    DocumentType.PAYMENT_RECEIPT: "罚没款票据",
    DocumentType.CLOSING_REPORT: "结案审批",
    DocumentType.REMARKS: "备考表",
    DocumentType.OTHER: "其他",
}


def where(finding: Finding) -> str:
    """Where a finding is, in words: `03询问笔录.docx 第4页`."""
    parts = [finding.source or ""]
    if finding.page is not None:
        parts.append(f"第{finding.page}页")
    return " ".join(p for p in parts if p) or "全案"


def points(value: float) -> str:
    """A number of points without a useless `.0`."""
    return f"{value:g}"


def agency_of(result: CaseResult) -> str:
    """The agency of a case, or a placeholder."""
    return (result.case.agency if result.case else None) or "（未识别机关）"


def error_text(result: CaseResult) -> str:
    """Why a case could not be evaluated."""
    if result.error is None:
        return "未知错误"
    return f"{result.error.message}（{result.error.code.value}）"
