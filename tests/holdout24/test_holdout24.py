"""Holdout 24 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout24"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h24-03", "h24-08", "h24-10"]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout24.gen.cases import all_cases

    return {c.short: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _xml(case: Path, stem: str) -> str:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8")


def _pictures(case: Path, stem: str) -> int:
    return _xml(case, stem).count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h24-{i:02d}" for i in range(1, 11)]
    cities = [p.name.split("-")[2] for p in CASES]
    assert cities == ["chiz", "ks", "hbei", "bc", "yn", "rkz", "lb", "sz", "jy", "alt"]
    years = [int(p.name.split("-")[4]) for p in CASES]
    assert years == [2019, 2024, 2022, 2025, 2021, 2023, 2016, 2017, 2025, 2026]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10
    assert [_expected(p)["procedure"] for p in CASES].count("summary") == 1
    families = [s.family for s in _specs().values()]
    assert families == ["fax", "phone", "fuxie"] * 3 + ["fax"]


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
        assert not any(part.startswith("0") for part in c["case_number"].split("〕")[1:])
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
    assert counts["remedy_notice_error"] == 3
    assert sum(counts.values()) - 9 - 2 - 3 == 11  # one each of the other eleven codes
    roles = [d["role"] for d in found if d["role"]]
    assert roles.count("party") == 2


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
    from fixtures.holdout24.gen.calendar_check import (
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
        "h24-01": {"notice_period"},
        "h24-02": set(),
        "h24-03": set(),
        "h24-04": set(),
        "h24-05": {"ninety"},
        "h24-06": set(),
        "h24-07": {"order"},
        "h24-08": set(),
        "h24-09": set(),
        "h24-10": set(),
    }
    assert specs["h24-01"].acts["reported"] == date(2019, 5, 5)  # 劳动节 调休 Sunday
    assert (specs["h24-01"].acts["decided"] - specs["h24-01"].acts["notice_served"]).days == 1
    assert specs["h24-02"].acts["decided"] == date(2024, 4, 7)  # 清明 调休 Sunday
    assert nth_workday_after(date(2024, 3, 25), 5) == date(2024, 4, 1)
    assert nth_workday_after(date(2022, 5, 27), 5) == date(2022, 6, 6)  # 端午 2022-06-03 skipped
    assert specs["h24-04"].acts["decided"] == date(2025, 9, 28)  # 国庆 调休 Sunday
    assert (specs["h24-05"].acts["decided"] - specs["h24-05"].acts["filed"]).days == 98
    assert (specs["h24-06"].acts["decided"] - specs["h24-06"].acts["seized"]).days == 25
    assert (specs["h24-07"].acts["hearing"] - specs["h24-07"].acts["hearing_notice"]).days == 9
    assert specs["h24-07"].acts["served"] < specs["h24-07"].acts["decided"]
    assert specs["h24-08"].acts["paid"] == date(2017, 5, 27)  # 端午 调休 Saturday
    assert (specs["h24-09"].acts["hearing"] - specs["h24-09"].acts["hearing_notice"]).days == 8
    assert nth_workday_after(date(2026, 4, 29), 5) == date(2026, 5, 9)  # 劳动节 调休 Saturday
    assert workdays_between(date(2026, 5, 11), date(2026, 5, 12)) == 1


def test_case_facts() -> None:
    assert _expected(_case("h24-02"))["case"] == {
        "case_number": "喀市监罚〔2024〕26号",
        "party": "喀什香源食品有限公司",
        "agency": "喀什市市场监督管理局",
        "fine_amount": 8000.0,
        "dates": {
            "filed": "2024-03-06",
            "notified": "2024-03-22",
            "decided": "2024-04-07",
            "served": "2024-04-09",
            "closed": "2024-04-19",
        },
    }
    assert _expected(_case("h24-04"))["case"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2025-09-28",
        "served": "2025-09-28",
        "closed": None,
    }
    assert _expected(_case("h24-09"))["case"]["dates"]["filed"] is None  # 审批日期 left blank
    served7 = _expected(_case("h24-07"))["case"]["dates"]["served"]
    assert served7 == "2016-09-09"  # as written, before the decision
    assert _expected(_case("h24-10"))["case"]["fine_amount"] is None
    assert [_expected(c)["case"]["case_number"] for c in CASES] == [
        "池环罚〔2019〕27号",
        "喀市监罚〔2024〕26号",
        "淮应急罚〔2022〕41号",
        "白交当罚〔2025〕117号",
        "伊市卫医罚〔2021〕15号",
        "日农罚〔2023〕3号",
        "来国土资罚字〔2016〕36号",
        "随城执罚〔2017〕122号",
        "揭市税稽罚〔2025〕19号",
        "阿市文旅不罚〔2026〕2号",
    ]
    types9 = {d["type"] for d in _expected(_case("h24-09"))["documents"]}
    assert "hearing_record" not in types9
    assert "legal_review" not in types9
    assert "hearing_notice" in types9
    assert _expected(_case("h24-07"))["documents"][0]["type"] == "toc"
    assert "collective_discussion" in {d["type"] for d in _expected(_case("h24-07"))["documents"]}
    assert "legal_review" in {d["type"] for d in _expected(_case("h24-01"))["documents"]}  # 2017 law art. 38
    assert [d["type"] for d in _expected(_case("h24-06"))["documents"]][1:5] == [
        "enforcement_measure",
        "enforcement_measure",
        "inspection_record",
        "enforcement_measure",
    ]


def test_text_layer() -> None:
    dec = _text(_case("h24-01"), "10行政处罚决定书")
    assert "池环罚〔2019〕第27号" in dec
    assert "三个月内向池州市贵池区人民法院提起行政诉讼" in dec
    assert "第五十一条第（一）项" in dec
    assert "三日内向我局提出" in _text(_case("h24-01"), "07行政处罚事先告知书")
    assert "（当事人）" in _text(_case("h24-01"), "01立案审批表")
    dec = _text(_case("h24-02"), "08行政处罚决定书")
    assert "当事人：喀什市香源食品有限责任公司" in dec
    assert "喀什地区市场监督管理局或者喀什市人民政府申请行政复议" in dec
    assert "二〇二四年四月七日" in dec
    assert "从2024年12 更正 月开始" in _text(_case("h24-02"), "03询问笔录")  # struck 1, then 2, 更正章
    summary = _text(_case("h24-04"), "01当场")
    assert "白交当罚（2025）第0117号" in summary
    assert "或者在六个月内依法向白城市洮北区人民法院提起行政诉讼" in summary
    assert "先" not in summary.split("如不服本决定")[1]
    assert "第三十一条、第三十二条" in _text(_case("h24-05"), "06行政处罚事先告知书")
    assert "二○二二年六月八日" in _text(_case("h24-03"), "09行政处罚决定书")
    seizure = _text(_case("h24-06"), "03扣押决定书")
    assert "期限" not in seizure
    assert "日" in seizure
    assert "李卫东（执法证号" not in _text(_case("h24-06"), "06询问笔录")
    assert "李卫东（执法证号：54020023009）" in _text(_case("h24-06"), "04扣押现场笔录")
    toc = _text(_case("h24-07"), "00卷内目录").replace(" ", "")
    assert "8听证笔录99案件集体讨论记录1010行政处罚决定审批表11" in toc
    assert "2016年9月9日15时00分" in _text(_case("h24-07"), "12决定书送达回证")
    tax = _text(_case("h24-09"), "08税务行政处罚决定书")
    assert "举行了听证" in tax
    assert "国家税务总局揭阳市税务局申请行政复议" in tax
    assert "第三十三条第一款" in _text(_case("h24-10"), "08不予行政处罚决定书")


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture where the same slot of a clean case has one."""
    assert _pictures(_case("h24-01"), "03询问笔录") == 8  # page 2: party and print missing
    assert _pictures(_case("h24-03"), "03询问笔录") == 10
    assert _pictures(_case("h24-05"), "03询问笔录") == 9  # page 1: recorder missing
    assert _pictures(_case("h24-01"), "11决定书送达回证") == 1  # both servers unsigned
    assert _pictures(_case("h24-01"), "08告知书送达回证") == 3
    assert _pictures(_case("h24-02"), "05行政处罚告知书") == 0
    assert _pictures(_case("h24-03"), "06行政处罚告知书") == 1
    assert _pictures(_case("h24-02"), "06告知书送达回证") == 2  # recipient unsigned
    assert _pictures(_case("h24-04"), "01当场") == 4  # second officer unsigned
    assert _pictures(_case("h24-05"), "05法制审核") == 0
    assert _pictures(_case("h24-03"), "05法制审核") == 1
    assert _pictures(_case("h24-06"), "03扣押决定书") == 0
    assert _pictures(_case("h24-06"), "04扣押现场笔录") == 3  # witness unsigned
    assert _pictures(_case("h24-07"), "08听证笔录") == 6  # page 2: party and print missing
    assert _pictures(_case("h24-09"), "11税务稽查结案审批表") == 1
    assert _pictures(_case("h24-03"), "12结案审批表") == 2


def test_family_traits_in_docx() -> None:
    assert 'w:background w:color="FFF6C8"' in _xml(_case("h24-06"), "01立案")
    assert "<w:strike/>" in _xml(_case("h24-06"), "01立案")  # unchosen sources struck through
    assert 'w:fill="E6E6E6"' in _xml(_case("h24-05"), "01立案")  # label column on the right
    fax = _xml(_case("h24-10"), "01立案")
    assert "（当事人）" in fax
    assert "FAX" in fax


def test_fax_header_and_phone_sheet() -> None:
    text = _text(_case("h24-07"), "01立案审批表")
    assert "FROM:来宾市国土资源局" in text
    assert "P.002/017" in text
    case = _case("h24-08")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    tp = pdf[0].get_textpage()
    left, _, right, _ = tp.get_charbox(tp.get_text_range().index("立"))
    assert right - left < 17 * 0.95  # the photographed sheet is scaled down on the desk
    pdf.close()


@needs_font
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout24.gen.build import build_case

    spec = _specs()["h24-04"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout24.gen import scan

    case = _case("h24-04")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")  # fax family: grey
    assert scan.Profile(_case("h24-05").name).family == "phone"
    assert scan.Profile(_case("h24-09").name).family == "fuxie"
    out = scan.scan_case(case, tmp_path, pages=[0, 1])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
