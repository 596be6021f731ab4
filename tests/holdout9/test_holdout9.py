"""Holdout 9 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout9"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def test_ten_cases() -> None:
    assert [p.name[:5] for p in CASES] == [f"h9-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
def test_regeneration_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixtures.holdout9.gen import __main__ as gen
    from fixtures.holdout9.gen import build

    monkeypatch.setattr(build, "ROOT", tmp_path)
    spec = gen.CASES[9]()
    build.build_case(spec)
    fresh, committed = tmp_path / spec.id, ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout9.gen import __main__ as gen
    from fixtures.holdout9.gen.calendar_check import check_all, check_periods, nth_workday_after

    specs = [make() for make in gen.CASES]
    check_all(specs)
    by_id = {s.id[:5]: s for s in specs}
    for clean in ("h9-01", "h9-03", "h9-04", "h9-08"):
        assert all(check_periods(by_id[clean]).values()), clean
    assert check_periods(by_id["h9-05"])["ninety"] is False
    assert check_periods(by_id["h9-06"])["notice_period"] is False
    assert check_periods(by_id["h9-07"])["order"] is False
    assert check_periods(by_id["h9-09"])["service"] is False
    # the 调休 days the traps rest on
    assert nth_workday_after(date(2021, 9, 15), 5) == date(2021, 9, 23)
    assert nth_workday_after(date(2023, 1, 17), 5) == date(2023, 1, 29)
    assert nth_workday_after(date(2022, 9, 28), 7) == date(2022, 10, 12)
    assert nth_workday_after(date(2024, 9, 26), 5) == date(2024, 10, 9)
    assert nth_workday_after(date(2025, 9, 22), 7) == date(2025, 9, 30)
    # naive counters are fooled
    assert check_periods(by_id["h9-01"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h9-04"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h9-03"], "monfri")["service"] is False
    assert check_periods(by_id["h9-06"], "monfri")["notice_period"] is True
    assert check_periods(by_id["h9-09"], "noadjust")["service"] is True
    assert check_periods(by_id["h9-08"], "calendar")["service"] is False
    for day_ninety in ("h9-03", "h9-08"):
        p = by_id[day_ninety].periods
        assert (p.decided - p.filed).days == 90


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
    assert len(found) == 21
    assert [c.name[:5] for c in CASES if not _expected(c)["defects"]] == ["h9-01", "h9-03", "h9-04", "h9-08"]
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    seals = sorted(d["document_type"] for d in found if d["defect"] == "missing_seal")
    assert seals == ["decision", "hearing_notice", "prior_notice"]
    others = sorted(d["defect"] for d in found if d["defect"] not in {"missing_signature", "missing_seal"})
    assert others == sorted(
        [
            "citation_error",
            "deadline_exceeded",
            "deadline_exceeded",
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
        c.name[:5]: sorted((d["defect"], d["role"], _page(d["note"])) for d in _expected(c)["defects"])
        for c in CASES
    }
    assert pages["h9-02"] == [
        ("citation_error", None, 7),
        ("missing_seal", None, 11),
        ("missing_signature", "party", 4),
    ]
    assert pages["h9-09"] == [
        ("deadline_exceeded", None, 12),
        ("missing_signature", "recipient", 9),
        ("missing_signature", "server", 12),
    ]


def test_missing_date_nulls_closed() -> None:
    exp = _expected(_case("h9-10"))
    assert exp["case"]["dates"]["closed"] is None
    assert exp["case"]["dates"]["served"] == "2026-05-15"
    assert _expected(_case("h9-05"))["case"]["dates"] == {
        "filed": "2023-10-09",
        "notified": "2023-12-25",
        "decided": "2024-01-10",
        "served": "2024-01-12",
        "closed": "2024-01-31",
    }


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = _expected(case)
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def test_unsealed_decision_has_no_image() -> None:
    """A decision page carries exactly one image (the seal) unless its seal is labelled missing."""

    def images(case: Path, page: int) -> int:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        count = sum(1 for obj in pdf[page - 1].get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        pdf.close()
        return count

    for prefix, sealed in (("h9-02", False), ("h9-01", True), ("h9-09", True)):
        case = _case(prefix)
        page = next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == "decision")
        assert images(case, page) == (1 if sealed else 0), case.name


def test_decision_text_layer() -> None:
    case = _case("h9-05")
    page = next(d["pdf_pages"][0] for d in _expected(case)["documents"] if d["type"] == "decision")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "")
    pdf.close()
    assert "玉市环罚〔2024〕第012号" in text
    assert "广西壮族自治区生态环境厅" in text
    assert "二〇二四年一月十日" in text


def test_total_size_under_five_megabytes() -> None:
    assert (
        sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        < 5_000_000
    )


def test_scanner_two_pages(tmp_path: Path) -> None:
    from fixtures.holdout9.gen import scan

    case = CASES[5]
    out = scan.scan_case(case, tmp_path, max_pages=2)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
