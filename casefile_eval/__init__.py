"""casefile-eval: evaluates Chinese administrative enforcement case files (行政执法案卷评查) offline."""

from __future__ import annotations

from casefile_eval.api import evaluate, read_case
from casefile_eval.model import Case, Document
from casefile_eval.results import CaseResult, Finding, Report, Score
from casefile_eval.version import VERSION as __version__

__all__ = [
    "Case",
    "CaseResult",
    "Document",
    "Finding",
    "Report",
    "Score",
    "__version__",
    "evaluate",
    "read_case",
]
