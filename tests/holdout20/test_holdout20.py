"""Holdout 20 fixtures: labels, calendars, empty slots, page ranges, byte-identical rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout20"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h20-03", "h20-07", "h20-10"]
SYSLOG = ["h20-03", "h20-06", "h20-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout20.gen.__main__ import CASES as MAKERS

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
    assert [p.name[:6] for p in CASES] == [f"h20-{i:02d}" for i in range(1, 11)]
    cities = [p.name.split("-")[2] for p in CASES]
    assert cities == ["hh", "cz", "hs", "bz", "sq", "bozhou", "xc", "hb", "lh", "xn"]
    assert [int(p.name.split("-")[4]) for p in CASES] == [
        2018,
        2019,
        2020,
        2021,
        2022,
        2023,
        2024,
        2024,
        2025,
        2026,
    ]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10


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
    pages = [d["pdf_pages"] for d in exp["documents"]]
    assert pages[0][0] == 1
    assert pages[-1][1] == n
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(pages))  # one 文书 per page range
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


def test_defect_pages_point_at_their_documents() -> None:
    """The page in every note lies inside a document of the declared type (or the 决定书 for absent ones)."""
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
    from fixtures.holdout20.gen.calendar_check import (
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
        "h20-01": set(),
        "h20-02": {"notice_period"},
        "h20-03": set(),
        "h20-04": {"service"},
        "h20-05": {"order"},
        "h20-06": {"ninety"},
        "h20-07": set(),
        "h20-08": set(),
        "h20-09": set(),
        "h20-10": set(),
    }
    assert specs["h20-01"].dates["notice_served"] == date(2018, 4, 8)  # 清明 调休 Sunday
    assert specs["h20-02"].dates["notice_served"] == date(2019, 4, 28)  # 劳动节 调休 Sunday
    assert (specs["h20-02"].dates["decided"] - date(2019, 4, 28)).days == 2  # within the three 听证 days
    assert specs["h20-03"].dates["decided"] == date(2020, 6, 28)  # 端午 调休 Sunday
    assert workdays_between(date(2021, 9, 28), date(2021, 10, 14)) == 8  # 国庆, 10-09 调休 counts
    assert workdays_between(date(2024, 2, 8), date(2024, 2, 18)) == 2  # 春节; 10 calendar days
    assert specs["h20-07"].dates["approved"] == date(2024, 2, 4)  # 调休 Sunday
    d = specs["h20-06"].dates
    assert (d["decided"] - d["filed"]).days == 97
    assert nth_workday_after(date(2026, 4, 21), 5) == date(2026, 4, 28)
    assert workdays_between(date(2026, 4, 30), date(2026, 5, 9)) == 4  # 劳动节; 05-09 调休 Saturday
    assert workdays_between(date(2025, 9, 30), date(2025, 10, 11)) == 3  # 国庆; 10-11 调休 Saturday
    assert "ninety" not in check_periods(specs["h20-03"])


def test_case_facts() -> None:
    assert _expected(_case("h20-06"))["case"] == {
        "case_number": "亳应急罚〔2023〕7号",
        "party": "亳州市谯城区恒昌药业有限公司",
        "agency": "亳州市应急管理局",
        "fine_amount": 200000.0,
        "dates": {
            "filed": "2023-03-20",
            "notified": "2023-05-29",
            "decided": "2023-06-25",
            "served": "2023-06-27",
            "closed": "2023-07-14",
        },
    }
    assert _expected(_case("h20-01"))["case"]["case_number"] == "怀城管罚决字〔2018〕31号"
    assert _expected(_case("h20-01"))["case"]["dates"]["closed"] is None
    assert _expected(_case("h20-08"))["case"]["case_number"] == "鹤自然资罚〔2024〕6号"
    assert _expected(_case("h20-07"))["case"]["case_number"] == "宣农（农药）罚〔2024〕3号"
    assert _expected(_case("h20-05"))["case"]["dates"]["served"] == "2022-04-19"
    assert "decision_approval" not in {d["type"] for d in _expected(_case("h20-08"))["documents"]}
    assert "legal_review" not in {d["type"] for d in _expected(_case("h20-06"))["documents"]}


def test_text_layer() -> None:
    dec = _text(_case("h20-01"), "行政处罚决定书")
    assert "怀城管罚决字〔2018〕第0031号" in dec
    assert "三个月内直接向怀化市鹤城区人民法院" in dec
    assert "怀化市人民政府或者湖南省住房和城乡建设厅申请行政复议" in dec
    assert "第七十二条第一款第一项" in dec
    assert "二〇一八年四月十六日" in dec
    assert "罚款人民币贰万元整（￥20,000.00）" in dec
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h20-01"), "事先告知书")
    assert "黄志勇（执法证号：43100219045）" in _text(_case("h20-02"), "现场检查")
    assert "李春燕（执法证号" not in _text(_case("h20-02"), "现场检查")
    assert "三日内提出" in _text(_case("h20-02"), "行政处罚告知书")
    dec = _text(_case("h20-07"), "行政处罚决定书")
    assert "六十日内向宣城市人民政府申请行政复议" in dec
    assert "安徽省农业农村厅" not in dec
    assert "六个月内直接向宣城市宣州区人民法院" in dec
    assert "第七十二条第一款第一项" in dec
    dec = _text(_case("h20-08"), "行政处罚决定书")
    assert "鹤壁市人民政府或者河南省自然资源厅申请行政复议" in dec
    assert "鑫园建材" in dec
    assert "鑫源" not in dec
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(_case("h20-10"), "事先告知书")
    assert "属重大行政执法决定" in _text(_case("h20-06"), "集体讨论笔录")
    assert "法制审核" not in _text(_case("h20-06"), "决定审批表")
    assert "十五日内" not in _text(_case("h20-09"), "行政处罚决定书")
    assert "十五日内" in _text(_case("h20-03"), "行政处罚决定书")
    assert "2025年9月30日" in _text(_case("h20-09"), "行政处罚决定书")
    assert "2022年04月19日" in _text(_case("h20-05"), "决定书送达回证")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _docx_text(_case("h20-04"), "事先告知书")


def test_syslog_toc() -> None:
    for prefix in SYSLOG:
        docs = _expected(_case(prefix))["documents"]
        assert [d["type"] for d in docs[:2]] == ["cover", "toc"]
    toc = _text(_case("h20-03"), "卷内文件目录")
    assert "3 询问笔录 3-4" in toc
    assert "6 行政处罚事先告知书 7" in toc
    assert _doc(_case("h20-03"), "事先告知书")["pdf_pages"] == [9, 9]  # archive page 7
    toc = _text(_case("h20-09"), "卷内文件目录")
    assert "6 行政处罚事先告知书 6" in toc  # one short: archive page 7
    assert "12 结案报告 12" in toc
    assert _doc(_case("h20-09"), "事先告知书")["pdf_pages"] == [9, 9]


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture; the same document of a clean case has it."""
    assert _pictures(_case("h20-02"), "行政处罚决定书") == 0
    assert _pictures(_case("h20-06"), "行政处罚事先告知书") == 0
    assert _pictures(_case("h20-03"), "行政处罚事先告知书") == 1
    # 笔录 per page: party + fingerprint, officers, recorder
    assert _pictures(_case("h20-07"), "询问笔录") == 8
    assert _pictures(_case("h20-01"), "询问笔录") == 6
    assert _pictures(_case("h20-08"), "调查询问笔录") == 10
    assert _pictures(_case("h20-02"), "调查询问笔录") == 9
    assert _pictures(_case("h20-06"), "询问笔录") == 8
    assert _pictures(_case("h20-02"), "现场检查") == 4
    assert _pictures(_case("h20-04"), "现场检查笔录") == 2  # party absent, witness unsigned
    assert _pictures(_case("h20-04"), "立案审批表") == 2
    assert _pictures(_case("h20-05"), "法制审核意见书") == 0
    assert _pictures(_case("h20-05"), "决定书送达回证") == 1
    assert _pictures(_case("h20-08"), "决定书送达回证") == 2
    assert _pictures(_case("h20-09"), "决定审批表") == 3
    assert _pictures(_case("h20-03"), "决定审批表") == 4


def test_regeneration_is_identical_but_for_the_pens_rounding(tmp_path: Path) -> None:
    """A rebuild gives the same files; the pen's strokes are drawn with numpy's vectorised sin, cos and exp,
    whose last bits differ between CPUs (AVX-512 and AVX2 paths), so on another machine a signature may
    come out a pixel larger: there the words, the pictures' places and every file without ink still match
    byte for byte, and the pictures only in number."""
    from fixtures.holdout20.gen.build import build_case

    spec = _specs()["h20-05"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        new, old = (fresh / name).read_bytes(), (committed / name).read_bytes()
        if new == old:
            continue
        if name.suffix == ".docx":
            assert _docx_words(new) == _docx_words(old), name
        else:
            assert name.suffix == ".pdf", name
            assert _pdf_words(new) == _pdf_words(old), name


def _docx_words(data: bytes) -> tuple[str, list[str]]:
    """A .docx's document.xml without the pictures' extents, and its part names."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml").decode("utf-8")
        return re.sub(r'(cx|cy)="\d+"', "", xml), sorted(zf.namelist())


def _pdf_words(data: bytes) -> list[tuple[str, int]]:
    """Each page's text and number of images."""
    pdf = pdfium.PdfDocument(data)
    try:
        return [
            (
                page.get_textpage().get_text_range(),
                sum(1 for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,))),
            )
            for page in pdf
        ]
    finally:
        pdf.close()


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout20.gen import scan

    case = _case("h20-06")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 2), scan.scan_page(pdf, case.name, 2)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")  # greyscale-only case
    assert scan.Profile(_case("h20-07").name).grey is False
    out = scan.scan_case(case, tmp_path, pages=[1, 2])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
