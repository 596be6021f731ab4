"""Holdout 19 fixtures: labels, calendars, empty slots, shared register pages, byte-identical rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout19"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h19-02", "h19-04", "h19-07", "h19-10"]
REGISTER = ["h19-02", "h19-05", "h19-08"]
DOCKET = ["h19-03", "h19-06", "h19-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout19.gen.__main__ import CASES as MAKERS

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
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic ")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h19-{i:02d}" for i in range(1, 11)]


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
        "missing_signature": 9,
        "remedy_notice_error": 2,
        "deadline_exceeded": 2,
        "missing_seal": 2,
        "officer_requirement": 1,
        "citation_error": 1,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "legal_review_missing": 1,
        "missing_document": 1,
        "inconsistent_fact": 1,
        "missing_date": 1,
        "archive_defect": 1,
        "missing_element": 1,
    }


def test_register_pages_are_shared() -> None:
    """Short 文书 share a register page; each 笔录 page starts a page of its own."""
    for prefix in REGISTER:
        docs = _expected(_case(prefix))["documents"]
        assert docs[0]["pdf_pages"] == docs[1]["pdf_pages"] == [1, 1]
        inquiry = next(d for d in docs if d["type"] == "inquiry_record")
        assert inquiry["pdf_pages"] == [2, 3]
        assert inquiry["docx_pages"] == [1, 2]
    docs = _expected(_case("h19-08"))["documents"]
    assert [
        d["pdf_pages"] for d in docs if d["type"] in ("decision", "service_receipt", "payment_receipt")
    ] == [
        [5, 5],
        [6, 6],
        [6, 6],
        [6, 6],
    ]
    assert "investigation_report" not in {d["type"] for d in _expected(_case("h19-05"))["documents"]}


def test_docket_archive_numbers_and_toc() -> None:
    for prefix in DOCKET:
        docs = _expected(_case(prefix))["documents"]
        assert [d["type"] for d in docs[:2]] == ["cover", "toc"]
        assert docs[-1]["type"] == "remarks"
    toc = _text(_case("h19-03"), "卷内文件目录")
    assert "询问调查笔录 3-4" in toc
    assert "行政处罚事先告知书 8" in toc
    toc = _text(_case("h19-09"), "卷内文件目录")
    assert "询问调查笔录 3-4" in toc
    assert "行政处罚事先告知书 8" in toc  # one too many: the 告知书 is on archive page 7 (PDF page 9)
    assert _doc(_case("h19-09"), "事先告知书")["pdf_pages"] == [9, 9]


def test_calendar_checks() -> None:
    from fixtures.holdout19.gen.calendar_check import (
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
        "h19-01": set(),
        "h19-02": set(),
        "h19-03": {"notice_period"},
        "h19-04": set(),
        "h19-05": {"service"},
        "h19-06": set(),
        "h19-07": set(),
        "h19-08": {"ninety"},
        "h19-09": {"order"},
        "h19-10": set(),
    }
    assert nth_workday_after(date(2021, 9, 14), 5) == date(2021, 9, 22)  # 09-18 调休 counts
    assert specs["h19-03"].dates["decided"] == date(2021, 9, 22)
    assert workdays_between(date(2023, 6, 16), date(2023, 6, 29)) == 8  # 端午, 06-25 调休 counts
    assert nth_workday_after(date(2026, 6, 15), 5) == date(2026, 6, 23)  # 端午 2026-06-19
    assert specs["h19-10"].dates["decided"] == date(2026, 6, 24)
    assert workdays_between(date(2024, 9, 29), date(2024, 10, 8)) == 2  # 国庆; decided on the 调休 Sunday
    assert specs["h19-02"].dates["notice_served"] == date(2020, 4, 26)  # 调休 Sunday
    assert specs["h19-02"].dates["served"] == date(2020, 5, 9)  # 调休 Saturday
    assert specs["h19-01"].dates["paid"] == date(2019, 5, 5)  # 调休 Sunday
    d = specs["h19-08"].dates
    assert (d["decided"] - d["filed"]).days == 99
    assert "ninety" not in check_periods(specs["h19-01"])


def test_case_facts() -> None:
    assert _expected(_case("h19-08"))["case"] == {
        "case_number": "百交执罚〔2025〕15号",
        "party": "百色市右江区顺达通物流有限公司",
        "agency": "百色市交通运输局",
        "fine_amount": 150000.0,
        "dates": {
            "filed": "2025-02-10",
            "notified": "2025-04-28",
            "decided": "2025-05-20",
            "served": "2025-05-22",
            "closed": "2025-06-10",
        },
    }
    assert _expected(_case("h19-01"))["case"]["dates"]["filed"] is None
    assert _expected(_case("h19-05"))["case"]["case_number"] == "〔2023〕固城执罚字27号"
    assert _expected(_case("h19-02"))["case"]["case_number"] == "本市监罚〔2020〕86号"


def test_text_layer() -> None:
    dec = _text(_case("h19-01"), "行政处罚决定书")
    assert "三个月内直接向七台河市桃山区人民法院" in dec
    assert "七台河市人民政府或者黑龙江省应急管理厅申请行政复议" in dec
    assert "二〇一九年四月二十三日" in dec
    assert "第五十一条第一项" in dec
    assert "王立军（执法证号：23090019031）" in _text(_case("h19-01"), "现场检查笔录")
    assert "刘春梅（执法证号" not in _text(_case("h19-01"), "现场检查笔录")
    dec = _text(_case("h19-02"), "行政处罚决定书")
    assert "本溪市人民政府或者辽宁省市场监督管理局申请行政复议" in dec
    assert "罚款5万元（大写：伍万元整）" in dec
    assert "20-05-09" in _text(_case("h19-02"), "决定书送达回证")
    assert "第七十二条第一款第一项" in _text(_case("h19-03"), "行政处罚决定书")
    assert "二〇二一年九月二十二日" in _text(_case("h19-03"), "行政处罚决定书")
    dec = _text(_case("h19-06"), "行政处罚决定书")
    assert "昭通市人民政府或者云南省自然资源厅申请行政复议" in dec
    assert "宏太建材" in dec
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h19-06"), "行政处罚事先告知书")
    dec = _text(_case("h19-07"), "行政处罚决定书")
    assert "六十日内向普洱市人民政府申请行政复议" in dec
    assert "云南省农业农村厅" not in dec
    assert "2024年9月29日" in dec
    assert "罚款人民币贰万元整（￥20,000.00）" in dec
    assert "法制审核" not in _text(_case("h19-08"), "行政处罚案件审批表")
    assert "属重大行政执法决定" in _text(_case("h19-08"), "重大案件集体讨论笔录")
    assert "陈述、申辩" not in _text(_case("h19-09"), "行政处罚事先告知书")
    assert "2025.4.3" in _text(_case("h19-09"), "询问调查笔录")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _docx_text(
        _case("h19-10"), "行政处罚事先告知书"
    )


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h19-03"), "行政处罚决定书") == 0
    assert _pictures(_case("h19-06"), "行政处罚决定书") == 1
    assert _pictures(_case("h19-08"), "行政处罚告知书") == 0
    assert _pictures(_case("h19-02"), "行政处罚告知书") == 1
    # 询问笔录, per page: party + fingerprint, two officers, recorder (two pages)
    assert _pictures(_case("h19-04"), "询问笔录") == 10
    assert _pictures(_case("h19-01"), "询问笔录") == 8
    assert _pictures(_case("h19-08"), "调查询问笔录") == 8
    assert _pictures(_case("h19-03"), "询问调查笔录") == 8
    # 检查笔录: party + fingerprint + two officers + recorder; case 1 one officer; case 6 witness unsigned
    assert _pictures(_case("h19-07"), "现场检查笔录") == 5
    assert _pictures(_case("h19-01"), "现场检查笔录") == 3
    assert _pictures(_case("h19-06"), "现场检查勘验笔录") == 3
    assert _pictures(_case("h19-09"), "现场检查勘验笔录") == 2
    # receipts: recipient + two servers
    assert _pictures(_case("h19-05"), "决定书送达回证") == 1
    assert _pictures(_case("h19-08"), "告知书送达回证") == 2
    assert _pictures(_case("h19-02"), "告知书送达回证") == 3
    assert _pictures(_case("h19-05"), "立案审批表") == 3
    assert _pictures(_case("h19-03"), "法制审核表") == 0
    assert _pictures(_case("h19-10"), "法制审核意见书") == 1


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout19.gen.build import build_case

    spec = _specs()["h19-08"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout19.gen import scan

    case = _case("h19-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 1), scan.scan_page(pdf, case.name, 1)
    pdf.close()
    assert first == again
    assert Image.open(io.BytesIO(first)).format == "JPEG"
    out = scan.scan_case(case, tmp_path, pages=[1, 2])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    assert scan._turned_page(case.name, 6)[1] in (90, 180)
