"""Holdout 51 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout51"
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
    from fixtures.holdout51.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h51-{i:02d}" for i in range(1, 11)]
    q, t, j = "qianbi", "tiaoseban", "jiupian"
    assert [_expected(c)["family"] for c in CASES] == [q, t, j, q, t, j, q, t, j, t]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = [int(c.name.split("-")[-2]) for c in CASES]
    assert years == [2023, 2018, 2016, 2024, 2022, 2019, 2025, 2017, 2015, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h51-02"]
    with_type = {
        t: [c.name[:6] for c in CASES if any(d["type"] == t for d in _expected(c)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion", "toc", "payment_receipt")
    }
    assert with_type == {
        "legal_review": ["h51-01", "h51-04", "h51-05", "h51-10"],
        "hearing_record": ["h51-04"],
        "collective_discussion": ["h51-05", "h51-09"],
        "toc": ["h51-08"],
        "payment_receipt": ["h51-02", "h51-07"],
    }
    assert [len(_texts(c)) for c in CASES] == [8, 2, 6, 8, 8, 7, 8, 8, 8, 8]


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        assert exp["case_type"] == "administrative_penalty"
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        nxt = 1
        for i, d in enumerate(exp["documents"]):
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["docx"].startswith(f"docx/{i + 1:02d}")
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == len(_texts(case)) + 1
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
    want: dict[str, int] = {**dict.fromkeys(Role, 1), "party": 2}
    assert sig == want
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 4,
        "premature_decision": 1,
        "citation_error": 1,
        "remedy_notice_error": 1,
        "deadline_exceeded": 2,
        "missing_date": 2,
        "missing_element": 1,
        "archive_defect": 1,
        "inconsistent_fact": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h51-02", "h51-05", "h51-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]


def test_calendar_checks() -> None:
    from fixtures.holdout51.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h51-01": ["notice_period"],
        "h51-03": ["service"],
        "h51-10": ["decision_90", "order"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 10, 7))
    assert workday(dt.date(2023, 10, 8))
    assert not workday(dt.date(2022, 6, 3))  # 端午 2022
    food = cases["h51-01"].acts
    assert add_workdays(food["notice_served"], 5) == dt.date(2023, 10, 10) > food["decided"]
    assert (cases["h51-03"].acts["served"] - cases["h51-03"].acts["decided"]).days == 9
    dust = cases["h51-04"].acts
    assert add_workdays(dust["notice_served"], 5) == dt.date(2024, 5, 10) >= dust["request"]
    assert (dust["hearing"] - dust["hearing_notified"]).days == 8
    assert dust["decided"] > dust["hearing"]
    training = cases["h51-05"].acts
    assert add_workdays(training["notice_served"], 5) == dt.date(2022, 6, 10) < training["decided"]
    hotel = cases["h51-07"].acts
    assert add_workdays(hotel["notice_served"], 5) == dt.date(2025, 3, 24) < hotel["decided"]
    bar = cases["h51-10"].acts
    assert (bar["decided"] - bar["filed"]).days == 106
    assert bar["notice_served"] < bar["notified"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout51.gen.pdfout import measure

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
        "h51-01": [(3, "party")],
        "h51-03": [(2, "officer"), (3, "seal"), (5, "server")],
        "h51-04": [(3, "seal"), (5, "recorder")],
        "h51-06": [(6, "witness")],
        "h51-07": [(5, "seal"), (8, "approver")],
        "h51-08": [(3, "party"), (7, "recipient")],
        "h51-10": [(3, "reviewer"), (4, "seal")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout51.gen.docxout import BLANK
    from fixtures.holdout51.gen.model import Closing, Grid, Sigs, Slot

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
    food, licence, pest, dust, _training, truck, hotel, land, _rebar, bar = CASES
    assert "第三十一条、第三十二条、第四十二条" in _text(food, 5)
    assert "2023年10月9日" in _text(food, 6)
    assert "六十日内向新邵县人民政府或者邵阳市公安局" in _text(licence, 1)
    assert "当事人：双牌县泷泊镇丰收农资经营部负责人：蒋国华经查" in _text(pest, 4)
    assert "2016年6月3日" in _text(pest, 5)
    assert "审核日期年月日" in _text(dust, 6)
    assert "书记员：" in _text(dust, 5)
    assert "审批日期年月日" in _text(truck, 2)
    assert "询问人、记录人：黄文斌" in _text(truck, 3)
    assert "湘L·D5832" in _text(truck, 1)
    assert "湘L·D5382" in _text(truck, 5)
    assert "见证人签名（村委会）" in _text(truck, 6)
    assert "向郴州市卫生健康委员会或者安仁县人民政府申请行政复议" in _text(hotel, 5)
    assert "询问笔录2017.3.9页号2现场勘测笔录2017.3.9页号4" in _text(land, 1).replace("序号3", "")
    assert "送达时间2026年4月3日" in _text(bar, 5)
    assert "2026年4月7日" in _text(bar, 4)


def test_identity_numbers_are_well_formed() -> None:
    from fixtures.holdout51.gen.kit import USCC

    for case in CASES:
        text = "".join(_texts(case))
        codes = re.findall(r"9[12]43\d{4}[0-9A-Z]{10}", text)
        for code in codes:
            total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
            assert code[17] == USCC[(31 - total % 31) % 31], code
        for ident in re.findall(r"43\d{15}[\dX]", text):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["绥宁", "新邵", "双牌", "蓝山", "临武", "桂东", "安仁", "宜章", "永兴", "新田"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout51.gen.build import write_case

    folder = write_case(_cases()["h51-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout51.gen import scan

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
    pdf = (case / f"{case.name}.pdf").read_bytes()
    img = Image.open(io.BytesIO(scan.scan_page(pdf, "tiaoseban", case.name, 1)))
    a = np.asarray(img, dtype=np.int32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    red = (a[..., 0] - a[..., 2] > 60) & (a[..., 0] > 150)
    assert red.sum() > 500  # the seal keeps its red through the palette
    pest = CASES[2]
    img = Image.open(
        io.BytesIO(scan.scan_page((pest / f"{pest.name}.pdf").read_bytes(), "jiupian", pest.name, 6))
    )
    a = np.asarray(img, dtype=np.float32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 170)
    assert a[:6, :6].mean() < 40
    assert a[-6:, -6:].mean() < 40
    assert a[600:700, 500:700].mean() > 200  # the page itself stays white
    food = CASES[0]
    img = Image.open(
        io.BytesIO(scan.scan_page((food / f"{food.name}.pdf").read_bytes(), "qianbi", food.name, 2))
    )
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 200)
