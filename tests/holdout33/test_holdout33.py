"""Holdout 33 fixtures: labels, calendars, empty slots in the PDF, identifiers, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout33"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")
PAGE_NOTE = re.compile(r"（PDF第(\d+)页）$")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _cases() -> dict[str, Any]:
    from fixtures.holdout33.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


@cache
def _texts(case: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    out = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    return out


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h33-{i:02d}" for i in range(1, 11)]
    fams = [_expected(c)["family"] for c in CASES]
    assert fams == [
        "qifeng",
        "damp",
        "streak",
        "qifeng",
        "streak",
        "damp",
        "qifeng",
        "streak",
        "damp",
        "qifeng",
    ]
    assert len({_expected(c)["agency_kind"] for c in CASES}) == 10
    years = sorted(int(c.name.split("-")[4]) for c in CASES)
    assert years == [2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024, 2025, 2026]
    assert [_expected(c)["procedure"] for c in CASES].count("summary") == 1


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        total = len(_texts(case))
        nxt = 1
        for d in exp["documents"]:
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == total + 1
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
            m = PAGE_NOTE.search(f["note"])
            assert m
            assert 1 <= int(m.group(1)) <= total


def test_notes_point_into_their_documents() -> None:
    for case in CASES:
        exp = _expected(case)
        for f in exp["defects"]:
            page = int(PAGE_NOTE.search(f["note"]).group(1))  # type: ignore[union-attr]
            kind = "decision_approval" if f["defect"] == "legal_review_missing" else f["document_type"]
            spans = [d["pdf_pages"] for d in exp["documents"] if d["type"] == kind]
            assert any(a <= page <= b for a, b in spans), (case.name, f["note"])


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert len({d for d, _ in found}) == 13
    assert {d for d, _ in found} == {d.value for d in Defect} - {"missing_document"}
    sigs = {r for (d, r) in found if d == "missing_signature"}
    assert sigs == {"party", "officer", "approver", "recipient", "server", "witness", "reviewer"}
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 8
    assert found[("missing_seal", None)] == 2
    dated = ("premature_decision", "deadline_exceeded", "date_inconsistency", "missing_date")
    assert sum(n for (d, _), n in found.items() if d in dated) == 5
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h33-04", "h33-08", "h33-09"]


def test_calendar_checks() -> None:
    from fixtures.holdout33.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(c.acts, c.procedure == "summary")) for k, c in _cases().items()}
    assert {k: v for k, v in broken.items() if v} == {
        "h33-02": ["order"],
        "h33-05": ["service"],
        "h33-06": ["notice_period"],
        "h33-10": ["order"],
    }
    assert add_workdays(dt.date(2023, 5, 8), 7) == dt.date(2023, 5, 17)
    assert add_workdays(dt.date(2022, 4, 21), 7) == dt.date(2022, 4, 29)  # Sunday 04-24 worked (劳动节调休)
    assert workday(dt.date(2023, 4, 23))
    assert not workday(dt.date(2026, 4, 6))
    a = _cases()["h33-01"].acts
    assert add_workdays(a["hearing_notice_served"], 7) <= a["hearing"]
    assert (a["decided"] - a["filed"]).days == 70


def test_expected_dates() -> None:
    dates = {c.name[:6]: _expected(c)["case"]["dates"] for c in CASES}
    assert dates["h33-03"] == {
        "filed": None,
        "notified": None,
        "decided": "2024-06-12",
        "served": "2024-06-12",
        "closed": None,
    }
    assert dates["h33-07"]["notified"] is None
    assert dates["h33-10"] == {
        "filed": "2026-03-04",
        "notified": "2026-03-26",
        "decided": "2026-04-09",
        "served": "2026-04-10",
        "closed": "2026-04-28",
    }


def _images(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1


@needs_fonts
def test_empty_slots_are_empty_in_the_pdf() -> None:
    from fixtures.holdout33.gen.pages import paint

    for key, case in _cases().items():
        folder = next(c for c in CASES if c.name.startswith(key))
        slots = paint(None, case)
        empty = Counter((i + 1, s.role) for i, page in enumerate(slots) for s in page if not s.filled)
        declared: Counter[tuple[int, str]] = Counter()
        for f in _expected(folder)["defects"]:
            page = int(PAGE_NOTE.search(f["note"]).group(1))  # type: ignore[union-attr]
            if f["defect"] in ("missing_signature", "missing_seal"):
                declared[(page, f["role"] or "seal")] += 1
        if key == "h33-06":
            declared[(8, "server")] += 1  # both 送达人 lines of one receipt are blank: one defect
        assert empty == declared, key
        pdf = pdfium.PdfDocument(str(folder / f"{folder.name}.pdf"))
        for i, page_slots in enumerate(slots):
            images = _images(pdf[i])
            text = _texts(folder)[i]
            for s in page_slots:
                hit = any(_overlaps(s.box, im) for im in images)
                assert hit == s.filled, (key, i + 1, s.role)
                assert s.caption.rstrip("：:") in text.replace("\r\n", "")
        pdf.close()


def test_blank_date_and_seal_texts() -> None:
    c7 = next(c for c in CASES if c.name.startswith("h33-07"))
    notice = _texts(c7)[7]
    assert "行政处罚事先告知书" in notice
    assert "年　　月　　日" in notice
    assert "2025年4月8日" not in notice
    c10 = next(c for c in CASES if c.name.startswith("h33-10"))
    assert "行政复议法》第九条" in _texts(c10)[13]
    toc = _texts(c10)[0]
    assert "13-14" in toc
    assert "17" in toc


def _check_uscc(code: str) -> bool:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    total = sum(alphabet.index(c) * w for c, w in zip(code, weights, strict=False))
    return alphabet[(31 - total % 31) % 31] == code[17]


def _check_id(code: str) -> bool:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(code, weights, strict=False)) % 11] == code[17]


def test_identifiers_have_valid_check_characters() -> None:
    usccs: set[str] = set()
    ids: set[str] = set()
    for case in CASES:
        text = "".join(_texts(case))
        usccs |= set(re.findall(r"(?<![0-9A-Z])(9[12]\d{6}[0-9A-HJ-NP-RTUW-Y]{10})(?![0-9A-Z])", text))
        ids |= set(re.findall(r"(?<![0-9A-Z])([1-6]\d{16}[0-9X])(?![0-9A-Z])", text))
    assert all(_check_uscc(c) for c in usccs)
    assert all(_check_id(c) for c in ids)
    assert (len(usccs), len({c[:2] for c in usccs}), len(ids)) == (8, 2, 10)


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout33.gen.build import write_case

    folder = write_case(_cases()["h33-07"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 16
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    assert sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file()) < 4_000_000


@needs_fonts
def test_scan_smoke(tmp_path: Path) -> None:
    from fixtures.holdout33.gen import scan

    case = next(c for c in CASES if c.name.startswith("h33-03"))
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    orig = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    assert len(scanned) == len(orig) == 3
    for i in range(3):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
        assert scanned[i].get_size() == orig[i].get_size()
    assert scan.scan_page(orig, case.name, 0, "streak") == scan.scan_page(orig, case.name, 0, "streak")
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    scanned.close()
    orig.close()
