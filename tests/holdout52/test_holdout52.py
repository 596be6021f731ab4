"""Holdout 52 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout52"
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
    from fixtures.holdout52.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h52-{i:02d}" for i in range(1, 11)]
    s, t, z = "secha", "taomo", "zouzhi"
    assert [_expected(c)["family"] for c in CASES] == [s, t, z, s, t, z, s, t, z, s]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = [int(c.name.split("-")[-2]) for c in CASES]
    assert years == [2019, 2016, 2024, 2021, 2017, 2025, 2022, 2018, 2015, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h52-02"]
    with_type = {
        t: [c.name[:6] for c in CASES if any(d["type"] == t for d in _expected(c)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion", "payment_receipt", "evidence")
    }
    assert with_type == {
        "legal_review": ["h52-03", "h52-07", "h52-10"],
        "hearing_record": ["h52-08"],
        "collective_discussion": ["h52-03", "h52-05", "h52-09"],
        "payment_receipt": ["h52-02"],
        "evidence": ["h52-07"],
    }
    assert [len(_texts(c)) for c in CASES] == [7, 2, 8, 7, 7, 8, 8, 9, 7, 8]


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
    assert sig == {
        "party": 2,
        "recorder": 1,
        "witness": 1,
        "officer": 1,
        "approver": 1,
        "recipient": 1,
        "server": 1,
        "reviewer": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "deadline_exceeded": 2,
        "missing_date": 2,
        "remedy_notice_error": 1,
        "officer_requirement": 1,
        "premature_decision": 1,
        "legal_review_missing": 1,
        "date_inconsistency": 1,
        "inconsistent_fact": 1,
        "archive_defect": 1,
        "missing_element": 1,
        "citation_error": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h52-02", "h52-05", "h52-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]


def test_calendar_checks() -> None:
    from fixtures.holdout52.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h52-01": ["service"],
        "h52-04": ["notice_period"],
        "h52-06": ["order"],
        "h52-10": ["decision_90"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2024, 4, 28))  # Sunday worked before 劳动节 2024
    assert not workday(dt.date(2025, 5, 5))
    label = cases["h52-01"].acts
    assert (label["served"] - label["decided"]).days == 10
    sewage = cases["h52-03"].acts
    assert add_workdays(sewage["notice_served"], 5) == dt.date(2024, 4, 23) < sewage["decided"]
    assert add_workdays(sewage["decided"], 7) >= sewage["served"]
    drug = cases["h52-04"].acts
    assert not cases["h52-04"].law2021
    assert drug["decided"] <= drug["notice_served"] + dt.timedelta(days=3)
    clinic = cases["h52-06"].acts
    assert add_workdays(clinic["notice_served"], 5) == dt.date(2025, 5, 8) < clinic["decided"]
    assert clinic["served"] < clinic["decided"]
    car = cases["h52-07"].acts
    assert add_workdays(car["notice_served"], 5) == dt.date(2022, 10, 10) < car["decided"]
    mine = cases["h52-08"].acts
    assert mine["request"] <= mine["notice_served"] + dt.timedelta(days=3)
    assert (mine["hearing"] - mine["hearing_notified"]).days == 9
    board = cases["h52-10"].acts
    assert (board["decided"] - board["filed"]).days == 105


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout52.gen.pdfout import measure

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
        "h52-01": [(3, "party"), (5, "seal")],
        "h52-03": [(2, "recorder")],
        "h52-04": [(2, "witness")],
        "h52-06": [(2, "officer"), (5, "approver")],
        "h52-07": [(5, "seal"), (7, "recipient")],
        "h52-08": [(2, "seal"), (8, "server")],
        "h52-10": [(3, "party"), (4, "reviewer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout52.gen.docxout import BLANK
    from fixtures.holdout52.gen.model import Closing, Grid, Sigs, Slot

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
    label, helmet, sewage, drug, _signs, clinic, car, mine, _ktv, board = CASES
    assert "2019年5月14日" not in _text(label, 5)  # the decision is dated in Chinese numerals
    assert "二〇一九年五月十四日" in _text(label, 5)
    assert "六十日内向寻乌县公安局或者寻乌县人民政府" in _text(helmet, 1)
    assert "审核日期年月日" in _text(sewage, 4)
    assert "也可以在三个月内向崇义县人民法院" in _text(sewage, 6)
    assert "询问人：张卫东（执法证号：赣农执036012）记录人：张卫东" in _text(drug, 3)
    assert "见证人（签名）：" in _text(drug, 2)
    assert "2025年5月9日" in _text(clinic, 7)
    assert "2025-05-12" in _text(clinic, 6)
    assert "法制审核" not in "".join(_texts(clinic))
    assert "每人15元，两趟一共收了90元" in _text(car, 2)
    assert "载客4人次" in _text(car, 6)
    assert "违法所得60元" in _text(car, 6)
    assert "时间：年月日时分至时分" in _text(mine, 3)
    assert "听证笔录" in _text(mine, 7)
    assert "国土资源行政处罚决定书" in _text(mine, 6)
    assert "行政复议法》第九条" in _text(board, 6)
    assert "缴" not in _text(board, 6)


def test_identity_numbers_are_well_formed() -> None:
    from fixtures.holdout52.gen.kit import USCC

    for case in CASES:
        text = "".join(_texts(case))
        for code in re.findall(r"9136\d{4}[0-9A-Z]{10}", text):
            total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
            assert code[17] == USCC[(31 - total % 31) % 31], code
        for ident in re.findall(r"36\d{15}[\dX]", text):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["安远", "寻乌", "崇义", "上犹", "全南", "定南", "信丰", "大余", "会昌", "石城"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout52.gen.build import write_case

    folder = write_case(_cases()["h52-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout52.gen import scan

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
    img = Image.open(io.BytesIO(scan.scan_page(pdf, "taomo", case.name, 1)))
    a = np.asarray(img, dtype=np.int32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 160)
    assert a.min() > 15  # the sleeve lifts the blacks
    red = (a[..., 0] - a[..., 2] > 50) & (a[..., 0] > 150)
    assert red.sum() > 300  # the seal stays red under the sleeve
    board = CASES[9]
    img = Image.open(
        io.BytesIO(scan.scan_page((board / f"{board.name}.pdf").read_bytes(), "secha", board.name, 6))
    )
    a = np.asarray(img, dtype=np.int32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 200)
    fringe = np.abs(a[: a.shape[0] // 2, :, 0] - a[: a.shape[0] // 2, :, 2]) > 80
    assert fringe.sum() > 2000  # black print of the upper half, far from the seal, has coloured fringes
    mine = CASES[7]
    img = Image.open(
        io.BytesIO(scan.scan_page((mine / f"{mine.name}.pdf").read_bytes(), "zouzhi", mine.name, 6))
    )
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 150)
