"""Holdout 46 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout46"
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
    from fixtures.holdout46.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h46-{i:02d}" for i in range(1, 11)]
    g, f, t = "guidang", "fangwei", "tiaoma"
    assert [_expected(x)["family"] for x in CASES] == [g, f, t, g, f, t, g, f, t, g]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2021, 2019, 2016, 2023, 2018, 2024, 2025, 2020, 2026, 2015]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h46-02"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in ("legal_review", "hearing_record", "hearing_notice", "collective_discussion", "toc")
    }
    assert with_type == {
        "legal_review": ["h46-04", "h46-08"],
        "hearing_record": ["h46-03"],
        "hearing_notice": ["h46-03"],
        "collective_discussion": ["h46-04", "h46-08"],
        "toc": ["h46-08"],
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
    assert {d for d, _ in found} == set(Defect) - {Defect.MISSING_DOCUMENT, Defect.LEGAL_REVIEW_MISSING}
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
        "missing_date": 2,
        "missing_element": 1,
        "remedy_notice_error": 1,
        "deadline_exceeded": 2,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "inconsistent_fact": 2,
        "archive_defect": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h46-02", "h46-06", "h46-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        summary = key == "h46-02"
        keys = ["decided", "served"] if summary else ["filed", "notified", "decided", "served", "closed"]
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout46.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY, s.extension))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h46-01": ["notice_period"],
        "h46-03": ["hearing"],
        "h46-07": ["service"],
        "h46-08": ["order"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2021, 10, 9))  # Saturday worked after 国庆 2021
    assert not workday(dt.date(2021, 10, 7))
    assert workday(dt.date(2025, 9, 28))  # Sunday worked before 国庆 2025
    assert not workday(dt.date(2025, 10, 8))
    assert not workday(dt.date(2026, 4, 6))  # 清明 2026
    netbar = specs["h46-01"].acts
    assert add_workdays(netbar["notice_served"], 5) == dt.date(2021, 10, 12)
    assert netbar["decided"] == dt.date(2021, 10, 11)
    assert (netbar["decided"] - netbar["notice_served"]).days == 12
    outfall = specs["h46-03"].acts
    assert (outfall["hearing"] - outfall["hearing_notified"]).days == 4
    assert outfall["request"] <= outfall["notice_served"] + dt.timedelta(days=3)
    ride = specs["h46-07"].acts
    assert add_workdays(ride["decided"], 7) == dt.date(2025, 10, 13) < ride["served"] == dt.date(2025, 10, 14)
    assert add_workdays(ride["notice_served"], 5) < ride["decided"]
    sign = specs["h46-08"].acts
    assert sign["closed"] < sign["paid"]
    debris = specs["h46-09"]
    assert debris.extension
    assert (debris.acts["decided"] - debris.acts["filed"]).days == 105
    assert add_workdays(debris.acts["notice_served"], 5) == dt.date(2026, 4, 14) < debris.acts["decided"]
    quarry = specs["h46-10"].acts
    assert quarry["decided"] < dt.date(2015, 5, 1)  # 三个月 起诉 still right under the 1989 行政诉讼法
    tax = specs["h46-02"].acts
    assert tax["served"] == tax["decided"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout46.gen.pdfout import measure

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
        "h46-01": [(1, "party"), (7, "server")],
        "h46-03": [(6, "seal"), (9, "recorder")],
        "h46-04": [(7, "party"), (8, "reviewer")],
        "h46-05": [(1, "witness"), (8, "recipient")],
        "h46-07": [(3, "officer")],
        "h46-08": [(2, "approver"), (8, "seal")],
        "h46-09": [(3, "party")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout46.gen.docxout import BLANK
    from fixtures.holdout46.gen.model import Closing, Sigs, Table

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
    netbar, tax, outfall, permit, price, pest, ride, sign, debris, quarry = CASES
    assert "五个工作日内" in _text(netbar, 6)
    assert "二〇二一年十月十一日" in _text(netbar, 10)
    assert "第六十三条" not in _text(permit, 5)
    assert "第四十四条、第四十五条及第四十二条" in _text(permit, 5)
    assert "第三十一条、第三十二条和第四十二条" in _text(outfall, 4)  # right in 2016
    assert "2016年6月3日（星期五）" in _text(outfall, 6)
    assert "二〇一六年五月三十日" in _text(outfall, 6)
    assert "二○一六年六月十六日" in _text(outfall, 12)
    assert "年月日时分" in _text(outfall, 7)
    assert "罚款人民币1500元" in _text(price, 6)
    assert "罚款人民币2000元" in _text(price, 7)
    assert "执法人员及证号黄志斌（ZJ330726-0217）记录人黄志斌" in _text(price, 1)
    assert "向武义县人民政府申请行政复议" in _text(pest, 9)
    assert "农业农村局或者" not in _text(pest, 9)
    assert "向宁波市交通运输局或者象山县人民政府申请行政复议" in _text(ride, 9)
    assert "2025年10月14日10时05分" in _text(ride, 10)
    assert "二〇二五年九月二十六日" in _text(ride, 9)
    assert "2020年6月12日" not in _text(sign, 13)
    assert "2020-06-18" in _text(sign, 12)
    assert "9行政处罚决定书2020-06-0310" in _text(sign, 1)
    assert "苏G5J782" in _text(debris, 9)
    assert "苏G5J728" in _text(debris, 1)
    assert "十五日" not in _text(debris, 9) + _text(debris, 10)
    assert "缴纳" not in _text(debris, 9) + _text(debris, 10)
    assert "三个月内直接向岱山县人民法院起诉" in _text(quarry, 7)
    assert "二〇一五年三月二日" in _text(quarry, 7)
    assert "向国家税务总局衢州市税务局申请行政复议" in _text(tax, 1)


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
    assert Counter(kinds) == {"company": 4, "business": 3, "person": 3}


def test_places_are_unique_to_this_holdout() -> None:
    places = [
        "磐安县",
        "常山县",
        "青田县",
        "天台县",
        "浦江县",
        "武义县",
        "象山县",
        "长兴县",
        "灌南县",
        "岱山县",
    ]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout46.gen.build import write_case

    folder = write_case(_cases()["h46-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 5
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout46.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 3
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    one = out.read_bytes()
    assert scan.scan_case(case, tmp_path / "again", workers=2).read_bytes() == one
    looks = {"fangwei": ("RGB", 180), "tiaoma": ("L", 160), "guidang": ("RGB", 200)}
    for idx, (mode, dpi) in zip((1, 2, 3), looks.values(), strict=True):
        exp = _expected(CASES[idx])
        data = (CASES[idx] / f"{CASES[idx].name}.pdf").read_bytes()
        img = Image.open(io.BytesIO(scan.scan_page(data, exp, 1)))
        assert (img.mode, round(img.info["dpi"][0])) == (mode, dpi), exp["family"]
