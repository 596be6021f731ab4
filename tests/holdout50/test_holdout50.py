"""Holdout 50 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout50"
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
    from fixtures.holdout50.gen.build import all_cases

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
    assert [c.name[:6] for c in CASES] == [f"h50-{i:02d}" for i in range(1, 11)]
    h, d, x = "huichen", "diwen", "xiaokaiben"
    assert [_expected(c)["family"] for c in CASES] == [h, d, x, h, d, x, h, d, x, h]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = [int(c.name.split("-")[-2]) for c in CASES]
    assert years == [2022, 2017, 2020, 2023, 2016, 2024, 2019, 2025, 2021, 2015]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h50-02"]
    with_type = {
        t: [c.name[:6] for c in CASES if any(d["type"] == t for d in _expected(c)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion", "toc", "payment_receipt")
    }
    assert with_type == {
        "legal_review": ["h50-01", "h50-07", "h50-08"],
        "hearing_record": ["h50-04"],
        "collective_discussion": ["h50-05", "h50-08"],
        "toc": ["h50-05"],
        "payment_receipt": ["h50-06"],
    }
    assert [len(_texts(c)) for c in CASES] == [9, 2, 6, 7, 8, 7, 6, 8, 6, 5]


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
    assert sum(found.values()) == 24
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == dict.fromkeys(Role, 1)
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 3,
        "premature_decision": 1,
        "citation_error": 1,
        "remedy_notice_error": 2,
        "deadline_exceeded": 2,
        "missing_date": 1,
        "legal_review_missing": 1,
        "archive_defect": 1,
        "inconsistent_fact": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
        "missing_element": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h50-08", "h50-09", "h50-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == [k for k in keys if k in case.spec.acts], key
        if key == "h50-02":
            assert list(dates) == ["decided", "served"]
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout50.gen.cal import add_workdays, broken_checks, workday

    cases = _cases()
    broken = {
        k: sorted(broken_checks(c.spec.acts, c.law2021, c.procedure == Procedure.SUMMARY, c.spec.extension))
        for k, c in cases.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h50-01": ["notice_period"],
        "h50-03": ["service"],
        "h50-05": ["service"],
        "h50-06": ["order"],
    }
    assert {k: sorted(c.spec.broken) for k, c in cases.items() if c.spec.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 10, 8))  # Saturday worked after 国庆 2022
    assert not workday(dt.date(2022, 10, 7))
    assert not workday(dt.date(2023, 6, 23))  # 端午 2023
    label = cases["h50-01"].spec.acts
    assert add_workdays(label["notice_served"], 5) == dt.date(2022, 10, 8) > label["decided"]
    seed = cases["h50-03"].spec.acts
    assert (seed["served"] - seed["decided"]).days == 13
    stone = cases["h50-05"].spec.acts
    assert (stone["served"] - stone["decided"]).days == 12
    tour = cases["h50-06"].spec.acts
    assert tour["closed"] < tour["paid"]
    assert add_workdays(tour["notice_served"], 5) == dt.date(2024, 4, 8) < tour["decided"]
    taxi = cases["h50-04"].spec.acts
    assert taxi["request"] <= add_workdays(taxi["notice_served"], 5)
    assert (taxi["hearing"] - taxi["hearing_notified"]).days == 9
    clinic = cases["h50-09"].spec.acts
    assert add_workdays(clinic["notice_served"], 5) == dt.date(2021, 10, 9) < clinic["decided"]
    dust = cases["h50-08"].spec.acts
    assert add_workdays(dust["notice_served"], 5) == dt.date(2025, 5, 12) < dust["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout50.gen.pdfout import measure

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
        "h50-01": [(4, "party"), (6, "seal")],
        "h50-02": [(2, "officer")],
        "h50-03": [(5, "server")],
        "h50-04": [(1, "witness"), (4, "seal"), (5, "recorder")],
        "h50-05": [(8, "approver")],
        "h50-06": [(4, "seal"), (5, "recipient")],
        "h50-07": [(3, "reviewer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout50.gen.docxout import BLANK
    from fixtures.holdout50.gen.model import Closing, Grid, Sigs, Slot

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
    label, noise, seed, taxi, stone, tour, permit, _dust, _clinic, tax = CASES
    assert "被询问人签名：询问人：记录人：" in _text(label, 4)
    assert "2022年9月30日" in _text(label, 7)
    assert "《中华人民共和国行政处罚法》第五十一条第（一）项" in _text(label, 7)
    assert "收到本决定书之日起三十日内" in _text(noise, 2)
    assert "审批日期年月日" in _text(seed, 1)
    assert "2020-09-2110:15" in _text(seed, 5)
    assert "龙建华" in _text(stone, 5)
    assert "龙建平" in _text(stone, 6)
    assert "行政处罚决定书页号6" in _text(stone, 1)
    assert "书记员：" in _text(taxi, 5)
    assert "法制审核" not in "".join(_texts(taxi))
    assert "向怀化市文化旅游广电体育局或者沅陵县人民政府申请行政复议" in _text(tour, 4)
    assert "缴款日期2024-04-25" in _text(tour, 6)
    assert "2024年4月11日" in _text(tour, 4)
    assert "记录人：向小兰（大队文员）" in _text(permit, 2)
    assert "十五日" not in _text(permit, 5)
    assert "向邵阳市国家税务局申请行政复议" in _text(tax, 4)


def test_identity_numbers_are_well_formed() -> None:
    from fixtures.holdout50.gen.kit import USCC

    for case in CASES:
        text = "".join(_texts(case))
        for code in re.findall(r"9[12]43\d{4}[0-9A-Z]{10}", text):
            total = sum(USCC.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
            assert code[17] == USCC[(31 - total % 31) % 31], code
        for ident in re.findall(r"43\d{15}[\dX]", text):
            total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(ident[:17]))
            assert ident[17] == "10X98765432"[total % 11], ident


def test_places_are_unique_to_this_holdout() -> None:
    places = ["慈利", "桑植", "安乡", "汉寿", "桃源", "沅陵", "辰溪", "溆浦", "隆回", "新宁"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout50.gen.build import write_case

    folder = write_case(_cases()["h50-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout50.gen import scan

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
    img = Image.open(io.BytesIO(scan.scan_page(pdf, "diwen", case.name, 1)))
    a = np.asarray(img, dtype=np.float32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 150)
    cell = a[400:800, 170:300]  # the shaded label column of the form
    assert float((cell[..., 2] - cell[..., 0]).mean()) > 8  # light-blue tint under the labels
    glass = CASES[0] / f"{CASES[0].name}.pdf"
    one, two = (
        np.asarray(Image.open(io.BytesIO(scan.scan_page(glass.read_bytes(), "huichen", CASES[0].name, k))))
        for k in (4, 5)
    )
    assert one.ndim == 2
    dark = (one < 110) & (two < 110)
    lower = dark[1200:1900]
    assert lower.sum() > 150  # the hair and the specks sit at the same place on both pages
    small = CASES[2] / f"{CASES[2].name}.pdf"
    img = Image.open(io.BytesIO(scan.scan_page(small.read_bytes(), "xiaokaiben", CASES[2].name, 4, True)))
    a = np.asarray(img, dtype=np.float32)
    assert (img.mode, round(img.info["dpi"][0])) == ("RGB", 160)
    assert a[-200:-40, 40:-40].mean() > 245  # the bare, white scanner lid below the A5 sheet
    assert a[300:500, 200:400].mean() < 243  # the sheet itself is a cream paper
