"""The holdout family: deterministic, labelled with contract codes, PDF text as printed."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path
from typing import Any

import chinese_calendar
import pdfplumber
import pytest

from casefile_eval.codes import AgencyKind, CaseType, Defect, DocumentType, Procedure, Role
from fixtures.holdout.gen.__main__ import CASES
from fixtures.holdout.gen.build import build_case
from fixtures.holdout.gen.images import FONT_PATH

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "holdout" / "cases"
CANONICAL = re.compile(r"^\S+〔\d{4}〕[1-9]\d*号$")


def _expected(case_id: str) -> dict[str, Any]:
    return json.loads((CASES_DIR / case_id / "expected.json").read_text(encoding="utf-8"))


def _all() -> list[dict[str, Any]]:
    return [_expected(spec.case_id) for spec in CASES]


def _working_days_after(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end], as 行政处罚法 art. 85 counts them."""
    days = (end - start).days
    return sum(chinese_calendar.is_workday(start + dt.timedelta(i)) for i in range(1, days + 1))


@pytest.mark.skipif(not FONT_PATH.exists(), reason="生成需要文泉驿微米黑字体 (fonts-wqy-microhei)")
def test_regenerating_a_case_gives_the_committed_labels(tmp_path: Path) -> None:
    spec = next(s for s in CASES if s.case_id == "hx07-customs")
    labels = build_case(spec, tmp_path)
    written = json.loads((tmp_path / spec.case_id / "expected.json").read_text(encoding="utf-8"))
    assert written == labels == _expected(spec.case_id)
    assert sorted(p.name for p in (tmp_path / spec.case_id / "docx").iterdir()) == sorted(
        p.name for p in (CASES_DIR / spec.case_id / "docx").iterdir()
    )


def test_every_case_is_committed_with_its_renditions() -> None:
    assert sorted(p.name for p in CASES_DIR.iterdir()) == sorted(s.case_id for s in CASES)
    for labels in _all():
        folder = CASES_DIR / labels["case_id"]
        assert (folder / f"{labels['case_id']}.pdf").is_file()
        docx = sorted(p.name for p in (folder / "docx").iterdir())
        assert docx == sorted(Path(d["docx"]).name for d in labels["documents"])


def test_labels_use_contract_codes() -> None:
    for labels in _all():
        assert set(labels) == {
            "case_id",
            "agency_kind",
            "case_type",
            "procedure",
            "case",
            "documents",
            "defects",
        }
        AgencyKind(labels["agency_kind"])
        CaseType(labels["case_type"])
        Procedure(labels["procedure"])
        assert CANONICAL.match(labels["case"]["case_number"]), labels["case"]["case_number"]
        for doc in labels["documents"]:
            DocumentType(doc["type"])
            assert set(doc) == {"type", "title", "docx", "docx_pages", "pdf_pages"}
        for defect in labels["defects"]:
            Defect(defect["defect"])
            assert defect["role"] is None or Role(defect["role"])
            assert defect["document_type"] is None or DocumentType(defect["document_type"])
            assert (defect["role"] is not None) == (defect["defect"] == "missing_signature")


def test_summary_cases_carry_only_decided_and_served() -> None:
    summary = [lb for lb in _all() if lb["procedure"] == "summary"]
    assert [lb["case_id"] for lb in summary] == ["hx11-summary-street", "hx12-summary-road"]
    for labels in summary:
        dates = labels["case"]["dates"]
        assert (dates["filed"], dates["notified"], dates["closed"]) == (None, None, None)
        assert dates["decided"] == dates["served"]


def test_pdf_pages_tile_the_pdf() -> None:
    for labels in _all():
        with pdfplumber.open(CASES_DIR / labels["case_id"] / f"{labels['case_id']}.pdf") as pdf:
            count = len(pdf.pages)
        spans = [tuple(d["pdf_pages"]) for d in labels["documents"]]
        assert spans[0][0] == 1
        assert spans[-1][1] == count
        assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))


def test_pdf_text_holds_the_number_as_printed_and_offset_page_numbers() -> None:
    with pdfplumber.open(CASES_DIR / "hx01-transport" / "hx01-transport.pdf") as pdf:
        decision = pdf.pages[12].extract_text()
        first_numbered = pdf.pages[2].extract_text()
        toc = pdf.pages[1].extract_text()
    assert "江交执罚〔2025〕第46号" in decision
    assert "行政处罚决定书" in decision
    assert first_numbered.rstrip().endswith("- 1 -")
    assert "行政处罚决定书 11" in toc


def test_date_traps_are_what_the_readme_says() -> None:
    by_id = {lb["case_id"]: lb["case"]["dates"] for lb in _all()}

    def d(case: str, key: str) -> dt.date:
        return dt.date.fromisoformat(by_id[case][key])

    # service on the 9th calendar day that is the 7th working day
    assert (d("hx01-transport", "served") - d("hx01-transport", "decided")).days == 9
    assert _working_days_after(d("hx01-transport", "decided"), d("hx01-transport", "served")) == 7
    # service across the 2025 National Day holiday: 12 calendar days, 4 working days
    assert _working_days_after(d("hx03-health", "decided"), d("hx03-health", "served")) == 4
    # decision exactly on day 90 after filing; day 95 without extension
    assert (d("hx09-emergency", "decided") - d("hx09-emergency", "filed")).days == 90
    assert (d("hx05-land", "decided") - d("hx05-land", "filed")).days == 95
    # service on working day 9
    assert _working_days_after(d("hx13-culture", "decided"), d("hx13-culture", "served")) == 9
