"""Holdout 49 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout49"
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
    from fixtures.holdout49.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


@cache
def _texts(case: Path) -> tuple[str, ...]:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    texts = tuple(re.sub(r"\s+", "", str(p.get_textpage().get_text_range())) for p in pdf)
    pdf.close()
    return texts


def _text(case: Path, page: int) -> str:
    return _texts(case)[page - 1]


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h49-{i:02d}" for i in range(1, 11)]
    f, p, s = "fanping", "penmo", "suoyin"
    assert [_expected(x)["family"] for x in CASES] == [f, p, s, f, p, s, f, p, s, f]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2023, 2016, 2018, 2021, 2020, 2024, 2017, 2025, 2026, 2019]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h49-02"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion", "toc", "summary_decision")
    }
    assert with_type == {
        "legal_review": ["h49-01", "h49-04", "h49-06", "h49-09"],
        "hearing_record": ["h49-03"],
        "collective_discussion": ["h49-03", "h49-09"],
        "toc": ["h49-03"],
        "summary_decision": ["h49-02"],
    }


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        assert exp["case_type"] == "administrative_penalty"
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        total = len(_texts(case))
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
        assert re.fullmatch(r".+[〔（\[]20\d\d[〕）\]](第)?\d+号", exp["case"]["case_number"])
        assert exp["case"]["case_number"] in "".join(_texts(case))
        assert exp["renditions"] == {
            "docx": "docx/",
            "pdf": f"{case.name}.pdf",
            "scan_pdf": f"{case.name}.pdf",
        }
        for f in exp["defects"]:
            Defect(f["defect"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {r: 2 if r == "party" else 1 for r in Role}
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "deadline_exceeded": 2,
        "remedy_notice_error": 2,
        "archive_defect": 1,
        "premature_decision": 1,
        "citation_error": 1,
        "officer_requirement": 1,
        "missing_element": 1,
        "missing_date": 2,
        "inconsistent_fact": 1,
        "date_inconsistency": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h49-06", "h49-09", "h49-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h49-02" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout49.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.spec.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.spec.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h49-01": ["decision_90"],
        "h49-04": ["notice_period"],
        "h49-05": ["service"],
        "h49-08": ["order"],
    }
    assert {k: sorted(c.spec.broken) for k, c in cases.items() if c.spec.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2021, 10, 9))  # Saturday worked after 国庆 2021
    assert not workday(dt.date(2021, 10, 7))
    assert workday(dt.date(2023, 4, 23))  # Sunday worked before 劳动节 2023
    assert not workday(dt.date(2025, 4, 4))  # 清明 2025
    pest = cases["h49-04"].spec.acts
    assert add_workdays(pest["notice_served"], 5) == dt.date(2021, 10, 11) > pest["decided"]
    assert (pest["decided"] - pest["notice_served"]).days == 11
    food = cases["h49-01"].spec.acts
    assert (food["decided"] - food["filed"]).days == 102
    land = cases["h49-05"].spec.acts
    assert (land["served"] - land["decided"]).days == 12
    fumes = cases["h49-08"].spec.acts
    assert fumes["served"] < fumes["decided"]
    assert add_workdays(fumes["notice_served"], 5) == dt.date(2025, 4, 11) < fumes["decided"]
    boiler = cases["h49-03"].spec.acts
    assert (boiler["hearing"] - boiler["hearing_notified"]).days == 11
    assert boiler["request"] <= boiler["notice_served"] + dt.timedelta(days=3)
    inn = cases["h49-06"].spec.acts
    assert add_workdays(inn["notice_served"], 5) == dt.date(2024, 4, 16) < inn["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout49.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, case in _cases().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / case.id / f"{case.id}.pdf"))
        pages = measure(case)
        assert len(pages) == len(pdf)
        for i, out in enumerate(pages):
            imgs = _images(pdf[i])
            for s in out:
                x0, y0, x1, y1 = s.box
                hit = any(not (r[2] <= x0 or r[0] >= x1 or r[3] <= y0 or r[1] >= y1) for r in imgs)
                assert hit == s.signed, (key, i + 1, s)
                if not s.signed:
                    empty.setdefault(key, []).append((i + 1, s.role.value if s.role else "seal"))
        pdf.close()
    assert empty == {
        "h49-01": [(4, "party"), (9, "seal")],
        "h49-02": [(1, "officer")],
        "h49-03": [(5, "seal"), (6, "recorder")],
        "h49-04": [(2, "approver"), (4, "reviewer")],
        "h49-05": [(2, "party"), (3, "seal"), (6, "server")],
        "h49-07": [(1, "witness")],
        "h49-08": [(6, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout49.gen.docxout import BLANK
    from fixtures.holdout49.gen.model import Closing, Grid, Sigs, Slot

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [v for b in blocks if isinstance(b, Grid) for _, v in b.rows if isinstance(v, Slot)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            document = docx.Document(str(ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"))
            body = document.element.body
            assert len(body.xpath(".//pic:pic")) == made, (case.id, d.stem)
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(t.count(BLANK) for t in body.xpath(".//w:t/text()")) == blanks, (case.id, d.stem)


def test_texts_that_carry_defects() -> None:
    food, hosp, boiler, pest, land, _inn, truck, fumes, _train, tax = CASES
    assert "2023年5月19日" in _text(food, 9)
    assert "被询问人签名：询问人" in _text(food, 4)
    assert "在三个月内依法向万年县人民法院提起行政诉讼" in _text(hosp, 1)
    assert "办案人民警察（签名）：（警号：036152）" in _text(hosp, 1)
    assert "32018.6.1行政处罚事先（听证）告知书页号342018.6.19听证笔录页号5" in _text(boiler, 1)
    assert "听证通知书" not in _text(boiler, 1)
    assert "书记员：" in _text(boiler, 6)
    assert "2021年10月9日" in _text(pest, 7)
    assert "五个工作日内" in _text(pest, 5)
    assert "《中华人民共和国土地管理法》第七十六条第一款" in _text(land, 5)
    assert "2020-07-1116:00" in _text(land, 6)
    assert "龚小军（大队协管员）" in _text(truck, 3)
    assert "陈述" not in _text(truck, 4)
    assert "申辩" not in _text(truck, 4)
    assert "审批日期年月日" in _text(truck, 6)
    assert "向九江市城市管理局或者彭泽县人民政府申请行政复议" in _text(fumes, 5)
    assert "好味来餐馆" in _text(fumes, 3)
    assert "好味道餐馆" in _text(fumes, 5)
    assert "2025年4月16日15时00分" in _text(fumes, 6)
    assert "向国家税务总局九江市税务局申请行政复议" in _text(tax, 5)


def test_identity_numbers_are_well_formed() -> None:
    from fixtures.holdout49.gen.kit import USCC

    for case in CASES:
        for code in re.findall(r"9[12]\d{6}[0-9A-Z]{10}", "".join(_texts(case))):
            total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
            assert code[17] == USCC[(31 - total % 31) % 31], code
        for ident in re.findall(r"36\d{15}[\dX]", "".join(_texts(case))):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["浮梁", "万年", "余干", "弋阳", "横峰", "铅山", "湖口", "彭泽", "修水", "武宁"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout49.gen.build import write_case

    folder = write_case(_cases()["h49-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout49.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    assert scan.scan_case(case, tmp_path / "again", workers=2).read_bytes() == out.read_bytes()
    pdf = (CASES[1] / f"{CASES[1].name}.pdf").read_bytes()
    img = Image.open(io.BytesIO(scan.scan_page(pdf, "penmo", CASES[1].name, 0)))
    a = np.asarray(img, dtype=np.float32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 180)
    a = a[60:-60, 60:-60]
    dark = a[a.mean(axis=2) < 80]
    assert float((dark.max(axis=1) - dark.min(axis=1)).mean()) > 15  # the black carries a colour cast
    tabs = CASES[2] / f"{CASES[2].name}.pdf"
    img = Image.open(io.BytesIO(scan.scan_page(tabs.read_bytes(), "suoyin", CASES[2].name, 2)))
    assert (img.width, round(img.info["dpi"][0])) == (round(595.28 / 72 * 160) + round(160 * 12 / 25.4), 160)
    edge = np.asarray(img, dtype=np.int32)[60:-60, -40:-20]
    red = (edge[..., 0] > 170) & (edge[..., 1] < 90) & (edge[..., 2] < 90)
    assert red.sum() > 500  # the red index tab stands out of the sheet
    screen = CASES[9] / f"{CASES[9].name}.pdf"
    img = Image.open(io.BytesIO(scan.scan_page(screen.read_bytes(), "fanping", CASES[9].name, 0)))
    a = np.asarray(img, dtype=np.float32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    assert a[3:12, 3:12].mean() < 45  # the desk beyond the tilted screen
    blank = a[900:1100, 300:900]
    assert blank[..., 2].mean() > blank[..., 0].mean() + 10  # bluish backlight
    red_cols = [float(blank[:60, k::3, 0].mean()) for k in range(3)]
    assert max(red_cols) - min(red_cols) > 3  # the screen's sub-pixel columns, period 3 px
