"""Holdout 18 fixtures: labels, calendars, empty slots, two-up imposition, byte-identical rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout18"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h18-02", "h18-04", "h18-07", "h18-10"]
TWOUP = ["h18-03", "h18-06", "h18-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout18.gen.__main__ import CASES as MAKERS

    return {s.short: s for s in (make() for make in MAKERS)}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _docx_text(case: Path, stem: str) -> str:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def _pictures(case: Path, stem: str) -> int:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h18-{i:02d}" for i in range(1, 11)]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert list(exp) == ["case_id", "agency_kind", "case_type", "procedure", "case", "documents", "defects"]
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    assert (exp["case_type"], exp["procedure"]) == ("administrative_penalty", "general")
    c = exp["case"]
    assert list(c) == ["case_number", "party", "agency", "fine_amount", "dates"]
    assert "第" not in c["case_number"]
    assert "〔" in c["case_number"]
    assert c["case_number"].endswith("号")
    assert list(c["dates"]) == ["filed", "notified", "decided", "served", "closed"]
    types = {t.value for t in DocumentType}
    for doc in exp["documents"]:
        assert list(doc) == ["type", "title", "docx", "docx_pages", "pdf_pages"]
        assert doc["type"] in types
        assert (case / doc["docx"]).exists()
    for d in exp["defects"]:
        assert list(d) == ["defect", "role", "document_type", "note"]
        assert d["defect"] in {x.value for x in Defect}
        assert d["document_type"] in types
        assert d["note"].endswith("页）")
        is_sig = d["defect"] == "missing_signature"
        assert (d["role"] in {r.value for r in Role}) if is_sig else d["role"] is None
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    starts = [d["pdf_pages"][0] for d in exp["documents"]]
    assert starts == sorted(starts)
    assert starts[0] == 1
    assert exp["documents"][-1]["pdf_pages"][1] == n
    covered = {p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)}
    assert covered == set(range(1, n + 1))
    assert len(list((case / "docx").glob("*.docx"))) == len(exp["documents"])


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 25
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN
    assert sorted({d["role"] for d in found if d["role"]}) == sorted(r.value for r in Role)
    assert {d["defect"] for d in found} == {x.value for x in Defect}
    counts: dict[str, int] = {}
    for d in found:
        counts[d["defect"]] = counts.get(d["defect"], 0) + 1
    assert counts == {
        "missing_signature": 8,
        "remedy_notice_error": 2,
        "premature_decision": 2,
        "deadline_exceeded": 2,
        "missing_seal": 2,
        "officer_requirement": 1,
        "citation_error": 1,
        "date_inconsistency": 1,
        "legal_review_missing": 1,
        "missing_document": 1,
        "inconsistent_fact": 1,
        "missing_date": 1,
        "archive_defect": 1,
        "missing_element": 1,
    }


def test_twoup_sheets_are_shared() -> None:
    """Two A5 pages per landscape sheet: consecutive 文书 may share a PDF page; docx stay A5."""
    for prefix in TWOUP:
        case = _case(prefix)
        docs = _expected(case)["documents"]
        assert [d["type"] for d in docs[:2]] == ["cover", "toc"]
        assert docs[-1]["type"] == "remarks"
        assert docs[0]["pdf_pages"] == docs[1]["pdf_pages"] == [1, 1]
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        assert all(pdf[i].get_size()[0] > pdf[i].get_size()[1] for i in range(len(pdf)))
        pdf.close()
        assert '<w:pgSz w:w="8391" w:h="11906"/>' in _docx_text(case, "决定书")
    case = _case("h18-09")
    toc = _text(case, "卷内目录")
    assert "询问笔录" in toc
    assert "3-4" in toc
    assert "行政处罚事先告知书" in toc


def test_calendar_checks() -> None:
    from fixtures.holdout18.gen.calendar_check import (
        check_case,
        check_periods,
        nth_workday_after,
        workdays_between,
    )

    specs = _specs()
    for spec in specs.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in specs.items()}
    assert broken == {
        "h18-01": {"notice_period"},
        "h18-02": set(),
        "h18-03": {"service"},
        "h18-04": set(),
        "h18-05": {"order"},
        "h18-06": set(),
        "h18-07": set(),
        "h18-08": {"ninety"},
        "h18-09": {"notice_period"},
        "h18-10": set(),
    }
    assert nth_workday_after(date(2025, 9, 26), 5) == date(2025, 10, 10)  # 09-28 调休 counts
    assert workdays_between(date(2025, 9, 26), date(2025, 10, 9)) == 4
    assert workdays_between(date(2021, 10, 22), date(2021, 11, 4)) == 9
    assert workdays_between(date(2022, 9, 29), date(2022, 10, 10)) == 4  # 11 calendar days
    assert workdays_between(date(2024, 2, 8), date(2024, 2, 19)) == 3  # 春节, 02-18 调休 counts
    assert nth_workday_after(date(2026, 4, 29), 5) == date(2026, 5, 9)  # 调休 Saturday
    assert specs["h18-10"].dates["decided"] == date(2026, 5, 11)
    assert specs["h18-02"].dates["served"] == date(2020, 10, 10)  # 调休 Saturday
    assert specs["h18-07"].dates["approved"] == date(2024, 2, 4)  # 调休 Sunday
    d = specs["h18-08"].dates
    assert (d["decided"] - d["filed"]).days == 100
    assert specs["h18-05"].dates["served"] < specs["h18-05"].dates["decided"]
    assert "ninety" not in check_periods(specs["h18-01"])


def test_case_facts() -> None:
    assert _expected(_case("h18-08"))["case"] == {
        "case_number": "娄环罚字〔2025〕21号",
        "party": "娄底市恒锐金属表面处理有限公司",
        "agency": "娄底市生态环境局",
        "fine_amount": 100000.0,
        "dates": {
            "filed": "2025-03-10",
            "notified": "2025-05-28",
            "decided": "2025-06-18",
            "served": "2025-06-20",
            "closed": None,
        },
    }
    assert _expected(_case("h18-10"))["case"]["case_number"] == "承应急罚〔2026〕15号"


def test_text_layer() -> None:
    dec = _text(_case("h18-01"), "税务行政处罚决定书")
    assert "鹤岗市工农区人民政府或者国家税务总局鹤岗市税务局申请行政复议" in dec
    assert "二〇一九年五月七日" in dec
    assert "第五十一条第一项" in dec
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h18-01"), "税务行政处罚事项告知书")
    assert "赵雪（执法证号" not in _text(_case("h18-01"), "询问笔录")
    dec = _text(_case("h18-02"), "行政处罚决定书")
    assert "吕梁市人民政府或者山西省水利厅申请行政复议" in dec
    assert "二〇二〇年十月九日" in dec
    dec = _text(_case("h18-03"), "行政处罚决定书")
    assert "第五十一条第一项" in dec
    assert "2021年10月22日" in dec
    assert "2021年11月4日" in _text(_case("h18-03"), "决定书送达回证")
    assert "依法申请行政复议" in _text(_case("h18-05"), "行政处罚决定书")
    assert "法制审核" not in _text(_case("h18-05"), "案件处理审批表")
    assert "2023-6-26" in _text(_case("h18-05"), "决定书送达回证")
    case = _case("h18-06")
    assert "罚款￥30,000元（人民币叁万元整）" in _text(case, "行政处罚事先告知书")
    assert "罚款￥50,000元（人民币伍万元整）" in _docx_text(case, "行政处罚决定书")
    assert "decision_approval" not in {d["type"] for d in _expected(case)["documents"]}
    dec = _text(_case("h18-07"), "行政处罚决定书")
    assert "六十日内向鹰潭市人民政府申请行政复议" in dec
    assert "江西省林业局" not in dec
    assert "第七十二条第一款第一项" in dec
    assert "二〇二四年二月八日" in dec
    assert "罚款人民币（大写）肆万捌仟捌佰元整（小写￥48800.00）" in dec
    assert "　　年　　月　　日" in _text(_case("h18-08"), "行政处罚结案报告")
    dec = _docx_text(_case("h18-09"), "行政处罚决定书")
    assert "十五日内" not in dec
    assert "抚州市人民政府申请行政复议" in dec
    assert "罚款人民币（大写）叁万元整（小写￥30000.00）" in _docx_text(_case("h18-10"), "行政处罚事先告知书")
    assert "罚款壹拾万元整（100000元）" in _docx_text(_case("h18-08"), "行政处罚决定书")


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h18-09"), "行政处罚决定书") == 0
    assert _pictures(_case("h18-03"), "行政处罚决定书") == 1
    assert _pictures(_case("h18-03"), "行政处罚事先告知书") == 0
    # 询问笔录, per page: party + fingerprint, two 询问人, 记录人 (two pages)
    assert _pictures(_case("h18-04"), "询问笔录") == 10
    assert _pictures(_case("h18-01"), "询问笔录") == 6
    assert _pictures(_case("h18-03"), "询问笔录") == 6
    assert _pictures(_case("h18-08"), "调查询问笔录") == 8
    # 现场笔录: party + fingerprint + two officers; case 6: party refused, witness unsigned
    assert _pictures(_case("h18-09"), "现场笔录") == 4
    assert _pictures(_case("h18-06"), "现场笔录") == 2
    # receipts: recipient + two servers
    assert _pictures(_case("h18-06"), "告知书送达回证") == 3
    assert _pictures(_case("h18-06"), "决定书送达回证") == 1
    assert _pictures(_case("h18-09"), "告知书送达回证") == 2
    assert _pictures(_case("h18-02"), "立案报告表") == 3
    assert _pictures(_case("h18-05"), "立案报告表") == 2
    assert _pictures(_case("h18-08"), "重大执法决定法制审核意见书") == 0


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout18.gen.build import build_case

    spec = _specs()["h18-09"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout18.gen import scan

    case = _case("h18-07")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 2), scan.scan_page(pdf, case.name, 2)
    pdf.close()
    assert first == again
    assert Image.open(io.BytesIO(first)).format == "JPEG"
    out = scan.scan_case(case, tmp_path, pages=[1, 3])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
