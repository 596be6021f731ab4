"""Counting over case results: the `summary` of the JSON contract."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from casefile_eval.results import CaseResult, Summary


class SummaryCounter:
    """Accumulates a `Summary` one result at a time, so that a batch never holds all results."""

    def __init__(self) -> None:
        self.cases = 0
        self.errors = 0
        self._scores: list[float] = []
        self._grades: Counter[str] = Counter()
        self._defects: Counter[str] = Counter()

    def add(self, result: CaseResult) -> None:
        """Count one result."""
        self.cases += 1
        if result.status != "ok":
            self.errors += 1
            return
        if result.score is not None:
            self._scores.append(result.score.total)
            self._grades[result.score.grade.value] += 1
        for finding in result.findings or []:
            self._defects[finding.defect.value] += 1

    def summary(self) -> Summary:
        """The summary so far."""
        mean = round(sum(self._scores) / len(self._scores), 2) if self._scores else None
        return Summary(
            cases=self.cases,
            evaluated=self.cases - self.errors,
            errors=self.errors,
            mean_score=mean,
            grades=dict(sorted(self._grades.items())),
            defects=dict(sorted(self._defects.items())),
        )


def summarize(results: Iterable[CaseResult]) -> Summary:
    """The summary of a list of results."""
    counter = SummaryCounter()
    for result in results:
        counter.add(result)
    return counter.summary()
