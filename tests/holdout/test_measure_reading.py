"""scripts/measure_reading.py: matching by file and by page overlap, fact comparison, clear failure."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from casefile_eval.codes import DocumentType
from casefile_eval.model import Case, CaseDates, CaseFacts, Document

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "measure_reading.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("measure_reading", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_reading"] = module
    spec.loader.exec_module(module)
    return module


EXPECTED: dict[str, Any] = {
    "case_id": "c1",
    "case": {
        "case_number": "某罚〔2025〕1号",
        "party": "甲公司",
        "agency": "某局",
        "fine_amount": 500.0,
        "dates": {
            "filed": "2025-03-04",
            "notified": None,
            "decided": "2025-04-15",
            "served": None,
            "closed": None,
        },
    },
    "documents": [
        {
            "type": "filing_approval",
            "title": "立案审批表",
            "docx": "docx/01立案审批表.docx",
            "docx_pages": [1, 1],
            "pdf_pages": [1, 1],
        },
        {
            "type": "decision",
            "title": "行政处罚决定书",
            "docx": "docx/02行政处罚决定书.docx",
            "docx_pages": [1, 2],
            "pdf_pages": [2, 3],
        },
    ],
}


def _doc(dtype: DocumentType, source: str, pages: tuple[int, int] | None) -> Document:
    return Document(type=dtype, title=None, source=source, pages=pages, confidence=0.9)


def test_docx_documents_match_by_file_name() -> None:
    m = _script()
    case = Case(
        source="x",
        documents=[
            _doc(DocumentType.FILING_APPROVAL, "01立案审批表.docx", (1, 1)),
            _doc(DocumentType.OTHER, "02行政处罚决定书.docx", (1, 2)),
        ],
    )
    types, pages = m.Tally(), m.Tally()
    m.measure_docs(case, EXPECTED, "docx", types, pages)
    assert (types.hits, types.total, pages.total) == (1, 2, 0)
    assert types.misses == [
        {"case": "c1", "what": "文书类型 02行政处罚决定书.docx", "expected": "decision", "got": "other"}
    ]


def test_pdf_documents_match_by_largest_page_overlap() -> None:
    m = _script()
    case = Case(
        source="x.pdf",
        documents=[
            _doc(DocumentType.FILING_APPROVAL, "x.pdf", (1, 2)),
            _doc(DocumentType.DECISION, "x.pdf", (3, 3)),
        ],
    )
    types, pages = m.Tally(), m.Tally()
    m.measure_docs(case, EXPECTED, "pdf", types, pages)
    assert (types.hits, types.total) == (
        1,
        2,
    )  # pages 2-3 overlap the first read document and the second equally
    assert (pages.hits, pages.total) == (0, 2)
    assert [mi["got"] for mi in pages.misses] == [[1, 2], [1, 2]]


def test_facts_compare_exactly_and_expect_nulls() -> None:
    m = _script()
    facts = CaseFacts(
        case_number="某罚〔2025〕1号",
        party="甲公司",
        agency="某局 ",
        fine_amount=500,
        dates=CaseDates(filed=dt.date(2025, 3, 4), decided=dt.date(2025, 4, 16), closed=dt.date(2025, 5, 1)),
    )
    tallies = {name: m.Tally() for name in (*m.FACTS, *m.DATES)}
    m.measure_facts(Case(source="x", facts=facts), EXPECTED, tallies)
    assert {k: t.hits for k, t in tallies.items()} == {
        "case_number": 1,
        "party": 1,
        "agency": 0,
        "fine_amount": 1,
        "filed": 1,
        "notified": 1,
        "decided": 0,
        "served": 1,
        "closed": 0,
    }


def test_a_missing_reader_stops_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    m = _script()

    def fail(name: str) -> None:
        raise ImportError("no reader")

    monkeypatch.setattr(m.importlib, "import_module", fail)
    with pytest.raises(SystemExit, match="读取器尚未实现"):
        m.load_reader()
