"""Holdout 10 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout10"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CLEAN = ["h10-01", "h10-02", "h10-05", "h10-08"]


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict:
    from fixtures.holdout10.gen import __main__ as gen

    return {s.id[:6]: s for s in (make() for make in gen.CASES)}


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h10-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
@pytest.mark.parametrize("prefix", ["h10-04", "h10-07"])
def test_regeneration_is_byte_identical(tmp_path: Path, prefix: str) -> None:
    from fixtures.holdout10.gen import build

    spec = _specs()[prefix]
    fresh, committed = build.build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout10.gen.calendar_check import check_all, check_periods, nth_workday_after

    by_id = _specs()
    check_all(list(by_id.values()))
    for clean in CLEAN:
        assert all(check_periods(by_id[clean]).values()), clean
    assert {k for k, ok in check_periods(by_id["h10-04"]).items() if not ok} == {"notice_period"}
    assert {k for k, ok in check_periods(by_id["h10-06"]).items() if not ok} == {"service"}
    assert {k for k, ok in check_periods(by_id["h10-09"]).items() if not ok} == {"ninety", "order"}
    for prefix in ("h10-03", "h10-07", "h10-10"):
        assert all(check_periods(by_id[prefix]).values()), prefix
    # the 调休 working days the traps rest on
    assert nth_workday_after(date(2022, 3, 30), 5) == date(2022, 4, 7)
    assert nth_workday_after(date(2023, 9, 26), 7) == date(2023, 10, 11)
    assert nth_workday_after(date(2021, 9, 17), 7) == date(2021, 9, 28)
    assert nth_workday_after(date(2026, 2, 10), 5) == date(2026, 2, 24)
    assert nth_workday_after(date(2026, 2, 25), 7) == date(2026, 3, 5)
    assert nth_workday_after(date(2025, 4, 25), 5) == date(2025, 5, 6)
    assert nth_workday_after(date(2026, 9, 15), 7) == date(2026, 9, 23)
    # naive counters are fooled
    assert check_periods(by_id["h10-01"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h10-08"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h10-05"], "noadjust")["hearing_notice"] is False
    assert check_periods(by_id["h10-02"], "calendar")["service"] is False
    assert check_periods(by_id["h10-02"], "monfri")["service"] is False
    assert check_periods(by_id["h10-04"], "monfri")["notice_period"] is True
    assert check_periods(by_id["h10-06"], "noadjust")["service"] is True
    p = by_id["h10-02"].dates
    assert (p["decided"] - p["filed"]).days == 90
    p = by_id["h10-09"].dates
    assert (p["decided"] - p["filed"]).days == 105


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
        assert set(d) == {"defect", "role", "document_type", "note"}
        assert d["defect"] in {x.value for x in Defect}
        assert d["document_type"] in types
        assert d["note"].endswith("页）")
        if d["defect"] == "missing_signature":
            assert d["role"] in {r.value for r in Role}
        else:
            assert d["role"] is None


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 21
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    seals = sorted(d["document_type"] for d in found if d["defect"] == "missing_seal")
    assert seals == ["decision", "prior_notice"]
    others = sorted(d["defect"] for d in found if d["defect"] not in {"missing_signature", "missing_seal"})
    assert others == sorted(
        [
            "citation_error",
            "deadline_exceeded",
            "deadline_exceeded",
            "remedy_notice_error",
            "remedy_notice_error",
            "premature_decision",
            "date_inconsistency",
            "officer_requirement",
            "legal_review_missing",
            "missing_date",
            "inconsistent_fact",
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
            assert kinds == {want}, (case.name, d)


def test_labelled_pages() -> None:
    pages = {
        c.name[:6]: sorted((d["defect"], d["role"], _page(d["note"])) for d in _expected(c)["defects"])
        for c in CASES
    }
    assert pages["h10-03"] == [
        ("missing_seal", None, 7),
        ("missing_signature", "party", 4),
        ("missing_signature", "witness", 2),
        ("remedy_notice_error", None, 10),
    ]
    assert pages["h10-06"] == [
        ("deadline_exceeded", None, 12),
        ("missing_signature", "officer", 3),
        ("missing_signature", "server", 12),
        ("officer_requirement", None, 2),
    ]
    assert pages["h10-07"] == [
        ("citation_error", None, 6),
        ("legal_review_missing", None, 12),
        ("missing_seal", None, 13),
        ("missing_signature", "recipient", 7),
    ]


def test_null_dates() -> None:
    assert _expected(_case("h10-10"))["case"]["dates"] == {
        "filed": "2022-05-16",
        "notified": "2022-06-27",
        "decided": "2022-07-08",
        "served": None,
        "closed": "2022-07-26",
    }
    assert _expected(_case("h10-09"))["case"]["dates"]["decided"] == "2023-06-19"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = _expected(case)
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def _images(case: Path, page: int) -> int:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    count = sum(1 for obj in pdf[page - 1].get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    pdf.close()
    return count


def test_seal_images_follow_the_labels() -> None:
    """A decision or 告知书 page carries exactly one image (the seal) unless its seal is labelled missing."""
    for prefix, kind, sealed in (
        ("h10-07", "decision", False),
        ("h10-03", "prior_notice", False),
        ("h10-03", "decision", True),
        ("h10-07", "prior_notice", True),
        ("h10-01", "decision", True),
    ):
        case = _case(prefix)
        page = next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == kind)
        assert _images(case, page) == (1 if sealed else 0), (prefix, kind)


def test_text_layer() -> None:
    case = _case("h10-03")
    page = next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == "decision")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "")
    pdf.close()
    assert "海旅文罚〔2024〕19号" in text
    assert "海南省旅游和文化广电体育厅" in text
    assert "2024年5月8日" in text


def test_total_size_under_five_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 5_000_000


def test_scanner_two_pages(tmp_path: Path) -> None:
    from fixtures.holdout10.gen import scan

    case = _case("h10-06")
    out = scan.scan_case(case, tmp_path, max_pages=2)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
