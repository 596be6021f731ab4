"""Holdout 54 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout54"
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
    from fixtures.holdout54.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h54-{i:02d}" for i in range(1, 11)]
    m, r, g = "meiban", "ruihua", "guosu"
    assert [_expected(x)["family"] for x in CASES] == [m, r, g, m, r, g, m, r, g, m]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2020, 2024, 2022, 2021, 2019, 2025, 2016, 2023, 2026, 2017]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h54-02"]
    with_type = {
        k: [x.name[:6] for x in CASES if any(d["type"] == k for d in _expected(x)["documents"])]
        for k in (
            "legal_review",
            "hearing_record",
            "collective_discussion",
            "payment_receipt",
            "decision_approval",
        )
    }
    assert with_type == {
        "legal_review": ["h54-03", "h54-04", "h54-09"],
        "hearing_record": ["h54-05"],
        "collective_discussion": ["h54-03"],
        "payment_receipt": ["h54-02", "h54-07"],
        "decision_approval": ["h54-06"],
    }
    assert [len(_texts(x)) for x in CASES] == [7, 2, 7, 6, 7, 6, 7, 5, 6, 6]


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
    assert sum(found.values()) == 24
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 3,
        "reviewer": 1,
        "witness": 1,
        "recorder": 1,
        "approver": 1,
        "recipient": 1,
        "officer": 1,
        "server": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 2,
        "inconsistent_fact": 1,
        "remedy_notice_error": 2,
        "date_inconsistency": 1,
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "archive_defect": 1,
        "missing_element": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h54-03", "h54-07", "h54-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]
    assert "closed" not in _expected(CASES[9])["case"]["dates"]  # the 结案 approval is undated


def test_calendar_checks() -> None:
    from fixtures.holdout54.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h54-04": ["notice_period"],
        "h54-05": ["service"],
        "h54-08": ["decision_90"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2021, 10, 9))  # Saturday worked after the 国庆 2021 holiday
    assert not workday(dt.date(2021, 10, 6))
    dust = cases["h54-04"].acts
    assert add_workdays(dust["notice_served"], 5) == dt.date(2021, 10, 13) > dust["decided"]
    assert (cases["h54-05"].acts["served"] - cases["h54-05"].acts["decided"]).days == 10
    hazard = cases["h54-05"].acts
    assert hazard["request"] <= hazard["notice_served"] + dt.timedelta(days=3)
    assert (hazard["hearing"] - hazard["hearing_notified"]).days == 8
    land = cases["h54-08"].acts
    assert (land["decided"] - land["filed"]).days == 112
    assert add_workdays(land["notice_served"], 5) == dt.date(2023, 6, 6) < land["decided"]
    feed = cases["h54-03"].acts
    assert add_workdays(feed["notice_served"], 5) == dt.date(2022, 5, 17) < feed["decided"]
    clinic = cases["h54-06"].acts
    assert add_workdays(clinic["notice_served"], 5) == dt.date(2025, 4, 22) < clinic["decided"]
    bar = cases["h54-09"].acts
    assert add_workdays(bar["notice_served"], 5) == dt.date(2026, 4, 15) < bar["decided"]
    assert add_workdays(bar["decided"], 7) >= bar["served"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout54.gen.pdfout import measure

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
        "h54-01": [(3, "party"), (5, "seal")],
        "h54-02": [(1, "party")],
        "h54-04": [(4, "reviewer")],
        "h54-05": [(2, "witness"), (5, "recorder")],
        "h54-06": [(3, "approver")],
        "h54-08": [(2, "party"), (3, "seal"), (5, "recipient")],
        "h54-10": [(2, "officer"), (5, "server")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout54.gen.docxout import BLANK
    from fixtures.holdout54.gen.model import Closing, Grid, Sigs, Slot

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
    label, belt, _feed, dust, hazard, clinic, _taxi, land, _bar, tax = CASES
    assert "共36袋" in _text(label, 2)
    assert "“香辣锅巴”26袋" in _text(label, 5)
    assert "二〇二〇年七月二十日" in _text(label, 5)
    assert "被处罚人签名：" in _text(belt, 1)
    assert "或者在六个月内直接向陇西县人民法院提起行政诉讼" in _text(belt, 1)
    assert "2021-10-15" in _text(dust, 4)
    assert "2021年10月12日" in _text(dust, 5)
    assert "见证人：漳县盐井镇安监站刘宝林" in _text(hazard, 2)
    assert "书记员：" in _text(hazard, 5)
    assert "二〇一九年九月二十日" in _text(hazard, 6)
    assert "2019年9月30日" not in _text(hazard, 7)  # handwritten, an image
    assert "2025-04-28" in _text(clinic, 5)
    assert "向定西市卫生健康委员会或者岷县人民政府申请行政复议" in _text(clinic, 5)
    assert "十五日内" not in _text(clinic, 5)
    assert "行政处罚审批表" in _text(clinic, 3)
    assert "事先告知书" in _text(clinic, 4)
    assert "受送达人签收：" not in _text(land, 5)  # grid label without colon
    assert "2023年6月26日" in _text(land, 4)
    assert "检查人员：雷振华（税务检查证号：62042117003）" in _text(tax, 1)
    assert "第六十条第一款第（一）项" in _text(tax, 3)
    assert "第六十二条" in _text(tax, 4)
    assert "审批日期年月日" in _text(tax, 6)


def test_identity_numbers_are_well_formed() -> None:
    for case in CASES:
        text = "".join(_texts(case))
        for ident in re.findall(r"62\d{15}[\dX]", text):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["通渭", "陇西", "渭源", "临洮", "漳县", "岷县", "秦安", "甘谷", "武山", "靖远"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout54.gen.build import write_case

    folder = write_case(_cases()["h54-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def _scan(case: Path, family: str, page: int) -> tuple[Any, np.ndarray[Any, Any]]:
    from PIL import Image

    from fixtures.holdout54.gen import scan

    img = Image.open(
        io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), family, case.name, page))
    )
    return img, np.asarray(img, dtype=np.int32)


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout54.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    img, a = _scan(case, "ruihua", 1)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 200)
    red = a[..., 0] - a[..., 1]
    assert (red > 120).sum() > 2000  # the seal is there, posterised to flat reds
    grey = a.max(axis=2)
    assert ((grey > 150) & (grey < 225)).mean() < 0.05  # light greys crushed to white or black
    img, a = _scan(CASES[0], "meiban", 5)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    assert np.median(a[..., 2]) < np.median(a[..., 0]) - 25  # musty yellow paper
    assert ((a.max(axis=2) < 110) & (np.abs(a[..., 1] - a[..., 0]) < 40)).sum() > 800  # mould colonies
    img, a = _scan(CASES[5], "guosu", 6)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    assert np.median(a[:8, :, 1]) < 90  # lid and film edge outside the paper
    centre = a[a.shape[0] // 2 - 100 : a.shape[0] // 2 + 100, a.shape[1] // 2 - 100 : a.shape[1] // 2 + 100]
    assert centre.min() > 20  # low contrast: no ink reaches black under the film


def test_credit_codes_are_well_formed() -> None:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    codes = [c for case in CASES for c in re.findall(r"9[12]62\d{4}[0-9A-Z]{10}", "".join(_texts(case)))]
    assert len(codes) == 3
    for code in codes:
        total = sum(chars.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
        assert code[17] == chars[(31 - total % 31) % 31], code
