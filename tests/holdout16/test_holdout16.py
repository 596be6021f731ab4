"""Holdout 16 fixtures: labels, calendars, empty slots, byte-identical rebuild, deterministic scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout16"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h16-02", "h16-05", "h16-07", "h16-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout16.gen.__main__ import CASES as MAKERS

    return {s.short: s for s in (make() for make in MAKERS)}


def _page_of(case: Path, stem: str, nth: int = 0) -> int:
    docs = [d for d in _expected(case)["documents"] if stem in d["docx"]]
    return int(docs[nth]["pdf_pages"][0])


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "").replace("\n", "")
    pdf.close()
    return str(text)


def _doc_text(case: Path, stem: str) -> str:
    first, last = next(d["pdf_pages"] for d in _expected(case)["documents"] if stem in d["docx"])
    return "".join(_text(case, p) for p in range(first, last + 1))


def _pictures(case: Path, stem: str) -> int:
    path = next((case / "docx").glob(f"??{stem}.docx"))
    with zipfile.ZipFile(path) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h16-{i:02d}" for i in range(1, 11)]


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
        assert (
            (d["role"] in {r.value for r in Role})
            if d["defect"] == "missing_signature"
            else d["role"] is None
        )
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))
    assert len(list((case / "docx").glob("*.docx"))) == len(exp["documents"])


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 26
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN
    assert sorted({d["role"] for d in found if d["role"]}) == sorted(r.value for r in Role)
    assert {d["defect"] for d in found} == {x.value for x in Defect}
    counts: dict[str, int] = {}
    for d in found:
        counts[d["defect"]] = counts.get(d["defect"], 0) + 1
    assert counts == {
        "missing_signature": 9,
        "missing_seal": 2,
        "remedy_notice_error": 2,
        "deadline_exceeded": 2,
        "inconsistent_fact": 2,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "legal_review_missing": 1,
        "missing_document": 1,
        "missing_element": 1,
        "missing_date": 1,
        "archive_defect": 1,
    }


def _pages(case: Path) -> list[tuple[str, str, int]]:
    return sorted(
        (d["defect"], d["role"] or "", int(d["note"].rsplit("第", 1)[1].removesuffix("页）")))
        for d in _expected(case)["defects"]
    )


def test_labelled_pages() -> None:
    case = _case("h16-01")
    assert _pages(case) == sorted(
        [
            ("premature_decision", "", _page_of(case, "行政处罚决定书")),
            ("missing_signature", "party", _page_of(case, "询问笔录") + 1),
            ("remedy_notice_error", "", _page_of(case, "行政处罚决定书")),
            ("missing_signature", "officer", _page_of(case, "立案审批表")),
        ]
    )
    case = _case("h16-06")
    assert _pages(case) == sorted(
        [
            ("remedy_notice_error", "", _page_of(case, "行政处罚决定书")),
            ("deadline_exceeded", "", _page_of(case, "决定书送达回证")),
            ("missing_signature", "server", _page_of(case, "决定书送达回证")),
            ("missing_signature", "party", _page_of(case, "现场笔录")),
            ("inconsistent_fact", "", _page_of(case, "决定书送达回证")),
        ]
    )
    case = _case("h16-10")
    assert ("archive_defect", "", 1) in _pages(case)
    assert _expected(case)["documents"][0]["type"] == "toc"


def test_calendar_checks() -> None:
    from fixtures.holdout16.gen.calendar_check import check_case, check_periods, nth_workday_after

    specs = _specs()
    for spec in specs.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in specs.items()}
    assert broken == {
        "h16-01": {"notice_period"},
        "h16-02": set(),
        "h16-03": set(),
        "h16-04": {"order"},
        "h16-05": set(),
        "h16-06": {"service"},
        "h16-07": set(),
        "h16-08": {"ninety"},
        "h16-09": set(),
        "h16-10": set(),
    }
    assert nth_workday_after(date(2021, 10, 18), 7) == date(2021, 10, 27)
    assert nth_workday_after(date(2021, 9, 28), 5) == date(2021, 10, 11)  # 调休 Saturday 10-09 counts
    assert nth_workday_after(date(2023, 6, 19), 5) == date(2023, 6, 27)  # 调休 Sunday 06-25 counts
    assert nth_workday_after(date(2024, 9, 30), 7) == date(2024, 10, 15)  # 调休 Saturday 10-12 counts
    assert nth_workday_after(date(2026, 2, 14), 5) == date(2026, 2, 28)
    # the naive counters the traps aim at
    assert check_periods(specs["h16-02"], "calendar")["service"] is False
    assert check_periods(specs["h16-05"], "noadjust")["notice_period"] is False
    assert check_periods(specs["h16-06"], "noadjust")["service"] is True
    assert check_periods(specs["h16-09"], "monfri")["service"] is False
    d = specs["h16-02"].dates
    assert (d["decided"] - d["filed"]).days == 90
    d = specs["h16-08"].dates
    assert (d["decided"] - d["filed"]).days == 95
    assert "ninety" not in check_periods(specs["h16-01"])
    assert specs["h16-09"].dates["decided"] == date(2025, 9, 28)  # 调休 Sunday
    assert specs["h16-09"].dates["paid"].isoweekday() == 6
    assert specs["h16-07"].dates["served"] == date(2024, 2, 4)  # 调休 Sunday
    assert specs["h16-04"].dates["inquiry"] < specs["h16-04"].dates["filed"]


def test_dates() -> None:
    assert _expected(_case("h16-03"))["case"]["dates"]["served"] is None
    assert _expected(_case("h16-06"))["case"] == {
        "case_number": "〔2024〕邢交罚字73号",
        "party": "邢台通达物流有限公司",
        "agency": "邢台市交通运输局",
        "fine_amount": 20000.0,
        "dates": {
            "filed": "2024-08-05",
            "notified": "2024-09-09",
            "decided": "2024-09-30",
            "served": "2024-10-16",
            "closed": "2024-10-28",
        },
    }


def test_text_layer() -> None:
    case = _case("h16-01")
    notice = _doc_text(case, "行政处罚事先告知书")
    assert "第三十一条、第三十二条、第四十二条" in notice
    assert "三日内" in notice
    dec = _doc_text(case, "行政处罚决定书")
    assert "绍兴市人民政府或者浙江省市场监督管理局" in dec
    assert "三个月内" in dec
    assert "六个月" not in dec
    assert "二〇一九年五月二十二日" in dec
    assert "第五十一条第（一）项" in dec
    case = _case("h16-03")
    assert [d["docx"] for d in _expected(case)["documents"] if d["type"] == "service_receipt"] == [
        "docx/09告知书送达回证.docx"
    ]
    assert not any(d["type"] == "legal_review" for d in _expected(case)["documents"])
    assert "法制审核" not in _doc_text(case, "行政处罚决定审批表")
    insp = _doc_text(case, "现场笔录")
    assert "刘晓菲（执法证号：37150022018）" in insp
    assert "贾志鹏" not in insp
    assert "（2022）聊卫医罚字第27号" in _doc_text(case, "行政处罚决定书")
    case = _case("h16-04")
    notice = _doc_text(case, "行政处罚事先告知书")
    assert "第三十一条、第三十二条" in notice
    assert "第四十四条" not in notice
    assert "丽水市莲都区云岭茶业专业合作社" in notice
    assert "云岭茶业" not in _doc_text(case, "行政处罚决定书")
    assert "2023-4-11 9:30—10:50" in _doc_text(case, "询问笔录")
    case = _case("h16-06")
    dec = _doc_text(case, "行政处罚决定书")
    assert "邢台市人民政府或者河北省交通运输厅申请行政复议" in dec
    assert "《行政处罚决定书》（2024）邢交罚字第37号" in _doc_text(case, "决定书送达回证")
    case = _case("h16-07")
    dec = _doc_text(case, "行政处罚决定书")
    assert "六十日内向蚌埠市人民政府申请行政复议；" in dec
    assert "安徽省生态环境厅" not in dec
    assert "二〇二四年一月二十九日" in dec
    case = _case("h16-08")
    dec = _doc_text(case, "行政处罚决定书")
    assert "十五日内" not in dec
    assert "加处罚款" not in dec
    assert "六十日内向安顺市人民政府申请行政复议" in dec
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _doc_text(case, "行政处罚告知书")
    case = _case("h16-09")
    dec = _doc_text(case, "行政处罚决定书")
    assert "二○二五年九月二十八日" in dec
    assert "泸州市江阳区人民政府申请行政复议" in dec
    case = _case("h16-10")
    toc = _doc_text(case, "卷内目录")
    assert "行政处罚事先告知书" in toc
    assert f"第{_page_of(case, '行政处罚事先告知书') - 1}页" in toc
    assert f"第{_page_of(case, '立案审批表')}页" in toc


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h16-03"), "行政处罚决定书") == 0
    assert _pictures(_case("h16-07"), "行政处罚决定书") == 1
    assert _pictures(_case("h16-10"), "行政处罚事先告知书") == 0
    assert _pictures(_case("h16-01"), "行政处罚事先告知书") == 1
    # 询问笔录: per page party signature + fingerprint, 询问人, 记录人
    assert _pictures(_case("h16-04"), "询问笔录") == 8
    assert _pictures(_case("h16-01"), "询问笔录") == 6
    assert _pictures(_case("h16-08"), "调查询问笔录") == 6
    # 现场笔录: party + finger + two officers; case 3 one officer; case 6 the party's two missing
    assert _pictures(_case("h16-09"), "现场笔录") == 4
    assert _pictures(_case("h16-03"), "现场笔录") == 3
    assert _pictures(_case("h16-06"), "现场笔录") == 2
    # case 10: party refused (noted), witness unsigned
    assert _pictures(_case("h16-10"), "现场检查笔录") == 2
    # receipts: recipient signature + oval stamp (or fingerprint) + two servers
    assert _pictures(_case("h16-07"), "决定书送达回证") == 4
    assert _pictures(_case("h16-06"), "决定书送达回证") == 2
    assert _pictures(_case("h16-10"), "决定书送达回证") == 2
    # approval chains
    assert _pictures(_case("h16-01"), "立案审批表") == 2
    assert _pictures(_case("h16-04"), "行政处罚决定审批表") == 3
    assert _pictures(_case("h16-07"), "行政处罚决定审批表") == 4
    assert _pictures(_case("h16-10"), "法制审核意见书") == 0
    assert _pictures(_case("h16-07"), "法制审核意见书") == 1


def test_blank_receipt_date() -> None:
    case = _case("h16-08")
    receipt = _doc_text(case, "告知书送达回证")
    assert "　年　月　日" in receipt
    assert "2025.5.20" not in receipt
    assert "2025.6.9" in _doc_text(case, "决定书送达回证")


def test_pdf_seal_images() -> None:
    def images(case: Path, page: int) -> int:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        n = sum(1 for o in pdf[page - 1].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        pdf.close()
        return n

    assert images(_case("h16-03"), _page_of(_case("h16-03"), "行政处罚决定书")) == 0
    assert images(_case("h16-09"), _page_of(_case("h16-09"), "行政处罚决定书")) == 1
    assert images(_case("h16-10"), _page_of(_case("h16-10"), "行政处罚事先告知书")) == 0


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout16.gen.build import build_case

    spec = _specs()["h16-06"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size_under_four_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout16.gen import scan

    case = _case("h16-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 3), scan.scan_page(pdf, case.name, 3)
    pdf.close()
    assert first == again
    w, h = Image.open(io.BytesIO(first)).size
    assert w > h  # a landscape 笔录 photographed
    out = scan.scan_case(case, tmp_path, pages=[1, 4])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    assert all(scanned[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
