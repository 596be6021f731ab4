"""The pydantic models of a rule file: rules, their applicability, legal basis, period and examples."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from casefile_eval.codes import AgencyKind, CaseType, Defect, DocumentType, Procedure, Role, Severity
from casefile_eval.model import CaseFacts, DocumentFacts, Page

RULE_ID_PATTERN = r"^[A-Z]{2,4}-\d{3}$"

# The items of the built-in general sheet (docs/design.md); a rule feeds exactly one of them.
SHEET_ITEMS = frozenset(
    {
        "立案.案件来源",
        "立案.立案审批",
        "调查取证.执法人员",
        "调查取证.现场检查笔录",
        "调查取证.询问笔录",
        "调查取证.证据材料",
        "调查取证.强制措施",
        "审查决定.调查终结报告",
        "审查决定.法制审核",
        "审查决定.集体讨论",
        "审查决定.事先告知",
        "审查决定.陈述申辩听证",
        "审查决定.决定审批",
        "审查决定.处罚决定书",
        "送达执行.送达",
        "送达执行.执行",
        "归档.立卷",
        "归档.结案",
    }
)

CaseDateName = Literal["filed", "notified", "decided", "served", "closed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Condition(_Strict):
    """When a rule applies, beyond document and case types; all given parts must hold."""

    fine_at_least: Literal["large_fine", "legal_review_fine"] | float | None = None  # config name or yuan
    penalties_any: list[str] = Field(default_factory=list)  # 吊销, 责令停产停业…
    heavy: bool | None = None  # a large fine or a heavy penalty (either)
    legal_review_due: bool | None = None  # a fine reaching legal_review_fine, a heavy or legal_review penalty
    documents_present: list[DocumentType] = Field(default_factory=list)  # all present
    documents_absent: list[DocumentType] = Field(default_factory=list)  # none present
    agency_kinds: list[AgencyKind] = Field(default_factory=list)
    fine_imposed: bool | None = None


def valid_patterns(values: list[str]) -> list[str]:
    """Validate regular expressions when a rule is loaded; raise ValueError naming a bad one."""
    for value in values:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"正则表达式 '{value}' 无效：{exc}") from exc
    return values


# Parameters holding regular expressions, checked when the rule file is loaded.
Patterns = Annotated[list[str], AfterValidator(valid_patterns)]


class AppliesTo(_Strict):
    """Which cases and documents a rule looks at."""

    document_types: list[DocumentType] = Field(default_factory=list)
    # documents of those types whose title matches one of these are not looked at (告知笔录: a notice
    # given in person and recorded, which has no 落款 or seal)
    titles_none: Patterns = Field(default_factory=list)
    case_types: list[CaseType] = Field(default_factory=lambda: [CaseType.ADMINISTRATIVE_PENALTY])
    procedures: list[Procedure] = Field(default_factory=lambda: [Procedure.GENERAL])
    when: Condition | None = None


class Basis(_Strict):
    """The legal basis: statute, article and the version in force for the acts judged."""

    statute: str
    version: str | None = None  # 2021年修订
    article: int | None = Field(default=None, ge=1)
    paragraph: int | None = Field(default=None, ge=1)
    item: int | None = Field(default=None, ge=1)
    in_force_from: dt.date | None = None
    in_force_to: dt.date | None = None


class Period(_Strict):
    """The acts a rule judges, by the date of the case event named in `by`."""

    from_: dt.date | None = Field(default=None, alias="from")
    to: dt.date | None = None
    by: CaseDateName = "decided"

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class CheckCall(_Strict):
    """The check a rule runs and its parameters (validated by the check's own model)."""

    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class ExampleDocument(_Strict):
    """A document of an example case, in compact form."""

    type: DocumentType
    title: str | None = None
    source: str | None = None
    pages: tuple[int, int] | None = None
    text: str = ""
    confidence: float = 1.0
    facts: DocumentFacts = Field(default_factory=DocumentFacts)


class ExampleCase(_Strict):
    """A compact case for a rule example."""

    case_type: CaseType = CaseType.ADMINISTRATIVE_PENALTY
    procedure: Procedure = Procedure.GENERAL
    partial: bool = False
    facts: CaseFacts = Field(default_factory=CaseFacts)
    pages: list[Page] = Field(default_factory=list)
    documents: list[ExampleDocument] = Field(default_factory=list)


class ExpectedFinding(_Strict):
    """A finding an example must produce (compared exactly on these fields)."""

    message: str
    document_type: DocumentType | None = None
    page: int | None = None
    needs_review: bool = False
    evidence: str | None = None


class Example(_Strict):
    """A passing (no findings) or failing example of a rule."""

    name: str
    case: ExampleCase
    findings: list[ExpectedFinding] = Field(default_factory=list)


class RuleSpec(_Strict):
    """One rule as written in YAML."""

    id: str = Field(pattern=RULE_ID_PATTERN)
    title: str = Field(min_length=2)
    message: str = Field(min_length=2)
    defect: Defect
    role: Role | None = None
    severity: Severity
    applies_to: AppliesTo = Field(default_factory=AppliesTo)
    check: CheckCall
    basis: list[Basis] = Field(min_length=1)
    period: Period = Field(default_factory=Period)
    sheet_item: str
    rationale: str = Field(min_length=4)
    examples: list[Example] = Field(default_factory=list)

    @field_validator("sheet_item")
    @classmethod
    def _known_item(cls, value: str) -> str:
        if value not in SHEET_ITEMS:
            raise ValueError(f"未知的评查表项目 '{value}'")
        return value


class PackFile(_Strict):
    """A rule file: an optional pack name and its rules."""

    pack: str | None = None
    title: str | None = None
    definitions: Any = None  # YAML anchors shared by the rules of the file; not read otherwise
    rules: list[dict[str, Any]] = Field(default_factory=list)
