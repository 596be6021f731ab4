"""Holdout 8 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout8"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def test_ten_cases() -> None:
    assert [p.name[:5] for p in CASES] == [f"h8-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
def test_regeneration_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixtures.holdout8.gen import __main__ as gen
    from fixtures.holdout8.gen import build

    monkeypatch.setattr(build, "ROOT", tmp_path)
    case = gen.CASES[7]()
    build.build_case(case)
    fresh, committed = tmp_path / case.id, ROOT / "cases" / case.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout8.gen import __main__ as gen
    from fixtures.holdout8.gen.calendar_check import _official, check_all, check_periods, nth_workday_after

    cases = [make() for make in gen.CASES]
    check_all(cases)
    by_id = {c.id[:5]: c for c in cases}
    assert all(all(check_periods(by_id[k]).values()) for k in ("h8-01", "h8-02", "h8-03", "h8-04"))
    assert check_periods(by_id["h8-05"])["service"] is False
    assert check_periods(by_id["h8-06"])["notice_period"] is False
    assert check_periods(by_id["h8-09"])["ninety"] is False
    assert check_periods(by_id["h8-09"])["order"] is False
    # h8-02: day 90 exactly; h8-04: the 调休 Saturday counts for the hearing notice and the service
    assert (by_id["h8-02"].periods["decided"] - by_id["h8-02"].periods["filed"]).days == 90
    assert nth_workday_after(date(2024, 9, 6), 6, _official) == date(2024, 9, 14)
    assert check_periods(by_id["h8-04"], "noadjust")["hearing_notice"] is False
    assert check_periods(by_id["h8-03"], "calendar")["service"] is False


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    assert (exp["case_type"], exp["procedure"]) == ("administrative_penalty", "general")
    c = exp["case"]
    assert "第" not in c["case_number"]
    assert " " not in c["case_number"]
    assert "〔" in c["case_number"]
    assert c["case_number"].endswith("号")
    assert set(c["dates"]) == {"filed", "notified", "decided", "served", "closed"}
    types = {t.value for t in DocumentType}
    for doc in exp["documents"]:
        assert doc["type"] in types
        assert (case / doc["docx"]).exists()
        assert doc["docx_pages"] == [1, doc["pdf_pages"][1] - doc["pdf_pages"][0] + 1]
    for d in exp["defects"]:
        assert d["defect"] in {x.value for x in Defect}
        assert d["document_type"] in types
        assert d["note"].endswith("页）")
        if d["defect"] == "missing_signature":
            assert d["role"] in {r.value for r in Role}
        else:
            assert d["role"] is None


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 22
    assert sum(not _expected(case)["defects"] for case in CASES) == 4
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    seals = sorted(d["document_type"] for d in found if d["defect"] == "missing_seal")
    assert seals == ["decision", "decision", "hearing_notice", "prior_notice"]
    others = sorted(d["defect"] for d in found if d["defect"] not in {"missing_signature", "missing_seal"})
    assert others == sorted(
        [
            "deadline_exceeded",
            "deadline_exceeded",
            "premature_decision",
            "remedy_notice_error",
            "missing_date",
            "legal_review_missing",
            "officer_requirement",
            "date_inconsistency",
            "citation_error",
        ]
    )


def test_a_defect_page_points_into_its_document() -> None:
    for case in CASES:
        exp = _expected(case)
        for d in exp["defects"]:
            page = _page(d["note"])
            kinds = {
                doc["type"] for doc in exp["documents"] if doc["pdf_pages"][0] <= page <= doc["pdf_pages"][1]
            }
            want = {"legal_review_missing": "decision_approval"}.get(d["defect"], d["document_type"])
            if d["defect"] == "deadline_exceeded" and d["document_type"] == "service_receipt":
                want = "service_receipt"
            assert kinds == {want}, (case.name, d)


def test_missing_date_nulls_closed() -> None:
    exp = _expected(next(c for c in CASES if c.name.startswith("h8-07")))
    assert exp["case"]["dates"]["closed"] is None
    assert exp["case"]["dates"]["served"] == "2025-06-23"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = _expected(case)
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def test_unsealed_decision_has_no_image_over_its_signoff() -> None:
    """The labelled unsealed decision pages carry fewer images than a sealed one of the same family."""

    def images(case: Path, page: int) -> int:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        count = sum(1 for obj in pdf[page - 1].get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        pdf.close()
        return count

    for prefix, sealed in (("h8-05", False), ("h8-10", False), ("h8-03", True)):
        case = next(c for c in CASES if c.name.startswith(prefix))
        exp = _expected(case)
        page = next(d["pdf_pages"][0] for d in exp["documents"] if d["type"] == "decision")
        assert images(case, page) == (1 if sealed else 0), case.name


def test_total_size_under_five_megabytes() -> None:
    assert sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file()) < 5_000_000


def test_scanner_two_pages(tmp_path: Path) -> None:
    from fixtures.holdout8.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path, max_pages=2)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
