"""Holdout 15 fixtures: labels, calendars, empty slots, byte-identical rebuild, deterministic scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout15"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h15-01", "h15-04", "h15-06", "h15-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout15.gen.__main__ import CASES as MAKERS

    return {s.short: s for s in (make() for make in MAKERS)}


def _page_of(case: Path, title_part: str, nth: int = 0) -> int:
    docs = [d for d in _expected(case)["documents"] if title_part in d["docx"]]
    return int(docs[nth]["pdf_pages"][0])


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "").replace("\n", "")
    pdf.close()
    return str(text)


def _pictures(case: Path, stem: str) -> int:
    path = next((case / "docx").glob(f"*{stem}.docx"))
    with zipfile.ZipFile(path) as zf:
        assert all(i.date_time == (2024, 4, 4, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h15-{i:02d}" for i in range(1, 11)]


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert list(exp) == ["case_id", "agency_kind", "case_type", "procedure", "case", "documents", "defects"]
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    assert (exp["case_type"], exp["procedure"]) == ("administrative_penalty", "general")
    c = exp["case"]
    assert "第" not in c["case_number"]
    assert "〔" in c["case_number"]
    assert c["case_number"].endswith("号")
    assert set(c["dates"]) == {"filed", "notified", "decided", "served", "closed"}
    types = {t.value for t in DocumentType}
    for doc in exp["documents"]:
        assert doc["type"] in types
        assert (case / doc["docx"]).exists()
        assert doc["docx_pages"] == [1, doc["pdf_pages"][1] - doc["pdf_pages"][0] + 1]
    for d in exp["defects"]:
        assert set(d) == {"defect", "role", "document_type", "note"}
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
    assert [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)] == list(
        range(1, n + 1)
    )


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 24
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN
    assert sorted(d["role"] for d in found if d["role"]) == sorted(r.value for r in Role)
    assert {d["defect"] for d in found} == {x.value for x in Defect}
    counts: dict[str, int] = {}
    for d in found:
        counts[d["defect"]] = counts.get(d["defect"], 0) + 1
    assert counts["missing_signature"] == 8
    assert counts["missing_seal"] == counts["remedy_notice_error"] == counts["deadline_exceeded"] == 2


def test_labelled_pages() -> None:
    pages = {
        c.name[:6]: sorted(
            (d["defect"], d["role"] or "", int(d["note"].rsplit("第", 1)[1].removesuffix("页）")))
            for d in _expected(c)["defects"]
        )
        for c in CASES
    }
    case = _case("h15-03")
    assert pages["h15-03"] == sorted(
        [
            ("deadline_exceeded", "", _page_of(case, "行政处罚决定书送达回证")),
            ("inconsistent_fact", "", _page_of(case, "行政处罚决定书.docx")),
            ("missing_signature", "recipient", _page_of(case, "告知书送达回证")),
            ("officer_requirement", "", _page_of(case, "询问调查笔录")),
        ]
    )
    case = _case("h15-02")
    assert ("missing_signature", "party", _page_of(case, "调查询问笔录") + 1) in pages["h15-02"]
    case = _case("h15-08")
    order = [d["type"] for d in _expected(case)["documents"]]
    assert order.index("prior_notice") > order.index("decision")


def test_calendar_checks() -> None:
    from fixtures.holdout15.gen.calendar_check import check_case, check_periods, nth_workday_after

    specs = _specs()
    for spec in specs.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in specs.items()}
    assert broken == {
        "h15-01": set(),
        "h15-02": set(),
        "h15-03": {"service"},
        "h15-04": set(),
        "h15-05": {"notice_period"},
        "h15-06": set(),
        "h15-07": {"order"},
        "h15-08": {"ninety"},
        "h15-09": set(),
        "h15-10": set(),
    }
    assert nth_workday_after(date(2022, 9, 29), 7) == date(2022, 10, 13)
    assert nth_workday_after(date(2023, 1, 19), 5) == date(2023, 1, 31)
    assert nth_workday_after(date(2024, 9, 25), 5) == date(2024, 10, 8)
    assert nth_workday_after(date(2022, 3, 31), 7) == date(2022, 4, 12)
    # the naive counters the traps aim at
    assert check_periods(specs["h15-03"], "noadjust")["service"] is True
    assert check_periods(specs["h15-05"], "monfri")["notice_period"] is True
    assert check_periods(specs["h15-06"], "noadjust")["notice_period"] is False
    assert check_periods(specs["h15-04"], "calendar")["service"] is False
    assert check_periods(specs["h15-09"], "calendar")["service"] is False
    d = specs["h15-04"].dates
    assert (d["decided"] - d["filed"]).days == 90
    d = specs["h15-08"].dates
    assert (d["decided"] - d["filed"]).days == 94
    one = specs["h15-01"]
    assert "ninety" not in check_periods(one)
    assert one.dates["decided"].isoweekday() == 6
    assert one.dates["served"].isoweekday() == 7
    assert specs["h15-06"].dates["served"] == date(2024, 10, 12)  # 调休 Saturday


def test_dates() -> None:
    assert _expected(_case("h15-07"))["case"]["dates"]["filed"] is None
    assert _expected(_case("h15-10"))["case"]["dates"] == {
        "filed": "2026-03-02",
        "notified": "2026-04-21",
        "decided": "2026-04-30",
        "served": "2026-05-07",
        "closed": None,
    }


def test_text_layer() -> None:
    case = _case("h15-01")
    text = _text(case, _page_of(case, "行政处罚事先告知书"))
    assert "第三十一条、第三十二条、第四十二条" in text
    assert "三日内" in text
    dec = _text(case, _page_of(case, "行政处罚决定书.docx"))
    assert "湛江市人民政府或者广东省食品药品监督管理局" in dec
    assert "第五十一条第（一）项" in dec
    assert "二〇一八年九月二十九日" in dec
    case = _case("h15-02")
    assert "三个月内" in _text(case, _page_of(case, "行政处罚决定书"))
    assert not any(d["type"] == "legal_review" for d in _expected(case)["documents"])
    assert "法制审核" not in _text(case, _page_of(case, "案件处理审批表"))
    case = _case("h15-03")
    assert "罚款￥15,000.00元" in _text(case, _page_of(case, "行政处罚告知书"))
    assert "罚款￥18,000.00元" in _text(case, _page_of(case, "行政处罚决定书.docx"))
    inquiry = _text(case, _page_of(case, "询问调查笔录"))
    assert "戴俊杰（执法证号" not in inquiry
    assert "方晓东（执法证号：33090022108）" in inquiry
    case = _case("h15-05")
    assert "第三十一条、第三十二条、第四十二条" in _text(case, _page_of(case, "告知书"))
    case = _case("h15-06")
    assert "六十日内向黄山市人民政府申请行政复议，也可以" in _text(case, _page_of(case, "行政处罚决定书"))
    assert "2024 年 10 月 9 日" in _text(case, _page_of(case, "行政处罚决定书"))
    case = _case("h15-07")
    assert "玉溪市人民政府或者云南省农业农村厅" in _text(case, _page_of(case, "行政处罚决定书"))
    case = _case("h15-08")
    notice = _text(case, _page_of(case, "行政处罚事先告知书"))
    assert "陈述、申辩" in notice
    assert "听证" not in notice
    case = _case("h15-09")
    assert "吉安市吉州区人民政府申请行政复议" in _text(case, _page_of(case, "行政处罚决定书"))


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h15-05"), "行政处罚决定书") == 0
    assert _pictures(_case("h15-02"), "行政处罚决定书") == 1
    assert _pictures(_case("h15-10"), "行政处罚事先告知书") == 0
    assert _pictures(_case("h15-04"), "行政处罚事先告知书") == 1
    # 询问笔录: per page party sign + print, two officers, recorder = 5; case 2 p.2 lacks the party's two
    assert _pictures(_case("h15-02"), "调查询问笔录") == 8
    assert _pictures(_case("h15-05"), "调查询问笔录") == 10
    # 现场笔录: party + print + two officers + recorder; case 2 lacks the recorder
    assert _pictures(_case("h15-02"), "现场勘验笔录") == 4
    # case 8: witness unsigned (a witness prints no finger)
    assert _pictures(_case("h15-08"), "现场勘测笔录") == 3
    # receipts: recipient + two servers + handwritten date (matrix)
    assert _pictures(_case("h15-10"), "行政处罚决定书送达回证") == 2
    assert _pictures(_case("h15-04"), "行政处罚决定书送达回证") == 4
    assert _pictures(_case("h15-03"), "行政处罚告知书送达回证") == 2
    # approval chains: three signers (+ handwritten opinions of the two ticks 负责人)
    assert _pictures(_case("h15-10"), "立案审批表") == 2
    assert _pictures(_case("h15-05"), "案件处理审批表") == 3
    assert _pictures(_case("h15-02"), "案件处理审批表") == 5
    assert _pictures(_case("h15-07"), "法制审核意见书") == 0
    assert not any("立案" in d["title"] for d in _expected(_case("h15-07"))["documents"])
    assert "年　月　日" in _docx_text(_case("h15-10"), "结案审批表")


def _docx_text(case: Path, stem: str) -> str:
    path = next((case / "docx").glob(f"*{stem}.docx"))
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def test_pdf_seal_images() -> None:
    def images(case: Path, page: int) -> int:
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        n = sum(1 for o in pdf[page - 1].get_objects() if o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
        pdf.close()
        return n

    assert images(_case("h15-05"), _page_of(_case("h15-05"), "行政处罚决定书")) == 0
    assert images(_case("h15-09"), _page_of(_case("h15-09"), "行政处罚决定书")) == 1
    assert images(_case("h15-10"), _page_of(_case("h15-10"), "行政处罚事先告知书")) == 0


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout15.gen.build import build_case

    spec = _specs()["h15-10"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size_under_four_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout15.gen import scan

    case = _case("h15-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 6), scan.scan_page(pdf, case.name, 6)
    upright = scan.scan_page(pdf, case.name, 5)
    pdf.close()
    assert first == again
    w, h = Image.open(io.BytesIO(first)).size
    assert (w, h) == Image.open(io.BytesIO(upright)).size
    assert h > w
    out = scan.scan_case(case, tmp_path, pages=[1, 6])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    assert all(scanned[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
