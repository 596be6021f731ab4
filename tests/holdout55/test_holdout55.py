"""Holdout 55 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout55"
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
    from fixtures.holdout55.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h55-{i:02d}" for i in range(1, 11)]
    j, y, o = "jiaohen", "yingguang", "youzi"
    assert [_expected(x)["family"] for x in CASES] == [j, y, o, j, y, o, j, y, o, j]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2019, 2023, 2016, 2022, 2020, 2024, 2017, 2021, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h55-02"]
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
        "legal_review": ["h55-04", "h55-09"],
        "hearing_record": ["h55-05"],
        "collective_discussion": ["h55-09"],
        "payment_receipt": ["h55-02", "h55-07"],
        "decision_approval": ["h55-06"],
    }
    assert [len(_texts(x)) for x in CASES] == [7, 2, 6, 6, 8, 6, 8, 6, 8, 7]


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
    assert sig == {"party": 2, "officer": 1, "reviewer": 1, "recorder": 2, "witness": 1, "approver": 1,
                   "recipient": 1, "server": 1}  # fmt: skip
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "inconsistent_fact": 1,
        "missing_element": 1,
        "premature_decision": 1,
        "deadline_exceeded": 1,
        "legal_review_missing": 1,
        "remedy_notice_error": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "date_inconsistency": 1,
        "archive_defect": 1,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h55-03", "h55-07", "h55-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.acts], key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.acts[k], (key, k)
    assert list(_expected(CASES[1])["case"]["dates"]) == ["decided", "served"]


def test_calendar_checks() -> None:
    from fixtures.holdout55.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h55-04": ["notice_period"],
        "h55-05": ["service"],
        "h55-08": ["order"],
    }
    assert {k: sorted(c.broken) for k, c in cases.items() if c.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 10, 8))  # Saturday worked after the 国庆 2022 holiday
    assert not workday(dt.date(2022, 10, 7))
    assert not workday(dt.date(2024, 4, 5))  # 清明 2024
    assert workday(dt.date(2024, 4, 7))
    dust = cases["h55-04"].acts
    assert add_workdays(dust["notice_served"], 5) == dt.date(2022, 10, 11) >= dust["decided"]
    mine = cases["h55-05"].acts
    assert (mine["served"] - mine["decided"]).days == 11
    assert mine["request"] <= mine["notice_served"] + dt.timedelta(days=3)
    assert (mine["hearing"] - mine["hearing_notified"]).days == 10
    clinic = cases["h55-06"].acts
    assert add_workdays(clinic["notice_served"], 5) == dt.date(2024, 4, 10) < clinic["decided"]
    canopy = cases["h55-08"].acts
    assert add_workdays(canopy["notice_served"], 5) == dt.date(2021, 11, 16) < canopy["decided"]
    assert canopy["closed"] < canopy["served"]
    permit = cases["h55-09"].acts
    assert add_workdays(permit["notice_served"], 5) == dt.date(2026, 3, 31) < permit["decided"]
    assert not cases["h55-10"].law2021
    assert cases["h55-08"].law2021


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout55.gen.pdfout import measure

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
        "h55-01": [(3, "party"), (5, "seal")],
        "h55-02": [(1, "officer")],
        "h55-04": [(2, "recorder"), (3, "seal"), (4, "reviewer")],
        "h55-05": [(2, "witness"), (5, "party")],
        "h55-06": [(3, "approver")],
        "h55-08": [(4, "seal"), (5, "recipient")],
        "h55-10": [(2, "recorder"), (6, "server")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout55.gen.docxout import BLANK
    from fixtures.holdout55.gen.model import Closing, Grid, Sigs, Slot

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
    food, belt, _tax, dust, mine, clinic, _fish, canopy, _permit, sand = CASES
    assert "“康师傅冰红茶”500ml瓶装饮料14瓶" in _text(food, 2)
    assert "饮料41瓶" in _text(food, 5)
    assert "二〇一九年五月二十日" in _text(food, 5)
    assert "违法地点交通警察签名" not in _text(belt, 1)
    assert "违法地点违法行为" in _text(belt, 1)  # the 违法地点 cell is empty
    assert "交通警察签名：" in _text(belt, 1)
    assert "记录人：孟庆丰" in _text(dust, 2)
    assert "2022年9月29日" in _text(dust, 3)
    assert "2022年10月10日" in _text(dust, 5)
    assert "见证人：柞水县下梁镇安监站覃家明" in _text(mine, 2)
    assert "当事人（签名）：" in _text(mine, 5)
    assert "二〇二〇年七月二十日" in _text(mine, 6)
    assert "2020年7月31日" in _text(mine, 7)
    assert "吊销你诊所《医疗机构执业许可证》" in _text(clinic, 4)
    assert "向安康市卫生健康委员会或者汉阴县人民政府申请行政复议" in _text(clinic, 4)
    assert not any("法制审核" in t for t in _texts(clinic))
    assert "执法人员：付俊（执法证号：61092321007）" in _text(canopy, 2)
    assert "第三十六条第（二）项" in _text(canopy, 3)
    assert "第三十四条第（二）项" in _text(canopy, 4)
    assert "询问时间：年月日时分至时分" in _text(sand, 4)
    assert "询问笔录" in _text(sand, 4)
    assert "告知书" in _text(sand, 3)


def test_identity_numbers_are_well_formed() -> None:
    ids = [i for case in CASES for i in re.findall(r"61\d{15}[\dX]", "".join(_texts(case)))]
    assert len(set(ids)) == 7
    for ident in ids:
        total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
        assert ident[17] == "10X98765432"[total % 11], ident


def test_credit_codes_are_well_formed() -> None:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    codes = {c for case in CASES for c in re.findall(r"9[12]61\d{4}[0-9A-Z]{10}", "".join(_texts(case)))}
    assert len(codes) == 4
    for code in codes:
        total = sum(chars.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
        assert code[17] == chars[(31 - total % 31) % 31], code


def test_places_are_unique_to_this_holdout() -> None:
    places = ["洛南", "丹凤", "商南", "山阳", "柞水", "汉阴", "石泉", "宁陕", "紫阳", "岚皋"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout55.gen.build import write_case

    folder = write_case(_cases()["h55-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def _scan(case: Path, family: str, page: int) -> tuple[Any, np.ndarray[Any, Any]]:
    from PIL import Image

    from fixtures.holdout55.gen import scan

    img = Image.open(
        io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), family, case.name, page))
    )
    return img, np.asarray(img, dtype=np.int32)


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout55.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    img, a = _scan(case, "yingguang", 1)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 200)
    tinted = (a[..., :3].min(axis=2) > 120) & (a[..., :3].max(axis=2) - a[..., :3].min(axis=2) > 40)
    assert tinted.sum() > 5000  # highlighter bands
    img, a = _scan(CASES[0], "jiaohen", 5)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    assert (a.max(axis=2) < 45).sum() > 2000  # burnt-through holes show the dark lid
    assert ((a[..., 0] - a[..., 2] > 20) & (a[..., 0] > 90)).sum() > 20000  # heat browning
    img, a = _scan(CASES[5], "youzi", 3)
    assert (img.mode, round(img.info["dpi"][0])) == ("L", 150)
    assert ((a > 150) & (a < 215)).sum() > 20000  # greyed see-through patches
