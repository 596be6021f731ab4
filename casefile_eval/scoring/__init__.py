"""Evaluation sheets and scoring: `load_sheet`, `score_case(findings, sheet)`, `score_result`."""

from casefile_eval.scoring.score import score_case, score_result
from casefile_eval.scoring.sheet import Sheet, builtin_sheets, load_sheet

__all__ = ["Sheet", "builtin_sheets", "load_sheet", "score_case", "score_result"]
