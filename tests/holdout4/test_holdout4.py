"""The fourth holdout family: reproducible, labelled with contract codes, its calendar the real one."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from pathlib import Path

import chinese_calendar
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role
from fixtures.holdout4.gen.cases import CASES
from fixtures.holdout4.gen.model import is_workday, workdays_after

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # the generator embeds WenQuanYi Micro Hei
CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "holdout4" / "cases"
CASE_IDS = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
SPECS = {spec.case.cid: spec for spec in (make() for make in CASES)}


def _expected(case_id: str) -> dict:
    return json.loads((CASES_DIR / case_id / "expected.json").read_text(encoding="utf-8"))


def test_ten_committed_cases() -> None:
    assert sorted(SPECS) == CASE_IDS
    assert len(CASE_IDS) == 10


@pytest.mark.skipif(not FONT.exists(), reason="生成需要文泉驿微米黑字体 (fonts-wqy-microhei)")
def test_regenerating_a_case_gives_the_committed_files(tmp_path: Path) -> None:
    from fixtures.holdout4.gen.build import build_case

    case_id = "h4-07-yn-culture-2023-unsealed"
    build_case(SPECS[case_id], tmp_path)
    committed, rebuilt = CASES_DIR / case_id, tmp_path / case_id
    for path in sorted(p for p in committed.rglob("*") if p.is_file()):
        assert (rebuilt / path.relative_to(committed)).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_labels_use_contract_codes(case_id: str) -> None:
    data = _expected(case_id)
    AgencyKind(data["agency_kind"])
    Procedure(data["procedure"])
    assert data["case_type"] == "administrative_penalty"
    assert list(data["case"]["dates"]) == ["filed", "notified", "decided", "served", "closed"]
    assert re.fullmatch(r"[^\s第〔〕]+〔20\d\d〕[1-9]\d*号", data["case"]["case_number"])
    pages = [doc["pdf_pages"] for doc in data["documents"]]
    assert pages[0][0] == 1
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(pages))
    for doc in data["documents"]:
        DocumentType(doc["type"])
        assert (CASES_DIR / case_id / doc["docx"]).is_file()
    for defect in data["defects"]:
        Defect(defect["defect"])
        DocumentType(defect["document_type"])
        assert (defect["role"] is None) == (defect["defect"] != "missing_signature")
        if defect["role"] is not None:
            Role(defect["role"])


def test_every_signature_role_and_three_missing_seals_are_labelled() -> None:
    defects = [d for cid in CASE_IDS for d in _expected(cid)["defects"]]
    assert sorted(d["role"] for d in defects if d["role"]) == [
        "approver",
        "officer",
        "party",
        "recipient",
        "recorder",
        "reviewer",
        "server",
        "witness",
    ]
    assert sorted(d["document_type"] for d in defects if d["defect"] == "missing_seal") == [
        "decision",
        "decision",
        "prior_notice",
    ]
    assert [cid for cid in CASE_IDS if not _expected(cid)["defects"]] == CASE_IDS[:5]


def test_the_family_calendar_is_the_official_one() -> None:
    days = {d for spec in SPECS.values() for d in spec.case.dates.values()}
    span = [min(days) + dt.timedelta(days=i) for i in range((max(days) - min(days)).days + 1)]
    assert [d for d in span if is_workday(d) != chinese_calendar.is_workday(d)] == []


def test_date_traps_and_defects_are_what_the_labels_say() -> None:
    holiday = SPECS["h4-01-sc-market-2023-holiday"].case.dates
    assert workdays_after(holiday["notice_served"], holiday["decided"]) == 6
    transport = SPECS["h4-03-ha-transport-2022-oversize"].case.dates
    assert transport["decision_served"] == dt.date(2022, 10, 9)
    assert (transport["decision_served"] - transport["decided"]).days == 10
    assert workdays_after(transport["decided"], transport["decision_served"]) == 3
    early = SPECS["h4-09-hl-agri-2026-early"].case.dates
    assert workdays_after(early["notice_served"], early["decided"]) == 2
    late = SPECS["h4-10-cq-urban-2025-late"].case.dates
    assert workdays_after(late["decided"], late["decision_served"]) == 11


def test_sizes_stay_small() -> None:
    files = [p for p in CASES_DIR.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 4_000_000
