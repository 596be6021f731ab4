"""Chinese names of the document types, as messages name them."""

from __future__ import annotations

from casefile_eval.codes import DocumentType

DOCUMENT_NAMES: dict[DocumentType, str] = {
    DocumentType.COVER: "卷宗封面",
    DocumentType.TOC: "卷内目录",
    DocumentType.CASE_SOURCE: "案件来源登记表",
    DocumentType.FILING_APPROVAL: "立案审批表",
    DocumentType.INSPECTION_RECORD: "现场检查笔录",
    DocumentType.INQUIRY_RECORD: "询问笔录",
    DocumentType.EVIDENCE: "证据材料",
    DocumentType.ENFORCEMENT_MEASURE: "行政强制措施文书",
    DocumentType.INVESTIGATION_REPORT: "调查终结报告",
    DocumentType.LEGAL_REVIEW: "法制审核意见",
    DocumentType.COLLECTIVE_DISCUSSION: "集体讨论记录",
    DocumentType.PRIOR_NOTICE: "行政处罚事先告知书",
    DocumentType.HEARING_NOTICE: "听证告知书",
    DocumentType.STATEMENT_RECORD: "陈述申辩笔录",
    DocumentType.HEARING_RECORD: "听证笔录",
    DocumentType.DECISION_APPROVAL: "行政处罚决定审批表",
    DocumentType.DECISION: "行政处罚决定书",
    DocumentType.SUMMARY_DECISION: "当场行政处罚决定书",
    DocumentType.SERVICE_RECEIPT: "送达回证",
    DocumentType.ADDRESS_CONFIRMATION: "送达地址确认书",
    DocumentType.PAYMENT_RECEIPT: "罚没款票据",
    DocumentType.CLOSING_REPORT: "结案审批表",
    DocumentType.REMARKS: "备考表",
    DocumentType.OTHER: "其他文书",
}


def document_name(doc_type: DocumentType) -> str:
    """The Chinese name of a document type."""
    return DOCUMENT_NAMES[doc_type]
