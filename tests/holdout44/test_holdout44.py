"""Holdout 44 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import datetime as dt
import io
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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout44"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
pytestmark = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _cases() -> dict[str, Any]:
    from fixtures.holdout44.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h44-{i:02d}" for i in range(1, 11)]
    p, g, d = "pibi", "gaozhi", "daozhuang"
    assert [_expected(x)["family"] for x in CASES] == [p, g, d, p, g, g, d, p, g, d]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2016, 2019, 2023, 2025, 2024, 2021, 2017, 2022, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h44-05"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion", "case_source")
    }
    assert with_type == {
        "legal_review": ["h44-04", "h44-08"],
        "hearing_record": ["h44-04"],
        "collective_discussion": ["h44-04"],
        "case_source": ["h44-08"],
    }


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        assert exp["case_type"] == "administrative_penalty"
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
        assert re.fullmatch(r".+[〔（\[]20\d\d[〕）\]](第)?\d+号|\d{16}", exp["case"]["case_number"])
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
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {d for d, _ in found} == set(Defect) - {
        Defect.MISSING_DOCUMENT,
        Defect.ARCHIVE_DEFECT,
        Defect.LEGAL_REVIEW_MISSING,
    }
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 3,
        "officer": 1,
        "approver": 1,
        "recorder": 1,
        "recipient": 1,
        "server": 1,
        "witness": 1,
        "reviewer": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 2,
        "missing_date": 1,
        "missing_element": 1,
        "remedy_notice_error": 2,
        "deadline_exceeded": 2,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "officer_requirement": 2,
        "citation_error": 1,
        "inconsistent_fact": 2,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h44-02", "h44-09", "h44-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h44-05" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout44.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY, s.extension))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h44-01": ["service"],
        "h44-03": ["notice_period"],
        "h44-07": ["order"],
        "h44-08": ["decision_90"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 5, 6))  # Saturday worked after 劳动节 2023
    assert not workday(dt.date(2023, 5, 3))
    assert workday(dt.date(2025, 4, 27))  # Sunday worked before 劳动节 2025
    assert not workday(dt.date(2026, 4, 6))  # 清明 2026
    assert add_workdays(dt.date(2023, 4, 27), 5) == dt.date(2023, 5, 8)
    assert add_workdays(dt.date(2025, 4, 18), 7) == dt.date(2025, 4, 28)
    assert add_workdays(dt.date(2021, 10, 13), 5) == dt.date(2021, 10, 20)
    assert add_workdays(dt.date(2026, 4, 1), 5) == dt.date(2026, 4, 9)
    netbar = specs["h44-03"].acts
    assert (
        netbar["notice_served"]
        < netbar["decided"]
        == dt.date(2023, 5, 6)
        < add_workdays(netbar["notice_served"], 5)
    )
    assert (netbar["decided"] - netbar["notice_served"]).days == 9
    presale = specs["h44-04"].acts
    assert presale["hearing_request"] <= add_workdays(presale["notice_served"], 5)
    assert presale["hearing"] >= add_workdays(presale["hearing_notified"], 7)
    assert (presale["decided"] - presale["filed"]).days == 70
    hazard = specs["h44-01"].acts
    assert (hazard["served"] - hazard["decided"]).days == 12
    clay = specs["h44-07"].acts
    assert clay["served"] < clay["decided"]
    dust = specs["h44-08"]
    assert (dust.acts["decided"] - dust.acts["filed"]).days == 99
    assert not dust.extension
    assert specs["h44-05"].acts["served"] == specs["h44-05"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout44.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, case in _cases().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / case.id / f"{case.id}.pdf"))
        pages = measure(case)
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
        "h44-01": [(1, "party"), (11, "server")],
        "h44-03": [(4, "recorder"), (6, "seal")],
        "h44-04": [(10, "party"), (11, "reviewer")],
        "h44-05": [(1, "officer")],
        "h44-06": [(2, "approver"), (3, "party")],
        "h44-07": [(7, "recipient"), (10, "seal")],
        "h44-08": [(13, "recipient"), (13, "witness")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout44.gen.docxout import BLANK
    from fixtures.holdout44.gen.model import Closing, Sigs, Table

    for case in _cases().values():
        for d in case.docs:
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [c.slot for b in blocks if isinstance(b, Table) for row in b.rows for c in row if c.slot]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            path = ROOT / "cases" / case.id / "docx" / f"{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            body = document.element.body
            assert sum(t.count(BLANK) for t in body.xpath(".//w:t/text()")) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    hazard, netbar, presale, phone, clinic, clay, dust, price, tax = (
        CASES[i] for i in (0, 2, 3, 4, 5, 6, 7, 8, 9)
    )
    assert "2016年5月9日15时20分" in _text(hazard, 11)
    assert "2016年4月27日" in _text(hazard, 10)
    assert "五个工作日内" in _text(netbar, 6)
    assert "2023年05月06日" in _text(netbar, 9)
    assert "当事人：扬中市云端网络科技有限公司" in _text(netbar, 8)
    assert "向泰州市住房和城乡建设局或者泰兴市人民政府申请行政复议" in _text(presale, 15)
    assert "或者在六个月内向新沂市人民法院提起行政诉讼" in _text(phone, 1)
    assert "先向" not in _text(phone, 1)
    assert "行政处罚法》第五十一条第（一）项" in _text(clinic, 10)
    assert "邳卫医罚〔2021〕42号" in _text(clinic, 11)
    assert "执法人员：刘文涛执法证号：320382210036" in _text(clinic, 1)
    assert "陈志飞（墩头国土所协管员）" in _text(clay, 1)
    assert "2017年8月7日10时20分" in _text(clay, 11)
    assert "二〇一七年八月十日" in _text(clay, 10)
    assert "十五日" not in _text(dust, 12)
    assert "留置送达" in _text(dust, 13)
    assert "烟台市蓬莱区人民政府申请行政复议" in _text(price, 9)
    assert "向宁波市地方税务局申请行政复议" in _text(tax, 7)
    assert "二○一五年十一月九日" in _text(tax, 7)


def _check(code: str, alphabet: str, weights: list[int], tail: str) -> bool:
    total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights, strict=True))
    return code[17] == tail[total % len(tail)]


def test_identity_numbers_are_well_formed() -> None:
    uscc = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    uscc_w = [pow(3, i, 31) for i in range(17)]
    uscc_tail = "".join(uscc[(31 - r) % 31] for r in range(31))
    id_w = [pow(2, 17 - i, 11) for i in range(17)]
    kinds = []
    for case in _cases().values():
        p = case.spec.party
        kinds.append(p.kind)
        if p.kind == "person":
            assert _check(p.code, "0123456789", id_w, "10X98765432"), p.code
        else:
            assert _check(p.code, uscc, uscc_w, uscc_tail), p.code
            assert p.code.startswith("91" if p.kind == "company" else "92")
            assert _check(p.rep_id, "0123456789", id_w, "10X98765432"), p.rep_id
    assert Counter(kinds) == {"company": 5, "business": 3, "person": 2}


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["冷水江", "江山", "扬中", "泰兴", "新沂", "邳州", "海安县", "龙港", "烟台市蓬莱区", "奉化市"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout44.gen.build import write_case

    folder = write_case(_cases()["h44-05"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 5
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert (
        sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        < 3_500_000
    )


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout44.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 3
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    assert (
        Image.open(
            io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), case.name, 1, "gaozhi"))
        ).mode
        == "RGB"
    )
    netbar = CASES[2]
    data = (netbar / f"{netbar.name}.pdf").read_bytes()
    turns = scan.turns(netbar.name, "daozhuang", 12)
    assert turns.count(90) == 1
    side = turns.index(90) + 1
    one = scan.scan_page(data, netbar.name, side, "daozhuang")
    assert one == scan.scan_page(data, netbar.name, side, "daozhuang")
    img = Image.open(io.BytesIO(one))
    assert img.mode == "L"
    assert img.info["dpi"][0] == pytest.approx(150)
    assert img.width > img.height
    pen = Image.open(io.BytesIO(scan.scan_page(data, netbar.name, 1, "pibi")))
    assert pen.mode == "RGB"
    assert pen.info["dpi"][0] == pytest.approx(170)
