"""Holdout 40 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout40"
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
def _specs() -> dict[str, Any]:
    from fixtures.holdout40.gen.build import all_specs

    return {s.id[:6]: s for s in all_specs()}


@cache
def _cases() -> dict[str, Any]:
    from fixtures.holdout40.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h40-{i:02d}" for i in range(1, 11)]
    f, s, z = "fenceng", "shaofen", "shouzhi"
    assert [_expected(c)["family"] for c in CASES] == [f, s, z, f, s, z, s, f, z, s]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = [int(c.name.split("-")[-2]) for c in CASES]
    assert years == [2022, 2016, 2020, 2017, 2025, 2023, 2019, 2024, 2021, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h40-05"]


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
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
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
        "officer": 2,
        "approver": 2,
        "recorder": 1,
        "recipient": 1,
        "server": 1,
        "reviewer": 1,
    }
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 2,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h40-02", "h40-06", "h40-09"]


def test_dates_match_acts() -> None:
    for key, spec in _specs().items():
        exp = _expected(next(c for c in CASES if c.name.startswith(key)))
        dates = exp["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h40-05" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == spec.acts[k], (key, k)
    assert _expected(CASES[7])["case"]["dates"]["served"] == "2024-05-20"
    assert _expected(CASES[7])["case"]["dates"]["decided"] == "2024-05-22"


def test_calendar_checks() -> None:
    from fixtures.holdout40.gen.cal import add_workdays, broken_checks, workday

    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY))
        for k, s in _specs().items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h40-01": ["notice_period"],
        "h40-04": ["order"],
        "h40-07": ["service"],
        "h40-08": ["order"],
        "h40-10": ["ninety"],
    }
    assert {k: sorted(s.broken) for k, s in _specs().items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 4, 2))  # Saturday worked before 清明 2022
    assert workday(dt.date(2024, 4, 28))  # Sunday worked before 劳动节 2024
    assert workday(dt.date(2021, 10, 9))  # Saturday worked after 国庆 2021
    assert not workday(dt.date(2023, 9, 29))
    assert add_workdays(dt.date(2022, 3, 29), 5) == dt.date(2022, 4, 6)
    assert add_workdays(dt.date(2024, 4, 29), 5) == dt.date(2024, 5, 9)
    assert add_workdays(dt.date(2021, 9, 28), 5) == dt.date(2021, 10, 11)
    assert add_workdays(dt.date(2023, 9, 12), 5) == dt.date(2023, 9, 19)
    assert add_workdays(dt.date(2023, 9, 18), 7) == dt.date(2023, 9, 27)
    assert add_workdays(dt.date(2026, 3, 24), 5) == dt.date(2026, 3, 31)
    s = _specs()
    assert s["h40-01"].acts["decided"] == dt.date(2022, 4, 6)
    training = s["h40-06"].acts
    assert training["hearing_request"] <= add_workdays(training["notice_served"], 5)
    assert add_workdays(training["hearing_notified"], 7) < training["hearing"]
    assert training["hearing"] < training["reviewed"] < training["discussed"] < training["approved"]
    assert (s["h40-10"].acts["decided"] - s["h40-10"].acts["filed"]).days == 98
    land = s["h40-07"].acts
    assert (land["served"] - land["decided"]).days == 11
    assert s["h40-04"].acts["inquired"] < s["h40-04"].acts["filed"]
    assert s["h40-08"].acts["served"] < s["h40-08"].acts["decided"]
    assert s["h40-05"].acts["served"] == s["h40-05"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout40.gen.pdfout import measure

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
        "h40-01": [(4, "party"), (6, "seal")],
        "h40-03": [(1, "officer"), (4, "recorder")],
        "h40-04": [(2, "approver")],
        "h40-05": [(1, "officer")],
        "h40-07": [(1, "party"), (14, "approver")],
        "h40-08": [(7, "server"), (7, "server"), (11, "recipient")],
        "h40-10": [(7, "reviewer"), (10, "seal")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout40.gen.docxout import BLANK
    from fixtures.holdout40.gen.model import Closing, Opinion, Sigs, Stamp

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [b.slot for b in blocks if isinstance(b, Opinion)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            made += sum(1 for b in blocks if isinstance(b, Stamp))
            path = ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(p.text.count(BLANK) for p in document.paragraphs) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    price = CASES[0]
    assert "第三十一条、第三十二条" in _text(price, 6)
    assert "五个工作日" in _text(price, 6)
    assert "2022年3月29日" in _text(price, 7)
    assert "2022年4月6日" in _text(price, 10)
    clinic = CASES[2]
    assert "签名：日期：年月日" in _text(clinic, 9)
    assert "检查人员李明阳（执法证号：豫卫监410184018）、张静（执法证号：豫卫监410184023）" in _text(
        clinic, 1
    )
    vocs = CASES[3]
    assert "检查人员刘振华（执法证号：豫环执03812）记录人刘振华" in _text(vocs, 1)
    assert "邢丽" not in _text(vocs, 1)
    assert "二○一七年八月十五日" in _text(vocs, 3)
    assert "二○一七年八月十七日" in _text(vocs, 2)
    assert "罚款人民币肆万元" in _text(vocs, 9)
    assert "罚款人民币伍万元" in _text(vocs, 11)
    poster = _text(CASES[4], 1)
    assert "向商丘市城市管理局或者永城市人民政府申请行政复议" in poster
    assert "直接向永城市人民法院提起行政诉讼" in poster
    land = CASES[6]
    assert not any(d["type"] == "collective_discussion" for d in _expected(land)["documents"])
    assert "二〇一九年十月八日" in _text(land, 12)
    assert "二〇一九年九月二十七日" in _text(land, 11)
    netbar = CASES[7]
    assert "娄底市文化旅游广电体育局或者涟源市人民政府" in _text(netbar, 10)
    assert "2024年05月20日" in _text(netbar, 11)
    assert "2024年05月22日" in _text(netbar, 10)
    tax = CASES[9]
    decision = _text(tax, 9) + _text(tax, 10)
    assert "十五日内" not in decision
    assert "加处罚款" not in decision
    assert "国家税务总局广安市税务局申请行政复议" in decision
    assert "2026年4月20日" in decision


def _check(code: str, alphabet: str, weights: list[int], tail: str) -> bool:
    total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights, strict=True))
    return code[17] == tail[total % len(tail)]


def test_identity_numbers_are_well_formed() -> None:
    uscc = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    uscc_w = [pow(3, i, 31) for i in range(17)]
    uscc_tail = "".join(uscc[(31 - r) % 31] for r in range(31))
    id_w = [pow(2, 17 - i, 11) for i in range(17)]
    kinds = []
    for spec in _specs().values():
        p = spec.party
        kinds.append(p.kind)
        if p.kind == "person":
            assert _check(p.code, "0123456789", id_w, "10X98765432"), p.code
        else:
            assert _check(p.code, uscc, uscc_w, uscc_tail), p.code
            assert p.code.startswith("91" if p.kind == "company" else "92")
            assert _check(p.rep_id, "0123456789", id_w, "10X98765432"), p.rep_id
    assert Counter(kinds) == {"company": 5, "business": 3, "person": 2}


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["彭州", "青州", "新郑", "偃师", "永城", "邓州", "资兴", "涟源", "邛崃", "华蓥"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].removeprefix("国家税务总局").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout40.gen.build import write_case

    folder = write_case(_cases()["h40-05"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout40.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.5)
    scanned.close()
    assert (
        Image.open(
            io.BytesIO(scan.scan_page((case / f"{case.name}.pdf").read_bytes(), case.name, 1, "shaofen"))
        ).mode
        == "L"
    )
    data = (CASES[5] / f"{CASES[5].name}.pdf").read_bytes()
    one = scan.scan_page(data, CASES[5].name, 2, "shouzhi")
    assert one == scan.scan_page(data, CASES[5].name, 2, "shouzhi")
    img = Image.open(io.BytesIO(one))
    assert img.info["dpi"][0] == pytest.approx(150)
    assert img.size == (1241, 1754)
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
