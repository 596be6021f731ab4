"""Scoring findings on a sheet so that every deducted point names the findings that caused it.

Routing a finding to an item, first match wins:
1. a veto: the finding's severity is `veto`, or a sheet veto item matches it → the case is vetoed;
2. a deduction rule that names the finding's `rule_id` (and whose other conditions hold);
3. the item named by the finding's `sheet_item`, if the sheet has it (its first matching deduction
   rule decides the points, else the item's `per_finding`, else the sheet's `default_deduction`);
4. the first deduction rule, in sheet order, whose contract codes match;
5. the sheet's `fallback` item, else an implicit "其他" bucket worth 0 points (listed, deducts nothing).

Points are taken per occurrence (or once per case), capped per rule, and never beyond the item's points
(扣完为止). A vetoed case gets the sheet's fail grade; with `veto: zero` every item also drops to zero and
the points so removed are charged to the first veto finding, so the case's deductions still equal the sum
of its findings' deductions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casefile_eval.codes import Severity
from casefile_eval.results import CaseResult, Finding, Score, ScoreItem
from casefile_eval.scoring.sheet import OTHER_ITEM_ID, VETO_ITEM_ID, Deduction, Item, Match, Sheet

_OTHER_TITLE = "其他问题（评查表未列）"


@dataclass(frozen=True)
class _Route:
    target: str  # an item id, a veto id, or OTHER_ITEM_ID
    rule: int | None = None  # index into the item's deductions
    veto: bool = False


@dataclass
class _Ledger:
    """Points taken so far, per item and per deduction rule."""

    by_item: dict[str, float] = field(default_factory=dict)
    by_rule: dict[tuple[str, int], float] = field(default_factory=dict)
    once: set[tuple[str, int]] = field(default_factory=set)


def matches(when: Match, finding: Finding) -> bool:
    """True if every condition given in `when` holds for `finding`."""
    checks: list[tuple[list[object] | None, object]] = [
        (list(when.rule) if when.rule else None, finding.rule_id),
        (list(when.defect) if when.defect else None, finding.defect),
        (list(when.role) if when.role else None, finding.role),
        (list(when.document_type) if when.document_type else None, finding.document_type),
        (list(when.severity) if when.severity else None, finding.severity),
    ]
    return all(allowed is None or value in allowed for allowed, value in checks)


def route(finding: Finding, sheet: Sheet) -> _Route:
    """Where on `sheet` a finding is scored (see the module docstring for the order)."""
    for veto in sheet.vetoes:
        if matches(veto.when, finding):
            return _Route(veto.id, veto=True)
    if finding.severity is Severity.VETO:
        return _Route(VETO_ITEM_ID, veto=True)
    items = sheet.items()
    for item in items:
        for n, rule in enumerate(item.deductions):
            if rule.when.rule and matches(rule.when, finding):
                return _Route(item.id, n)
    for item in items:
        if item.id == finding.sheet_item:
            return _Route(item.id, _first_rule(item, finding))
    for item in items:
        for n, rule in enumerate(item.deductions):
            if rule.when.codes_given() and matches(rule.when, finding):
                return _Route(item.id, n)
    return _Route(sheet.fallback or OTHER_ITEM_ID)


def _first_rule(item: Item, finding: Finding) -> int | None:
    return next((n for n, rule in enumerate(item.deductions) if matches(rule.when, finding)), None)


def score_case(findings: list[Finding], sheet: Sheet) -> tuple[Score, list[Finding]]:
    """The case's score on `sheet`, and the findings with `sheet_item` and `deduction` set from it."""
    items = {item.id: item for item in sheet.items()}
    ledger = _Ledger()
    scored: list[Finding] = []
    vetoed_at: int | None = None
    for finding in findings:
        where = route(finding, sheet)
        points = 0.0
        if where.veto:
            vetoed_at = len(scored) if vetoed_at is None else vetoed_at
        elif where.target in items:
            points = _take(items[where.target], where.rule, finding, sheet, ledger)
        scored.append(finding.model_copy(update={"sheet_item": where.target, "deduction": points}))
    score_items = [_score_item(item, ledger) for item in items.values()]
    if any(f.sheet_item == OTHER_ITEM_ID for f in scored) and OTHER_ITEM_ID not in items:
        score_items.append(ScoreItem(id=OTHER_ITEM_ID, title=_OTHER_TITLE, max=0, deducted=0, score=0))
    if vetoed_at is not None and sheet.veto == "zero":
        remainder = round(sheet.max - sum(f.deduction for f in scored), 2)
        scored[vetoed_at] = scored[vetoed_at].model_copy(update={"deduction": remainder})
        score_items = [i.model_copy(update={"deducted": i.max, "score": 0.0}) for i in score_items]
    return _score(sheet, score_items, vetoed_at is not None), scored


def score_result(result: CaseResult, sheet: Sheet) -> CaseResult:
    """`result` scored on `sheet`: its `score` set and its findings' `sheet_item` and `deduction` filled.

    A result that is an error, or is already scored on this sheet, is returned unchanged.
    """
    if result.status != "ok" or (result.score is not None and result.score.sheet == sheet.id):
        return result
    score, findings = score_case(list(result.findings or []), sheet)
    return result.model_copy(update={"score": score, "findings": findings})


def _take(item: Item, rule_index: int | None, finding: Finding, sheet: Sheet, ledger: _Ledger) -> float:
    """Points this finding costs on `item`, after per-case, cap and item limits; records them."""
    rule: Deduction | None = None if rule_index is None else item.deductions[rule_index]
    points = _raw_points(item, rule, finding, sheet)
    if rule is not None and rule_index is not None:
        key = (item.id, rule_index)
        if rule.per == "case":
            points = 0.0 if key in ledger.once else points
            ledger.once.add(key)
        if rule.cap is not None:
            points = min(points, rule.cap - ledger.by_rule.get(key, 0.0))
        ledger.by_rule[key] = ledger.by_rule.get(key, 0.0) + max(points, 0.0)
    taken = ledger.by_item.get(item.id, 0.0)
    points = round(max(min(points, item.points - taken), 0.0), 2)
    ledger.by_item[item.id] = round(taken + points, 2)
    return points


def _raw_points(item: Item, rule: Deduction | None, finding: Finding, sheet: Sheet) -> float:
    if rule is not None and rule.points is not None:
        return item.points if rule.points == "all" else float(rule.points)
    if item.per_finding is not None:
        return item.per_finding
    if finding.severity is Severity.MINOR:
        return sheet.default_deduction.minor
    return sheet.default_deduction.major


def _score_item(item: Item, ledger: _Ledger) -> ScoreItem:
    deducted = ledger.by_item.get(item.id, 0.0)
    return ScoreItem(
        id=item.id,
        title=item.title,
        max=item.points,
        deducted=deducted,
        score=round(item.points - deducted, 2),
    )


def _score(sheet: Sheet, items: list[ScoreItem], vetoed: bool) -> Score:
    maximum = sheet.max
    total = round(max(maximum - sum(i.deducted for i in items), 0.0), 2)
    band = sheet.fail_band() if vetoed else sheet.band(100.0 * total / maximum if maximum else 100.0)
    return Score(
        sheet=sheet.id,
        total=total,
        max=maximum,
        grade=band.grade,
        grade_label=sheet.label(band),
        vetoed=vetoed,
        items=items,
    )
