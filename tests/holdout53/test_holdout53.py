"""Holdout 53 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout53"
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
    from fixtures.holdout53.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h53-{i:02d}" for i in range(1, 11)]
    c, t, a = "chongzhu", "tuofen", "anjiao"
    assert [_expected(x)["family"] for x in CASES] == [c, t, a, c, t, a, c, t, a, c]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2019, 2020, 2023, 2017, 2018, 2024, 2022, 2021, 2015, 2025]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h53-02"]
    with_type = {
        k: [x.name[:6] for x in CASES if any(d["type"] == k for d in _expected(x)["documents"])]
        for k in ("legal_review", "hearing_record", "collective_discussion", "payment_receipt", "evidence")
    }
    assert with_type == {
        "legal_review": ["h53-03", "h53-06"],
        "hearing_record": ["h53-08"],
        "collective_discussion": ["h53-03", "h53-05", "h53-09"],
        "payment_receipt": ["h53-02", "h53-05"],
        "evidence": ["h53-07"],
    }
    assert [len(_texts(x)) for x in CASES] == [7, 2, 8, 7, 8, 8, 7, 8, 7, 6]


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
        assert re.fullmatch(r".+[〔（\[]20\d\d[〕）\]].*\d+号", exp["case"]["case_number"])
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
    assert sig == {
        "party": 3,
        "recorder": 1,
        "reviewer": 1,
        "witness": 1,
        "approver": 1,
        "recipient": 1,
        "server": 1,
        "officer": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "deadline_exceeded": 2,
        "premature_decision": 1,
        "officer_requirement": 1,
        "missing_date": 1,
        "date_inconsistency": 1,
        "remedy_notice_error": 1,
        "inconsistent_fact": 1,
        "legal_review_missing": 1,
        "missing_element": 1,
        "citation_error": 1,
        "archive_defect": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h53-02", "h53-05", "h53-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]
    assert "closed" not in _expected(CASES[3])["case"]["dates"]  # the 结案 approval is undated


def test_calendar_checks() -> None:
    from fixtures.holdout53.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h53-01": ["service"],
        "h53-03": ["notice_period"],
        "h53-08": ["decision_90"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 10, 7))  # Saturday worked after the 国庆 2023 holiday
    assert not workday(dt.date(2023, 10, 2))
    expired = cases["h53-01"].acts
    assert not cases["h53-01"].law2021
    assert (expired["served"] - expired["decided"]).days == 11
    waste = cases["h53-03"].acts
    assert add_workdays(waste["notice_served"], 5) == dt.date(2023, 10, 10) > waste["decided"]
    clinic = cases["h53-06"].acts
    assert add_workdays(clinic["notice_served"], 5) == dt.date(2024, 6, 7) < clinic["decided"]
    truck = cases["h53-07"].acts
    assert add_workdays(truck["notice_served"], 5) == dt.date(2022, 3, 23) < truck["decided"]
    land = cases["h53-08"].acts
    assert land["request"] <= add_workdays(land["notice_served"], 5)
    assert (land["hearing"] - land["hearing_notified"]).days == 11
    assert (land["decided"] - land["filed"]).days == 105
    tax = cases["h53-10"].acts
    assert add_workdays(tax["notice_served"], 5) == dt.date(2025, 3, 28) < tax["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout53.gen.pdfout import measure

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
        "h53-01": [(3, "party"), (5, "seal")],
        "h53-03": [(2, "recorder"), (3, "reviewer")],
        "h53-04": [(2, "witness"), (5, "seal")],
        "h53-06": [(5, "approver")],
        "h53-07": [(2, "party"), (4, "seal"), (6, "recipient")],
        "h53-08": [(5, "party"), (7, "server")],
        "h53-10": [(2, "officer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout53.gen.docxout import BLANK
    from fixtures.holdout53.gen.model import Closing, Grid, Sigs, Slot

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            slots = [s for b in d.blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [v for b in d.blocks if isinstance(b, Grid) for _, v in b.rows if isinstance(v, Slot)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in d.blocks if isinstance(b, Closing) and b.seal)
            document = docx.Document(str(ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"))
            body = document.element.body
            assert len(body.xpath(".//pic:pic")) == made, (case.id, d.stem)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(t.count(BLANK) for t in body.xpath(".//w:t/text()")) == blanks, (case.id, d.stem)


def test_texts_that_carry_defects() -> None:
    expired, licence, waste, pest, _train, clinic, truck, land, permit, tax = CASES
    assert "二〇一九年四月二十五日" in _text(expired, 5)
    assert "送达方式直接送达" in _text(expired, 6)
    assert "六十日内向台江县公安局或者台江县人民政府申请行政复议" in _text(licence, 1)
    assert "记录人签名：" in _text(waste, 2)
    assert "五个工作日内" in _text(waste, 5)
    assert "2023年10月9日" in _text(waste, 6)
    assert "执法人员：王朝松（执法证号：黔农执0219）当事人" in _text(pest, 2)
    assert "见证人：周德才" in _text(pest, 2)
    assert "审批日期年月日" in _text(pest, 7)
    assert "2024-06-19" in _text(clinic, 6)
    assert "向黔东南苗族侗族自治州卫生健康局或者麻江县人民政府申请行政复议" in _text(clinic, 6)
    assert "实测总质量57.6吨" in _text(truck, 2)
    assert "超限8.6吨" in _text(truck, 3)
    assert "超过限定标准6.6吨" in _text(truck, 5)
    assert "罚款人民币叁仟元整" in _text(truck, 5)
    assert "申请人签名：" in _text(land, 5)
    assert "法制审核" not in "".join(_texts(land))
    assert "在三个月" not in "".join(_texts(permit))
    assert "第六十二条" in _text(tax, 3)
    assert "第六十三条第一款" in _text(tax, 4)
    assert "地址" not in _text(tax, 4)
    assert "结案报告" in _text(tax, 5)
    assert "送达回证" in _text(tax, 6)


def test_identity_numbers_are_well_formed() -> None:
    from fixtures.holdout53.gen.kit import USCC

    for case in CASES:
        text = "".join(_texts(case))
        for code in re.findall(r"9[12]5226\d{2}[0-9A-Z]{10}", text):
            total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
            assert code[17] == USCC[(31 - total % 31) % 31], code
        for ident in re.findall(r"5226\d{13}[\dX]", text):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["剑河", "台江", "黎平", "榕江", "雷山", "麻江", "丹寨", "三穗", "天柱", "锦屏"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout53.gen.build import write_case

    folder = write_case(_cases()["h53-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def _scan(case: Path, family: str, page: int) -> tuple[Any, np.ndarray[Any, Any]]:
    from PIL import Image

    from fixtures.holdout53.gen import scan

    img = Image.open(
        io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), family, case.name, page))
    )
    return img, np.asarray(img, dtype=np.int32)


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout53.gen import scan

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
    img, a = _scan(case, "tuofen", 1)
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 200)
    img, a = _scan(CASES[0], "chongzhu", 5)
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 150)
    assert (a[-a.shape[0] // 4 :] < 90).sum() > 500  # holes show the dark lid in the blank lower page
    img, a = _scan(CASES[2], "anjiao", 6)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    h, w = a.shape[:2]
    centre = a[h // 2 - 40 : h // 2 + 40, w // 2 - 40 : w // 2 + 40].reshape(-1, 3).max(axis=0)
    corner = np.median(a[h - 30 :, w - 30 :].reshape(-1, 3), axis=0)
    assert corner[1] < centre[1] - 50  # dark corners
    assert centre[2] < centre[1] - 30  # paper white turned yellow-green
    warm = a[..., 0] - a[..., 1]
    assert (warm > 25).sum() > 1000  # the seal is still there, brownish
    assert (warm > 90).sum() < 50  # but no longer a saturated red
