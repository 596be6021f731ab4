"""Running a rule set over a case: applicability, the checks, findings in a stable order."""

from __future__ import annotations

import datetime as dt
import re

from casefile_eval.codes import DocumentType
from casefile_eval.model import Case, Document
from casefile_eval.results import Finding
from casefile_eval.rules.conditions import condition_holds
from casefile_eval.rules.context import DECISION_TYPES, CaseView, Hit, RuleContext
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.loader import RuleSet
from casefile_eval.rules.rule import Rule, applies_in, fill, render_basis

_EVIDENCE_LIMIT = 160
_SPACES = re.compile(r"[ \t\u3000]+")


def run_rules(case: Case, ruleset: RuleSet) -> list[Finding]:
    """Every finding of every applicable rule, in document order, then page, then rule id."""
    view = CaseView(case, ruleset.thresholds, ruleset.laws, ruleset.change_dates)
    findings: list[Finding] = []
    for rule in ruleset.rules:
        reference = _reference_date(view, rule)
        if not _applies(view, rule, reference):
            continue
        ctx = RuleContext(view, rule, reference)
        try:
            hits = list(rule.check.fn(ctx, rule.params))
        except Exception as exc:  # a faulty rule must not stop the others
            findings.append(_error_finding(rule, exc))
            continue
        findings.extend(_finding(ctx, hit) for hit in hits)
    order: dict[tuple[str | None, DocumentType | None], int] = {}
    for i, doc in enumerate(case.documents):
        order.setdefault((doc.source, doc.type), i)
    last = len(case.documents)
    return sorted(
        findings,
        key=lambda f: (order.get((f.source, f.document_type), last), f.page or 0, f.rule_id, f.message),
    )


def _reference_date(view: CaseView, rule: Rule) -> dt.date | None:
    """The date that picks the law for the rule (`CaseView.law_date`). Where that is unknown, a case date
    that surely lies wholly before or after the rule's own period (a notice read only as 五月十□日, served
    2019-05-24, for a rule of the 2021 law) gives the bound that keeps the rule out."""
    period = rule.spec.period
    law = view.law_date(period.by)
    if law is None:
        first, last = view.outer_bounds(period.by)
        if last is not None and period.from_ is not None and last < period.from_:
            return last
        if first is not None and period.to is not None and first > period.to:
            return first
    return law


def _applies(view: CaseView, rule: Rule, reference: dt.date | None) -> bool:
    spec, case = rule.spec, view.case
    if case.case_type not in spec.applies_to.case_types or case.procedure not in spec.applies_to.procedures:
        return False
    if case.partial and not _decision_level(rule):
        return False
    if not applies_in(rule, reference):
        return False
    return spec.applies_to.when is None or condition_holds(view, spec.applies_to.when)


def _decision_level(rule: Rule) -> bool:
    types = rule.spec.applies_to.document_types
    return rule.check.scope == "document" and bool(types) and all(t in DECISION_TYPES for t in types)


def _finding(ctx: RuleContext, hit: Hit) -> Finding:
    rule, doc = ctx.rule, hit.document
    page = hit.page if hit.page is not None else _first_page(doc)
    doc_type = hit.document_type or (doc.type if doc else None)
    name = document_name(doc_type) if doc_type else ""
    where = f"{name}第{page}页" if doc is not None and page is not None else name
    data = {"doc": name, "where": where, "page": "" if page is None else str(page), "title": rule.spec.title}
    data.update(hit.data)
    if hit.undecided:
        message = (
            f"{rule.spec.title}（{where}）：无法判断：{hit.undecided}"
            if where
            else f"{rule.spec.title}：无法判断：{hit.undecided}"
        )
    else:
        message = fill(rule.spec.message, data)
    confidence = hit.confidence if hit.confidence is not None else (doc.confidence if doc else 1.0)
    return Finding(
        rule_id=rule.id,
        defect=rule.spec.defect,
        role=rule.spec.role,
        severity=rule.spec.severity,
        document_type=doc_type,
        source=doc.source if doc else None,
        page=page if doc is not None else None,
        message=message,
        evidence=_clip(hit.evidence),
        basis=render_basis(rule.basis_on(ctx.reference_date)),
        sheet_item=rule.spec.sheet_item,
        confidence=round(min(max(confidence, 0.0), 1.0), 2),
        needs_review=hit.needs_review or hit.undecided is not None,
    )


def _error_finding(rule: Rule, exc: Exception) -> Finding:
    types = rule.spec.applies_to.document_types
    return Finding(
        rule_id=rule.id,
        defect=rule.spec.defect,
        role=rule.spec.role,
        severity=rule.spec.severity,
        document_type=types[0] if len(types) == 1 else None,
        message=f"规则执行出错：{type(exc).__name__}: {exc}",
        basis=render_basis(rule.basis_on(None)),
        sheet_item=rule.spec.sheet_item,
        confidence=0.0,
        needs_review=True,
    )


def _first_page(doc: Document | None) -> int | None:
    return doc.pages[0] if doc is not None and doc.pages else None


def _clip(text: str | None) -> str | None:
    if text is None:
        return None
    text = _SPACES.sub(" ", text).strip()
    return text if len(text) <= _EVIDENCE_LIMIT else text[: _EVIDENCE_LIMIT - 1] + "…"
