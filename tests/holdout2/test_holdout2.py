"""The second holdout set: regenerates exactly, uses contract codes, and its date traps hold per
chinese_calendar."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import chinese_calendar
import docx
import pdfplumber
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role
from fixtures.holdout2.gen.build import write_case
from fixtures.holdout2.gen.registry import CASES

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout2" / "cases"


def _truth(case_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads((ROOT / case_id / "expected.json").read_text(encoding="utf-8"))


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _working_days_after(start: dt.date, end: dt.date) -> int:
    """Working days in (start, end], per the official calendar."""
    return sum(
        chinese_calendar.is_workday(start + dt.timedelta(days=k)) for k in range(1, (end - start).days + 1)
    )


def _docx_text(case_id: str, doc_type: str) -> str:
    entry = next(d for d in _truth(case_id)["documents"] if d["type"] == doc_type)
    document = docx.Document(str(ROOT / case_id / entry["docx"]))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_every_registered_case_is_committed() -> None:
    assert sorted(CASES) == sorted(p.name for p in ROOT.iterdir() if p.is_dir())
    assert len(CASES) == 12


@pytest.mark.skipif(
    not Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").exists(),
    reason="生成需要文泉驿微米黑字体 (fonts-wqy-microhei)",
)
@pytest.mark.parametrize("case_id", ["h2-labour-2025-national-day", "h2-urban-2024-summary"])
def test_regenerating_a_case_gives_the_committed_files(case_id: str, tmp_path: Path) -> None:
    out = write_case(CASES[case_id](), tmp_path)
    assert json.loads((out / "expected.json").read_text(encoding="utf-8")) == _truth(case_id)
    assert (out / f"{case_id}.pdf").read_bytes() == (ROOT / case_id / f"{case_id}.pdf").read_bytes()
    for made in sorted((out / "docx").iterdir()):
        assert made.read_bytes() == (ROOT / case_id / "docx" / made.name).read_bytes(), made.name


def test_labels_use_contract_codes_and_cover_every_defect() -> None:
    defects, roles, clean, kinds = set(), set(), 0, set()
    for case_id in CASES:
        truth = _truth(case_id)
        kinds.add(AgencyKind(truth["agency_kind"]))
        assert Procedure(truth["procedure"])
        assert truth["case_type"] == "administrative_penalty"
        assert re.fullmatch(r"[^〔〕\s第]+〔20\d\d〕[1-9]\d*号", truth["case"]["case_number"])
        for entry in truth["documents"]:
            DocumentType(entry["type"])
            assert (ROOT / case_id / entry["docx"]).is_file()
            assert entry["pdf_pages"][0] <= entry["pdf_pages"][1]
        for found in truth["defects"]:
            defects.add(Defect(found["defect"]))
            DocumentType(found["document_type"])
            if found["defect"] == "missing_signature":
                roles.add(Role(found["role"]))
            assert 1 <= len(truth["defects"]) <= 3
        clean += not truth["defects"]
    assert defects == set(Defect)
    assert roles == {Role.PARTY, Role.APPROVER, Role.RECIPIENT, Role.OFFICER}
    assert clean == 6
    assert len(kinds) >= 7


def test_summary_cases_carry_only_decided_and_served() -> None:
    for case_id in ("h2-transport-2025-summary", "h2-urban-2024-summary"):
        dates = _truth(case_id)["case"]["dates"]
        assert dates["filed"] is None
        assert dates["notified"] is None
        assert dates["closed"] is None
        assert dates["decided"] == dates["served"]


def test_service_on_the_ninth_calendar_day_is_the_seventh_working_day() -> None:
    dates = _truth("h2-mkt-county-2025-price-tags")["case"]["dates"]
    decided, served = _day(dates["decided"]), _day(dates["served"])
    assert (served - decided).days == 9
    assert _working_days_after(decided, served) == 7


def test_service_across_national_day_is_in_time() -> None:
    dates = _truth("h2-labour-2025-national-day")["case"]["dates"]
    decided, served = _day(dates["decided"]), _day(dates["served"])
    assert (decided, served) == (dt.date(2025, 9, 30), dt.date(2025, 10, 11))
    assert chinese_calendar.is_workday(served)
    assert served.weekday() == 5
    assert chinese_calendar.is_holiday(dt.date(2025, 10, 8))
    assert (served - decided).days == 11
    assert _working_days_after(decided, served) == 3


def test_statement_period_across_national_day_ends_after_the_decision() -> None:
    truth = _truth("h2-commerce-2025-prepaid")
    notified, decided = _day(truth["case"]["dates"]["notified"]), _day(truth["case"]["dates"]["decided"])
    assert chinese_calendar.is_workday(dt.date(2025, 9, 28))
    assert _working_days_after(notified, decided) == 4  # the 5-working-day period ends 10-10
    assert {d["defect"] for d in truth["defects"]} >= {"premature_decision"}


def test_decision_on_day_ninety_after_filing() -> None:
    dates = _truth("h2-forest-2025-day90")["case"]["dates"]
    assert (_day(dates["decided"]) - _day(dates["filed"])).days == 90


def test_late_service_is_the_tenth_working_day() -> None:
    dates = _truth("h2-civil-affairs-2025-hearing")["case"]["dates"]
    assert _working_days_after(_day(dates["decided"]), _day(dates["served"])) == 10


def test_remedy_notices_of_the_clean_traps() -> None:
    water = _docx_text("h2-water-2023-abstraction", "decision")
    assert "向清江县人民政府或者云州市水务局申请行政复议" in water
    assert "二○二三年四月六日" in water
    tax = _docx_text("h2-tax-2025-underreport", "decision")
    assert "向国家税务总局云州市税务局申请行政复议" in tax
    assert "人民政府" not in tax
    transport = _docx_text("h2-transport-2025-summary", "summary_decision")
    assert "应当先" in transport
    assert "复议决定书之日起十五日内" in transport


def test_pdf_text_holds_the_printed_case_number_on_the_decision_page() -> None:
    truth = _truth("h2-mkt-county-2025-price-tags")
    page = next(d for d in truth["documents"] if d["type"] == "decision")["pdf_pages"][0]
    with pdfplumber.open(ROOT / truth["case_id"] / f"{truth['case_id']}.pdf") as pdf:
        text = pdf.pages[page - 1].extract_text()
        fonts = {ch["fontname"] for ch in pdf.pages[page - 1].chars}
    assert "青市监罚 〔2025〕 46 号" in text
    assert truth["case"]["case_number"] == "青市监罚〔2025〕46号"
    assert fonts
    assert all(re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei-\d+", name) for name in fonts)


def test_notice_and_receipt_share_one_pdf_page() -> None:
    docs = _truth("h2-labour-2025-national-day")["documents"]
    notice = next(d for d in docs if d["type"] == "prior_notice")
    receipt = docs[docs.index(notice) + 1]
    assert receipt["type"] == "service_receipt"
    assert receipt["pdf_pages"] == notice["pdf_pages"]


def test_toc_page_numbers_are_off_only_in_the_archive_defect_case() -> None:
    for case_id, shift in (("h2-health-2025-unlicensed-dentist", 1), ("h2-water-2023-abstraction", 0)):
        docs = _truth(case_id)["documents"]
        toc = _docx_text(case_id, "toc")
        listed = [
            d
            for d in docs[docs.index(next(d for d in docs if d["type"] == "toc")) + 1 :]
            if d["type"] != "remarks"
        ]
        rows = re.findall(r"^(\d+)\n.+?\n(\d+(?:-\d+)?)\n", toc, flags=re.M)
        assert len(rows) == len(listed)
        for (seq, span), entry in zip(rows, listed, strict=True):
            start, end = entry["pdf_pages"]
            off = shift if int(seq) >= 5 else 0
            assert span == (str(start + off) if start == end else f"{start + off}-{end + off}")


def test_sizes_stay_small() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 5_000_000
    assert max(p.stat().st_size for p in files if p.suffix == ".docx") < 20_000
