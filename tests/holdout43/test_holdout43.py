"""Holdout 43 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout43"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"),
]
pytestmark = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _cases() -> dict[str, Any]:
    from fixtures.holdout43.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h43-{i:02d}" for i in range(1, 11)]
    y, c, s = "yehao", "chonggai", "shouying"
    assert [_expected(x)["family"] for x in CASES] == [y, c, s, y, c, s, c, s, y, c]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2022, 2019, 2016, 2021, 2025, 2020, 2024, 2017, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h43-05"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in ("legal_review", "hearing_record", "collective_discussion")
    }
    assert with_type == {
        "legal_review": ["h43-01", "h43-04", "h43-06", "h43-07"],
        "hearing_record": ["h43-07"],
        "collective_discussion": [],
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
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 2,
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 1,
        "missing_date": 1,
        "missing_element": 1,
        "remedy_notice_error": 2,
        "officer_requirement": 2,
        "citation_error": 1,
        "inconsistent_fact": 2,
        "legal_review_missing": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h43-02", "h43-04", "h43-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h43-05" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout43.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h43-01": ["notice_period"],
        "h43-03": ["service"],
        "h43-07": ["hearing"],
        "h43-08": ["order"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 10, 8))  # Saturday worked after 国庆 2022
    assert workday(dt.date(2022, 10, 9))  # Sunday worked after 国庆 2022
    assert not workday(dt.date(2022, 10, 7))
    assert not workday(dt.date(2024, 4, 5))  # 清明 2024
    assert add_workdays(dt.date(2022, 9, 28), 5) == dt.date(2022, 10, 10)
    assert add_workdays(dt.date(2024, 3, 15), 7) == dt.date(2024, 3, 26)
    assert add_workdays(dt.date(2024, 3, 11), 5) == dt.date(2024, 3, 18)
    assert add_workdays(dt.date(2021, 10, 12), 5) == dt.date(2021, 10, 19)
    assert add_workdays(dt.date(2026, 3, 16), 5) == dt.date(2026, 3, 23)
    label = specs["h43-01"].acts
    assert (
        label["notice_served"]
        < label["decided"]
        == dt.date(2022, 10, 9)
        < add_workdays(label["notice_served"], 5)
    )
    land = specs["h43-07"].acts
    assert land["hearing_request"] <= add_workdays(land["notice_served"], 5)
    assert (land["hearing"] - land["hearing_notified"]).days == 7
    assert land["hearing"] < add_workdays(land["hearing_notified"], 7)
    assert (land["decided"] - land["filed"]).days == 81
    boiler = specs["h43-03"].acts
    assert (boiler["served"] - boiler["decided"]).days == 12
    permit = specs["h43-08"].acts
    assert permit["decided"] < permit["decision_approved"]
    assert specs["h43-05"].acts["served"] == specs["h43-05"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout43.gen.pdfout import measure

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
        "h43-01": [(1, "officer"), (3, "party"), (6, "seal")],
        "h43-03": [(12, "recipient"), (12, "witness")],
        "h43-05": [(1, "party")],
        "h43-06": [(6, "reviewer"), (9, "approver")],
        "h43-07": [(11, "recorder")],
        "h43-08": [(10, "seal"), (11, "server"), (11, "server")],
        "h43-10": [(11, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout43.gen.docxout import BLANK
    from fixtures.holdout43.gen.model import Closing, Opinion, Sigs

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [b.slot for b in blocks if isinstance(b, Opinion)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            path = ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(p.text.count(BLANK) for p in document.paragraphs) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    label = CASES[0]
    assert "2022年10月9日" in _text(label, 11)
    assert "五个工作日内" in _text(label, 6)
    boiler = CASES[2]
    assert "《中华人民共和国大气污染防治法》第四十八条" in _text(boiler, 11)
    assert "第九十九条第（二）项" in _text(boiler, 7)
    assert "2016年06月20日16时05分" in _text(boiler, 12)
    assert "记录人：孙海燕" in _text(boiler, 3)
    poster = CASES[4]
    assert "伍拾元整（¥50.00）" in _text(poster, 2)
    assert "先向海阳市人民政府申请行政复议" in _text(poster, 1)
    salon = CASES[5]
    assert "禹城市悦荣美发店" in _text(salon, 10)
    assert "受送达人签名：年月日" in _text(salon, 8)
    land = CASES[6]
    assert "聊城市自然资源和规划局或者临清市人民政府" in _text(land, 15)
    assert "提请局案件集体讨论" in _text(land, 13)
    permit = CASES[7]
    assert "二〇一七年六月十五日" in _text(permit, 8)
    assert "二〇一七年六月十二日" in _text(permit, 10)
    taxi = CASES[9]
    assert "陈述" not in _text(taxi, 6)
    assert "听证" not in _text(taxi, 6)
    assert "三个月内直接向武冈市人民法院提起行政诉讼" in _text(taxi, 10)
    tax = CASES[8]
    assert "国家税务总局怀化市税务局申请行政复议" in _text(tax, 8)


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
    cities = ["乳山", "威海市文登区", "莱州", "栖霞", "海阳", "禹城", "临清", "昌邑", "洪江", "武冈"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].removeprefix("国家税务总局").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout43.gen.build import write_case

    folder = write_case(_cases()["h43-05"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout43.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    data = (CASES[8] / f"{CASES[8].name}.pdf").read_bytes()
    one = scan.scan_page(data, CASES[8].name, 3, "yehao")
    assert one == scan.scan_page(data, CASES[8].name, 3, "yehao")
    img = Image.open(io.BytesIO(one))
    assert img.mode == "RGB"
    assert img.info["dpi"][0] == pytest.approx(160)
    photo = Image.open(io.BytesIO(scan.scan_page(data, CASES[8].name, 3, "shouying")))
    assert photo.mode == "L"
    assert photo.info["dpi"][0] == pytest.approx(180)
