"""Holdout 31 fixtures: labels, calendars, empty slots and seals, page tiling, IDs, rebuild, scan.

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

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout31"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")
Box = tuple[float, float, float, float]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout31.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h31-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    assert fams == ["bitonal", "namestamp", "handdated"] * 3 + ["bitonal"]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted({int(_expected(c)["case"]["dates"]["decided"][:4]) for c in CASES})
    assert years == [2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert [c.name[:6] for c in CASES if _expected(c)["procedure"] == "summary"] == ["h31-06"]


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
        assert len(list((case / "docx").glob("*.docx"))) == len(exp["documents"])
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        keys = (
            ["decided", "served"]
            if exp["procedure"] == "summary"
            else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(exp["case"]["dates"]) == keys
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
    assert len({d for d, _ in found}) == 12
    signers = Counter(r for (d, r), n in found.items() for _ in range(n) if d == "missing_signature")
    assert signers == Counter(
        {"party": 2, "approver": 1, "officer": 1, "recorder": 1, "recipient": 1, "reviewer": 1, "server": 1}
    )
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert sum(n for (d, _), n in found.items() if d in dated) == 6
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h31-03", "h31-05", "h31-10"]


def test_calendar_checks() -> None:
    from fixtures.holdout31.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h31-01": ["service"],
        "h31-04": ["notice_period"],
        "h31-07": ["order"],
        "h31-09": ["ninety"],
    }
    assert add_workdays(dt.date(2021, 9, 17), 1) == dt.date(2021, 9, 18)  # Saturday worked for 中秋
    assert add_workdays(dt.date(2022, 6, 28), 7) == dt.date(2022, 7, 7)  # h31-01 served on 07-12
    assert workday(dt.date(2023, 4, 23))  # Sunday worked for 劳动节
    assert workday(dt.date(2025, 4, 27))
    assert not workday(dt.date(2026, 2, 17))  # 春节
    a = _specs()["h31-09"].acts
    assert (a["decided"] - a["filed"]).days == 105
    a = _specs()["h31-04"].acts
    assert (a["decided"] - a["notice_served"]).days == 2


def _images(page: pdfium.PdfPage) -> list[Box]:
    return [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]


def _hits(box: Box, images: list[Box]) -> bool:
    from fixtures.holdout31.gen.layout import H

    x, y, w, h = box
    left, bottom, right, top = x, H - y - h, x + w, H - y
    return any(a < right - 1 and c > left + 1 and b < top - 1 and d > bottom + 1 for a, b, c, d in images)


EMPTY = {
    "h31-01": ([("询问笔录", 1, "party")], [("行政处罚决定书", 1)], []),
    "h31-02": ([("立案审批表", 0, "approver")], [], [("告知书送达回证", 0, "recipient")]),
    "h31-04": ([("现场检查笔录", 0, "officer")], [], []),
    "h31-06": ([("当场行政处罚决定书", 0, "party")], [], []),
    "h31-07": ([("听证笔录", 1, "recorder")], [], []),
    "h31-08": (
        [("法制审核意见书", 0, "reviewer"), ("决定书送达回证", 0, "recipient")],
        [("行政处罚事先告知书", 0)],
        [],
    ),
    "h31-09": (
        [("决定书送达回证", 0, "server"), ("决定书送达回证", 0, "server")],
        [],
        [("行政处罚决定审批表", 0, "approver")],
    ),
}


def test_empty_slots_and_seals_are_empty_in_pdf() -> None:
    from fixtures.holdout31.gen.pdfout import layouts

    for key, spec in _specs().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / spec.id / f"{spec.id}.pdf"))
        slots, seals, dates = [], [], []
        for n, (doc, i, lay) in enumerate(layouts(spec)):
            page = pdf[n]
            images = _images(page)
            text = page.get_textpage().get_text_range()
            for p in lay.slots:
                assert p.slot.caption.rstrip("：") in text
                assert _hits(p.box, images) == bool(p.slot.name), (key, doc.stem, p.slot)
                if p.slot.name is None:
                    slots.append((doc.stem, i, p.slot.role))
                if p.date_box is not None and p.slot.date == "":
                    assert not _hits(p.date_box, images)
                    dates.append((doc.stem, i, p.slot.role))
            for sealed, box in lay.seals:
                assert _hits(box, images) == sealed
                if not sealed:
                    seals.append((doc.stem, i))
        pdf.close()
        assert (slots, seals, dates) == EMPTY.get(key, ([], [], [])), key


def _id_ok(s: str) -> bool:
    w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * k for c, k in zip(s[:17], w, strict=True)) % 11] == s[17]


def _uscc_ok(s: str) -> bool:
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    w = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    return chars[(31 - sum(chars.index(c) * k for c, k in zip(s[:17], w, strict=True)) % 31) % 31] == s[17]


def test_identifiers_carry_valid_check_characters() -> None:
    seen = 0
    for case in CASES:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        pdf.close()
        for m in re.findall(r"统一社会信用代码[：:]\s*([0-9A-Z]{18})", text):
            assert _uscc_ok(m), (case.name, m)
            seen += 1
        for m in re.findall(r"身份证(?:号码|号)[：:]\s*(\d{17}[\dX])", text):
            assert _id_ok(m), (case.name, m)
            seen += 1
    assert seen > 20


def test_officers_and_certificates_in_record_heads() -> None:
    for key, spec in _specs().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / spec.id / f"{spec.id}.pdf"))
        first = {d.stem: n for n, (d, i, _) in enumerate(_layouts(spec)) if i == 0}
        for stem in ("询问笔录", "现场检查笔录", "当场行政处罚决定书"):
            if stem not in first:
                continue
            text = pdf[first[stem]].get_textpage().get_text_range()
            certs = re.findall(r"执法证号：([^\s）]*)", text)
            full = [c for c in certs if re.match(r"[A-Z鲁]*\d{8,}", c)]
            want = 1 if (key, stem) == ("h31-04", "询问笔录") else 2  # h31-04: the recorder's number is blank
            assert len(full) == want, (key, stem, certs)
        pdf.close()


def _layouts(spec: Any) -> list[Any]:
    from fixtures.holdout31.gen.pdfout import layouts

    return layouts(spec)


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout31.gen.build import write_case

    folder = write_case(_specs()["h31-06"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 4
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


@needs_fonts
def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout31.gen import scan

    case = next(c for c in CASES if c.name.startswith("h31-06"))
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig)
    assert [len(_images(scanned[i])) for i in range(len(scanned))] == [1] * len(orig)
    assert not scanned[0].get_textpage().get_text_range().strip()
    scanned.close()
    orig.close()
    one = next(c for c in CASES if c.name.startswith("h31-01"))
    src = pdfium.PdfDocument(str(one / f"{one.name}.pdf"))
    page = scan.scan_page(src, one.name, 13, "bitonal")
    assert page.mode == "1"
    assert page.size == (1654, 2339)
    assert page.tobytes() == scan.scan_page(src, one.name, 13, "bitonal").tobytes()
    src.close()
