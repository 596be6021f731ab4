"""Holdout 22 fixtures: labels, calendars, empty slots, page tiling, byte-identical rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import io
import itertools
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout22"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h22-04", "h22-05", "h22-09"]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout22.gen.cases import all_cases

    return {c.short: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _pictures(case: Path, stem: str) -> int:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h22-{i:02d}" for i in range(1, 11)]
    assert [p.name.split("-")[2] for p in CASES] == [
        "hh",
        "dz",
        "cz",
        "zjk",
        "ny",
        "yy",
        "mz",
        "bh",
        "gy",
        "tr",
    ]
    years = [int(p.name.split("-")[4]) for p in CASES]
    assert years == [2016, 2019, 2021, 2022, 2024, 2023, 2025, 2026, 2020, 2018]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10
    assert [_expected(p)["procedure"] for p in CASES].count("summary") == 1


def test_expected_is_well_formed() -> None:
    types = {t.value for t in DocumentType}
    for case in CASES:
        exp = _expected(case)
        assert list(exp) == [
            "case_id",
            "agency_kind",
            "case_type",
            "procedure",
            "case",
            "documents",
            "defects",
        ]
        assert exp["case_id"] == case.name
        assert exp["agency_kind"] in {k.value for k in AgencyKind}
        c = exp["case"]
        assert "第" not in c["case_number"]
        assert "〔" in c["case_number"]
        assert list(c["dates"]) == ["filed", "notified", "decided", "served", "closed"]
        for doc in exp["documents"]:
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
        pages = [d["pdf_pages"] for d in exp["documents"]]
        assert pages[0][0] == 1
        assert pages[-1][1] == n
        assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(pages))
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
    assert counts["missing_signature"] == 9
    assert counts["missing_seal"] == 2
    assert counts["remedy_notice_error"] == 2
    assert counts["deadline_exceeded"] == 2


def test_defect_pages_point_at_their_documents() -> None:
    for case in CASES:
        exp = _expected(case)
        for d in exp["defects"]:
            page = int(d["note"].rsplit("PDF第", 1)[1].rstrip("页）"))
            holders = [x for x in exp["documents"] if x["pdf_pages"][0] <= page <= x["pdf_pages"][1]]
            assert len(holders) == 1
            if d["defect"] == "missing_document":
                assert d["document_type"] not in {x["type"] for x in exp["documents"]}
                assert holders[0]["type"] == "decision"
            else:
                assert holders[0]["type"] == d["document_type"], (case.name, d)


def test_calendar_checks() -> None:
    from fixtures.holdout22.gen.calendar_check import (
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
        "h22-01": set(),
        "h22-02": {"notice_period"},
        "h22-03": set(),
        "h22-04": set(),
        "h22-05": set(),
        "h22-06": {"service"},
        "h22-07": {"ninety"},
        "h22-08": set(),
        "h22-09": set(),
        "h22-10": {"order"},
    }
    assert nth_workday_after(date(2022, 9, 2), 5) == date(2022, 9, 9)  # 中秋 09-12 off; decided 09-14
    assert workdays_between(date(2023, 4, 17), date(2023, 4, 26)) == 8  # 调休 Sunday 04-23 counts
    assert (specs["h22-07"].dates["decided"] - specs["h22-07"].dates["filed"]).days == 95
    assert specs["h22-04"].dates["closed"] == date(2022, 10, 9)  # 国庆 调休 Sunday
    assert specs["h22-05"].dates["decided"] == date(2024, 5, 11)  # 劳动节 调休 Saturday
    assert (specs["h22-08"].dates["hearing"] - specs["h22-08"].dates["hearing_notice"]).days >= 7


def test_case_facts() -> None:
    assert _expected(_case("h22-06"))["case"] == {
        "case_number": "益文旅罚字〔2023〕9号",
        "party": "益阳市桃花江国际旅行社有限公司",
        "agency": "益阳市文化旅游广电体育局",
        "fine_amount": 30000.0,
        "dates": {
            "filed": "2023-03-06",
            "notified": "2023-04-03",
            "decided": "2023-04-17",
            "served": "2023-04-26",
            "closed": "2023-05-16",
        },
    }
    assert _expected(_case("h22-10"))["case"]["dates"]["served"] is None
    assert _expected(_case("h22-05"))["case"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2024-05-11",
        "served": "2024-05-11",
        "closed": None,
    }
    assert "payment_receipt" not in {d["type"] for d in _expected(_case("h22-03"))["documents"]}
    assert "legal_review" not in {d["type"] for d in _expected(_case("h22-08"))["documents"]}
    assert _expected(_case("h22-01"))["documents"][0]["type"] == "toc"


def test_text_layer() -> None:
    dec = _text(_case("h22-01"), "行政处罚决定书")
    assert "黑交运罚字[2016]第0031号" in dec
    assert "三个月内向黑河市爱辉区人民法院提起行政诉讼" in dec
    assert "2016年6月6日" in dec
    assert "第五十一条第（一）项" in dec
    assert "行政处罚决定书" in _text(_case("h22-01"), "卷内文件目录")
    dec = _text(_case("h22-08"), "行政处罚决定书")
    assert "北海市人民政府或者广西壮族自治区自然资源厅" in dec
    assert "二〇二六年四月二十八日" in dec
    assert "第七十二条第一款第（一）项" in _text(_case("h22-04"), "行政处罚决定书")
    assert "第五十一条第（一）项" in _text(_case("h22-07"), "行政处罚决定书")
    assert "缴至" not in _text(_case("h22-10"), "行政处罚决定书")
    assert "应当自收到本决定书之日起六十日内向南阳市人民政府申请行政复议" in _text(_case("h22-05"), "当场")
    assert "国家税务总局广元市税务局申请复议" in _text(_case("h22-09"), "税务行政处罚决定书")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(_case("h22-06"), "事先告知书")
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h22-03"), "事先告知书")
    assert "执法证号：　" in _text(_case("h22-03"), "询问笔录")
    assert "旅游社" in _text(_case("h22-06"), "决定书送达回证")
    assert "2019.4.10" in _text(_case("h22-02"), "案件处理审批表")
    assert "2023/04/14" in _text(_case("h22-06"), "决定审批表")


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture where the same slot of a clean case has one."""
    assert _pictures(_case("h22-02"), "行政处罚决定书") == 0
    assert _pictures(_case("h22-04"), "行政处罚决定书") == 1
    assert _pictures(_case("h22-06"), "事先告知书") == 0
    assert _pictures(_case("h22-01"), "询问笔录") == 8  # page 2: party and print missing
    assert _pictures(_case("h22-04"), "询问笔录") == 10
    assert _pictures(_case("h22-07"), "询问笔录") == 9
    assert _pictures(_case("h22-10"), "法制审核") == 0
    assert _pictures(_case("h22-07"), "现场检查") == 2  # witness unsigned
    assert _pictures(_case("h22-03"), "决定书送达回证") == 1
    assert _pictures(_case("h22-02"), "立案") == 3  # 负责人 unsigned


@needs_font
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout22.gen.build import build_case

    spec = _specs()["h22-05"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


@needs_font
def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout22.gen import scan

    case = _case("h22-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")
    assert scan.Profile(_case("h22-07").name).grey is False
    out = scan.scan_case(case, tmp_path, pages=[1, 2])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
