"""Holdout 23 fixtures: labels, calendars, empty slots, page tiling, byte-identical rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout23"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h23-03", "h23-04", "h23-08"]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout23.gen.cases import all_cases

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
    assert [p.name[:6] for p in CASES] == [f"h23-{i:02d}" for i in range(1, 11)]
    cities = [p.name.split("-")[2] for p in CASES]
    assert cities == ["sz", "danz", "daz", "ya", "bs", "lz", "jyg", "sy", "jx", "tz"]
    years = [int(p.name.split("-")[4]) for p in CASES]
    assert years == [2016, 2019, 2021, 2024, 2022, 2023, 2025, 2020, 2026, 2018]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10
    assert [_expected(p)["procedure"] for p in CASES].count("summary") == 1
    families = [s.family for s in _specs().values()]
    assert families == ["penfill", "photocopy", "rotated"] * 3 + ["penfill"]


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
    assert counts["remedy_notice_error"] == 2
    assert counts["deadline_exceeded"] == 2
    assert sum(counts.values()) - 9 - 2 - 2 - 2 == 10  # one each of the other ten codes


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
    from fixtures.holdout23.gen.calendar_check import (
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
        "h23-01": set(),
        "h23-02": {"order"},
        "h23-03": set(),
        "h23-04": set(),
        "h23-05": {"seizure"},
        "h23-06": {"preservation"},
        "h23-07": set(),
        "h23-08": set(),
        "h23-09": set(),
        "h23-10": {"notice_period"},
    }
    assert nth_workday_after(date(2021, 9, 13), 5) == date(2021, 9, 18)  # 中秋 调休 Saturday
    assert workdays_between(date(2021, 9, 30), date(2021, 10, 9)) == 2  # 国庆 调休 Saturday counts
    assert (specs["h23-05"].dates["decided"] - specs["h23-05"].dates["seized"]).days == 41
    assert nth_workday_after(date(2023, 3, 6), 7) == date(2023, 3, 15)
    assert workdays_between(date(2023, 3, 6), date(2023, 3, 21)) == 11
    assert specs["h23-04"].dates["decided"] == date(2024, 2, 18)  # 春节 调休 Sunday
    assert (specs["h23-07"].dates["hearing"] - specs["h23-07"].dates["hearing_notice"]).days == 11
    assert (specs["h23-10"].dates["decided"] - specs["h23-10"].dates["notice_served"]).days == 2
    assert specs["h23-02"].dates["closed"] < specs["h23-02"].dates["paid"]
    assert nth_workday_after(date(2026, 4, 30), 5) == date(2026, 5, 11)  # 劳动节 2026; decided 05-15


def test_case_facts() -> None:
    assert _expected(_case("h23-06"))["case"] == {
        "case_number": "林农罚〔2023〕5号",
        "party": "林芝市巴宜区丰收农资经营部",
        "agency": "林芝市农业农村局",
        "fine_amount": 15000.0,
        "dates": {
            "filed": "2023-03-06",
            "notified": "2023-04-14",
            "decided": "2023-05-06",
            "served": "2023-05-08",
            "closed": "2023-05-25",
        },
    }
    assert _expected(_case("h23-01"))["case"]["dates"]["served"] is None  # 签收日期 left blank
    assert _expected(_case("h23-04"))["case"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2024-02-18",
        "served": "2024-02-18",
        "closed": None,
    }
    assert [_expected(c)["case"]["case_number"] for c in CASES] == [
        "朔环罚〔2016〕23号",
        "儋卫健罚〔2019〕12号",
        "达交执罚〔2021〕87号",
        "雅市监当罚〔2024〕37号",
        "保应急罚〔2022〕9号",
        "林农罚〔2023〕5号",
        "嘉自然资罚〔2025〕9号",
        "松文旅罚〔2020〕26号",
        "鸡税稽罚〔2026〕17号",
        "台综执罚字〔2018〕58号",
    ]
    assert "payment_receipt" not in {d["type"] for d in _expected(_case("h23-10"))["documents"]}
    assert "legal_review" not in {d["type"] for d in _expected(_case("h23-07"))["documents"]}
    assert _expected(_case("h23-10"))["documents"][0]["type"] == "toc"
    assert [d["type"] for d in _expected(_case("h23-05"))["documents"]][1:5] == [
        "enforcement_measure",
        "enforcement_measure",
        "inspection_record",
        "enforcement_measure",
    ]


def test_text_layer() -> None:
    dec = _text(_case("h23-01"), "09行政处罚决定书")
    assert "朔环罚〔2016〕第23号" in dec
    assert "十五日内向山西省环境保护厅或者朔州市人民政府申请行政复议" in dec
    assert "第五十一条第（一）项" in dec
    assert "2016年6月3日" in dec
    assert "2016 年 5 月 5 日" in _text(_case("h23-01"), "01立案")
    assert "　　年　　月　　日" in _text(_case("h23-01"), "10决定书送达回证")
    dec = _text(_case("h23-07"), "12行政处罚决定书")
    assert "六个月内向嘉峪关市城区人民法院提起行政诉讼" in dec
    assert "复议" not in dec
    assert "第二十七条第一款第（一）项" in _text(_case("h23-06"), "12行政处罚决定书")
    assert "二〇二三年五月六日" in _text(_case("h23-06"), "12行政处罚决定书")
    notice = _text(_case("h23-09"), "06税务行政处罚事项告知书")
    assert "听证" not in notice
    assert "陈述、申辩" in notice
    assert "鸡税稽罚〔2026〕71号" in _text(_case("h23-09"), "09税务文书送达回证")
    assert "鸡税稽罚〔2026〕17号" in _text(_case("h23-09"), "08税务行政处罚决定书")
    summary = _text(_case("h23-04"), "01当场")
    assert "应当自收到本决定书之日起六十日内先向雅安市人民政府申请行政复议" in summary
    assert "雅市监当罚〔2024〕0037号" in summary
    assert "二○一九年六月五日" in _text(_case("h23-02"), "10行政处罚决定书")
    assert "复印件与原件核对无误" in _text(_case("h23-08"), "01立案")
    record = _text(_case("h23-05"), "04扣押现场笔录")
    assert "段志勇（执法证号：53050022006）" in record
    assert "李晓梅" not in record
    assert "三十日，自2022年3月2日起至2022年3月31日止" in _text(_case("h23-05"), "03扣押决定书")
    toc = _text(_case("h23-10"), "00卷内目录").replace(" ", "")
    assert "9行政处罚决定书1110送达回证1111结案审批表12" in toc
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h23-08"), "07行政处罚事先告知书")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(_case("h23-03"), "07行政处罚事先告知书")


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture where the same slot of a clean case has one."""
    assert _pictures(_case("h23-09"), "08税务行政处罚决定书") == 0
    assert _pictures(_case("h23-03"), "10行政处罚决定书") == 1
    assert _pictures(_case("h23-02"), "07行政处罚事先告知书") == 0
    assert _pictures(_case("h23-08"), "07行政处罚事先告知书") == 1
    assert _pictures(_case("h23-01"), "04询问笔录") == 8  # page 2: party and print missing
    assert _pictures(_case("h23-03"), "03询问笔录") == 10
    assert _pictures(_case("h23-06"), "08法制审核") == 0
    assert _pictures(_case("h23-03"), "06法制审核") == 1
    assert _pictures(_case("h23-07"), "10听证笔录") == 9  # page 2: clerk unsigned
    assert _pictures(_case("h23-09"), "09税务文书送达回证") == 1  # both servers unsigned
    assert _pictures(_case("h23-02"), "01立案") == 2  # 负责人 unsigned
    assert _pictures(_case("h23-02"), "08告知书送达回证") == 2  # recipient unsigned
    assert _pictures(_case("h23-05"), "04扣押现场笔录") == 2  # witness unsigned
    assert _pictures(_case("h23-10"), "02现场检查笔录") == 3  # party unsigned
    assert _pictures(_case("h23-10"), "08行政处罚决定审批表") == 2  # 承办人 unsigned


def test_family_traits_in_docx() -> None:
    assert 'w:textDirection w:val="btLr"' in _xml(_case("h23-06"), "01立案")
    assert 'w:orient="landscape"' in _xml(_case("h23-03"), "08告知书送达回证")
    assert 'w:eastAsia="楷体"' in _xml(_case("h23-07"), "01立案")
    assert 'w:fill="DDDDDD"' in _xml(_case("h23-05"), "01立案")


def test_sideways_receipt_runs_up_the_page() -> None:
    case = _case("h23-03")
    first, _ = _doc(case, "08告知书送达回证")["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    page = pdf[first - 1]
    assert (page.get_width(), page.get_height()) == pytest.approx((595.2756, 841.8898))
    tp = page.get_textpage()
    left, bottom, right, top = tp.get_charbox(tp.get_text_range().index("送"))
    assert top - bottom > right - left  # the title's glyph boxes are turned on their side
    pdf.close()


@needs_font
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout23.gen.build import build_case

    spec = _specs()["h23-04"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout23.gen import scan

    case = _case("h23-04")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 1), scan.scan_page(pdf, case.name, 1)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "RGB")
    assert scan.Profile(_case("h23-05").name).grey is True
    out = scan.scan_case(case, tmp_path, pages=[0, 1])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
