"""Holdout 30 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

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
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout30"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout30.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h30-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    assert fams == ["sandwich", "appscan", "duplex"] * 3 + ["sandwich"]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10


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
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            assert re.search(r"（PDF第\d+页）$", f["note"])


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role}
    assert len({d for d, _ in found}) == 12
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h30-03", "h30-05", "h30-10"]


def test_calendar_checks() -> None:
    from fixtures.holdout30.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h30-02": ["seizure"],
        "h30-07": ["ninety"],
        "h30-08": ["notice_period"],
        "h30-09": ["order"],
    }
    assert add_workdays(dt.date(2020, 6, 24), 2) == dt.date(2020, 6, 29)  # 端午 06-25..27 off, 06-28 worked
    assert workday(dt.date(2020, 6, 28))
    a = _specs()["h30-07"].acts
    assert (a["decided"] - a["filed"]).days == 105


def test_empty_slots_and_seals() -> None:
    from fixtures.holdout30.gen.model import Closing, slots_of

    got = {}
    for k, s in _specs().items():
        empty = [
            (d.stem, i, x.role)
            for d in s.docs
            for i, p in enumerate(d.pages)
            for b in p.blocks
            for x in slots_of(b)
            if not x.name
        ]
        unsealed = [
            d.stem for d in s.docs for p in d.pages for b in p.blocks if isinstance(b, Closing) and not b.seal
        ]
        got[k] = (empty, unsealed)
    assert got["h30-01"] == ([("询问笔录", 1, "party"), ("法制审核意见书", 0, "reviewer")], [])
    assert got["h30-04"] == ([("告知书送达回证", 0, "recipient")], ["行政处罚决定书"])
    assert got["h30-09"] == ([("结案审批表", 0, "approver")], ["行政处罚事先告知书"])
    assert got["h30-08"][0] == [
        ("现场检查笔录", 0, "officer"),
        ("决定书送达回证", 0, "server"),
        ("决定书送达回证", 0, "server"),
    ]
    for k in ("h30-03", "h30-05", "h30-10"):
        assert got[k] == ([], [])


def test_duplex_backs() -> None:
    for k in ("h30-03", "h30-06", "h30-09"):
        spec = _specs()[k]
        assert sum(len(d.pages) for d in spec.docs) % 2 == 0
        assert any(d.on_back for d in spec.docs)  # a 送达回证 printed on the back of its notice
        assert any(p.blank for d in spec.docs for p in d.pages)


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout30.gen.build import write_case

    for key in ("h30-06",):
        folder = write_case(_specs()[key], tmp_path)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


@needs_fonts
def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout30.gen import scan

    case = next(c for c in CASES if c.name.startswith("h30-06"))
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig)
    assert scan.scan_page(orig, case.name, 0, "duplex") == scan.scan_page(orig, case.name, 0, "duplex")
    scanned.close()
    orig.close()
