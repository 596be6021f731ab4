"""Holdout 47 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout47"
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
    from fixtures.holdout47.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h47-{i:02d}" for i in range(1, 11)]
    z, t, h = "zhuangding", "taoda", "heduiyin"
    assert [_expected(x)["family"] for x in CASES] == [z, t, h, z, t, h, z, t, h, z]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2022, 2017, 2026, 2020, 2018, 2023, 2015, 2021, 2024, 2019]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h47-02"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in (
            "legal_review",
            "hearing_record",
            "hearing_notice",
            "collective_discussion",
            "toc",
            "evidence",
        )
    }
    assert with_type == {
        "legal_review": ["h47-01", "h47-06", "h47-09", "h47-10"],
        "hearing_record": ["h47-01"],
        "hearing_notice": ["h47-01"],
        "collective_discussion": ["h47-01", "h47-07", "h47-10"],
        "toc": ["h47-07"],
        "evidence": ["h47-03", "h47-06", "h47-09"],
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
        "missing_date": 1,
        "missing_element": 1,
        "remedy_notice_error": 2,
        "deadline_exceeded": 3,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "inconsistent_fact": 2,
        "archive_defect": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h47-02", "h47-06", "h47-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h47-02" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout47.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY, s.extension))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h47-01": ["hearing"],
        "h47-04": ["notice_period"],
        "h47-05": ["order"],
        "h47-08": ["decision_90"],
        "h47-09": ["service"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2022, 4, 24))  # Sunday worked before 劳动节 2022
    assert not workday(dt.date(2022, 5, 3))
    assert workday(dt.date(2024, 10, 12))  # Saturday worked after 国庆 2024
    assert not workday(dt.date(2024, 10, 7))
    assert not workday(dt.date(2026, 4, 6))  # 清明 2026
    food = specs["h47-01"].acts
    assert (food["hearing"] - food["hearing_notified"]).days == 7
    assert add_workdays(food["hearing_notified"], 7) == dt.date(2022, 4, 26) > food["hearing"]
    assert food["request"] <= add_workdays(food["notice_served"], 5) < food["decided"]
    voc = specs["h47-04"].acts
    assert voc["decided"] - voc["notice_served"] == dt.timedelta(days=2)
    dust = specs["h47-05"].acts
    assert dust["served"] < dust["decided"]
    nurse = specs["h47-08"].acts
    assert (nurse["decided"] - nurse["filed"]).days == 94
    assert add_workdays(nurse["notice_served"], 5) < nurse["decided"]
    truck = specs["h47-09"].acts
    assert add_workdays(truck["decided"], 7) == dt.date(2024, 10, 30) < truck["served"]
    assert add_workdays(truck["notice_served"], 5) == dt.date(2024, 10, 17) < truck["decided"]
    training = specs["h47-07"].acts
    assert training["decided"] > dt.date(2015, 5, 1)  # 六个月 起诉 under the 2014 行政诉讼法
    belt = specs["h47-02"].acts
    assert belt["served"] == belt["decided"]
    ledger = specs["h47-03"].acts
    assert ledger["decided"] > dt.date(2024, 1, 1)


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout47.gen.pdfout import measure

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
        "h47-01": [(9, "party")],
        "h47-03": [(6, "seal"), (10, "recipient")],
        "h47-04": [(1, "witness"), (2, "approver")],
        "h47-05": [(3, "officer"), (6, "seal")],
        "h47-07": [(5, "recorder")],
        "h47-08": [(8, "server")],
        "h47-09": [(5, "party"), (7, "reviewer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout47.gen.docxout import BLANK
    from fixtures.holdout47.gen.model import Closing, Sigs, Table

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
            body = document.element.body
            blanks = sum(1 for s in slots if not s.name)
            assert sum(t.count(BLANK) for t in body.xpath(".//w:t/text()")) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    food, belt, ledger, voc, dust, trawl, training, nurse, truck, guide = CASES
    assert "2022年4月25日（星期一）" in _text(food, 7)
    assert "二〇二二年四月十八日" in _text(food, 7)
    assert "审核日期：年月日" in _text(food, 10)
    assert "淳安县栖溪山居民宿有限公司" in _text(ledger, 8)
    assert "淳安县栖溪山居" not in _text(ledger, 5) + _text(ledger, 7)
    assert "向淳安县人民政府申请行政复议" in _text(ledger, 9)
    assert "杭州市税务局" not in _text(ledger, 9)
    assert "执法证号：见证人周德明" in _text(voc, 1)
    assert "二〇二〇年六月十八日" in _text(voc, 8)
    assert "三日内" in _text(voc, 6)
    assert "陈述" not in _text(dust, 4)
    assert "听证" not in _text(dust, 4)
    assert "2018年8月30日15时30分" in _text(dust, 7)
    assert "2018年8月31日" in _text(dust, 6)
    assert "第三十一条、第三十二条的规定" in _text(nurse, 4)
    assert "2021年11月4日" in _text(nurse, 7)
    assert "苏J·6M358" in _text(truck, 9)
    assert "苏J·6M853" not in _text(truck, 9)
    assert "苏J·6M853" in _text(truck, 1) + _text(truck, 4)
    assert "2024年10月31日" in _text(truck, 11)
    assert "在三个月内向响水县人民法院提起行政诉讼" in _text(training, 10)
    assert "二○一五年八月五日" in _text(training, 10)
    assert "8送达回证2015.8.69" in _text(training, 1)
    assert "向安吉县公安局或者安吉县人民政府申请行政复议" in _text(belt, 1)
    assert "向连云港市农业农村局或者灌云县人民政府" in _text(trawl, 10)
    assert "向南平市文化和旅游局或者松溪县人民政府" in _text(guide, 10)


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
    assert Counter(kinds) == {"company": 6, "business": 1, "person": 3}


def test_places_are_unique_to_this_holdout() -> None:
    places = ["嘉善", "安吉", "淳安", "永嘉", "睢宁", "灌云", "响水", "阜宁", "射阳", "松溪"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout47.gen.build import write_case

    folder = write_case(_cases()["h47-02"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout47.gen import scan

    case = CASES[1]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    assert scan.scan_case(case, tmp_path / "again", workers=2).read_bytes() == out.read_bytes()
    looks = {3: ("L", 200), 1: ("RGB", 180), 2: ("RGB", 150)}
    for idx, (mode, dpi) in looks.items():
        exp = _expected(CASES[idx])
        data = (CASES[idx] / f"{CASES[idx].name}.pdf").read_bytes()
        img = Image.open(io.BytesIO(scan.scan_page(data, exp, 4 if idx == 2 else 1)))
        assert (img.mode, round(img.info["dpi"][0])) == (mode, dpi), exp["family"]
        rgb = np.asarray(img.convert("RGB"), dtype=np.int32)
        blue = (rgb[..., 2] - rgb[..., 0] > 60).sum()
        assert (blue > 500) == (idx == 2), exp["family"]  # the 经核对与原件一致 stamp on evidence only
        if mode == "L":
            left = np.asarray(img)[:, : round(18 / 25.4 * dpi)]
            assert (left < 80).sum() > 2 * 3.14 * (2.9 / 25.4 * dpi) ** 2 * 0.8  # two punched holes
