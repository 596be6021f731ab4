"""Evaluation sheets (评查表) in YAML: the schema, cross-checks and the loader.

A sheet has scored categories of items with points, deduction rules that say which findings cost how
many points (per occurrence or once, capped), veto items (否决项), manual items a person scores
(事实清楚, 证据充分…), and grade bands. Every mistake in a sheet file is reported with file:line.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from casefile_eval.codes import Defect, DocumentType, Grade, Role, Severity
from casefile_eval.errors import ConfigError, ConfigProblem
from casefile_eval.yamlload import LocatedYaml, load_located, validate

GRADE_LABELS = {Grade.EXCELLENT: "优秀", Grade.GOOD: "良好", Grade.PASS: "合格", Grade.FAIL: "不合格"}
OTHER_ITEM_ID = "其他"
VETO_ITEM_ID = "否决项"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Match(_Spec):
    """Which findings a deduction or veto applies to: every given field must match (any of its values)."""

    rule: list[str] | None = None
    defect: list[Defect] | None = None
    role: list[Role] | None = None
    document_type: list[DocumentType] | None = None
    severity: list[Severity] | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> Any:
        return [value] if value is not None and not isinstance(value, list) else value

    def codes_given(self) -> bool:
        """True if the match names at least one contract code (not only rule ids)."""
        return any(v is not None for v in (self.defect, self.role, self.document_type, self.severity))


class Deduction(_Spec):
    """One deduction rule of an item: `points` per matching finding (`all`: the whole item; omitted: the
    sheet's `default_deduction` for the finding's severity)."""

    ref: str | None = None  # the sheet's own number, e.g. "30.13"
    text: str | None = None  # the sheet's own wording of the defect
    when: Match
    points: float | Literal["all"] | None = Field(default=None, union_mode="left_to_right")
    per: Literal["occurrence", "case"] = "occurrence"
    cap: float | None = Field(default=None, gt=0)

    @field_validator("points")
    @classmethod
    def _positive(cls, value: float | str | None) -> float | str | None:
        if isinstance(value, float) and value <= 0:
            raise ValueError("扣分必须大于 0")
        return value


class Item(_Spec):
    """A scored item with its points (满分) and how findings are deducted from it."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    points: float = Field(gt=0)
    per_finding: float | None = Field(default=None, gt=0)  # a finding routed here by `sheet_item` alone
    deductions: list[Deduction] = Field(default_factory=list)


class Category(_Spec):
    """A stage or document group (立案, 调查取证…) holding items."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    items: list[Item] = Field(min_length=1)


class VetoItem(_Spec):
    """A 否决项 that findings can trigger automatically."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    when: Match


class ManualItem(_Spec):
    """An item a person judges (事实清楚, 证据充分…); listed in reports, never scored automatically."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    points: float = Field(default=0, ge=0)
    veto: bool = False  # failing it makes the case 不合格 (the person decides)
    note: str | None = None


class Band(_Spec):
    """A grade band: at or above `min` percent of the sheet's automatic maximum."""

    grade: Grade
    label: str | None = None
    min: float = Field(ge=0, le=100)


class DefaultDeduction(_Spec):
    """Per-finding points for a finding routed to an item by `sheet_item` and no deduction rule."""

    major: float = Field(default=2, ge=0)
    minor: float = Field(default=1, ge=0)


class Sheet(_Spec):
    """An evaluation sheet."""

    id: str = Field(min_length=1, pattern=r"^[\w.-]+$")
    title: str = Field(min_length=1)
    source: str = Field(min_length=1)  # where the standard was published, or "casefile-eval" for our own
    note: str | None = None
    veto: Literal["fail", "zero"] = "fail"
    default_deduction: DefaultDeduction = Field(default_factory=DefaultDeduction)
    fallback: str | None = None
    grades: list[Band] = Field(min_length=1)
    categories: list[Category] = Field(min_length=1)
    vetoes: list[VetoItem] = Field(default_factory=list)
    manual: list[ManualItem] = Field(default_factory=list)

    def items(self) -> list[Item]:
        """Every scored item, in sheet order."""
        return [item for category in self.categories for item in category.items]

    @property
    def max(self) -> float:
        """The automatic maximum: the sum of the scored items' points (manual items are apart)."""
        return round(sum(item.points for item in self.items()), 2)

    def band(self, percent: float) -> Band:
        """The band a score (in percent of `max`) falls in."""
        for band in sorted(self.grades, key=lambda b: b.min, reverse=True):
            if percent >= band.min - 1e-9:
                return band
        return self.fail_band()

    def fail_band(self) -> Band:
        """The band of a vetoed case."""
        return next(b for b in self.grades if b.grade is Grade.FAIL)

    @staticmethod
    def label(band: Band) -> str:
        """The band's Chinese label."""
        return band.label or GRADE_LABELS[band.grade]


def builtin_sheets() -> list[str]:
    """The names of the built-in sheets."""
    folder = resources.files("casefile_eval") / "data" / "sheets"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


def load_sheet(name_or_path: str | Path) -> Sheet:
    """A built-in sheet by name, or a sheet YAML file; raises `ConfigError` with every problem found."""
    text = str(name_or_path)
    if text in builtin_sheets():
        resource = resources.files("casefile_eval") / "data" / "sheets" / f"{text}.yaml"
        return _load(Path(f"<内置评查表 {text}>"), resource.read_text(encoding="utf-8"))
    path = Path(name_or_path)
    if not path.is_file():
        names = "、".join(builtin_sheets())
        raise ConfigError([ConfigProblem(text, 1, 1, f"找不到评查表：不是文件，也不是内置评查表（{names}）")])
    return _load(path, None)


def _load(path: Path, text: str | None) -> Sheet:
    doc = load_located(path, text)
    if not isinstance(doc.data, dict):
        raise ConfigError([doc.problem((), "评查表应是一个映射（键: 值）")])
    sheet = validate(doc, Sheet)
    if sheet is not None:
        _cross_check(sheet, doc)
    if doc.problems:
        raise ConfigError(doc.problems)
    assert sheet is not None
    return sheet


def _cross_check(sheet: Sheet, doc: LocatedYaml) -> None:
    """Checks that span several parts of the sheet."""
    seen: dict[str, tuple[str | int, ...]] = {}
    reserved = {OTHER_ITEM_ID, VETO_ITEM_ID} - ({sheet.fallback} if sheet.fallback else set())
    for c, category in enumerate(sheet.categories):
        for i, item in enumerate(category.items):
            path: tuple[str | int, ...] = ("categories", c, "items", i, "id")
            if item.id in seen:
                doc.problems.append(doc.problem(path, f"条目 id '{item.id}' 重复"))
            if item.id in reserved:
                doc.problems.append(doc.problem(path, f"条目 id '{item.id}' 为保留名称"))
            seen[item.id] = path
            _check_deductions(item, ("categories", c, "items", i), doc)
    if sheet.fallback is not None and sheet.fallback not in seen:
        doc.problems.append(doc.problem(("fallback",), f"fallback 指向不存在的条目 '{sheet.fallback}'"))
    others: list[tuple[str, int, str]] = [("vetoes", n, v.id) for n, v in enumerate(sheet.vetoes)]
    others += [("manual", n, m.id) for n, m in enumerate(sheet.manual)]
    for kind, n, entry_id in others:
        if entry_id in seen:
            doc.problems.append(doc.problem((kind, n, "id"), f"id '{entry_id}' 与其他条目重复"))
        seen[entry_id] = (kind, n, "id")
    _check_bands(sheet, doc)


def _check_deductions(item: Item, base: tuple[str | int, ...], doc: LocatedYaml) -> None:
    for d, rule in enumerate(item.deductions):
        path = (*base, "deductions", d)
        if rule.when == Match():
            doc.problems.append(doc.problem((*path, "when"), "when 至少要写一个条件（rule、defect、role…）"))
        if isinstance(rule.points, float) and rule.points > item.points:
            doc.problems.append(
                doc.problem((*path, "points"), f"扣分 {rule.points:g} 超过条目分值 {item.points:g}")
            )
        if rule.cap is not None and rule.cap > item.points:
            doc.problems.append(
                doc.problem((*path, "cap"), f"上限 {rule.cap:g} 超过条目分值 {item.points:g}")
            )


def _check_bands(sheet: Sheet, doc: LocatedYaml) -> None:
    grades = [band.grade for band in sheet.grades]
    for n, grade in enumerate(grades):
        if grade in grades[:n]:
            doc.problems.append(doc.problem(("grades", n, "grade"), f"等级 '{grade.value}' 重复"))
    if Grade.FAIL not in grades:
        doc.problems.append(doc.problem(("grades",), "缺少 fail（不合格）等级：否决项需要它"))
    if not any(band.min == 0 for band in sheet.grades):
        doc.problems.append(doc.problem(("grades",), "须有一个等级的 min 为 0，使任何得分都有等级"))
