"""Holdout 45 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout45"
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
    from fixtures.holdout45.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h45-{i:02d}" for i in range(1, 11)]
    b, j, t = "lanbi", "jiazi", "tiezhi"
    assert [_expected(x)["family"] for x in CASES] == [b, j, t, b, j, t, b, j, t, b]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2022, 2017, 2019, 2020, 2023, 2024, 2016, 2025, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h45-06"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in ("legal_review", "hearing_record", "hearing_notice", "collective_discussion")
    }
    assert with_type == {
        "legal_review": ["h45-08"],
        "hearing_record": ["h45-08"],
        "hearing_notice": ["h45-08"],
        "collective_discussion": ["h45-08", "h45-09"],
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
        assert re.fullmatch(r".+[〔（\[]20\d\d[〕）\]](第)?\d+号", exp["case"]["case_number"])
        assert exp["renditions"] == {
            "docx": "docx/",
            "pdf": f"{case.name}.pdf",
            "scan_pdf": f"{case.name}.pdf",
        }
        types = {d["type"] for d in exp["documents"]}
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            if f["defect"] == "legal_review_missing":
                assert f["document_type"] not in types
                assert doc["type"] == "decision"
            else:
                assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {d for d, _ in found} == set(Defect) - {Defect.MISSING_DOCUMENT, Defect.ARCHIVE_DEFECT}
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
        "officer_requirement": 1,
        "citation_error": 1,
        "inconsistent_fact": 2,
        "legal_review_missing": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h45-02", "h45-06", "h45-07"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h45-06" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout45.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY, s.extension))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h45-01": ["notice_period"],
        "h45-03": ["service"],
        "h45-04": ["order"],
        "h45-09": ["decision_90"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 4, 2))  # Saturday worked before 清明 2022
    assert not workday(dt.date(2022, 4, 4))
    assert workday(dt.date(2025, 4, 27))  # Sunday worked before 劳动节 2025
    assert not workday(dt.date(2025, 5, 5))
    assert add_workdays(dt.date(2022, 3, 31), 5) == dt.date(2022, 4, 8)
    assert add_workdays(dt.date(2025, 4, 25), 7) == dt.date(2025, 5, 8)
    food = specs["h45-01"].acts
    assert (
        food["notice_served"]
        < food["decided"]
        == dt.date(2022, 4, 6)
        < add_workdays(food["notice_served"], 5)
    )
    assert (food["decided"] - food["notice_served"]).days == 6
    seed = specs["h45-08"].acts
    assert seed["hearing_request"] <= add_workdays(seed["notice_served"], 5)
    assert seed["hearing"] >= add_workdays(seed["hearing_notified"], 7)
    assert (seed["decided"] - seed["filed"]).days == 78
    load = specs["h45-03"].acts
    assert (load["served"] - load["decided"]).days == 10
    land = specs["h45-04"].acts
    assert land["served"] < land["decided"]
    train = specs["h45-09"]
    assert (train.acts["decided"] - train.acts["filed"]).days == 98
    assert not train.extension
    assert specs["h45-06"].acts["served"] == specs["h45-06"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout45.gen.pdfout import measure

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
        "h45-01": [(4, "party")],
        "h45-03": [(3, "recorder"), (5, "seal"), (8, "server")],
        "h45-04": [(1, "witness")],
        "h45-05": [(1, "party"), (7, "seal")],
        "h45-08": [(10, "party"), (11, "reviewer")],
        "h45-09": [(10, "approver")],
        "h45-10": [(1, "officer"), (7, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout45.gen.docxout import BLANK
    from fixtures.holdout45.gen.model import Closing, Sigs, Table

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
    food, tax, load, land, fumes, disorder, hotel, seed, train, env = CASES
    assert "当事人：仙居县鲜峰副食品商行" in _text(food, 9)
    assert "仙居县鲜丰副食品商行" in _text(food, 11)
    assert "五个工作日内" in _text(food, 6)
    assert "2022年4月6日" in _text(food, 10)
    assert "向温州市地方税务局申请行政复议" in _text(tax, 7)
    assert "二〇一七年六月二十一日" in _text(tax, 7)
    assert "2019年9月30日16时10分" in _text(load, 8)
    assert "2019年9月20日" in _text(load, 7)
    assert "蔡丽丽" in _text(land, 1)
    assert "33112219031）、蔡丽丽" in _text(land, 1)
    assert "2020年7月10日9时20分" in _text(land, 9)
    assert "二〇二〇年七月十四日" in _text(land, 8)
    assert "第三十一条、第三十二条" in _text(fumes, 5)
    assert "2023年06月05日" in _text(fumes, 5)
    assert "先向松阳县人民政府申请行政复议" in _text(disorder, 1)
    assert "向云和县人民政府或者丽水市卫生和计划生育委员会申请行政复议" in _text(hotel, 8)
    assert "向丽水市农业农村局或者庆元县人民政府申请行政复议" in _text(seed, 14)
    assert "陈述" not in _text(train, 8)
    assert "听证" not in _text(train, 8)
    assert "重大行政执法决定法制审核目录清单" in _text(train, 7)
    assert "三个月内直接向沭阳县人民法院提起行政诉讼" in _text(env, 10)
    assert "沭环罚字〔2015〕第83号" in _text(env, 11)
    assert "二○一五年七月十三日" in _text(env, 10)


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
    assert Counter(kinds) == {"company": 5, "business": 4, "person": 1}


def test_places_are_unique_to_this_holdout() -> None:
    places = [
        "仙居县",
        "文成县",
        "泰顺县",
        "缙云县",
        "遂昌县",
        "松阳县",
        "云和县",
        "庆元县",
        "龙游县",
        "沭阳县",
    ]
    for case, place in zip(CASES, places, strict=True):
        assert _expected(case)["case"]["agency"].startswith(place)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout45.gen.build import write_case

    folder = write_case(_cases()["h45-06"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout45.gen import scan

    case = CASES[5]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    one = (tmp_path / case.name / f"{case.name}.pdf").read_bytes()
    assert scan.scan_case(case, tmp_path / "again", workers=2).read_bytes() == one
    data = (CASES[1] / f"{CASES[1].name}.pdf").read_bytes()
    grey = Image.open(io.BytesIO(scan.scan_page(data, CASES[1].name, 1, "jiazi")))
    assert grey.mode == "L"
    assert grey.info["dpi"][0] == pytest.approx(150)
    blue = Image.open(io.BytesIO(scan.scan_page(data, CASES[1].name, 1, "lanbi")))
    assert blue.mode == "RGB"
    assert blue.info["dpi"][0] == pytest.approx(200)
