"""Holdout 6 fixtures: byte-identical regeneration, well-formed labels, page ranges, an image-only scan."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout6"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


def test_ten_cases() -> None:
    assert [p.name[:5] for p in CASES] == [f"h6-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
def test_regeneration_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fixtures.holdout6.gen import __main__ as gen
    from fixtures.holdout6.gen import build

    monkeypatch.setattr(build, "ROOT", tmp_path)
    plan = gen.CASES[5]()
    build.build_case(plan)
    fresh, committed = tmp_path / plan.case.id, ROOT / "cases" / plan.case.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
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
    for d in exp["defects"]:
        assert d["defect"] in {x.value for x in Defect}
        assert d["document_type"] in types
        assert d["note"].endswith("页）")
        if d["defect"] == "missing_signature":
            assert d["role"] in {r.value for r in Role}
        else:
            assert d["role"] is None


def test_defect_totals() -> None:
    found = [d for case in CASES for d in json.loads((case / "expected.json").read_text("utf-8"))["defects"]]
    assert len(found) == 20
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    assert sum(d["defect"] == "missing_seal" for d in found) == 3


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def test_scanner_one_page(tmp_path: Path) -> None:
    from fixtures.holdout6.gen import scan

    case = CASES[3]
    out = scan.scan_case(case, tmp_path, "pdf", max_pages=1)
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 1
    assert pdf[0].get_textpage().get_text_range().strip() == ""
    pdf.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
