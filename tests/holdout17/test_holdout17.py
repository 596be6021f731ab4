"""Holdout 17 fixtures: labels, calendars, empty slots, byte-identical rebuild, image-only scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout17"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h17-02", "h17-04", "h17-06", "h17-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout17.gen.__main__ import CASES as MAKERS

    return {s.short: s for s in (make() for make in MAKERS)}


def _page_of(case: Path, stem: str) -> int:
    return int(next(d for d in _expected(case)["documents"] if stem in d["docx"])["pdf_pages"][0])


def _doc_text(case: Path, stem: str) -> str:
    first, last = next(d["pdf_pages"] for d in _expected(case)["documents"] if stem in d["docx"])
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _pictures(case: Path, stem: str) -> int:
    path = next((case / "docx").glob(f"??{stem}.docx"))
    with zipfile.ZipFile(path) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h17-{i:02d}" for i in range(1, 11)]


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
        assert doc["docx_pages"] == [1, doc["pdf_pages"][1] - doc["pdf_pages"][0] + 1]
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
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))
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
        "inconsistent_fact": 2,
        "date_inconsistency": 2,
        "remedy_notice_error": 2,
        "deadline_exceeded": 2,
        "missing_seal": 1,
        "legal_review_missing": 1,
        "citation_error": 1,
        "premature_decision": 1,
        "missing_date": 1,
        "officer_requirement": 1,
        "missing_element": 1,
        "missing_document": 1,
        "archive_defect": 1,
    }


def _pages(case: Path) -> list[tuple[str, str, str, int]]:
    return sorted(
        (
            d["defect"],
            d["role"] or "",
            d["document_type"],
            int(d["note"].rsplit("第", 1)[1].removesuffix("页）")),
        )
        for d in _expected(case)["defects"]
    )


def test_labelled_pages() -> None:
    case = _case("h17-05")
    assert _pages(case) == sorted(
        [
            ("remedy_notice_error", "", "decision", _page_of(case, "行政处罚决定书")),
            ("deadline_exceeded", "", "service_receipt", _page_of(case, "决定书送达回证")),
            ("missing_signature", "recipient", "service_receipt", _page_of(case, "决定书送达回证")),
            ("inconsistent_fact", "", "decision_approval", _page_of(case, "案件处理审批表")),
        ]
    )
    case = _case("h17-10")
    assert ("archive_defect", "", "toc", 2) in _pages(case)
    assert [d["type"] for d in _expected(case)["documents"][:2]] == ["cover", "toc"]
    assert not any("告知书送达回证" in d["docx"] for d in _expected(case)["documents"])


def test_calendar_checks() -> None:
    from fixtures.holdout17.gen.calendar_check import check_case, check_periods, nth_workday_after

    specs = _specs()
    for spec in specs.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in specs.items()}
    assert broken == {
        "h17-01": {"order"},
        "h17-02": set(),
        "h17-03": {"order"},
        "h17-04": set(),
        "h17-05": {"service"},
        "h17-06": set(),
        "h17-07": {"notice_period"},
        "h17-08": {"ninety"},
        "h17-09": set(),
        "h17-10": set(),
    }
    assert nth_workday_after(date(2021, 9, 13), 5) == date(2021, 9, 18)  # 调休 Saturday
    assert nth_workday_after(date(2021, 9, 22), 3) == date(2021, 9, 26)  # 调休 Sunday
    assert nth_workday_after(date(2024, 9, 20), 7) == date(2024, 9, 30)  # 09-29 Sunday counts
    assert nth_workday_after(date(2024, 9, 20), 8) == date(2024, 10, 8)
    assert nth_workday_after(date(2025, 4, 14), 5) == date(2025, 4, 21)
    assert nth_workday_after(date(2026, 2, 10), 5) == date(2026, 2, 24)  # 02-14 Saturday counts
    d = specs["h17-08"].dates
    assert (d["decided"] - d["filed"]).days == 94
    assert specs["h17-06"].dates["decided"] == date(2024, 4, 28)  # 调休 Sunday
    assert specs["h17-09"].dates["served"] == date(2026, 2, 28)  # 调休 Saturday
    assert specs["h17-03"].dates["inquiry"] < specs["h17-03"].dates["filed"]
    assert specs["h17-01"].dates["decided"] < specs["h17-01"].dates["approved"]
    assert "ninety" not in check_periods(specs["h17-01"])


def test_case_facts() -> None:
    assert _expected(_case("h17-03"))["case"] == {
        "case_number": "〔2022〕景环罚字15号",
        "party": "景德镇市瓷源陶瓷制品有限公司",
        "agency": "景德镇市生态环境局",
        "fine_amount": 200000.0,
        "dates": {
            "filed": "2022-03-14",
            "notified": "2022-04-25",
            "decided": "2022-05-10",
            "served": "2022-05-12",
            "closed": "2022-05-27",
        },
    }


def test_text_layer() -> None:
    case = _case("h17-01")
    dec = _doc_text(case, "行政处罚决定书")
    assert "三个月内" in dec
    assert "六个月" not in dec
    assert "鄂尔多斯市人民政府或者内蒙古自治区市场监督管理局" in dec
    assert "二〇一九年六月五日" in dec
    assert "第三十一条、第三十二条、第四十二条" in _doc_text(case, "行政处罚事先告知书")
    case = _case("h17-03")
    assert "第三十一条、第三十二条、第四十二条" in _doc_text(case, "行政处罚事先告知书")
    assert "法制审核" not in _doc_text(case, "处罚决定呈批表")
    assert "2022年3月11日14:30—15:40" in _doc_text(case, "调查笔录")
    case = _case("h17-05")
    assert "张家界市人民政府或者湖南省文化和旅游厅申请行政复议" in _doc_text(case, "行政处罚决定书")
    assert "罚款3000元" in _doc_text(case, "案件处理审批表")
    assert "2024.10.8" in _doc_text(case, "决定书送达回证")
    case = _case("h17-06")
    dec = _doc_text(case, "行政处罚决定书")
    assert "六十日内向汕尾市人民政府申请行政复议" in dec
    assert "广东省农业农村厅" not in dec
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _doc_text(case, "行政处罚事先告知书")
    case = _case("h17-07")
    assert "方志刚（执法证号：34070025021）" in _doc_text(case, "现场检查笔录")
    assert "章婷（执法证号" not in _doc_text(case, "现场检查笔录")
    assert "年　　月　　日" in _doc_text(case, "告知书送达回证")
    dec = _doc_text(_case("h17-08"), "行政处罚决定书")
    assert "十五日内" not in dec
    assert "加处罚款" not in dec
    case = _case("h17-10")
    assert "防城港市海诚建筑工程有限公司" in _doc_text(case, "行政处罚决定书")
    toc = _doc_text(case, "卷内目录")
    assert f"现场检查笔录 第{_page_of(case, '现场检查笔录') - 1}页" in toc
    assert f"立案审批表 第{_page_of(case, '立案审批表')}页" in toc


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h17-01"), "行政处罚决定书") == 0
    assert _pictures(_case("h17-04"), "行政处罚决定书") == 1
    # 询问笔录: party signature + fingerprint, 询问人, 记录人
    assert _pictures(_case("h17-04"), "询问笔录") == 4
    assert _pictures(_case("h17-01"), "询问笔录") == 2
    assert _pictures(_case("h17-08"), "调查询问笔录") == 3
    # 检查笔录: party (2) + officers + recorder; case 7 one officer; case 10 witness unsigned
    assert _pictures(_case("h17-04"), "现场检查笔录") == 5
    assert _pictures(_case("h17-07"), "现场检查笔录") == 4
    assert _pictures(_case("h17-10"), "现场检查笔录") == 5
    # receipts: recipient (+ date stamp in the bound family) + two servers
    assert _pictures(_case("h17-06"), "决定书送达回证") == 4
    assert _pictures(_case("h17-05"), "决定书送达回证") == 2
    assert _pictures(_case("h17-10"), "决定书送达回证") == 1
    # approvals: slip family writes dates by hand beside each signature
    assert _pictures(_case("h17-02"), "案件处理审批表") == 8
    assert _pictures(_case("h17-03"), "处罚决定呈批表") == 2
    assert _pictures(_case("h17-07"), "立案审批表") == 2
    assert _pictures(_case("h17-08"), "法制审核意见书") == 0


def test_pdf_images() -> None:
    def images(case: Path, stem: str) -> int:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        page = pdf[_page_of(case, stem) - 1]
        n = sum(1 for o in page.get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        pdf.close()
        return n

    assert images(_case("h17-01"), "行政处罚决定书") == 0
    assert images(_case("h17-04"), "行政处罚决定书") == 1
    assert images(_case("h17-06"), "行政处罚决定书") == 2  # seal + 骑缝章


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout17.gen.build import build_case

    spec = _specs()["h17-07"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 7_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout17.gen import scan

    case = _case("h17-02")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 3), scan.scan_page(pdf, case.name, 3)
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
