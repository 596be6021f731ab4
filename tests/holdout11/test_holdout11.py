"""Holdout 11 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout11"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CLEAN = ["h11-01", "h11-03", "h11-06", "h11-09"]


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict:
    from fixtures.holdout11.gen import __main__ as gen

    return {s.id[:6]: s for s in (make() for make in gen.CASES)}


def _first_page(case: Path, kind: str) -> int:
    return next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == kind)


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h11-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
@pytest.mark.parametrize("prefix", ["h11-04", "h11-06"])
def test_regeneration_is_byte_identical(tmp_path: Path, prefix: str) -> None:
    from fixtures.holdout11.gen import build

    spec = _specs()[prefix]
    fresh, committed = build.build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout11.gen.calendar_check import check_all, check_periods, nth_workday_after

    by_id = _specs()
    check_all(list(by_id.values()))
    for prefix in ("h11-01", "h11-02", "h11-03", "h11-04", "h11-06", "h11-07", "h11-09"):
        assert all(check_periods(by_id[prefix]).values()), prefix
    assert {k for k, ok in check_periods(by_id["h11-05"]).items() if not ok} == {"notice_period"}
    assert {k for k, ok in check_periods(by_id["h11-08"]).items() if not ok} == {"service"}
    assert {k for k, ok in check_periods(by_id["h11-10"]).items() if not ok} == {"ninety", "order"}
    # the working days the traps rest on (调休 weekends count, holidays do not)
    assert nth_workday_after(date(2025, 1, 23), 6) == date(2025, 2, 7)
    assert nth_workday_after(date(2023, 9, 25), 7) == date(2023, 10, 10)
    assert nth_workday_after(date(2022, 9, 28), 5) == date(2022, 10, 10)
    assert nth_workday_after(date(2025, 9, 25), 7) == date(2025, 10, 11)
    assert nth_workday_after(date(2026, 4, 30), 5) == date(2026, 5, 11)
    assert nth_workday_after(date(2024, 4, 2), 5) == date(2024, 4, 10)
    assert nth_workday_after(date(2020, 6, 23), 5) == date(2020, 7, 1)
    # naive counters are fooled
    assert check_periods(by_id["h11-03"], "monfri")["service"] is False
    assert check_periods(by_id["h11-03"], "calendar")["service"] is False
    assert check_periods(by_id["h11-06"], "noadjust")["hearing_notice"] is False
    assert check_periods(by_id["h11-09"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h11-02"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h11-05"], "monfri")["notice_period"] is True
    assert check_periods(by_id["h11-08"], "noadjust")["service"] is True
    assert check_periods(by_id["h11-01"], law="2021")["notice_period"] is False
    p = by_id["h11-10"].dates
    assert (p["decided"] - p["filed"]).days == 102


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
    assert len(found) == 22
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
            "missing_element",
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
    assert pages["h11-02"] == [
        ("missing_element", None, 10),
        ("missing_seal", None, 7),
        ("missing_signature", "witness", 2),
        ("remedy_notice_error", None, 10),
    ]
    assert pages["h11-04"] == [
        ("inconsistent_fact", None, 11),
        ("missing_signature", "party", 4),
        ("missing_signature", "recorder", 2),
        ("officer_requirement", None, 3),
    ]
    assert pages["h11-07"] == [
        ("citation_error", None, 14),
        ("legal_review_missing", None, 13),
        ("missing_seal", None, 14),
        ("missing_signature", "server", 10),
    ]
    assert pages["h11-08"] == [
        ("deadline_exceeded", None, 14),
        ("missing_signature", "officer", 3),
        ("missing_signature", "recipient", 10),
    ]


def test_dates() -> None:
    assert _expected(_case("h11-05"))["case"]["dates"] == {
        "filed": "2022-08-29",
        "notified": "2022-09-26",
        "decided": "2022-10-10",
        "served": "2022-10-12",
        "closed": None,
    }
    assert _expected(_case("h11-03"))["case"]["dates"]["closed"] == "2025-02-08"


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
        ("h11-07", "decision", False),
        ("h11-02", "prior_notice", False),
        ("h11-02", "decision", True),
        ("h11-07", "prior_notice", True),
        ("h11-03", "decision", True),
    ):
        case = _case(prefix)
        assert _images(case, _first_page(case, kind)) == (1 if sealed else 0), (prefix, kind)


def test_text_layer() -> None:
    case = _case("h11-02")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[_first_page(case, "decision") - 1].get_textpage().get_text_range().replace("\r\n", "")
    pdf.close()
    assert "汕环罚字[2024]第11号" in text
    assert "汕头市人民政府或者广东省生态环境厅" in text
    assert "2024年4月11日" in text
    assert "十五日内" not in text


def test_docx_seal_anchor() -> None:
    """In the docx the seal is a floating picture behind the 落款; a missing seal leaves none."""

    def anchors(case: Path, stem: str) -> int:
        path = next((case / "docx").glob(f"*{stem}.docx"))
        with zipfile.ZipFile(path) as zf:
            return zf.read("word/document.xml").decode("utf-8").count('behindDoc="1"')

    assert anchors(_case("h11-07"), "行政处罚决定书") == 0
    assert anchors(_case("h11-06"), "行政处罚决定书") == 1
    assert anchors(_case("h11-02"), "行政处罚事先告知书") == 0


def test_total_size_under_four_and_a_half_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_500_000


def test_scanner_keeps_seals_red_and_text_out(tmp_path: Path) -> None:
    from fixtures.holdout11.gen import scan

    case = _case("h11-01")
    page = _first_page(case, "decision")
    out = scan.scan_case(case, tmp_path, pages=[1, page])
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert scan.red_pixels(out, 2) > 300
    assert scan.red_pixels(out, 1) == 0
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
