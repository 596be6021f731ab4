"""scripts/measure_reading.py: case numbers compared in canonical form; cases with every fact right."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from casefile_eval.model import Case, CaseDates, CaseFacts

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "measure_reading.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("measure_reading_canonical", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_reading_canonical"] = module
    spec.loader.exec_module(module)
    return module


def _expected(case_id: str, number: str) -> dict[str, Any]:
    dates = {"filed": "2023-02-01", "notified": None, "decided": None, "served": None, "closed": None}
    return {
        "case_id": case_id,
        "case": {
            "case_number": number,
            "party": "乙商行",
            "agency": "某县局",
            "fine_amount": 800.0,
            "dates": dates,
        },
        "documents": [],
    }


def test_numbers_as_printed_match_canonical_reading_and_whole_cases_are_counted() -> None:
    m = _script()
    facts = CaseFacts(
        case_number="临交罚〔2023〕9号",
        party="乙商行",
        agency="某县局",
        fine_amount=800,
        dates=CaseDates(filed=dt.date(2023, 2, 1)),
    )
    tallies = {name: m.Tally() for name in (*m.FACTS, *m.DATES)}
    whole = m.Tally()
    m.measure_facts(Case(source="x", facts=facts), _expected("a", "临交罚(2023)第9号"), tallies, whole)
    m.measure_facts(Case(source="x", facts=facts), _expected("b", "临交罚[2023]10号"), tallies, whole)
    assert (tallies["case_number"].hits, tallies["case_number"].total) == (1, 2)
    assert (whole.hits, whole.total) == (1, 2)
    assert whole.misses == [{"case": "b", "what": "要素全对", "expected": "全部正确", "got": "case_number"}]
