"""Holdout 37 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout37"
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
    from fixtures.holdout37.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h37-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    t, s, r = "touyin", "shouwen", "remin"
    assert fams == [t, s, r, t, s, r, t, s, r, t]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted(int(c.name.split("-")[-2]) for c in CASES)
    assert years == [2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h37-06"]


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
        assert exp["renditions"] == {
            "docx": "docx/",
            "pdf": f"{case.name}.pdf",
            "scan_pdf": f"{case.name}.pdf",
        }
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
        "approver": 1,
        "recipient": 1,
        "officer": 1,
        "recorder": 1,
        "server": 1,
        "witness": 1,
        "reviewer": 1,
    }
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 1,
        "missing_date": 1,
    }
    assert found[("remedy_notice_error", None)] == 2
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h37-03", "h37-05", "h37-07"]


def test_dates_match_acts() -> None:
    for key, spec in _specs().items():
        exp = _expected(next(c for c in CASES if c.name.startswith(key)))
        for k, v in exp["case"]["dates"].items():
            assert dt.date.fromisoformat(v) == spec.acts[k], (key, k)
    assert _expected(CASES[5])["case"]["dates"] == {"decided": "2025-06-17", "served": "2025-06-17"}
    assert _expected(CASES[0])["case"]["dates"]["served"] == "2023-10-16"


def test_calendar_checks() -> None:
    from fixtures.holdout37.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h37-01": ["service"],
        "h37-02": ["notice_period"],
        "h37-08": ["ninety"],
        "h37-09": ["order"],
    }
    declared = {k: sorted(s.broken) for k, s in _specs().items() if s.broken}
    assert declared == {k: v for k, v in broken.items() if v}
    assert add_workdays(dt.date(2023, 9, 27), 7) == dt.date(2023, 10, 12)  # 中秋国庆 off, 10-07/08 worked
    assert add_workdays(dt.date(2024, 4, 28), 5) == dt.date(2024, 5, 8)  # 劳动节 off
    assert add_workdays(dt.date(2022, 5, 5), 7) == dt.date(2022, 5, 13)  # 2022-05-07 (Sat) worked
    assert add_workdays(dt.date(2021, 8, 30), 5) == dt.date(2021, 9, 6)
    assert workday(dt.date(2024, 4, 28))
    assert workday(dt.date(2024, 5, 11))
    a = _specs()["h37-08"].acts
    assert (a["decided"] - a["filed"]).days == 100
    h = _specs()["h37-05"].acts
    assert add_workdays(h["hearing_notified"], 7) <= h["hearing"]
    assert add_workdays(h["notice_served"], 5) >= dt.date(2022, 4, 28)  # the 听证 request was in time
    n = _specs()["h37-02"].acts
    assert n["decided"] <= n["notice_served"] + dt.timedelta(days=3)
    assert _specs()["h37-09"].acts["approved"] > _specs()["h37-09"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout37.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, spec in _specs().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / spec.id / f"{spec.id}.pdf"))
        pages = measure(spec)
        assert len(pages) == len(pdf)
        for i, out in enumerate(pages):
            imgs = _images(pdf[i])
            for s in out.slots:
                x0, y0, x1, y1 = s.box
                hit = any(not (r[2] <= x0 or r[0] >= x1 or r[3] <= y0 or r[1] >= y1) for r in imgs)
                assert hit == s.signed, (key, i + 1, s)
                if not s.signed:
                    empty.setdefault(key, []).append((i + 1, s.role.value if s.role else "seal"))
        pdf.close()
    assert empty == {
        "h37-01": [(4, "party"), (7, "seal")],
        "h37-02": [(2, "approver"), (3, "recorder"), (4, "recorder"), (10, "seal")],
        "h37-04": [(2, "party"), (10, "recipient")],
        "h37-06": [(1, "officer")],
        "h37-08": [(1, "witness")],
        "h37-09": [(12, "server"), (12, "server")],
        "h37-10": [(7, "reviewer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout37.gen.model import Closing, Sigs, Stamp

    for spec in _specs().values():
        for i, d in enumerate(spec.docs):
            blocks = [b for page in d.pages for b in page]
            made = sum(1 + s.thumb for b in blocks if isinstance(b, Sigs) for s in b.slots if s.name)
            made += sum(1 for b in blocks if (isinstance(b, Closing) and b.seal) or isinstance(b, Stamp))
            path = ROOT / "cases" / spec.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)


def test_texts_that_carry_defects() -> None:
    assert "罚款人民币5000元" in _text(CASES[0], 9)  # 审批表 differs from the decision
    assert "罚款人民币8000元" in _text(CASES[0], 11)
    assert "2023年10月16日" in _text(CASES[0], 12)
    assert "收到本告知书之日起三日内" in _text(CASES[1], 6)
    assert "2019年07月10日" in _text(CASES[1], 10)
    assert "执法证号：" in _text(CASES[3], 2)
    assert "32118102011" not in _text(CASES[3], 2)
    summary = _text(CASES[5], 1)
    assert "在六个月内直接向人民法院提起行政诉讼" in summary
    assert "先向" not in summary
    decision = _text(CASES[7], 11)
    assert "胶州市人民政府或者青岛市自然资源和规划局申请行政复议" in decision
    assert "2026.1.21" in decision
    assert "第五十一条第（一）项" in _text(CASES[8], 11)
    assert "2021年09月14日" in _text(CASES[8], 9)
    toc = _text(CASES[9], 1)
    assert "行政处罚决定书……………………二○一六年六月二十日……………13-14" in toc
    notice = _text(CASES[9], 9)
    assert "陈述、申辩" in notice
    assert "听证" not in notice
    assert "payment_receipt" not in [d["type"] for d in _expected(CASES[9])["documents"]]
    assert "legal_review" not in [d["type"] for d in _expected(CASES[7])["documents"]]


def _check(code: str, alphabet: str, weights: list[int], tail: str) -> bool:
    total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights, strict=True))
    return code[17] == tail[total % len(tail)]


def test_identity_numbers_are_well_formed() -> None:
    uscc = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    uscc_w = [pow(3, i, 31) for i in range(17)]
    uscc_tail = "".join(uscc[(31 - r) % 31] for r in range(31))
    id_w = [pow(2, 17 - i, 11) for i in range(17)]
    for spec in _specs().values():
        p = spec.party
        if p.kind == "person":
            assert _check(p.code, "0123456789", id_w, "10X98765432"), p.code
        else:
            assert _check(p.code, uscc, uscc_w, uscc_tail), p.code


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["福清", "宜兴", "张家港", "丹阳", "温岭", "迁安", "滕州", "胶州", "浏阳", "醴陵"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].replace("国家税务总局", "").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout37.gen.build import write_case

    folder = write_case(_specs()["h37-06"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout37.gen import scan

    case = CASES[5]
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig)
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scan.scan_page(orig, case.name, 1, "touyin") == scan.scan_page(orig, case.name, 1, "touyin")
    assert scan.scan_page(orig, case.name, 1, "shouwen", city="迁安") != scan.scan_page(
        orig, case.name, 1, "touyin"
    )
    assert scan.backs(_expected(CASES[0]))[2] == 3  # 询问笔录 pages 3-4 are one sheet
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    scanned.close()
    orig.close()
