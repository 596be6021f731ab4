"""Fact extraction: dates, numbers, amounts, citations, remedy notice, parties, officers, signatures and
seals of each document (`extract_document_facts`), and the case facts across documents (`reconcile_case`).

Each kind of fact has its own module of pure functions over a document's text with positions, so rules can
reuse them (`dates.find_dates`, `numbers.find_numbers`, `amounts.find_amounts`, `remedy.parse_remedy` …).
"""

from __future__ import annotations

from casefile_eval.extract.document import extract_document_facts
from casefile_eval.extract.reconcile import CaseSummary, reconcile_case

__all__ = ["CaseSummary", "extract_document_facts", "reconcile_case"]
