"""Holdout 7 fixtures: byte-identical regeneration, well-formed labels, page ranges, an image-only scan."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout7"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def _expected(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def test_ten_cases() -> None:
    assert [p.name[:5] for p in CASES] == [f"h7-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
def test_regeneration_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixtures.holdout7.gen import __main__ as gen
    from fixtures.holdout7.gen import build

    monkeypatch.setattr(build, "ROOT", tmp_path)
    case = gen.CASES[5]()
    build.build_case(case)
    fresh, committed = tmp_path / case.id, ROOT / "cases" / case.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_check_passes() -> None:
    from fixtures.holdout7.gen import __main__ as gen
    from fixtures.holdout7.gen.calendar_check import check_all, check_periods

    cases = [make() for make in gen.CASES]
    check_all(cases)
    by_id = {c.id[:5]: c for c in cases}
    assert check_periods(by_id["h7-08"])["notice_period"] is False
    assert check_periods(by_id["h7-09"])["service"] is False
    assert all(check_periods(by_id[k]).values() for k in ("h7-01", "h7-02", "h7-03", "h7-04"))


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
    assert len(found) == 20
    assert sum(not _expected(case)["defects"] for case in CASES) == 4
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    seals = sorted(d["document_type"] for d in found if d["defect"] == "missing_seal")
    assert seals == ["decision", "hearing_notice", "prior_notice"]


def test_a_defect_page_points_into_its_document() -> None:
    for case in CASES:
        exp = _expected(case)
        for d in exp["defects"]:
            page = int(d["note"].rsplit("第", 1)[1].removesuffix("页）"))
            kinds = {
                doc["type"] for doc in exp["documents"] if doc["pdf_pages"][0] <= page <= doc["pdf_pages"][1]
            }
            want = "decision_approval" if d["defect"] == "legal_review_missing" else d["document_type"]
            assert kinds == {want}, (case.name, d)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = _expected(case)
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def test_scanner_two_pages(tmp_path: Path) -> None:
    from fixtures.holdout7.gen import scan

    case = CASES[7]
    out = scan.scan_case(case, tmp_path, "pdf", max_pages=2)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
