"""Holdout 32 fixtures: labels, calendars, empty slots in PDF and docx, seals, wording, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout32"
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
    from fixtures.holdout32.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


@cache
def _ops(key: str) -> list[Any]:
    from fixtures.holdout32.gen.pdfout import case_ops

    return case_ops(_specs()[key])


def _pdf_text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = str(pdf[page - 1].get_textpage().get_text_range())
    pdf.close()
    return re.sub(r"\s+", "", text)


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h32-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    assert fams == [
        "microfilm",
        "folded",
        "foxed",
        "folded",
        "microfilm",
        "foxed",
        "folded",
        "microfilm",
        "foxed",
        "folded",
    ]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    assert [_expected(c)["procedure"] for c in CASES].count("summary") == 1


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        total = len(pdf)
        pdf.close()
        nxt = 1
        for d in exp["documents"]:
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == total + 1
        assert sorted(p.name for p in (case / "docx").iterdir()) == sorted(
            Path(d["docx"]).name for d in exp["documents"]
        )
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            assert 1 <= page <= total


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role}
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 8
    assert sum(n for (d, _), n in found.items() if d == "missing_seal") == 2
    assert len({d for d, _ in found}) == 13
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h32-02", "h32-05", "h32-09"]


def test_calendar_checks() -> None:
    from fixtures.holdout32.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h32-01": ["notice_period"],
        "h32-04": ["service"],
        "h32-07": ["ninety"],
        "h32-08": ["order", "service"],
    }
    assert add_workdays(dt.date(2022, 4, 18), 5) == dt.date(2022, 4, 24)  # Sunday 04-24 worked for 劳动节
    assert add_workdays(dt.date(2022, 5, 10), 7) == dt.date(2022, 5, 19)
    assert not workday(dt.date(2026, 5, 4))
    a = _specs()["h32-07"].acts
    assert (a["decided"] - a["filed"]).days == 103
    assert _expected(CASES[6])["case"]["dates"]["served"] is None
    assert _expected(CASES[7])["case"]["dates"]["notified"] is None


EMPTY = {
    "h32-01": [("询问笔录", 2, "party")],
    "h32-03": [("立案审批表", 1, "approver")],
    "h32-04": [("告知书送达回证", 1, "recipient")],
    "h32-06": [("当场行政处罚决定书", 1, "officer")],
    "h32-07": [("现场检查笔录", 1, "party"), ("现场检查笔录", 1, "witness")],
    "h32-08": [("询问笔录", 2, "recorder")],
    "h32-10": [
        ("法制审核意见书", 1, "reviewer"),
        ("决定书送达回证", 1, "server"),
        ("决定书送达回证", 1, "server"),
    ],
}
UNSEALED = {"h32-03": ["行政处罚决定书"], "h32-10": ["行政处罚事先告知书"]}


def test_empty_slots_and_seals_in_spec() -> None:
    from fixtures.holdout32.gen.model import Closing, slots_of

    for key, spec in _specs().items():
        empty = [
            (d.stem, i + 1, s.role)
            for d in spec.docs
            for i, p in enumerate(d.pages)
            for b in p.blocks
            for s in slots_of(b)
            if not s.name
        ]
        unsealed = [
            d.stem
            for d in spec.docs
            for p in d.pages
            for b in p.blocks
            if isinstance(b, Closing) and not b.seal
        ]
        assert empty == EMPTY.get(key, []), key
        assert unsealed == UNSEALED.get(key, []), key


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [tuple(o.get_bounds()) for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]


def _hits(box: tuple[float, float, float, float], imgs: list[tuple[float, float, float, float]]) -> bool:
    x, y, w, h = box
    return any(left < x + w and right > x and bottom < y + h and top > y for left, bottom, right, top in imgs)


def test_empty_slots_really_empty_in_pdf() -> None:
    from fixtures.holdout32.gen.layout import SlotOp

    for case in CASES:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        for index, ops in enumerate(_ops(case.name[:6])):
            imgs = _images(pdf[index])
            for op in ops:
                if isinstance(op, SlotOp):
                    assert _hits((op.x, op.y, op.w, op.h), imgs) == op.filled, (case.name, index + 1, op.role)
        pdf.close()


def test_seals_in_pdf() -> None:
    from fixtures.holdout32.gen.model import Closing

    for case in CASES:
        spec = _specs()[case.name[:6]]
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        index = 0
        for d in spec.docs:
            for p in d.pages:
                seals = [b for b in _images(pdf[index]) if b[2] - b[0] > 100]
                closings = [b for b in p.blocks if isinstance(b, Closing)]
                assert len(seals) == sum(c.seal for c in closings), (case.name, index + 1)
                index += 1
        pdf.close()
        assert sum(
            not c.seal for d in spec.docs for p in d.pages for c in p.blocks if isinstance(c, Closing)
        ) == len(UNSEALED.get(case.name[:6], []))


def test_docx_marks_match_pdf() -> None:
    from fixtures.holdout32.gen.layout import ImageOp

    for case in CASES:
        exp = _expected(case)
        ops = _ops(case.name[:6])
        for d in exp["documents"]:
            first, last = d["pdf_pages"]
            marks = sum(isinstance(o, ImageOp) for page in ops[first - 1 : last] for o in page)
            assert len(docx.Document(str(case / d["docx"])).inline_shapes) == marks, d["docx"]


def test_wording_of_defects() -> None:
    assert "三个月内" in _pdf_text(CASES[0], 10)
    assert "第三十一条、第三十二条" in _pdf_text(CASES[3], 7)
    assert "葫应急罚〔2019〕71号" in _pdf_text(CASES[2], 11)
    assert "第三十三条" in _pdf_text(CASES[5], 1)
    assert "陈述" not in _pdf_text(CASES[6], 6)
    assert "邵阳市人民政府或者湖南省住房和城乡建设厅" in _pdf_text(CASES[9], 12)
    assert "执法证号：）" in _pdf_text(CASES[7], 3)
    assert "七日前" not in _pdf_text(CASES[1], 7)
    assert "五个工作日" in _pdf_text(CASES[8], 7)


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout32.gen.build import write_case

    folder = write_case(_specs()["h32-06"], tmp_path)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout32.gen import scan

    case = next(c for c in CASES if c.name.startswith("h32-06"))
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig) == 2
    assert all(len(_images(scanned[i])) == 1 for i in range(len(scanned)))
    assert scanned[0].get_textpage().get_text_range().strip() == ""
    assert scan.scan_page(orig, case.name, 0, "foxed") == scan.scan_page(orig, case.name, 0, "foxed")
    scanned.close()
    orig.close()
