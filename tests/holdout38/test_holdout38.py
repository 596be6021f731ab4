"""Holdout 38 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout38"
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
    from fixtures.holdout38.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h38-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    r, x, y = "riqizhang", "xiuding", "yinmo"
    assert fams == [r, x, y, r, x, y, r, x, y, r]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted(int(c.name.split("-")[-2]) for c in CASES)
    assert years == [2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h38-03"]


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
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
            assert 1 <= page <= total
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert len({d for d, _ in found}) == 13
    sig = Counter(r for (d, r), n in found.items() for _ in range(n) if d == "missing_signature")
    assert sig == {
        "party": 3,
        "approver": 1,
        "recipient": 1,
        "recorder": 1,
        "reviewer": 1,
        "server": 1,
        "officer": 1,
    }
    assert found[("missing_seal", None)] == 3
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert {d: found[(d, None)] for d in dated} == {
        "premature_decision": 1,
        "deadline_exceeded": 2,
        "date_inconsistency": 2,
        "missing_date": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h38-02", "h38-07", "h38-09"]


def test_dates_match_acts() -> None:
    for key, spec in _specs().items():
        exp = _expected(next(c for c in CASES if c.name.startswith(key)))
        for k, v in exp["case"]["dates"].items():
            assert dt.date.fromisoformat(v) == spec.acts[k], (key, k)
    assert _expected(CASES[2])["case"]["dates"] == {"decided": "2024-06-12", "served": "2024-06-12"}
    assert _expected(CASES[4])["case"]["dates"]["served"] == "2021-09-14"
    assert _expected(CASES[9])["case"]["dates"]["filed"] == "2025-11-03"


def test_calendar_checks() -> None:
    from fixtures.holdout38.gen.cal import add_workdays, broken_checks, workday

    broken = {
        k: sorted(broken_checks(s.acts, s.facts.law2021, s.facts.procedure == Procedure.SUMMARY))
        for k, s in _specs().items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h38-01": ["notice_period"],
        "h38-04": ["service"],
        "h38-05": ["order"],
        "h38-08": ["order"],
        "h38-10": ["ninety"],
    }
    declared = {k: sorted(s.broken) for k, s in _specs().items() if s.broken}
    assert declared == {k: v for k, v in broken.items() if v}
    assert workday(dt.date(2023, 4, 23))  # Sunday worked before 劳动节 2023
    assert not workday(dt.date(2023, 5, 1))
    assert add_workdays(dt.date(2023, 4, 21), 7) == dt.date(2023, 5, 4)
    assert add_workdays(dt.date(2025, 5, 7), 5) == dt.date(2025, 5, 14)
    assert add_workdays(dt.date(2022, 5, 25), 5) == dt.date(2022, 6, 1)
    assert add_workdays(dt.date(2021, 9, 6), 5) == dt.date(2021, 9, 13)
    assert add_workdays(dt.date(2026, 1, 23), 5) == dt.date(2026, 1, 30)
    hearing = _specs()["h38-06"].acts
    assert add_workdays(hearing["hearing_notified"], 7) <= hearing["hearing"]
    assert add_workdays(hearing["notice_served"], 5) >= hearing["hearing_request"]
    a = _specs()["h38-10"].acts
    assert (a["decided"] - a["filed"]).days == 95
    z = _specs()["h38-01"].acts
    assert z["decided"] <= z["notice_served"] + dt.timedelta(days=3)
    assert (_specs()["h38-04"].acts["served"] - _specs()["h38-04"].acts["decided"]).days == 14
    assert _specs()["h38-08"].acts["closed"] < _specs()["h38-08"].acts["paid"]


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout38.gen.pdfout import measure

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
        "h38-01": [(2, "approver"), (4, "party")],
        "h38-03": [(1, "party")],
        "h38-04": [(7, "seal"), (8, "recipient")],
        "h38-05": [(3, "recorder"), (4, "recorder")],
        "h38-06": [(8, "seal"), (11, "party"), (12, "reviewer")],
        "h38-08": [(13, "seal"), (14, "server"), (14, "server")],
        "h38-10": [(3, "officer")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout38.gen.model import BankStamp, Closing, Sigs

    for spec in _specs().values():
        for i, d in enumerate(spec.docs):
            blocks = [b for page in d.pages for b in page]
            made = sum(1 + s.thumb for b in blocks if isinstance(b, Sigs) for s in b.slots if s.name)
            made += sum(1 for b in blocks if (isinstance(b, Closing) and b.seal) or isinstance(b, BankStamp))
            path = ROOT / "cases" / spec.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            assert len(document.element.body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for b in blocks if isinstance(b, Sigs) for s in b.slots if not s.name)
            assert sum(p.text.count("＿＿＿＿＿＿＿＿") for p in document.paragraphs) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    approval = _text(CASES[0], 9)
    assert "负责人：日期：" in approval  # signed, but the date stamp is missing
    assert "2020.09.01" in approval  # the 承办人 rows are stamped
    assert "收到本告知书之日起三日内" in _text(CASES[0], 7)
    assert "2020年9月2日" in _text(CASES[0], 11)
    summary = _text(CASES[2], 1)
    assert "向泰州市城市管理局或者靖江市人民政府申请行政复议" in summary
    assert "先向" not in summary
    assert "2019年11月19日" in _text(CASES[3], 12)
    assert "二〇二一年九月十四日" in _text(CASES[4], 12)
    assert "二〇二一年九月十六日" in _text(CASES[4], 11)
    assert "检查人员：孔祥瑞（执法证号：37088321005）" in _text(CASES[4], 1)
    assert "颜景涛" not in _text(CASES[4], 1)
    notice = _text(CASES[5], 6)
    assert "第三十一条、第三十二条、第四十二条" in notice
    assert "2023年4月14日" in notice
    toc = _text(CASES[7], 1)
    assert "10．行政处罚决定书……二○一六年四月二十八日……13-14" in toc
    decision = _text(CASES[7], 12) + _text(CASES[7], 13)
    assert "十五日内" not in decision
    assert "加处罚款" not in decision
    assert "二○一六年五月十日" in _text(CASES[7], 16)
    assert "二○一六年五月十二日" in _text(CASES[7], 16)
    assert "禹交执罚〔2026〕71号" in _text(CASES[9], 12)
    assert "禹交执罚〔2026〕17号" in _text(CASES[9], 10)
    assert "法制审核意见" in _text(CASES[9], 9)
    assert "legal_review" not in [d["type"] for d in _expected(CASES[9])["documents"]]
    assert "2026.2.6" in _text(CASES[9], 11)


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
    assert Counter(kinds) == {"company": 5, "business": 2, "person": 3}


def test_places_are_unique_to_this_holdout() -> None:
    cities = ["涿州", "平湖", "靖江", "东阳", "邹城", "新泰", "平度", "招远", "荣成", "禹州"]
    for case, city in zip(CASES, cities, strict=True):
        assert _expected(case)["case"]["agency"].replace("国家税务总局", "").startswith(city)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout38.gen.build import write_case

    folder = write_case(_specs()["h38-03"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout38.gen import scan

    case = CASES[2]
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    data = (case / f"{case.name}.pdf").read_bytes()
    assert len(scanned) == 2
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    one = scan.scan_page(data, case.name, 2, "riqizhang")
    assert one == scan.scan_page(data, case.name, 2, "riqizhang")
    assert Image.open(io.BytesIO(one)).info["dpi"][0] == pytest.approx(200)
    assert scan.scan_page(data, case.name, 2, "xiuding") != one
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    scanned.close()
