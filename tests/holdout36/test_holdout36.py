"""Holdout 36 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout36"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")
pytestmark = needs_fonts


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout36.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h36-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    s, j, d = "shuiyin", "jiaodai", "duankong"
    assert fams == [s, j, d, s, j, d, j, s, d, j]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted(int(c.name.split("-")[-2]) for c in CASES)
    assert years == [2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h36-06"]


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        total = len(pdf)
        pdf.close()
        nxt = 1
        for i, d in enumerate(exp["documents"]):
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["docx"].startswith(f"docx/{i + 1:02d}")
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == total + 1
        assert len(list((case / "docx").glob("*.docx"))) == len(exp["documents"])
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            assert 1 <= page <= total


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert len({d for d, _ in found}) == 14
    sig = Counter(r for (d, r), n in found.items() for _ in range(n) if d == "missing_signature")
    assert sig == {
        "party": 2,
        "officer": 1,
        "approver": 1,
        "recipient": 1,
        "server": 1,
        "witness": 1,
        "recorder": 1,
        "reviewer": 1,
    }
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 1,
        "missing_date": 2,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h36-03", "h36-07", "h36-09"]


def test_dates_match_acts() -> None:
    blanks = {}
    for key, spec in _specs().items():
        exp = _expected(next(c for c in CASES if c.name.startswith(key)))
        for k, v in exp["case"]["dates"].items():
            if v is None:
                blanks[key] = k
            else:
                assert dt.date.fromisoformat(v) == spec.acts[k], (key, k)
    assert blanks == {"h36-01": "closed", "h36-04": "notified"}
    assert _expected(CASES[5])["case"]["dates"] == {"decided": "2025-03-14", "served": "2025-03-14"}


def test_calendar_checks() -> None:
    from fixtures.holdout36.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h36-01": ["service"],
        "h36-02": ["order"],
        "h36-05": ["notice_period"],
        "h36-08": ["ninety"],
    }
    declared = {k: sorted(s.broken) for k, s in _specs().items() if s.broken}
    assert declared == {k: v for k, v in broken.items() if v}
    assert add_workdays(dt.date(2022, 9, 5), 7) == dt.date(2022, 9, 15)  # 中秋 2022-09-12 off
    assert add_workdays(dt.date(2021, 9, 17), 5) == dt.date(2021, 9, 26)  # 9-18 (Sat) and 9-26 (Sun) worked
    assert workday(dt.date(2021, 9, 18))
    assert workday(dt.date(2024, 4, 28))
    a = _specs()["h36-08"].acts
    assert (a["decided"] - a["filed"]).days == 96
    h = _specs()["h36-03"].acts
    assert add_workdays(h["hearing_notified"], 7) <= h["hearing"]  # 七日前 in working days (清明 off)
    assert _specs()["h36-02"].acts["served"] < _specs()["h36-02"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout36.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, spec in _specs().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / spec.id / f"{spec.id}.pdf"))
        for i, slots in enumerate(measure(spec)):
            imgs = _images(pdf[i])
            for s in slots:
                x0, y0, x1, y1 = s.box
                hit = any(not (r[2] <= x0 or r[0] >= x1 or r[3] <= y0 or r[1] >= y1) for r in imgs)
                assert hit == s.signed, (key, i + 1, s)
                if not s.signed:
                    empty.setdefault(key, []).append((i + 1, s.role.value if s.role else "seal"))
        pdf.close()
    assert empty == {
        "h36-01": [(4, "party")],
        "h36-02": [(1, "officer"), (2, "approver"), (7, "seal")],
        "h36-04": [(10, "recipient")],
        "h36-05": [(11, "server"), (11, "server")],
        "h36-06": [(1, "party")],
        "h36-08": [(1, "witness"), (11, "seal")],
        "h36-10": [(5, "recorder"), (7, "reviewer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout36.gen.model import Closing, Stamp, slots_of

    for spec in _specs().values():
        for i, d in enumerate(spec.docs):
            blocks = [b for p in d.pages for b in p.blocks]
            made = sum(1 + x.fingerprint for b in blocks for x in slots_of(b) if x.name)
            made += sum(1 for b in blocks if (isinstance(b, Closing) and b.seal) or isinstance(b, Stamp))
            path = ROOT / "cases" / spec.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            doc = docx.Document(str(path))
            assert len(doc.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(doc.sections) == len(d.pages)


def test_texts_that_carry_defects() -> None:
    assert "第三十一条、第三十二条" in _text(CASES[0], 7)  # 2022 告知书 with the old articles
    assert "2022年9月21日" in _text(CASES[0], 12)
    final = _text(CASES[3], 9)
    assert "六十日内向常熟市人民政府申请行政复议" in final
    assert "苏州市税务局" not in final
    assert "年月日" in _text(CASES[3], 5)
    assert "收到本告知书之日起三日内" in _text(CASES[4], 6)
    summary = _text(CASES[5], 1)
    assert "先向桐乡市人民政府申请行政复议" in summary
    assert "十五日内到" not in summary
    assert "石狮市华锦印染有限公司" in _text(CASES[9], 9)
    assert "行政处罚决定书……………………12-13" in _text(CASES[9], 1)
    assert [d["type"] for d in _expected(CASES[9])["documents"]].count("service_receipt") == 1
    assert "legal_review" not in [d["type"] for d in _expected(CASES[7])["documents"]]


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["晋江", "寿光", "巩义", "常熟", "太仓", "桐乡", "余姚", "瑞安", "乐清", "石狮"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].replace("国家税务总局", "").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout36.gen.build import write_case

    folder = write_case(_specs()["h36-06"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout36.gen import scan

    case = CASES[5]
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig)
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scan.scan_page(orig, case.name, 0, "duankong") == scan.scan_page(orig, case.name, 0, "duankong")
    assert scan.scan_page(orig, case.name, 1, "shuiyin") != scan.scan_page(orig, case.name, 1, "jiaodai")
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    scanned.close()
    orig.close()
