"""scripts/measure_findings.py: which findings satisfy a defect label."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "measure_findings.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("measure_findings_match", SCRIPT)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["measure_findings_match"] = module
    spec.loader.exec_module(module)
    return module


def test_a_finding_about_the_whole_case_satisfies_its_label_on_any_document() -> None:
    match = _script().label_matches
    review = {"defect": "legal_review_missing", "role": None, "document_type": "decision_approval"}
    assert match(review, ("legal_review_missing", None, "legal_review"))
    assert match(review, ("legal_review_missing", None, None))
    assert not match(review, ("legal_review_missing", None, "decision"))
    receipt = {"defect": "missing_document", "role": None, "document_type": "payment_receipt"}
    assert match(receipt, ("missing_document", None, "payment_receipt"))
    assert not match(receipt, ("missing_document", None, "legal_review"))
    party = {"defect": "missing_signature", "role": "party", "document_type": "inquiry_record"}
    assert not match(party, ("missing_signature", "officer", "inquiry_record"))
    assert not match(party, ("missing_signature", "party", "inspection_record"))
