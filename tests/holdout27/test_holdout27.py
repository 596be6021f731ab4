"""Holdout 27 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import datetime as dt
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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout27"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h27-07", "h27-08", "h27-09"]
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout27.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _images(case: Path, stem: str) -> list[int]:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    counts = [
        int(sum(o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for o in pdf[p - 1].get_objects()))
        for p in range(first, last + 1)
    ]
    pdf.close()
    return counts


def _xml(case: Path, stem: str) -> str:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8")


def _pictures(case: Path, stem: str) -> int:
    return _xml(case, stem).count("<pic:pic>")


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h27-{i:02d}" for i in range(1, 11)]
    specs = _specs()
    families = [
        "anticopy",
        "blueink",
        "turned",
        "anticopy",
        "blueink",
        "turned",
        "anticopy",
        "blueink",
        "turned",
    ]
    assert [s.family for s in specs.values()] == [*families, "anticopy"]
    years = sorted(int(re.search(r"-(20\d\d)-", c.name).group(1)) for c in CASES)  # type: ignore[union-attr]
    assert years == [2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025, 2026]
    cities = ["景洪", "德令哈", "果洛", "玉树", "临夏", "合作", "吉首", "延吉", "昌吉", "塔城"]
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
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 9
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
                assert not any(
                    d["type"] == f["document_type"] for d in exp["documents"] if "回证" not in d["docx"]
                )
            else:
                assert doc["type"] == f["document_type"], f


def test_calendar_checks() -> None:
    from fixtures.holdout27.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts)) for k, s in _specs().items()}
    assert broken == {
        "h27-01": ["notice_period"],
        "h27-02": [],
        "h27-03": ["order"],
        "h27-04": [],
        "h27-05": ["ninety"],
        "h27-06": [],
        "h27-07": [],
        "h27-08": [],
        "h27-09": [],
        "h27-10": ["preservation"],
    }
    assert all(workday(d) for s in _specs().values() for d in s.acts.values())
    inspected = _specs()["h27-09"].acts["inspect"]
    assert (inspected.isoformat(), inspected.weekday()) == ("2023-10-07", 5)  # a 调休 Saturday
    assert add_workdays(dt.date(2024, 4, 15), 5) == dt.date(2024, 4, 22)
    assert add_workdays(dt.date(2026, 3, 10), 7) == dt.date(2026, 3, 19)
    acts8 = _specs()["h27-08"].acts
    assert (acts8["decided"] - acts8["seize"]).days == 28


def test_case_facts() -> None:
    facts = {c.name[:6]: _expected(c)["case"] for c in CASES}
    assert {k: (v["case_number"], v["fine_amount"]) for k, v in facts.items()} == {
        "h27-01": ("景市监处罚〔2024〕153号", 50000.0),
        "h27-02": ("德环罚字〔2017〕9号", 30000.0),
        "h27-03": ("果交罚〔2019〕17号", 30000.0),
        "h27-04": ("玉卫当罚〔2025〕36号", 800.0),
        "h27-05": ("（临市）应急罚〔2021〕23号", 30000.0),
        "h27-06": ("合城执罚字〔2016〕42号", 2000.0),
        "h27-07": ("吉文广罚字〔2018〕11号", 5000.0),
        "h27-08": ("延农（农药）罚〔2022〕5号", 8000.0),
        "h27-09": ("昌市自然资罚〔2023〕26号", 35000.0),
        "h27-10": ("塔市住建罚〔2026〕8号", 100000.0),
    }
    assert facts["h27-04"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2025-06-10",
        "served": "2025-06-10",
        "closed": None,
    }
    assert facts["h27-02"]["dates"]["served"] is None
    assert facts["h27-06"]["dates"]["closed"] is None
    assert facts["h27-05"]["dates"] == {
        "filed": "2021-09-07",
        "notified": "2021-10-19",
        "decided": "2021-12-13",
        "served": "2021-12-15",
        "closed": "2022-01-07",
    }
    assert facts["h27-05"]["party"] == "临夏市鑫隆新型建材有限公司"


def test_text_layer() -> None:
    c1 = _text(_case("h27-01"), "行政处罚决定书")
    assert "景市监处罚〔2024〕第0153号" in c1
    assert "六十日内向西双版纳傣族自治州市场监督管理局或者景洪市人民政府申请行政复议" in c1
    assert "第七十二条第一款第（一）项" in _text(_case("h27-02"), "行政处罚决定书")
    assert "第五十一条" not in _text(_case("h27-02"), "行政处罚决定书")
    assert "三个月内向合作市人民法院" in _text(_case("h27-06"), "行政处罚决定书")
    c4 = _text(_case("h27-04"), "当场行政处罚决定书")
    assert "直接向玉树市人民法院提起行政诉讼" in c4
    assert "违法行为发生地点违法事实" in c4.replace(" ", "")  # the place cell is empty
    assert "临夏市鑫龙新型建材有限公司" in _text(_case("h27-05"), "行政处罚决定书")
    assert "临夏市鑫龙" not in _text(_case("h27-05"), "行政处罚告知书")
    assert "二○一九年五月十三日" in _text(_case("h27-03"), "07听证通知书")
    assert "2019年5月10日" in _text(_case("h27-03"), "听证通知书送达回证")
    assert not any(d["type"] == "legal_review" for d in _expected(_case("h27-03"))["documents"])
    c10 = _text(_case("h27-10"), "询问笔录")
    assert "古丽娜尔·托合提（执法证号：65420026011）、马俊　记录人" in c10
    assert "马俊（执法证号" in _text(_case("h27-10"), "现场检查笔录")
    toc = _text(_case("h27-10"), "卷内目录").replace(" ", "")
    assert "6询问笔录2026年03月12日77案件调查终结报告2026年04月01日88法制审核" in toc
    assert _doc(_case("h27-10"), "调查终结报告")["pdf_pages"] == [9, 9]
    assert "六十日内向昌吉市人民政府或者昌吉回族自治州自然资源局申请行政复议" in _text(
        _case("h27-09"), "行政处罚决定书"
    )
    assert "六十日内向塔城市人民政府申请行政复议；也可以在六个月内直接向塔城市人民法院" in _text(
        _case("h27-10"), "行政处罚决定书"
    )
    assert "扣押期限为三十日（自2022年5月17日至2022年6月15日）" in _text(_case("h27-08"), "扣押决定书")


def _slots(spec: Any) -> tuple[list[tuple[str, int, str]], list[str], list[str]]:
    from fixtures.holdout27.gen.model import Grid, Seal, Signs

    empty, unsealed, undated = [], [], []
    for doc in spec.docs:
        for i, page in enumerate(doc.pages):
            for b in page.blocks:
                slots = list(b.slots) if isinstance(b, Signs) else []
                if isinstance(b, Grid):
                    slots = [c.slot for row in b.rows for c in row if c.slot]
                    undated += [doc.stem for s in slots if s.role == "approver" and s.present and not s.when]
                empty += [(doc.stem, i, s.caption or s.signer) for s in slots if not s.present]
                if isinstance(b, Seal) and not b.present:
                    unsealed.append(doc.stem)
    return empty, unsealed, undated


def test_empty_slots_are_exactly_the_labelled_ones() -> None:
    got = {k: _slots(s) for k, s in _specs().items()}
    assert got == {
        "h27-01": ([("05法制审核意见书", 0, "审核人")], [], []),
        "h27-02": ([("03询问笔录", 1, "被询问人（签名并捺印）")], ["05行政处罚告知书"], []),
        "h27-03": ([("03询问笔录", 1, "记录")], [], []),
        "h27-04": ([("01当场行政处罚决定书", 0, "李永福")], [], []),
        "h27-05": ([("01立案审批表", 0, "签字"), ("10听证笔录", 1, "当事人或代理人")], [], []),
        "h27-06": ([("06告知书送达回证", 0, "完玛才让")], ["08行政处罚决定书"], ["11结案审批表"]),
        "h27-07": ([], [], []),
        "h27-08": ([], [], []),
        "h27-09": ([], [], []),
        "h27-10": (
            [
                ("02现场检查笔录", 0, "见证人签名"),
                ("13决定书送达回证", 0, "送达人"),
                ("13决定书送达回证", 0, "马俊"),
            ],
            [],
            [],
        ),
    }


def test_marks_in_pdf() -> None:
    assert _images(_case("h27-01"), "法制审核意见书") == [0]
    assert _images(_case("h27-07"), "法制审核意见书") == [1]
    assert _images(_case("h27-02"), "行政处罚告知书") == [0]
    assert _images(_case("h27-02"), "询问笔录") == [5, 3]  # p2: no ink, no print of the party
    assert _images(_case("h27-05"), "行政处罚决定书") == [1, 2]  # 骑缝章 strips, the 落款 seal
    assert _images(_case("h27-06"), "行政处罚决定书") == [0, 0]
    assert _images(_case("h27-05"), "听证笔录") == [4, 2]
    assert _images(_case("h27-10"), "决定书送达回证") == [1]
    assert _images(_case("h27-10"), "现场检查笔录") == [3]
    assert _images(_case("h27-04"), "当场行政处罚决定书") == [4]


def test_empty_slots_in_docx() -> None:
    assert _pictures(_case("h27-01"), "法制审核意见书") == 0
    assert _pictures(_case("h27-07"), "法制审核意见书") == 1
    assert _pictures(_case("h27-02"), "行政处罚告知书") == 0
    assert _pictures(_case("h27-06"), "行政处罚决定书") == 0
    assert _pictures(_case("h27-05"), "行政处罚决定书") == 3  # two 骑缝章 strips and the seal
    assert _pictures(_case("h27-10"), "决定书送达回证") == 1
    assert _pictures(_case("h27-04"), "当场行政处罚决定书") == 4


def test_family_traits() -> None:
    assert "档案盒号：TC-ZJ-2026-008" in _text(_case("h27-10"), "行政处罚决定书")
    assert "档案页码 14" in _text(_case("h27-10"), "行政处罚决定书")
    with zipfile.ZipFile(_case("h27-07") / _doc(_case("h27-07"), "立案审批表")["docx"]) as zf:
        assert "执法档案　内部资料" in zf.read("word/header1.xml").decode("utf-8")
    turned = _specs()["h27-03"]
    assert [(p.landscape, p.turn) for d in turned.docs for p in d.pages if p.landscape or p.turn] == [
        (True, 90),
        (False, 180),
        (True, 270),
        (True, 270),
        (True, 90),
        (True, 270),
        (True, 90),
    ]
    assert 'w:textDirection w:val="tbRlV"' in _xml(_case("h27-09"), "立案审批表")
    assert 'w:orient="landscape"' in _xml(_case("h27-09"), "结案审批表")
    assert 'w:color w:val="1634A8"' in _xml(_case("h27-08"), "询问笔录")  # blue ballpoint
    assert "以上笔录我看过，与我说的一致。" in _text(_case("h27-08"), "询问笔录")
    pseals = [
        s for d in _specs()["h27-08"].docs for p in d.pages for b in p.blocks for s in getattr(b, "slots", [])
    ]
    assert {s.signer for s in pseals if s.mark == "pseal"} == {"刘美玲"}


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout27.gen.build import write_case

    for key in ("h27-04", "h27-06"):
        folder = write_case(_specs()[key], tmp_path)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file())
    assert total < 3_500_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout27.gen import scan

    case = _case("h27-03")
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    first, again = scan.scan_page(pdf, case.name, 3), scan.scan_page(pdf, case.name, 3)
    pdf.close()
    assert first == again
    img = Image.open(io.BytesIO(first))
    assert (img.format, img.mode) == ("JPEG", "L")  # turned: grey
    assert scan.Profile(_case("h27-05").name).family == "blueink"
    assert scan.Profile(_case("h27-10").name).dpi == 125
    out = scan.scan_case(case, tmp_path, pages=[0, 1])
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 2
    for i in range(2):
        page = scanned[i]
        assert page.get_textpage().get_text_range().strip() == ""
        assert [o.type for o in page.get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
