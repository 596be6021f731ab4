"""Holdout 21 fixtures: labels, calendars, empty slots, page tiling, byte-identical rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout21"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h21-04", "h21-05", "h21-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout21.gen.cases_b import all_cases

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
        return zf.read("word/document.xml").decode("utf-8").count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h21-{i:02d}" for i in range(1, 11)]
    assert [p.name.split("-")[2] for p in CASES] == [
        "lj",
        "lps",
        "mdj",
        "np",
        "zz",
        "jc",
        "smx",
        "es",
        "sg",
        "zw",
    ]
    years = [int(p.name.split("-")[4]) for p in CASES]
    assert years == [2016, 2022, 2018, 2019, 2020, 2023, 2024, 2025, 2021, 2026]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10
    assert [_expected(p)["procedure"] for p in CASES].count("summary") == 1


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert list(exp) == ["case_id", "agency_kind", "case_type", "procedure", "case", "documents", "defects"]
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    c = exp["case"]
    assert "第" not in c["case_number"]
    assert "〔" in c["case_number"]
    assert list(c["dates"]) == ["filed", "notified", "decided", "served", "closed"]
    types = {t.value for t in DocumentType}
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
    from fixtures.holdout21.gen.calendar_check import (
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
        "h21-01": set(),
        "h21-02": {"notice_period"},
        "h21-03": {"order"},
        "h21-04": set(),
        "h21-05": set(),
        "h21-06": {"service"},
        "h21-07": set(),
        "h21-08": {"ninety"},
        "h21-09": set(),
        "h21-10": set(),
    }
    assert nth_workday_after(date(2022, 3, 21), 5) == date(2022, 3, 28)  # decided 03-25: premature
    assert workdays_between(date(2023, 6, 9), date(2023, 6, 21)) == 8  # 端午 06-22 not reached
    assert (specs["h21-08"].dates["decided"] - specs["h21-08"].dates["filed"]).days == 99
    assert specs["h21-04"].dates["approved"] == date(2019, 4, 28)  # 劳动节 调休 Sunday
    assert specs["h21-05"].dates["decided"] == date(2020, 6, 28)  # 端午 调休 Sunday
    assert specs["h21-09"].dates["approved"] == date(2021, 9, 18)  # 中秋 调休 Saturday
    assert specs["h21-09"].dates["served"] == date(2021, 9, 26)  # 国庆 调休 Sunday
    assert specs["h21-10"].dates["paid"] == date(2026, 5, 9)  # 劳动节 调休 Saturday
    assert (specs["h21-07"].dates["hearing"] - specs["h21-07"].dates["hearing_notice"]).days >= 7


def test_case_facts() -> None:
    assert _expected(_case("h21-06"))["case"] == {
        "case_number": "晋自然资罚字〔2023〕12号",
        "party": "晋城市泽州县金鼎石料加工厂",
        "agency": "晋城市自然资源局",
        "fine_amount": 120000.0,
        "dates": {
            "filed": "2023-05-08",
            "notified": "2023-05-29",
            "decided": "2023-06-09",
            "served": "2023-06-21",
            "closed": "2023-07-10",
        },
    }
    assert _expected(_case("h21-02"))["case"]["dates"]["served"] is None
    assert _expected(_case("h21-05"))["case"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2020-06-28",
        "served": "2020-06-28",
        "closed": None,
    }
    assert _expected(_case("h21-03"))["case"]["case_number"] == "（牡）安监罚〔2018〕17号"
    assert "payment_receipt" not in {d["type"] for d in _expected(_case("h21-03"))["documents"]}
    assert "legal_review" not in {d["type"] for d in _expected(_case("h21-07"))["documents"]}
    assert [d["type"] for d in _expected(_case("h21-06"))["documents"][:2]] == ["cover", "toc"]


def test_text_layer() -> None:
    dec = _text(_case("h21-01"), "行政处罚决定书")
    assert "丽旅罚字〔2016〕第005号" in dec
    assert "六十日" not in dec
    assert "六个月内依法向人民法院提起行政诉讼" in dec
    assert "二〇一六年四月一日" in dec
    assert "第五十一条第（一）项" in dec
    assert "丽旅罚字〔2016〕第006号" in _text(_case("h21-01"), "决定书送达回证")
    dec = _text(_case("h21-07"), "行政处罚决定书")
    assert "三门峡市人民政府或者河南省水利厅" in dec
    assert "第七十二条第一款第（一）项" in dec
    dec = _text(_case("h21-08"), "行政处罚决定书")
    assert "向恩施土家族苗族自治州人民政府申请行政复议" in dec
    assert "湖北省农业农村厅" not in dec
    assert "听证" not in _text(_case("h21-08"), "事先告知书")
    assert "恩州农罚告字〔2025〕第018号" in _text(_case("h21-08"), "事先告知书")
    assert "第三十一条、第三十二条" in _text(_case("h21-10"), "事先告知书")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(_case("h21-06"), "行政处罚告知书")
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h21-04"), "事先告知书")
    assert "执法证号：　" in _text(_case("h21-06"), "询问调查笔录")
    assert "22/3/24" in _text(_case("h21-02"), "决定呈批表")
    assert "2018-5-7" in _text(_case("h21-03"), "立案报告")
    assert "行政处罚决定书 14" in _text(_case("h21-06"), "卷内文件目录")
    assert _doc(_case("h21-06"), "行政处罚决定书")["pdf_pages"] == [14, 14]  # archive page 12


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture where the same slot of a clean case has one."""
    assert _pictures(_case("h21-02"), "行政处罚决定书") == 0
    assert _pictures(_case("h21-04"), "行政处罚决定书") == 1
    assert _pictures(_case("h21-10"), "事先告知书") == 0
    assert _pictures(_case("h21-01"), "询问笔录") == 8  # page 2: party and print missing
    assert _pictures(_case("h21-04"), "询问笔录") == 10
    assert _pictures(_case("h21-10"), "询问笔录") == 9
    assert _pictures(_case("h21-06"), "法制审核表") == 0
    assert _pictures(_case("h21-08"), "现场检查") == 2  # witness unsigned
    assert _pictures(_case("h21-07"), "决定书送达回证") == 2
    assert _pictures(_case("h21-03"), "告知书文书送达回证") == 1


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout21.gen.build import build_case

    spec = _specs()["h21-05"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout21.gen import scan

    case = _case("h21-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")
    assert scan.Profile(_case("h21-07").name).grey is False
    out = scan.scan_case(case, tmp_path, pages=[1, 2])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
