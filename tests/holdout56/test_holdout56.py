"""Holdout 56 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout56"
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
    from fixtures.holdout56.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h56-{i:02d}" for i in range(1, 11)]
    k, y, g = "kazhi", "yinniwu", "ganbi"
    assert [_expected(x)["family"] for x in CASES] == [k, y, g, k, y, g, k, y, g, k]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    assert len({_expected(x)["case"]["agency"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2018, 2025, 2022, 2016, 2024, 2017, 2023, 2020, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h56-02"]
    with_type = {
        k: [x.name[:6] for x in CASES if any(d["type"] == k for d in _expected(x)["documents"])]
        for k in (
            "legal_review",
            "hearing_record",
            "hearing_notice",
            "collective_discussion",
            "payment_receipt",
        )
    }
    assert with_type == {
        "legal_review": ["h56-03", "h56-05", "h56-09"],
        "hearing_record": ["h56-07"],
        "hearing_notice": ["h56-07"],
        "collective_discussion": ["h56-04", "h56-07", "h56-09"],
        "payment_receipt": [x.name[:6] for x in CASES],
    }
    assert [len(_texts(x)) for x in CASES] == [8, 2, 9, 9, 10, 8, 11, 7, 10, 8]


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
            assert d["title"] in _text(case, nxt)
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
        types = {d["type"] for d in exp["documents"]}
        for f in exp["defects"]:
            Defect(f["defect"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            if f["defect"] == "missing_document":
                assert f["document_type"] not in types, f["note"]
            else:
                assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 23
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 1,
        "reviewer": 1,
        "server": 1,
        "recorder": 1,
        "witness": 1,
        "recipient": 1,
        "approver": 1,
        "officer": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "inconsistent_fact": 1,
        "remedy_notice_error": 1,
        "missing_date": 1,
        "deadline_exceeded": 1,
        "premature_decision": 1,
        "citation_error": 1,
        "officer_requirement": 1,
        "date_inconsistency": 1,
        "legal_review_missing": 1,
        "missing_element": 1,
        "missing_document": 1,
        "archive_defect": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h56-05", "h56-09", "h56-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]
    assert list(_expected(CASES[7])["case"]["dates"]) == ["filed", "decided", "served", "closed"]


def test_calendar_checks() -> None:
    from fixtures.holdout56.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h56-03": ["service"],
        "h56-04": ["notice_period"],
        "h56-06": ["order"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 10, 7))  # worked after 国庆 2023
    assert workday(dt.date(2023, 10, 8))
    assert not workday(dt.date(2023, 10, 2))
    assert workday(dt.date(2024, 4, 28))  # Sunday worked before 劳动节 2024
    assert not workday(dt.date(2026, 2, 16))  # 春节 2026
    scale = cases["h56-03"].acts
    assert add_workdays(scale["decided"], 7) == dt.date(2022, 9, 2) < scale["served"]
    assert add_workdays(scale["notice_served"], 5) == dt.date(2022, 8, 22) < scale["decided"]
    paint = cases["h56-04"].acts
    assert not cases["h56-04"].law2021
    assert paint["decided"] <= paint["notice_served"] + dt.timedelta(days=3)
    books = cases["h56-05"].acts
    assert add_workdays(books["notice_served"], 5) == dt.date(2024, 4, 28) < books["decided"]
    truck = cases["h56-06"].acts
    assert truck["served"] < truck["decided"]
    hazard = cases["h56-07"].acts
    assert add_workdays(hazard["notice_served"], 5) == dt.date(2023, 10, 8)
    assert hazard["request"] <= add_workdays(hazard["notice_served"], 5)
    assert (hazard["hearing"] - hazard["hearing_notified"]).days == 8
    assert hazard["hearing"] < hazard["decided"]
    assert (hazard["decided"] - hazard["filed"]).days == 70
    barn = cases["h56-09"].acts
    assert add_workdays(barn["notice_served"], 5) == dt.date(2026, 3, 9) < barn["decided"]
    assert cases["h56-02"].acts["served"] == cases["h56-02"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout56.gen.pdf import render

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, case in _cases().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / case.id / f"{case.id}.pdf"))
        _, pages = render(case)
        assert len(pages) == len(pdf)
        for i, places in enumerate(pages):
            imgs = _images(pdf[i])
            for s in places:
                x0, y0, x1, y1 = s.box
                hit = any(not (r[2] <= x0 or r[0] >= x1 or r[3] <= y0 or r[1] >= y1) for r in imgs)
                assert hit == s.filled, (key, i + 1, s)
                if not s.filled:
                    empty.setdefault(key, []).append((i + 1, s.role.value if s.role else "seal"))
        pdf.close()
    assert empty == {
        "h56-01": [(3, "party"), (4, "seal")],
        "h56-03": [(4, "reviewer"), (6, "seal"), (7, "server"), (7, "server")],
        "h56-04": [(3, "recorder"), (4, "seal")],
        "h56-06": [(2, "witness"), (6, "recipient")],
        "h56-07": [(1, "approver")],
        "h56-08": [(2, "officer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout56.gen.docx_out import BLANK

    for case in _cases().values():
        for i, paper in enumerate(case.papers):
            marks = [m for p in paper.pieces for m in p.marks]
            document = docx.Document(str(ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{paper.stem}.docx"))
            text = "".join(document.element.body.xpath(".//w:t/text()"))
            assert text.count(BLANK) == sum(1 for m in marks if m.name is None), (case.id, paper.stem)
            for m in marks:
                assert m.label in text
                assert m.name is None or m.name in text
            sealed = [p.sealed for p in paper.pieces if p.kind == "stamp"]
            assert text.count("（印章）") == sum(sealed), (case.id, paper.stem)


def test_texts_that_carry_defects() -> None:
    seed, helmet, scale, paint, books, truck, hazard, salon, barn, cafe = CASES
    assert "罗山县周党镇丰和农资经营部" in _text(seed, 4)
    assert "当事人：罗山县周党镇丰禾农资经营部" in _text(seed, 5)
    assert "被询问人（签名）：询问人" in _text(seed, 3)
    assert "或者在六个月内向光山县人民法院提起行政诉讼" in _text(helmet, 1)
    assert "光山县公安局交通管理大队年月日" in _text(helmet, 1)
    assert "审核人：法制机构负责人" in _text(scale, 4)
    assert "2022年8月24日" in _text(scale, 6)
    assert "2022年9月7日" in _text(scale, 7)
    assert "二〇一六年十一月七日" in _text(paint, 4)
    assert "二〇一六年十一月九日" in _text(paint, 6)
    assert "《中华人民共和国环境保护法》第三十六条" in _text(paint, 6)
    assert "向国家税务总局信阳市税务局申请行政复议" in _text(books, 7)
    assert "记录人：陈晨被询问人" in _text(truck, 3)
    assert "2017年08月02日" in _text(truck, 6)
    assert "2017年08月04日" in _text(truck, 5)
    assert "过往驾驶员张德顺在场见证" in _text(truck, 2)
    assert not any("法制审核" in t for t in _texts(hazard))
    assert "地址" not in _text(hazard, 8)
    assert "听证笔录" in _text(hazard, 6)
    assert not any("告知书" in t and i != 3 for i, t in enumerate(_texts(salon)))
    assert "结案报告" in _text(salon, 5)
    assert "送达回证" in _text(salon, 6)
    assert "向汝南县人民政府申请行政复议" in _text(barn, 7)
    assert "二〇一五年五月五日" in _text(cafe, 5)


def test_identity_numbers_are_well_formed() -> None:
    ids = {i for case in CASES for i in re.findall(r"41\d{15}[\dX]", "".join(_texts(case)))}
    assert len(ids) == 11
    for ident in ids:
        total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
        assert ident[17] == "10X98765432"[total % 11], ident


def test_credit_codes_are_well_formed() -> None:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    codes = {c for case in CASES for c in re.findall(r"9[12]41\d{4}[0-9A-Z]{10}", "".join(_texts(case)))}
    assert len(codes) == 6
    for code in codes:
        total = sum(chars.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
        assert code[17] == chars[(31 - total % 31) % 31], code


def test_places_are_unique_to_this_holdout() -> None:
    places = ["罗山", "光山", "商城", "固始", "潢川", "淮滨", "确山", "泌阳", "汝南", "平舆"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout56.gen.build import write_case

    folder = write_case(_cases()["h56-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def _scan(case: Path, family: str, page: int) -> tuple[Any, np.ndarray[Any, Any]]:
    from PIL import Image

    from fixtures.holdout56.gen import scan

    img = Image.open(
        io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), family, case.name, page))
    )
    return img, np.asarray(img, dtype=np.int32)


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout56.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    img, a = _scan(case, "yinniwu", 1)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 200)
    top = a[:300]  # the head and title rows: the 落款 seal is further down
    red = (top[..., 0] - top[..., 1] > 25) & (top[..., 0] > 150)
    assert red.sum() > 300  # ink-pad smudges away from the seal
    img, a = _scan(CASES[0], "kazhi", 3)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    rows = a.mean(axis=(1, 2))
    assert rows.max() - np.median(rows) > 3 or np.median(rows) - rows.min() > 6  # fold ridges
    img, a = _scan(CASES[2], "ganbi", 2)
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 170)
