"""Holdout 34 fixtures: labels, calendars, empty slots in PDF and docx, page tiling, rebuild, scan.

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

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from docx import Document

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout34"
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
    from fixtures.holdout34.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h34-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    assert fams == [
        "kai16",
        "tinted",
        "flagged",
        "kai16",
        "tinted",
        "flagged",
        "kai16",
        "kai16",
        "flagged",
        "tinted",
    ]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted(int(c.name.split("-")[4]) for c in CASES)
    assert years == [2016, 2017, 2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    procs = Counter(_expected(c)["procedure"] for c in CASES)
    assert procs == {"general": 8, "summary": 2}


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
        for d in exp["documents"]:
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == total + 1
        assert sorted(p.name for p in (case / "docx").iterdir()) == [
            Path(d["docx"]).name for d in exp["documents"]
        ]
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            assert 1 <= page <= total
        if exp["procedure"] == "summary":
            dates = exp["case"]["dates"]
            assert [k for k, v in dates.items() if v] == ["decided", "served"]


def test_expected_matches_generator() -> None:
    from fixtures.holdout34.gen.build import expected

    for case in CASES:
        assert _expected(case) == expected(_specs()[case.name[:6]])


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    codes = {d for d, _ in found}
    assert len(codes) == 12
    assert codes == {d.value for d in Defect} - {"missing_document", "archive_defect"}
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role} - {"reviewer"}
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 8
    assert found[("missing_seal", None)] == 3
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h34-05", "h34-07", "h34-10"]


def test_calendar_checks() -> None:
    from fixtures.holdout34.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h34-01": ["order"],
        "h34-02": ["notice_period"],
        "h34-03": ["service"],
        "h34-08": ["order"],
        "h34-09": ["ninety"],
    }
    assert add_workdays(dt.date(2021, 9, 29), 5) == dt.date(2021, 10, 12)  # 国庆 10-01..07 off, 10-09 worked
    assert workday(dt.date(2021, 10, 9))
    # 中秋国庆 2023-09-29..10-06 off, 10-07 worked
    assert add_workdays(dt.date(2023, 9, 20), 7) == dt.date(2023, 10, 7)
    assert add_workdays(dt.date(2025, 3, 14), 7) == dt.date(2025, 3, 25)
    a = _specs()["h34-09"].acts
    assert (a["decided"] - a["filed"]).days == 148
    assert a["hearing"] >= add_workdays(a["hearing_notice_served"], 7)


def _empty(spec: Any) -> tuple[list[tuple[str, int, str]], list[str]]:
    from fixtures.holdout34.gen.model import Closing, slots_of

    empty = [
        (d.stem, i, x.role)
        for d in spec.docs
        for i, p in enumerate(d.pages)
        for b in p.blocks
        for x in slots_of(b)
        if not x.name
    ]
    unsealed = [
        d.stem for d in spec.docs for p in d.pages for b in p.blocks if isinstance(b, Closing) and not b.seal
    ]
    return empty, unsealed


def test_empty_slots_and_seals() -> None:
    got = {k: _empty(s) for k, s in _specs().items()}
    assert got["h34-01"] == ([("当场行政处罚决定书", 0, "party")], [])
    assert got["h34-02"] == (
        [("现场检查笔录", 0, "officer"), ("立案审批表", 0, "approver")],
        ["行政处罚事先告知书"],
    )
    assert got["h34-03"] == ([("告知书送达回证", 0, "recipient")], [])
    assert got["h34-04"] == ([("询问笔录", 1, "party")], ["行政处罚决定书"])
    assert got["h34-08"] == (
        [("现场检查笔录", 0, "witness"), ("决定书送达回证", 0, "server"), ("决定书送达回证", 0, "server")],
        [],
    )
    assert got["h34-09"] == ([("听证笔录", 0, "recorder"), ("听证笔录", 1, "recorder")], ["听证通知书"])
    for k in ("h34-05", "h34-06", "h34-07", "h34-10"):
        assert got[k] == ([], [])


def _images(page: Any) -> int:
    return sum(1 for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE)


def test_pdf_marks_match_slots() -> None:
    """Every signed slot, print and seal is an image on its page; nothing is drawn in an empty slot."""
    from fixtures.holdout34.gen.model import marks_on, slots_of

    for case in CASES:
        spec = _specs()[case.name[:6]]
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        pages = [p for d in spec.docs for p in d.pages]
        for i, page in enumerate(pages):
            assert _images(pdf[i]) == marks_on(page), (case.name, i + 1)
            text = pdf[i].get_textpage().get_text_range()
            for slot in (x for b in page.blocks for x in slots_of(b) if not x.name):
                assert slot.caption in text, (case.name, i + 1, slot.caption)
        pdf.close()


def test_docx_pages_and_marks() -> None:
    from fixtures.holdout34.gen.model import marks_on

    for case in CASES:
        spec = _specs()[case.name[:6]]
        for d, entry in zip(spec.docs, _expected(case)["documents"], strict=True):
            doc = Document(str(case / entry["docx"]))
            assert len(doc.sections) == len(d.pages)
            assert len(doc.inline_shapes) == sum(marks_on(p) for p in d.pages), entry["docx"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout34.gen.build import write_case

    folder = write_case(_specs()["h34-06"], tmp_path)
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout34.gen import scan

    case = next(c for c in CASES if c.name.startswith("h34-01"))
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig)
    assert [_images(scanned[i]) for i in range(len(scanned))] == [1] * len(orig)
    assert not scanned[0].get_textpage().get_text_range().strip()
    exp = _expected(case)
    first = scan.scan_page(orig, case.name, 0, "kai16", exp)
    assert first == scan.scan_page(orig, case.name, 0, "kai16", exp)
    assert json.loads((out.parent / "expected.json").read_text(encoding="utf-8")) == exp
    scanned.close()
    orig.close()
