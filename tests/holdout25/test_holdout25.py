"""Holdout 25 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout25"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h25-03", "h25-07", "h25-09"]
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout25.gen.cases import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _pages(case: Path, stem: str) -> list[int]:
    first, last = _doc(case, stem)["pdf_pages"]
    return list(range(first, last + 1))


def _text(case: Path, stem: str) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in _pages(case, stem))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _images(case: Path, page: int) -> int:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = int(sum(o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for o in pdf[page - 1].get_objects()))
    pdf.close()
    return n


def _xml(case: Path, stem: str) -> str:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8")


def _pictures(case: Path, stem: str) -> int:
    return _xml(case, stem).count("<pic:pic>")


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h25-{i:02d}" for i in range(1, 11)]
    assert [p.name.split("-")[2] for p in CASES] == [
        "chz",
        "dh",
        "sn",
        "ws",
        "cx",
        "hz",
        "hy",
        "yf",
        "bz",
        "zy",
    ]
    years = [int(p.name.split("-")[4]) for p in CASES]
    assert years == [2016, 2019, 2021, 2025, 2022, 2024, 2017, 2020, 2026, 2018]
    assert len({_expected(p)["agency_kind"] for p in CASES}) == 10
    assert [_expected(p)["procedure"] for p in CASES].count("summary") == 1
    assert [s.family for s in _specs().values()] == ["spread", "certcopy", "greyscan"] * 3 + ["spread"]
    from fixtures.holdout25.gen.cases import FAMILIES

    assert {k: s.family for k, s in _specs().items()} == FAMILIES


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
        assert not re.search(r"〕0", c["case_number"])
        assert list(c["dates"]) == ["filed", "notified", "decided", "served", "closed"]
        spread = _specs()[case.name[:6]].family == "spread"
        for doc in exp["documents"]:
            assert doc["type"] in types
            assert (case / doc["docx"]).exists()
            sheets = doc["pdf_pages"][1] - doc["pdf_pages"][0] + 1
            assert sheets == ((doc["docx_pages"][1] + 1) // 2 if spread else doc["docx_pages"][1])
        for d in exp["defects"]:
            assert list(d) == ["defect", "role", "document_type", "note"]
            assert d["defect"] in {x.value for x in Defect}
            assert d["document_type"] in types
            assert re.search(r"（PDF第\d+页）$", d["note"])
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
    counts = {k: sum(d["defect"] == k for d in found) for k in {d["defect"] for d in found}}
    assert counts["missing_signature"] == 9
    assert counts["missing_seal"] == 2
    assert counts["remedy_notice_error"] == 2
    assert counts["deadline_exceeded"] == 2
    assert sum(counts.values()) - 15 == 10  # one each of the other ten codes
    roles = [d["role"] for d in found if d["role"]]
    assert roles.count("party") == 2


def test_defect_pages_point_at_their_documents() -> None:
    for case in CASES:
        exp = _expected(case)
        for d in exp["defects"]:
            page = int(d["note"].rsplit("PDF第", 1)[1].rstrip("页）"))
            holders = [x for x in exp["documents"] if x["pdf_pages"][0] <= page <= x["pdf_pages"][1]]
            assert len(holders) == 1
            if d["defect"] in {"missing_document", "legal_review_missing"}:
                assert holders[0]["type"] == "decision"  # the absent document is noted at the decision
            else:
                assert holders[0]["type"] == d["document_type"], (case.name, d)
    types10 = [d["type"] for d in _expected(_case("h25-10"))["documents"]]
    assert types10.count("service_receipt") == 1  # only the notice's receipt; the decision's is missing
    assert "collective_discussion" not in {d["type"] for d in _expected(_case("h25-08"))["documents"]}


def test_calendar_checks() -> None:
    from fixtures.holdout25.gen.calcheck import check_case, check_periods, nth_workday_after, workdays_between

    specs = _specs()
    for spec in specs.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in specs.items()}
    assert broken == {
        "h25-01": set(),
        "h25-02": {"notice_period"},
        "h25-03": set(),
        "h25-04": set(),
        "h25-05": {"service"},
        "h25-06": {"preservation"},
        "h25-07": set(),
        "h25-08": set(),
        "h25-09": set(),
        "h25-10": {"order"},
    }
    a = {k: s.acts for k, s in specs.items()}
    assert (a["h25-02"]["decided"] - a["h25-02"]["notice_served"]).days == 2
    assert nth_workday_after(date(2022, 5, 26), 5) == date(2022, 6, 2)  # 端午 2022-06-03 comes after
    assert nth_workday_after(date(2022, 6, 8), 7) == date(2022, 6, 17)
    assert a["h25-05"]["served"] == date(2022, 6, 22)
    assert workdays_between(date(2024, 3, 12), date(2024, 3, 25)) == 9
    assert (a["h25-03"]["hearing"] - a["h25-03"]["hearing_notice"]).days == 8
    assert (a["h25-08"]["hearing"] - a["h25-08"]["hearing_notice"]).days == 8
    assert a["h25-10"]["approved"] > a["h25-10"]["decided"]
    assert nth_workday_after(date(2026, 4, 23), 5) == date(2026, 4, 30)
    assert (a["h25-01"]["decided"] - a["h25-01"]["seized"]).days == 20
    assert max((s.acts["decided"] - s.acts["filed"]).days for s in specs.values() if "filed" in s.acts) == 65


def test_case_facts() -> None:
    assert _expected(_case("h25-02"))["case"] == {
        "case_number": "德交执罚〔2019〕32号",
        "party": "德宏顺达物流有限公司",
        "agency": "德宏傣族景颇族自治州交通运输局",
        "fine_amount": 5000.0,
        "dates": {
            "filed": "2019-03-05",
            "notified": "2019-03-12",
            "decided": "2019-03-15",
            "served": "2019-03-18",
            "closed": "2019-04-02",
        },
    }
    assert _expected(_case("h25-04"))["case"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2025-06-10",
        "served": None,
        "closed": None,
    }
    assert _expected(_case("h25-08"))["case"]["dates"]["closed"] is None  # 局长 left the date blank
    assert _expected(_case("h25-10"))["case"]["dates"]["served"] is None  # no receipt for the decision
    assert [_expected(c)["case"]["case_number"] for c in CASES] == [
        "潮环罚字〔2016〕18号",
        "德交执罚〔2019〕32号",
        "遂应急罚〔2021〕31号",
        "文市监当罚〔2025〕86号",
        "楚市卫公罚〔2022〕19号",
        "贺农（兽药）罚〔2024〕8号",
        "河城管罚字〔2017〕117号",
        "云自然资罚〔2020〕9号",
        "巴市税稽罚〔2026〕9号",
        "资文广罚〔2018〕19号",
    ]
    assert [
        _expected(c)["documents"][0]["type"] for c in CASES if _specs()[c.name[:6]].family == "certcopy"
    ] == ["toc"] * 3
    assert [
        _expected(c)["documents"][-1]["type"] for c in CASES if _specs()[c.name[:6]].family == "certcopy"
    ] == ["remarks"] * 3
    types6 = [d["type"] for d in _expected(_case("h25-06"))["documents"]]
    assert types6[2:6] == [
        "enforcement_measure",
        "enforcement_measure",
        "inquiry_record",
        "enforcement_measure",
    ]
    assert {"hearing_notice", "hearing_record", "collective_discussion", "legal_review"} <= {
        d["type"] for d in _expected(_case("h25-03"))["documents"]
    }


def test_text_layer() -> None:
    dec1 = _text(_case("h25-01"), "10行政处罚决定书")
    assert "潮环罚字〔2016〕第18号" in dec1
    assert "三个月内直接向潮州市湘桥区人民法院提起行政诉讼" in dec1
    assert "二〇一六年五月三日" in dec1
    assert "芒市顺达物流有限公司" in _text(_case("h25-02"), "09行政处罚决定书")
    assert "当事人：德宏顺达" not in _text(_case("h25-02"), "09行政处罚决定书")
    assert "三日内" in _text(_case("h25-02"), "06行政处罚告知书")
    summary = _text(_case("h25-04"), "01当场")
    assert "执法证号：53260025117" in summary
    assert summary.count("执法证号") == 1
    assert "违法行为发生时间违法行为发生地点违法事实" in summary.replace(" ", "")
    assert "先向文山市人民政府申请行政复议" in summary
    assert "第五十一条第（一）项" in _text(_case("h25-05"), "09行政处罚决定书")
    assert "2022.6.22" in _text(_case("h25-05"), "10决定书送达回证")
    dec6 = _text(_case("h25-06"), "13行政处罚决定书")
    assert "贺州市人民政府或者广西壮族自治区农业农村厅申请行政复议" in dec6
    assert "二○二四年四月二十三日" in dec6
    assert "国家税务总局巴中市税务局申请行政复议" in _text(_case("h25-09"), "08税务行政处罚决定书")
    assert "第七十二条第一款第（一）项" in _text(_case("h25-03"), "12行政处罚决定书")
    toc = _text(_case("h25-08"), "00卷内目录").replace(" ", "")
    assert "听证笔录2020.7.229" in toc
    assert _doc(_case("h25-08"), "08听证笔录")["pdf_pages"] == [9, 9]  # archive page 8 (目录 unnumbered)


def test_marks_in_pdf() -> None:
    """Seals and signatures are images: a missing one leaves its page with fewer images."""
    notice2, notice3 = _case("h25-02"), _case("h25-03")
    assert _images(notice2, _pages(notice2, "06行政处罚告知书")[0]) == 1  # the check stamp only, no seal
    assert _images(notice3, _pages(notice3, "06行政处罚告知书")[0]) == 2  # seal and its mis-registered ghost
    dec10 = _case("h25-10")
    assert _images(dec10, _pages(dec10, "09行政处罚决定书")[0]) == 0  # no seal, no 骑缝章
    dec7 = _case("h25-07")
    assert _images(dec7, _pages(dec7, "08行政处罚决定书")[0]) == 2  # 落款 seal and 骑缝章 over the gutter


def test_empty_slots_in_docx() -> None:
    """A missing mark leaves no picture where the same slot of a clean case has one."""
    assert _pictures(_case("h25-01"), "05询问笔录") == 8  # p1: party+print, 2 officers, recorder (5); p2: 3
    assert _pictures(_case("h25-07"), "03询问笔录") == 10
    assert _pictures(_case("h25-01"), "04查封现场笔录") == 2  # witness unsigned
    assert _pictures(_case("h25-02"), "03询问笔录") == 5  # check stamp, party+print, 2 officers, no recorder
    assert _pictures(_case("h25-02"), "06行政处罚告知书") == 1  # check stamp, no seal
    assert _pictures(_case("h25-05"), "06行政处罚告知书") == 2
    assert _pictures(_case("h25-04"), "01当场") == 2  # one officer and the seal; party unsigned
    assert _pictures(_case("h25-05"), "05法制审核") == 1  # check stamp only
    assert _pictures(_case("h25-02"), "05法制审核") == 2
    assert _pictures(_case("h25-06"), "01立案") == 2  # approver unsigned
    assert _pictures(_case("h25-03"), "01立案") == 3
    assert _pictures(_case("h25-06"), "14决定书送达回证") == 1  # both servers unsigned
    assert _pictures(_case("h25-08"), "06告知书送达回证") == 3  # stamp and two servers, recipient unsigned
    assert _pictures(_case("h25-10"), "02现场检查笔录") == 3  # party+print, one inspector
    assert _pictures(_case("h25-10"), "09行政处罚决定书") == 0
    assert _pictures(_case("h25-07"), "08行政处罚决定书") == 2  # 落款 seal and the 骑缝章 on page 2
    closing = _xml(_case("h25-08"), "13结案")
    assert closing.count("2020.8.19") == 2  # the 局长 signed without a date


def test_family_traits_in_docx() -> None:
    spread = _xml(_case("h25-07"), "01立案")
    assert 'w:fill="DDDDDD"' in spread  # grey tag labels
    with zipfile.ZipFile(_case("h25-07") / _doc(_case("h25-07"), "01立案")["docx"]) as zf:
        assert 'w:w="8391"' in zf.read("word/document.xml").decode("utf-8")  # A5 booklet page
    assert 'w:textDirection w:val="tbRlV"' in _xml(_case("h25-09"), "01税务")  # vertical label cells
    assert 'w:color w:val="C81A1F"' in _xml(_case("h25-06"), "13行政处罚决定书")  # red 红头
    copy = _xml(_case("h25-05"), "03询问笔录")
    assert copy.count("<pic:pic>") >= 2  # the 核对章 heads every page


def test_family_traits_in_pdf() -> None:
    pdf = pdfium.PdfDocument(str(_case("h25-01") / f"{_case('h25-01').name}.pdf"))
    w, h = pdf[0].get_size()
    assert w > h  # a landscape spread
    assert "· 1 ·" in pdf[0].get_textpage().get_text_range()
    pdf.close()
    copy = _text(_case("h25-05"), "03询问笔录")
    assert copy.endswith("共1页\u3000第1页0003")  # numbering-machine archive number, drawn last
    assert "0000" not in _text(_case("h25-05"), "00卷内目录")  # 目录 not numbered


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout25.gen.build import build_case

    spec = _specs()["h25-04"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 3_900_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout25.gen import scan

    case = _case("h25-09")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")  # greyscan: grey
    assert img.size[0] == 1241  # A4 at 150 dpi
    assert scan.Profile(_case("h25-01").name).family == "spread"
    assert scan.Profile(_case("h25-02").name).dpi == 120
    out = scan.scan_case(case, tmp_path, pages=[0, 1])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
