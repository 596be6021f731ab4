"""Evaluating a rule's `applies_to.when` condition against a case."""

from __future__ import annotations

from casefile_eval.rules.context import CaseView
from casefile_eval.rules.schema import Condition


def condition_holds(view: CaseView, cond: Condition) -> bool:
    """True when every part of the condition that is given holds."""
    checks = [
        cond.fine_at_least is None or _fine_reaches(view, cond.fine_at_least),
        not cond.penalties_any or any(p in pen for pen in view.penalties() for p in cond.penalties_any),
        cond.heavy is None or cond.heavy == (view.large_fine() or view.heavy_penalty()),
        cond.legal_review_due is None
        or cond.legal_review_due
        == (view.large_fine("legal_review_fine") or view.heavy_penalty(for_review=True)),
        all(view.has(t) for t in cond.documents_present),
        not any(view.has(t) for t in cond.documents_absent),
        not cond.agency_kinds or view.agency_kind() in cond.agency_kinds,
        cond.fine_imposed is None or cond.fine_imposed == bool(view.fine()),
    ]
    return all(checks)


def _fine_reaches(view: CaseView, threshold: str | float) -> bool:
    if isinstance(threshold, str):
        return view.large_fine(threshold)
    fine = view.fine()
    return fine is not None and fine >= float(threshold)
