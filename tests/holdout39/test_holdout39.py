"""Holdout 39 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout39"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")
pytestmark = needs_fonts


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout39.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h39-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    h, q, p = "heibian", "qinian", "pinjie"
    assert fams == [h, q, p, h, q, p, h, q, p, h]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = [int(c.name.split("-")[-2]) for c in CASES]
    assert years == [2017, 2022, 2019, 2016, 2025, 2023, 2020, 2018, 2026, 2024]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h39-05"]


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
    assert len({d for d, _ in found}) == 13
    assert "missing_document" not in {d for d, _ in found}
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 3,
        "approver": 1,
        "server": 1,
        "recorder": 1,
        "officer": 1,
        "reviewer": 1,
        "recipient": 1,
    }
    assert found[("missing_seal", None)] == 3
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 2,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h39-02", "h39-07", "h39-09"]


def test_dates_match_acts() -> None:
    for key, spec in _specs().items():
        exp = _expected(next(c for c in CASES if c.name.startswith(key)))
        dates = exp["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h39-05" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == spec.acts[k], (key, k)
    assert _expected(CASES[0])["case"]["dates"]["filed"] == "2017-03-07"
    assert _expected(CASES[9])["case"]["dates"]["served"] == "2024-09-23"


def test_calendar_checks() -> None:
    from fixtures.holdout39.gen.cal import add_workdays, broken_checks, workday

    broken = {
        k: sorted(broken_checks(s.acts, s.facts.law2021, s.facts.procedure == Procedure.SUMMARY))
        for k, s in _specs().items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h39-01": ["filing_signed"],
        "h39-03": ["notice_period"],
        "h39-04": ["order"],
        "h39-06": ["ninety"],
        "h39-10": ["service"],
    }
    assert {k: sorted(s.broken) for k, s in _specs().items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2024, 9, 14))  # Saturday worked before 中秋 2024
    assert not workday(dt.date(2024, 9, 16))
    assert workday(dt.date(2023, 5, 6))  # Saturday worked after 劳动节 2023
    assert add_workdays(dt.date(2024, 9, 5), 7) == dt.date(2024, 9, 14)
    assert add_workdays(dt.date(2023, 4, 25), 5) == dt.date(2023, 5, 5)
    assert add_workdays(dt.date(2023, 5, 4), 7) == dt.date(2023, 5, 12)
    assert add_workdays(dt.date(2026, 1, 26), 5) == dt.date(2026, 2, 2)
    assert add_workdays(dt.date(2024, 8, 21), 5) == dt.date(2024, 8, 28)
    assert add_workdays(dt.date(2022, 8, 15), 5) == dt.date(2022, 8, 22)
    crane = _specs()["h39-06"].acts
    assert (crane["decided"] - crane["filed"]).days == 102
    assert crane["hearing_request"] <= add_workdays(crane["notice_served"], 5)
    assert add_workdays(crane["hearing_notified"], 7) <= crane["hearing"]
    seed = _specs()["h39-03"].acts
    assert seed["decided"] < seed["notice_served"] + dt.timedelta(days=3)
    dust = _specs()["h39-04"].acts
    assert dust["inquired"] < dust["filed"]
    expired = _specs()["h39-01"].acts
    assert expired["filed"] < expired["proposed"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout39.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, spec in _specs().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / spec.id / f"{spec.id}.pdf"))
        pages = measure(spec)
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
        "h39-01": [(4, "party"), (11, "seal")],
        "h39-03": [(1, "party"), (2, "approver"), (12, "server"), (12, "server")],
        "h39-04": [(2, "recorder"), (3, "recorder")],
        "h39-05": [(1, "party")],
        "h39-06": [(1, "officer"), (8, "seal")],
        "h39-08": [(7, "reviewer"), (9, "seal")],
        "h39-10": [(8, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout39.gen.docxout import BLANK
    from fixtures.holdout39.gen.model import Closing, Opinion, Sigs

    for spec in _specs().values():
        for i, d in enumerate(spec.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [b.slot for b in blocks if isinstance(b, Opinion)]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            path = ROOT / "cases" / spec.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(p.text.count(BLANK) for p in document.paragraphs) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    filing = _text(CASES[0], 2)
    assert "承办人：日期：2017年3月8日" in filing
    assert "签名：日期：2017年3月7日" in filing
    assert "长葛市福瑞祥生活超市" in _text(CASES[0], 12)
    assert "长葛市福瑞祥" not in _text(CASES[0], 10)
    notice = _text(CASES[2], 7)
    assert "收到本告知书之日起三日内" in notice
    assert "2019-06-24" in _text(CASES[2], 8)
    assert "2019-06-26" in _text(CASES[2], 11)
    assert "询问时间二○一六年五月十日" in _text(CASES[3], 2)
    assert "二○一六年五月十二日" in _text(CASES[3], 4)
    dust_notice = _text(CASES[3], 6)
    assert "陈述" not in dust_notice
    assert "申辩" not in dust_notice
    assert "有权要求举行听证" in dust_notice
    summary = _text(CASES[4], 1)
    assert "也可以在三个月内向人民法院提起行政诉讼" in summary
    assert "先向" not in summary
    crane = _text(CASES[5], 15)
    assert "第五十一条第（一）项" in crane
    assert "第七十二条" not in crane
    assert "2023年6月12日" in crane
    assert "检查人员杨帆（执法证号：41128223007）、许文博（执法证号：41128223015）" in _text(CASES[5], 1)
    toc = _text(CASES[7], 1)
    assert "10行政处罚决定书二〇一八年四月十八日13-14" in toc
    assert "11送达回证二〇一八年四月二十日13" in toc
    assert "记录人：梁文斌问：" in _text(CASES[7], 4)
    assert "询问人：资海军（执法证号：43048118026）" in _text(CASES[7], 4)
    assert "签名：日期：年月日" in _text(CASES[7], 11)
    assert "法制审核" not in _text(CASES[9], 9)
    assert "legal_review" not in [d["type"] for d in _expected(CASES[9])["documents"]]
    assert "2024年09月23日" in _text(CASES[9], 12)
    assert "2024年09月05日" in _text(CASES[9], 11)


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
        p = spec.facts.party
        kinds.append(p.kind)
        if p.kind == "person":
            assert _check(p.code, "0123456789", id_w, "10X98765432"), p.code
        else:
            assert _check(p.code, uscc, uscc_w, uscc_tail), p.code
            assert p.code.startswith("91" if p.kind == "company" else "92")
            assert _check(p.rep_id, "0123456789", id_w, "10X98765432"), p.rep_id
    assert Counter(kinds) == {"company": 5, "business": 3, "person": 2}


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["长葛", "句容", "莱西", "龙口", "汝州", "灵宝", "湘乡", "耒阳", "都江堰", "阆中"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].replace("国家税务总局", "").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout39.gen.build import write_case

    folder = write_case(_specs()["h39-05"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout39.gen import scan

    case = CASES[4]
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.5)
    scanned.close()
    data = (case / f"{case.name}.pdf").read_bytes()
    one = scan.scan_page(data, case.name, 2, "heibian")
    assert one == scan.scan_page(data, case.name, 2, "heibian")
    img = Image.open(io.BytesIO(one))
    assert img.info["dpi"][0] == pytest.approx(150)
    assert img.size[0] > 1240  # the black surround of the open lid widens the A4 page
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
