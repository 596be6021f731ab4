"""The third holdout family: reproducible, labelled with contract codes, date traps right."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pdfplumber
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role
from fixtures.holdout3.gen.build import CASES_DIR, build_case
from fixtures.holdout3.gen.cases import all_cases
from fixtures.holdout3.gen.fmt import days_after, is_workday, upper_amount, workdays_after

CASE_IDS = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())


def _expected(case_id: str) -> dict:
    return json.loads((CASES_DIR / case_id / "expected.json").read_text(encoding="utf-8"))


def _dates(case_id: str) -> dict[str, dt.date]:
    spec = next(s for s, _ in all_cases() if s.case_id == case_id)
    return spec.dates


def test_ten_committed_cases() -> None:
    assert sorted(spec.case_id for spec, _ in all_cases()) == CASE_IDS
    assert len(CASE_IDS) == 10


def test_regenerating_a_case_gives_the_committed_files(tmp_path: Path) -> None:
    spec, docs = next((s, d) for s, d in all_cases() if s.case_id == "h3-04-customs-2025-vertical")
    out = build_case(spec, docs, tmp_path)
    committed = CASES_DIR / spec.case_id
    assert (out / "expected.json").read_text(encoding="utf-8") == (committed / "expected.json").read_text(
        encoding="utf-8"
    )
    for docx in sorted((committed / "docx").iterdir()):
        assert (out / "docx" / docx.name).read_bytes() == docx.read_bytes(), docx.name


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_labels_use_contract_codes(case_id: str) -> None:
    data = _expected(case_id)
    AgencyKind(data["agency_kind"])
    procedure = Procedure(data["procedure"])
    assert data["case_type"] == "administrative_penalty"
    keys = (
        ["decided", "served"]
        if procedure is Procedure.SUMMARY
        else ["filed", "notified", "decided", "served", "closed"]
    )
    assert list(data["case"]["dates"]) == keys
    assert re.fullmatch(r"[^\s第〔〕]+〔20\d\d〕[1-9]\d*号", data["case"]["case_number"])
    for doc in data["documents"]:
        DocumentType(doc["type"])
        assert (CASES_DIR / case_id / doc["docx"]).is_file()
        assert doc["docx_pages"][0] == 1
        assert doc["pdf_pages"][0] <= doc["pdf_pages"][1]
    for defect in data["defects"]:
        Defect(defect["defect"])
        DocumentType(defect["document_type"])
        assert (defect["role"] is None) == (defect["defect"] != "missing_signature")
        if defect["role"] is not None:
            Role(defect["role"])


def test_defect_coverage_and_clean_half() -> None:
    defects = [d for cid in CASE_IDS for d in _expected(cid)["defects"]]
    assert {d["defect"] for d in defects} == {
        "missing_signature",
        "missing_seal",
        "missing_date",
        "missing_element",
        "remedy_notice_error",
        "deadline_exceeded",
        "premature_decision",
        "date_inconsistency",
        "officer_requirement",
        "citation_error",
        "inconsistent_fact",
        "legal_review_missing",
        "missing_document",
    }
    assert sorted(d["role"] for d in defects if d["role"]) == ["approver", "party", "recipient"]
    clean = [cid for cid in CASE_IDS if not _expected(cid)["defects"]]
    assert clean == [
        "h3-01-eco-2025-vocs",
        "h3-02-land-2025-holiday",
        "h3-03-city-2023-both-routes",
        "h3-04-customs-2025-vertical",
        "h3-05-netbar-2025-summary",
    ]


def test_service_on_ninth_calendar_day_is_seventh_working_day() -> None:
    d = _dates("h3-01-eco-2025-vocs")
    assert days_after(d["decided"], d["served"]) == 9
    assert workdays_after(d["decided"], d["served"]) == 7


def test_spring_festival_period_and_day_ninety() -> None:
    d = _dates("h3-02-land-2025-holiday")
    assert is_workday(dt.date(2025, 1, 26))
    assert is_workday(dt.date(2025, 2, 8))
    assert not is_workday(dt.date(2025, 1, 28))
    assert not is_workday(dt.date(2025, 2, 4))
    assert d["notice_served"] == dt.date(2025, 1, 26)
    # the fifth working day after service is Saturday 8 February; the decision comes on the sixth
    assert workdays_after(d["notice_served"], dt.date(2025, 2, 8)) == 5
    assert workdays_after(d["notice_served"], d["decided"]) == 6
    assert days_after(d["filed"], d["decided"]) == 90
    assert workdays_after(d["decided"], d["served"]) == 1


def test_customs_service_on_a_working_saturday() -> None:
    d = _dates("h3-04-customs-2025-vertical")
    assert d["served"] == dt.date(2025, 10, 11)
    assert is_workday(d["served"])
    assert workdays_after(d["notice_served"], d["decided"]) > 5


def test_clean_general_cases_keep_every_deadline() -> None:
    for case_id in [
        "h3-01-eco-2025-vocs",
        "h3-02-land-2025-holiday",
        "h3-03-city-2023-both-routes",
        "h3-04-customs-2025-vertical",
    ]:
        d = _dates(case_id)
        assert days_after(d["filed"], d["decided"]) <= 90, case_id
        assert workdays_after(d["notice_served"], d["decided"]) > 5, case_id
        assert 0 <= workdays_after(d["decided"], d["served"]) <= 7, case_id
        assert d["filed"] <= d["inspect"] <= d["inquiry"] <= d["notice"] <= d["approval"] <= d["decided"], (
            case_id
        )
        assert d["served"] <= d["paid"] <= d["closed"], case_id


def test_defective_dates_are_what_the_labels_say() -> None:
    agri = _dates("h3-09-agri-2025-premature")
    assert workdays_after(agri["notice_served"], agri["decided"]) == 2
    assert agri["served"] < agri["decided"]
    housing = _dates("h3-10-housing-2025-day100")
    assert days_after(housing["filed"], housing["decided"]) == 100
    assert _expected("h3-10-housing-2025-day100")["case"]["dates"]["served"] is None
    assert _expected("h3-07-civildefence-2025-undated")["case"]["dates"]["decided"] is None


def test_pdf_text_holds_the_printed_case_number() -> None:
    pdf = CASES_DIR / "h3-04-customs-2025-vertical" / "h3-04-customs-2025-vertical.pdf"
    data = _expected("h3-04-customs-2025-vertical")
    decision = next(d for d in data["documents"] if d["type"] == "decision")
    with pdfplumber.open(pdf) as doc:
        text = doc.pages[decision["pdf_pages"][0] - 1].extract_text()
    assert "北仑关缉违字[2025]0021号" in text
    assert "中华人民共和国宁波海关申请行政复议" in text.replace("\n", "")


def test_capital_amounts() -> None:
    assert upper_amount(20000) == "贰万元整"
    assert upper_amount(150000) == "壹拾伍万元整"
    assert upper_amount(10500) == "壹万零伍佰元整"


def test_sizes_stay_small() -> None:
    files = [p for p in CASES_DIR.rglob("*") if p.is_file()]
    assert all(p.stat().st_size < 20_000 for p in files if p.suffix == ".docx")
    assert sum(p.stat().st_size for p in files) < 4_000_000
