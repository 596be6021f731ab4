"""Holdout 12 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout12"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CLEAN = ["h12-01", "h12-04", "h12-07", "h12-09"]


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict:
    from fixtures.holdout12.gen.__main__ import CASES as MAKERS

    return {s.id[:6]: s for s in (make() for make in MAKERS)}


def _first_page(case: Path, kind: str) -> int:
    return next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == kind)


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "").replace("\n", "")
    pdf.close()
    return text


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h12-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
@pytest.mark.parametrize("prefix", ["h12-05", "h12-06"])
def test_regeneration_is_byte_identical(tmp_path: Path, prefix: str) -> None:
    from fixtures.holdout12.gen.build import build_case

    spec = _specs()[prefix]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout12.gen.calendar_check import check_case, check_periods, nth_workday_after

    by_id = _specs()
    for spec in by_id.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in by_id.items()}
    assert broken == {
        "h12-01": set(),
        "h12-02": {"notice_period"},
        "h12-03": {"service"},
        "h12-04": set(),
        "h12-05": set(),
        "h12-06": {"order"},
        "h12-07": set(),
        "h12-08": set(),
        "h12-09": set(),
        "h12-10": {"ninety", "order"},
    }
    assert nth_workday_after(date(2021, 9, 15), 5) == date(2021, 9, 23)
    assert nth_workday_after(date(2022, 9, 28), 7) == date(2022, 10, 12)
    assert nth_workday_after(date(2023, 9, 26), 5) == date(2023, 10, 9)
    assert nth_workday_after(date(2026, 2, 11), 5) == date(2026, 2, 25)
    assert nth_workday_after(date(2025, 12, 30), 3) == date(2026, 1, 5)
    # the naive counters the traps aim at
    assert check_periods(by_id["h12-02"], "monfri")["notice_period"] is True
    assert check_periods(by_id["h12-03"], "noadjust")["service"] is True
    assert check_periods(by_id["h12-04"], "calendar")["service"] is False
    assert check_periods(by_id["h12-09"], "noadjust")["notice_period"] is False
    d = by_id["h12-10"].dates
    assert (d["decided"] - d["filed"]).days == 99
    assert by_id["h12-01"].dates["served"].isoweekday() == 7  # a 调休 Sunday, a working day
    assert by_id["h12-05"].dates["decided"].isoweekday() == 7


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    assert (exp["case_type"], exp["procedure"]) == ("administrative_penalty", "general")
    c = exp["case"]
    assert "第" not in c["case_number"]
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
    assert len(found) == 23
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
            "premature_decision",
            "citation_error",
            "deadline_exceeded",
            "deadline_exceeded",
            "remedy_notice_error",
            "remedy_notice_error",
            "remedy_notice_error",
            "legal_review_missing",
            "date_inconsistency",
            "date_inconsistency",
            "missing_date",
            "officer_requirement",
            "missing_element",
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
        c.name[:6]: sorted((d["defect"], d["role"] or "", _page(d["note"])) for d in _expected(c)["defects"])
        for c in CASES
    }
    assert pages["h12-05"] == [
        ("missing_seal", "", 12),
        ("missing_signature", "party", 4),
        ("missing_signature", "recorder", 3),
        ("remedy_notice_error", "", 12),
    ]
    assert pages["h12-06"] == [
        ("date_inconsistency", "", 15),
        ("legal_review_missing", "", 13),
        ("missing_signature", "server", 10),
    ]


def test_dates() -> None:
    assert _expected(_case("h12-06"))["case"]["dates"] == {
        "filed": "2025-03-03",
        "notified": "2025-03-31",
        "decided": "2025-04-30",
        "served": "2025-04-29",
        "closed": "2025-05-16",
    }
    assert _expected(_case("h12-07"))["case"]["dates"]["served"] == "2026-01-05"


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
        ("h12-05", "decision", False),
        ("h12-03", "prior_notice", False),
        ("h12-03", "decision", True),
        ("h12-05", "prior_notice", True),
        ("h12-09", "decision", True),
    ):
        case = _case(prefix)
        assert _images(case, _first_page(case, kind)) == (1 if sealed else 0), (prefix, kind)


def test_text_layer() -> None:
    case = _case("h12-05")
    text = _text(case, _first_page(case, "decision"))
    assert "温鹿市监处罚〔2024〕第212号" in text
    assert "温州市鹿城区人民政府或者温州市市场监督管理局" in text
    assert "2024年4月28日" in text
    case = _case("h12-01")
    assert "二〇一九年九月二十七日" in _text(case, _first_page(case, "decision"))
    assert "第三十一条、第三十二条、第四十二条" in _text(case, _first_page(case, "prior_notice"))
    case = _case("h12-10")
    assert "陈述、申辩" not in _text(case, _first_page(case, "prior_notice"))
    assert "三十日内" in _text(case, _first_page(case, "decision"))


def test_docx_pictures() -> None:
    """The seal is a floating picture in the docx; a missing seal or signature leaves no picture."""

    def xml(case: Path, stem: str) -> str:
        path = next((case / "docx").glob(f"*{stem}.docx"))
        with zipfile.ZipFile(path) as zf:
            return zf.read("word/document.xml").decode("utf-8")

    assert xml(_case("h12-05"), "行政处罚决定书").count("<wp:anchor") == 0
    assert xml(_case("h12-04"), "行政处罚决定书").count("<wp:anchor") == 1
    assert xml(_case("h12-08"), "法制审核意见书").count("<pic:pic") == 0
    assert xml(_case("h12-09"), "法制审核意见书").count("<pic:pic") == 1


def test_total_size_under_four_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_draws_seals_and_writes_no_text(tmp_path: Path) -> None:
    from fixtures.holdout12.gen import scan

    spec = _specs()["h12-09"]
    case = _case("h12-09")
    page = _first_page(case, "decision")
    out = scan.scan_case(spec, tmp_path, pages=[1, page])
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert scan.red_pixels(out, 2) > 300
    assert scan.red_pixels(out, 1) == 0
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
