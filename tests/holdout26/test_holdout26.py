"""Holdout 26 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout26"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h26-03", "h26-07", "h26-09"]
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
    from fixtures.holdout26.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
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
    assert [c.name[:6] for c in CASES] == [f"h26-{i:02d}" for i in range(1, 11)]
    specs = _specs()
    assert [s.family for s in specs.values()] == [
        "esign",
        "dropout",
        "annotated",
        "esign",
        "dropout",
        "esign",
        "annotated",
        "dropout",
        "esign",
        "annotated",
    ]
    years = sorted(int(re.search(r"(20\d\d)", c.name).group(1)) for c in CASES)  # type: ignore[union-attr]
    assert years == [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024, 2025, 2026]
    cities = ["眉山", "甘孜", "凉山", "都匀", "凯里", "马尔康", "兴义", "泸水", "迪庆", "蒙自"]
    assert [city in s.agency for city, s in zip(cities, specs.values(), strict=True)] == [True] * 10
    assert len({s.kind for s in specs.values()}) == 10


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
        total = len(pdf)
        pdf.close()
        nxt = 1
        for d in exp["documents"]:
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            first, last = d["pdf_pages"]
            assert first == nxt
            assert last >= first
            assert d["docx_pages"] == [1, last - first + 1]
            nxt = last + 1
        assert nxt == total + 1  # the documents tile the PDF
        assert re.fullmatch(r".+〔20\d\d〕[1-9]\d*号", exp["case"]["case_number"])
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            assert re.search(r"（PDF第\d+页）$", f["note"])


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 26
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role}
    assert found[("missing_signature", "party")] == 2
    assert found[("missing_seal", None)] == 2
    assert found[("remedy_notice_error", None)] == 3
    assert found[("deadline_exceeded", None)] == 2
    assert {d for d, _ in found} == {d.value for d in Defect}
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN


def test_defect_pages_point_at_their_documents() -> None:
    for case in CASES:
        exp = _expected(case)
        for f in exp["defects"]:
            page = int(re.search(r"PDF第(\d+)页", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            if f["defect"] in ("missing_document", "legal_review_missing"):
                assert doc["type"] == "decision"  # noted at the 决定书
            else:
                assert doc["type"] == f["document_type"], f


def test_calendar_checks() -> None:
    from fixtures.holdout26.gen.cal import broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts)) for k, s in _specs().items()}
    assert broken == {
        "h26-01": ["notice_period"],
        "h26-02": [],
        "h26-03": [],
        "h26-04": [],
        "h26-05": [],
        "h26-06": ["seizure"],
        "h26-07": [],
        "h26-08": [],
        "h26-09": [],
        "h26-10": ["service"],
    }
    assert all(workday(d) for s in _specs().values() for d in s.acts.values())
    assert _specs()["h26-05"].acts["notice_served"].isoformat() == "2020-09-27"  # a 调休 Sunday


def test_case_facts() -> None:
    facts = {c.name[:6]: _expected(c)["case"] for c in CASES}
    assert {k: (v["case_number"], v["fine_amount"]) for k, v in facts.items()} == {
        "h26-01": ("眉市监罚〔2024〕153号", 50000.0),
        "h26-02": ("甘州文广新罚字〔2016〕7号", 5000.0),
        "h26-03": ("凉应急罚〔2019〕12号", 30000.0),
        "h26-04": ("都卫当罚〔2025〕42号", 800.0),
        "h26-05": ("凯综执罚字〔2020〕86号", 20000.0),
        "h26-06": ("马农（兽药）罚〔2022〕3号", 6300.0),
        "h26-07": ("兴交罚字〔2017〕118号", 30000.0),
        "h26-08": ("泸自然资罚〔2021〕21号", 30000.0),
        "h26-09": ("迪税稽罚〔2026〕4号", 9044.45),
        "h26-10": ("蒙环罚字〔2018〕23号", 20000.0),
    }
    assert facts["h26-04"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2025-06-12",
        "served": "2025-06-12",
        "closed": None,
    }
    assert facts["h26-05"]["dates"]["served"] is None
    assert facts["h26-05"]["dates"]["closed"] is None
    assert facts["h26-08"]["dates"] == {
        "filed": "2021-08-05",
        "notified": "2021-08-27",
        "decided": "2021-09-24",
        "served": "2021-09-27",
        "closed": "2021-10-19",
    }
    assert facts["h26-01"]["party"] == "眉山市东坡区鑫和粮油经营部"


def test_text_layer() -> None:
    c1 = _text(_case("h26-01"), "行政处罚决定书")
    assert "眉山市东坡区鑫禾粮油经营部" in c1
    assert "四川省市场监督管理局或者眉山市人民政府" in c1
    assert "三个月内直接向康定市人民法院" in _text(_case("h26-02"), "行政处罚决定书")
    c4 = _text(_case("h26-04"), "当场行政处罚决定书")
    assert "直接向都匀市人民法院" in c4
    assert "先申请行政复议" not in c4
    assert "第七十二条第一款第（一）项" in _text(_case("h26-05"), "行政处罚决定书")
    assert "第五十一条第（一）项" in _text(_case("h26-10"), "行政处罚决定书")
    c8 = _text(_case("h26-08"), "询问笔录")
    assert "和志刚（执法证号：53330021005）、李春燕" in c8
    assert "李春燕（执法证号" not in c8
    assert not any(d["type"] == "legal_review" for d in _expected(_case("h26-08"))["documents"])
    assert "2021-09-07" not in _text(_case("h26-08"), "听证通知书送达回证")
    assert "2021年9月7日" in _text(_case("h26-08"), "听证通知书送达回证")
    toc = _text(_case("h26-10"), "卷内目录")
    assert "询问笔录 2018-04-13 3" in toc
    assert "行政处罚决定书 2018-05-08 9-10" in toc
    assert "向国家税务总局迪庆藏族自治州税务局申请行政复议" in _text(_case("h26-09"), "行政处罚决定书")
    assert "六十日内向凉山彝族自治州人民政府或者四川省应急管理厅" in _text(_case("h26-03"), "行政处罚决定书")
    assert "期限为30日（自2022-05-10起）" in _text(_case("h26-06"), "扣押决定书")


def _slots(spec: Any) -> tuple[list[tuple[str, int, str]], list[str]]:
    from fixtures.holdout26.gen.model import Approval, Seal, Signs

    empty, unsealed = [], []
    for doc in spec.docs:
        for i, page in enumerate(doc.pages):
            for b in page.blocks:
                slots = b.slots if isinstance(b, Signs) else (b.slot,) if isinstance(b, Approval) else ()
                empty += [(doc.stem, i, s.caption) for s in slots if not s.present]
                if isinstance(b, Seal) and not b.present:
                    unsealed.append(doc.stem)
    return empty, unsealed


def test_empty_slots_are_exactly_the_labelled_ones() -> None:
    got = {k: _slots(s) for k, s in _specs().items()}
    assert got == {
        "h26-01": ([("05法制审核意见书", 0, "审核人签名")], []),
        "h26-02": (
            [
                ("04询问笔录", 1, "被询问人签字"),
                ("10决定书送达回证", 0, "送达人"),
                ("10决定书送达回证", 0, "送达人"),
            ],
            ["07行政处罚告知书"],
        ),
        "h26-03": ([], []),
        "h26-04": ([("02当场行政处罚决定书", 0, "执法人员签名")], []),
        "h26-05": ([("01立案审批表", 0, "签名")], []),
        "h26-06": ([("03现场检查笔录", 0, "见证人签名")], ["02扣押决定书"]),
        "h26-07": ([], []),
        "h26-08": ([("09听证笔录", 1, "当事人或委托代理人（签名）")], []),
        "h26-09": ([], []),
        "h26-10": ([("04询问笔录", 1, "记录人"), ("08告知书送达回证", 0, "签收人")], []),
    }
    closing = _specs()["h26-05"].docs[-1]
    assert [b.slot.when for b in closing.pages[0].blocks if hasattr(b, "slot")] == ["2020年10月28日", ""]


def test_marks_in_pdf() -> None:
    assert _images(_case("h26-02"), 8) == 0  # dropout 告知书: no seal
    assert _images(_case("h26-03"), 7) == 1  # annotated 告知书: the seal
    assert _images(_case("h26-06"), 2) == 1  # esign 扣押决定书: the QR code only, no 电子签章
    assert _images(_case("h26-06"), 1) == 3  # 强制措施审批表: QR and the two approval signatures
    assert _images(_case("h26-06"), 15) == 2  # 决定书 page 2: QR and the 电子签章
    assert _images(_case("h26-01"), 6) == 1  # 法制审核意见书: QR only


def test_empty_slots_in_docx() -> None:
    assert _pictures(_case("h26-01"), "法制审核意见书") == 1  # the QR code
    assert _pictures(_case("h26-02"), "行政处罚告知书") == 0
    assert _pictures(_case("h26-03"), "行政处罚告知书") == 1
    assert "电子签章 证书序列号" not in _xml(_case("h26-06"), "扣押决定书")
    assert "电子签章 证书序列号" in _xml(_case("h26-06"), "行政处罚决定书")


def test_family_traits() -> None:
    esign = _text(_case("h26-09"), "行政处罚决定书")
    assert "案件编号：SWJC-533400-2026-000417" in esign
    assert "校验码：" in esign
    assert "签署时间" not in esign
    assert "签署时间 2026-06-16" in _text(_case("h26-09"), "询问笔录")
    assert 'w:color w:val="6BC4EB"' in _xml(_case("h26-05"), "立案审批表")  # dropout: cyan form layer
    assert "（机读表格，请用黑色墨水填写）" in _text(_case("h26-05"), "立案审批表")
    inq = _text(_case("h26-03"), "询问笔录")
    assert "一共有47名" in inq
    assert "46" in inq
    assert "<w:strike/>" in _xml(_case("h26-03"), "询问笔录")
    notes = [p.notes for d in _specs()["h26-03"].docs for p in d.pages if p.notes or p.sticky]
    assert len(notes) == 3


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout26.gen.build import write_case

    for key in ("h26-04", "h26-10"):
        folder = write_case(_specs()[key], tmp_path)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file())
    assert total < 3_500_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout26.gen import scan

    case = _case("h26-05")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")  # dropout: grey
    assert scan.Profile(_case("h26-01").name).family == "esign"
    assert scan.Profile(_case("h26-03").name).dpi == 120
    out = scan.scan_case(case, tmp_path, pages=[0, 1])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
