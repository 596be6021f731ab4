"""Holdout 41 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout41"
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
    from fixtures.holdout41.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h41-{i:02d}" for i in range(1, 11)]
    s, d, c = "suyin", "duiyin", "chongying"
    assert [_expected(x)["family"] for x in CASES] == [s, d, c, s, d, c, c, d, c, s]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2022, 2017, 2021, 2016, 2025, 2019, 2023, 2020, 2024, 2026]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h41-05"]


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
        "party": 3,
        "officer": 1,
        "approver": 1,
        "recorder": 1,
        "recipient": 1,
        "server": 1,
        "witness": 1,
    }
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 1,
        "date_inconsistency": 2,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h41-02", "h41-06", "h41-09"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        exp = _expected(ROOT / "cases" / case.id)
        dates = exp["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h41-05" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout41.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h41-01": ["notice_period"],
        "h41-04": ["approval"],
        "h41-07": ["service"],
        "h41-10": ["order"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 10, 8))  # Saturday worked after 国庆 2022
    assert workday(dt.date(2023, 10, 7))  # Saturday worked after 国庆 2023
    assert workday(dt.date(2021, 9, 26))  # Sunday worked before 国庆 2021
    assert workday(dt.date(2026, 2, 14))  # Saturday worked before 春节 2026
    assert not workday(dt.date(2023, 9, 29))
    assert add_workdays(dt.date(2022, 9, 29), 5) == dt.date(2022, 10, 11)
    assert add_workdays(dt.date(2023, 9, 27), 7) == dt.date(2023, 10, 12)
    assert add_workdays(dt.date(2021, 9, 17), 5) == dt.date(2021, 9, 26)
    assert add_workdays(dt.date(2024, 9, 26), 5) == dt.date(2024, 10, 9)
    assert add_workdays(dt.date(2026, 2, 10), 5) == dt.date(2026, 2, 24)
    valve = specs["h41-07"].acts
    assert valve["hearing_request"] <= add_workdays(valve["notice_served"], 5)
    assert add_workdays(valve["hearing_notified"], 7) < valve["hearing"]
    assert valve["hearing"] < valve["reviewed"] < valve["discussed"] < valve["approved"] <= valve["decided"]
    assert specs["h41-04"].acts["approved"] > specs["h41-04"].acts["decided"]
    assert specs["h41-10"].acts["closed"] < specs["h41-10"].acts["paid"]
    assert specs["h41-05"].acts["served"] == specs["h41-05"].acts["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout41.gen.pdfout import measure

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
        "h41-01": [(4, "party")],
        "h41-03": [(11, "recipient")],
        "h41-04": [(2, "approver"), (11, "seal")],
        "h41-05": [(1, "party")],
        "h41-07": [(9, "party"), (11, "recorder")],
        "h41-08": [(1, "witness"), (7, "server")],
        "h41-10": [(2, "officer"), (5, "seal")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout41.gen.docxout import BLANK
    from fixtures.holdout41.gen.model import Closing, Opinion, Sigs, Stamp

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
    assert "2022年9月29日" in _text(price, 7)
    assert "2022年10月10日" in _text(price, 10)
    assert "临市监处罚〔2022〕137号" in _text(price, 11)
    assert "临市监处罚〔2022〕173号" in _text(price, 9)
    beauty = CASES[2]
    assert "证据" not in _text(beauty, 9)
    assert "第五十一条第（一）项" in _text(beauty, 10)
    assert "日期：年月日" in _text(beauty, 13)
    pipe = CASES[3]
    assert "周立群（执法证号：苏环监320682008）、吴晨记录人" in _text(pipe, 3)
    assert "二○一六年六月十七日" in _text(pipe, 9)
    assert "二○一六年六月十五日" in _text(pipe, 11)
    spill = _text(CASES[4], 1)
    assert "直接向诸城市人民法院提起行政诉讼" in spill
    valve = CASES[6]
    assert "第四十二条" in _text(valve, 8)
    assert "2023年10月13日" in _text(valve, 15)
    land = CASES[7]
    assert "1260平方米" in _text(land, 10)
    assert "1620平方米" in _text(land, 1)
    assert not any(d["type"] == "legal_review" for d in _expected(land)["documents"])
    tax = CASES[9]
    assert "向仁怀市人民政府申请行政复议" in _text(tax, 9)
    assert "2026年03月12日" in _text(tax, 12)


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
    cities = ["临海", "嵊州", "启东", "如皋", "诸城", "莱阳", "乐陵", "汨罗", "溧阳", "仁怀"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].removeprefix("国家税务总局").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout41.gen.build import write_case

    folder = write_case(_cases()["h41-05"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout41.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    data = (CASES[5] / f"{CASES[5].name}.pdf").read_bytes()
    one = scan.scan_page(data, CASES[5].name, 2, "chongying")
    assert one == scan.scan_page(data, CASES[5].name, 2, "chongying")
    img = Image.open(io.BytesIO(one))
    assert img.mode == "L"
    assert img.info["dpi"][0] == pytest.approx(200)
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
