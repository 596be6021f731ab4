"""The result records of the public JSON contract (schema_version 1)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from casefile_eval.codes import Defect, DocumentType, ErrorCode, Grade, Role, Severity

SCHEMA_VERSION = 1


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorInfo(_Record):
    """Why a case could not be evaluated."""

    code: ErrorCode
    message: str


class CaseDatesOut(_Record):
    """`case.dates`: ISO dates or null."""

    filed: str | None = None
    notified: str | None = None
    decided: str | None = None
    served: str | None = None
    closed: str | None = None


class CaseOut(_Record):
    """The contract's `case` part."""

    case_type: str
    procedure: str
    case_number: str | None
    party: str | None
    agency: str | None
    fine_amount: float | None
    dates: CaseDatesOut
    partial: bool = False  # added in 0.1.0: a lone decision evaluated on its own


class DocumentOut(_Record):
    """One entry of the contract's `documents`."""

    type: DocumentType
    title: str | None
    source: str
    pages: list[int] | None
    confidence: float


class Finding(_Record):
    """One defect found, with where and why."""

    rule_id: str
    defect: Defect
    role: Role | None = None
    severity: Severity
    document_type: DocumentType | None = None
    source: str | None = None
    page: int | None = None
    message: str
    evidence: str | None = None
    basis: str | None = None
    sheet_item: str | None = None
    deduction: float = 0.0
    confidence: float = 1.0
    needs_review: bool = False


class ScoreItem(_Record):
    """One item of the sheet with its points."""

    id: str
    title: str
    max: float
    deducted: float
    score: float


class Score(_Record):
    """The score of a case on a sheet."""

    sheet: str
    total: float
    max: float
    grade: Grade
    grade_label: str
    vetoed: bool
    items: list[ScoreItem] = Field(default_factory=list)


class CaseResult(_Record):
    """The result of evaluating one case."""

    source: str
    status: str  # "ok" or "error"
    error: ErrorInfo | None = None
    case: CaseOut | None = None
    documents: list[DocumentOut] | None = None
    findings: list[Finding] | None = None
    score: Score | None = None


class ToolInfo(_Record):
    """`tool`."""

    name: str = "casefile-eval"
    version: str


class SheetInfo(_Record):
    """`sheet`."""

    id: str
    title: str


class Summary(_Record):
    """`summary`: counts over all results."""

    cases: int
    evaluated: int
    errors: int
    mean_score: float | None
    grades: dict[str, int] = Field(default_factory=dict)
    defects: dict[str, int] = Field(default_factory=dict)


class Report(_Record):
    """The whole JSON document."""

    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo
    sheet: SheetInfo | None
    results: list[CaseResult]
    summary: Summary
