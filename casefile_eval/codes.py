"""Stable codes of the public contract (../shared/spec/contract.md) and internal vocabularies."""

from __future__ import annotations

from enum import StrEnum


class CaseType(StrEnum):
    """Kind of enforcement act a case file documents."""

    ADMINISTRATIVE_PENALTY = "administrative_penalty"
    ADMINISTRATIVE_LICENSING = "administrative_licensing"
    ADMINISTRATIVE_COERCION = "administrative_coercion"
    ADMINISTRATIVE_INSPECTION = "administrative_inspection"


class Procedure(StrEnum):
    """普通程序 or 简易程序 (当场处罚)."""

    GENERAL = "general"
    SUMMARY = "summary"


class DocumentType(StrEnum):
    """The `document_type` codes of the contract."""

    COVER = "cover"
    TOC = "toc"
    CASE_SOURCE = "case_source"
    FILING_APPROVAL = "filing_approval"
    INSPECTION_RECORD = "inspection_record"
    INQUIRY_RECORD = "inquiry_record"
    EVIDENCE = "evidence"
    ENFORCEMENT_MEASURE = "enforcement_measure"
    INVESTIGATION_REPORT = "investigation_report"
    LEGAL_REVIEW = "legal_review"
    COLLECTIVE_DISCUSSION = "collective_discussion"
    PRIOR_NOTICE = "prior_notice"
    HEARING_NOTICE = "hearing_notice"
    STATEMENT_RECORD = "statement_record"
    HEARING_RECORD = "hearing_record"
    DECISION_APPROVAL = "decision_approval"
    DECISION = "decision"
    SUMMARY_DECISION = "summary_decision"
    SERVICE_RECEIPT = "service_receipt"
    ADDRESS_CONFIRMATION = "address_confirmation"
    PAYMENT_RECEIPT = "payment_receipt"
    CLOSING_REPORT = "closing_report"
    REMARKS = "remarks"
    OTHER = "other"


class Defect(StrEnum):
    """The `defect` codes of the contract."""

    MISSING_DOCUMENT = "missing_document"
    MISSING_SIGNATURE = "missing_signature"
    MISSING_SEAL = "missing_seal"
    MISSING_DATE = "missing_date"
    MISSING_ELEMENT = "missing_element"
    REMEDY_NOTICE_ERROR = "remedy_notice_error"
    DEADLINE_EXCEEDED = "deadline_exceeded"
    PREMATURE_DECISION = "premature_decision"
    DATE_INCONSISTENCY = "date_inconsistency"
    OFFICER_REQUIREMENT = "officer_requirement"
    CITATION_ERROR = "citation_error"
    INCONSISTENT_FACT = "inconsistent_fact"
    LEGAL_REVIEW_MISSING = "legal_review_missing"
    ARCHIVE_DEFECT = "archive_defect"


class Role(StrEnum):
    """Whose signature a slot asks for (the contract's `role`)."""

    PARTY = "party"
    OFFICER = "officer"
    APPROVER = "approver"
    RECIPIENT = "recipient"
    SERVER = "server"
    WITNESS = "witness"
    REVIEWER = "reviewer"
    RECORDER = "recorder"


class Severity(StrEnum):
    """How grave a finding is: `veto` fails the case whatever its points."""

    VETO = "veto"
    MAJOR = "major"
    MINOR = "minor"


class Grade(StrEnum):
    """Grade codes; bands come from the sheet."""

    EXCELLENT = "excellent"
    GOOD = "good"
    PASS = "pass"
    FAIL = "fail"


class AgencyKind(StrEnum):
    """Kind of enforcement agency; decides which 复议 route applies (行政复议法 2023 art. 24/27)."""

    MARKET_REGULATION = "market_regulation"  # 市场监管, 工商, 质监, 食药监
    TAX = "tax"  # 税务 (vertical)
    CUSTOMS = "customs"  # 海关 (vertical)
    FINANCIAL = "financial"  # 金融监管, 银保监, 证监 (vertical)
    FOREIGN_EXCHANGE = "foreign_exchange"  # 外汇管理 (vertical)
    NATIONAL_SECURITY = "national_security"  # 国家安全 (vertical)
    PUBLIC_SECURITY = "public_security"  # 公安
    ECOLOGY_ENVIRONMENT = "ecology_environment"  # 生态环境, 环保
    TRANSPORT = "transport"  # 交通运输
    AGRICULTURE = "agriculture"  # 农业农村
    URBAN_MANAGEMENT = "urban_management"  # 城管, 综合行政执法
    EMERGENCY = "emergency"  # 应急管理, 安监
    HEALTH = "health"  # 卫生健康
    NATURAL_RESOURCES = "natural_resources"  # 自然资源, 国土
    HOUSING_CONSTRUCTION = "housing_construction"  # 住建
    CULTURE_TOURISM = "culture_tourism"  # 文化旅游, 文化市场
    OTHER = "other"

    @property
    def vertical(self) -> bool:
        """True for the vertically led bodies of 行政复议法 (2023) art. 27."""
        return self in _VERTICAL


_VERTICAL = frozenset(
    {
        AgencyKind.TAX,
        AgencyKind.CUSTOMS,
        AgencyKind.FINANCIAL,
        AgencyKind.FOREIGN_EXCHANGE,
        AgencyKind.NATIONAL_SECURITY,
    }
)


class DateKind(StrEnum):
    """What a date in a document dates."""

    FILED = "filed"  # 立案 approved (负责人审批 on the 立案审批表)
    NOTIFIED = "notified"  # 事先告知书 落款
    DECIDED = "decided"  # 决定书 落款
    SERVED = "served"  # 送达回证: the date the document was received
    CLOSED = "closed"  # 结案 approved
    ISSUED = "issued"  # 落款 of any other document
    SIGNED = "signed"  # the date beside a signature
    APPROVED = "approved"  # a 负责人 approval on an 审批表
    RECORD_START = "record_start"  # 询问/检查 时间 (start)
    HEARING = "hearing"  # 听证 held
    REVIEWED = "reviewed"  # 法制审核
    DISCUSSED = "discussed"  # 集体讨论
    PAID = "paid"  # payment
    EXTENSION = "extension"  # approved extension of the decision period
    OTHER = "other"


class ErrorCode(StrEnum):
    """Codes of a case that could not be evaluated."""

    UNREADABLE = "unreadable"
    ENCRYPTED = "encrypted"
    UNSUPPORTED_FORMAT = "unsupported_format"
    EMPTY = "empty"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    NOT_FOUND = "not_found"
    NOT_A_CASE = "not_a_case"
    INTERNAL = "internal"
