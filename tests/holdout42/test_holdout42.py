"""Holdout 42 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout42"
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
    from fixtures.holdout42.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h42-{i:02d}" for i in range(1, 11)]
    f, z, t = "fuxie", "zhejiao", "tugai"
    assert [_expected(x)["family"] for x in CASES] == [f, z, t, z, f, t, f, z, t, f]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2018, 2021, 2020, 2016, 2023, 2022, 2025, 2015, 2024, 2026]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h42-07"]


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
    assert {d for d, _ in found} == set(Defect) - {Defect.MISSING_DOCUMENT, Defect.ARCHIVE_DEFECT}
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 2,
        "officer": 1,
        "approver": 1,
        "recorder": 1,
        "recipient": 1,
        "server": 1,
        "witness": 1,
        "reviewer": 1,
    }
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 1,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h42-02", "h42-06", "h42-08"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h42-07" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout42.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h42-01": ["order"],
        "h42-03": ["service"],
        "h42-05": ["notice_period"],
        "h42-09": ["decision_90"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 5, 6))  # Saturday worked after 劳动节 2023
    assert workday(dt.date(2024, 4, 28))  # Sunday worked before 劳动节 2024
    assert workday(dt.date(2020, 6, 28))  # Sunday worked after 端午 2020
    assert not workday(dt.date(2023, 5, 2))
    assert add_workdays(dt.date(2023, 4, 26), 5) == dt.date(2023, 5, 6)
    assert add_workdays(dt.date(2024, 4, 16), 5) == dt.date(2024, 4, 23)
    assert add_workdays(dt.date(2024, 4, 25), 7) == dt.date(2024, 5, 8)
    assert add_workdays(dt.date(2021, 8, 23), 5) == dt.date(2021, 8, 30)
    quarry = specs["h42-09"].acts
    assert quarry["hearing_request"] <= add_workdays(quarry["notice_served"], 5)
    assert (
        add_workdays(quarry["hearing_notified"], 7)
        <= quarry["hearing"]
        < quarry["discussed"]
        <= quarry["decided"]
    )
    assert (quarry["decided"] - quarry["filed"]).days == 127
    assert (specs["h42-03"].acts["served"] - specs["h42-03"].acts["decided"]).days == 14
    assert specs["h42-01"].acts["served"] < specs["h42-01"].acts["decided"]
    assert specs["h42-07"].acts["served"] == specs["h42-07"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout42.gen.pdfout import measure

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
        "h42-01": [(1, "party"), (6, "seal")],
        "h42-03": [(1, "approver"), (4, "recorder")],
        "h42-04": [(1, "witness"), (10, "seal")],
        "h42-05": [(8, "reviewer")],
        "h42-07": [(1, "officer"), (1, "officer")],
        "h42-09": [(10, "party"), (15, "server"), (15, "server")],
        "h42-10": [(10, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout42.gen.docxout import BLANK
    from fixtures.holdout42.gen.model import Closing, Opinion, Para, Sigs, Stamp

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [b.slot for b in blocks if isinstance(b, Opinion)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            made += sum(1 for b in blocks if isinstance(b, Stamp) or (isinstance(b, Para) and b.fix))
            path = ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(p.text.count(BLANK) for p in document.paragraphs) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    netbar = CASES[0]
    assert "第七十二条第一款第（一）项" in _text(netbar, 10)
    assert "2018年5月4日" in _text(netbar, 11)
    assert "二〇一八年五月七日" in _text(netbar, 10)
    welder = CASES[2]
    assert "二○二○年六月八日" in _text(welder, 10)
    assert "2020.6.22" in _text(welder, 11)
    assert "负责人签名：年月日" in _text(welder, 13)
    eia = CASES[3]
    assert "总投资额108万元" in _text(eia, 6)
    assert "总投资180万元" in _text(eia, 9) + _text(eia, 5)
    assert "检查人员王树林（执法证号：江苏环境监察320981011）记录人" in _text(eia, 1)
    food = CASES[4]
    assert "第三十一条、第三十二条、第四十二条" in _text(food, 6)
    assert "三个月内向人民法院提起行政诉讼" in _text(food, 12)
    assert "2023年5月5日" in _text(food, 12)
    stall = _text(CASES[6], 1)
    assert "也可以在六个月内向高密市人民法院提起行政诉讼" in stall
    quarry = CASES[8]
    assert not any(d["type"] == "legal_review" for d in _expected(quarry)["documents"])
    assert "二〇二四年七月二日" in _text(quarry, 14)
    tax = CASES[9]
    assert "十五日" not in _text(tax, 8) + _text(tax, 9)
    assert "¥1,200.00" in _text(tax, 11)
    assert "国家税务总局益阳市税务局申请行政复议" in _text(tax, 9)


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
    assert Counter(kinds) == {"company": 6, "business": 2, "person": 2}


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["赤水", "高邮", "仪征", "东台", "曲阜", "安丘", "高密", "即墨", "常宁", "沅江"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].removeprefix("国家税务总局").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout42.gen.build import write_case

    folder = write_case(_cases()["h42-07"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout42.gen import scan

    case = CASES[6]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    data = (CASES[7] / f"{CASES[7].name}.pdf").read_bytes()
    one = scan.scan_page(data, CASES[7].name, 2, "zhejiao")
    assert one == scan.scan_page(data, CASES[7].name, 2, "zhejiao")
    img = Image.open(io.BytesIO(one))
    assert img.mode == "L"
    assert img.info["dpi"][0] == pytest.approx(200)
    assert Image.open(io.BytesIO(scan.scan_page(data, CASES[7].name, 2, "tugai"))).mode == "RGB"
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
