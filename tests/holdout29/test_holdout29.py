"""Holdout 29 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout29"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h29-04", "h29-06", "h29-08"]
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
needs_fonts = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")
MM = 72 / 25.4


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


@cache
def _specs() -> dict[str, Any]:
    from fixtures.holdout29.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


@cache
def _marks(key: str) -> list[list[str]]:
    from fixtures.holdout29.gen.pdfout import marks_by_page

    return marks_by_page(_specs()[key])


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _pdf(case: Path) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(case / f"{case.name}.pdf"))


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = _pdf(case)
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "").replace(" ", "")


def _kinds(case: Path, stem: str) -> list[Counter[str]]:
    first, last = _doc(case, stem)["pdf_pages"]
    pages = _marks(case.name[:6])[first - 1 : last]
    return [Counter(k for k in p if k != "dots") for p in pages]


def _xml(case: Path, stem: str) -> str:
    with zipfile.ZipFile(case / _doc(case, stem)["docx"]) as zf:
        assert all(i.date_time == (2025, 6, 6, 0, 0, 0) for i in zf.infolist())
        return zf.read("word/document.xml").decode("utf-8")


def _pictures(case: Path, stem: str) -> int:
    return _xml(case, stem).count("<pic:pic>")


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h29-{i:02d}" for i in range(1, 11)]
    specs = _specs()
    assert [s.family for s in specs.values()] == ["dotmatrix", "bound", "landscape"] * 3 + ["dotmatrix"]
    years = sorted(int(re.search(r"-(20\d\d)-", c.name).group(1)) for c in CASES)  # type: ignore[union-attr]
    assert years == [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2026]
    cities = ["定西", "陇南", "金昌", "平凉", "武威", "昌都", "那曲", "乌兰浩特", "乌拉特前旗", "乌兰察布"]
    assert [city in s.agency for city, s in zip(cities, specs.values(), strict=True)] == [True] * 10
    assert len({s.kind for s in specs.values()}) == 10


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        pdf = _pdf(case)
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
        assert exp["renditions"] == {
            "docx": "docx/",
            "pdf": f"{case.name}.pdf",
            "scan_pdf": f"{case.name}.pdf",
        }


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role}
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 9
    assert found[("missing_signature", "party")] == 2
    assert found[("missing_seal", None)] == 2
    assert found[("remedy_notice_error", None)] == 3
    assert found[("deadline_exceeded", None)] == 3
    assert {d for d, _ in found} == {d.value for d in Defect} - {"archive_defect", "missing_element"}
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN


def test_defect_pages_point_at_their_documents() -> None:
    for case in CASES:
        exp = _expected(case)
        for f in exp["defects"]:
            page = int(re.search(r"PDF第(\d+)页", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            if f["defect"] in ("missing_document", "legal_review_missing"):
                assert doc["type"] == "decision"  # noted at the 决定书
                assert not any(d["type"] == f["document_type"] for d in exp["documents"])
            elif f["defect"] == "deadline_exceeded" and doc["type"] == "decision":
                assert "九十日" in f["note"]
            else:
                assert doc["type"] == f["document_type"], f


def test_calendar_checks() -> None:
    from fixtures.holdout29.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert broken == {
        "h29-01": [],
        "h29-02": ["seizure"],
        "h29-03": [],
        "h29-04": [],
        "h29-05": ["notice_period"],
        "h29-06": [],
        "h29-07": ["service"],
        "h29-08": [],
        "h29-09": ["ninety"],
        "h29-10": ["order"],
    }
    assert all(workday(d) for s in _specs().values() for d in s.acts.values())
    assert add_workdays(dt.date(2021, 11, 2), 5) == dt.date(2021, 11, 9)
    assert add_workdays(dt.date(2023, 6, 21), 5) == dt.date(2023, 6, 29)  # 端午 06-22..24 off, 06-25 worked
    assert workday(dt.date(2020, 6, 28))  # the Sunday worked for 端午 2020
    acts = {k: s.acts for k, s in _specs().items()}
    assert (acts["h29-02"]["release"] - acts["h29-02"]["seize"]).days == 41
    assert (acts["h29-09"]["decided"] - acts["h29-09"]["filed"]).days == 100
    assert (acts["h29-07"]["served"] - acts["h29-07"]["decided"]).days == 11
    assert (acts["h29-03"]["hearing"] - acts["h29-03"]["hearing_notice_served"]).days == 9
    assert acts["h29-10"]["closed"] < acts["h29-10"]["paid"]


def test_case_facts() -> None:
    facts = {c.name[:6]: _expected(c)["case"] for c in CASES}
    assert {k: (v["case_number"], v["fine_amount"]) for k, v in facts.items()} == {
        "h29-01": ("定安国税罚〔2016〕12号", 2000.0),
        "h29-02": ("陇环罚〔2020〕27号", 100000.0),
        "h29-03": ("金交执罚〔2022〕31号", 30000.0),
        "h29-04": ("崆城执罚字〔2017〕46号", 5000.0),
        "h29-05": ("凉应急罚〔2021〕43号", 30000.0),
        "h29-06": ("昌文旅当罚〔2024〕107号", 200.0),
        "h29-07": ("那卫计罚〔2018〕15号", 3000.0),
        "h29-08": ("乌农牧罚〔2023〕19号", 5000.0),
        "h29-09": ("前自然资罚〔2026〕8号", 42000.0),
        "h29-10": ("集市监罚字〔2019〕91号", 50000.0),
    }
    assert facts["h29-06"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2024-07-16",
        "served": "2024-07-16",
        "closed": None,
    }
    assert facts["h29-07"]["dates"]["filed"] is None  # 立案 approval undated (labelled)
    assert facts["h29-10"]["dates"]["notified"] is None  # no 告知书 (labelled)
    assert facts["h29-03"]["dates"] == {
        "filed": "2022-02-14",
        "notified": "2022-03-01",
        "decided": "2022-03-24",
        "served": "2022-03-25",
        "closed": "2022-04-12",
    }
    assert _expected(_case("h29-06"))["procedure"] == "summary"
    assert facts["h29-06"]["party"] == "旺堆"


def test_text_layer() -> None:
    c1 = _text(_case("h29-01"), "税务行政处罚决定书")
    assert "定安国税罚〔2016〕第012号" in c1
    assert "自收到本决定书之日起三个月内依法向定西市安定区人民法院起诉" in c1
    assert "定安国税罚〔2016〕第021号" in _text(_case("h29-01"), "决定书送达回证")
    assert "2016年3月29日向你单位送达了《税务行政处罚事项告知书》" in c1
    c2 = _text(_case("h29-02"), "行政处罚决定书")
    assert "三十日内向陇南市人民政府或者甘肃省生态环境厅申请行政复议" in c2
    assert "查封期限为30日，自2020年5月12日起至2020年6月10日止" in _text(_case("h29-02"), "查封决定书")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(_case("h29-03"), "事先告知书")
    assert "六十日内向金昌市人民政府或者甘肃省交通运输厅申请行政复议" in _text(
        _case("h29-03"), "行政处罚决定书"
    )
    assert not any(d["type"] == "legal_review" for d in _expected(_case("h29-03"))["documents"])
    assert "第三十一条、第三十二条、第四十二条" in _text(_case("h29-05"), "事先告知书")
    assert "五个工作日" in _text(_case("h29-05"), "事先告知书")
    assert "第七十二条第一款第（一）项" in _text(_case("h29-05"), "行政处罚决定书")
    c6 = _text(_case("h29-06"), "当场处罚决定书")
    assert "应当自收到本决定书之日起六十日内向昌都市人民政府申请行政复议；对行政复议决定不服的" in c6
    assert "No54030024107" in c6
    assert "刘红（执法证号：　　　　）" in _text(_case("h29-07"), "现场检查笔录")
    assert "格桑（执法证号：藏卫监0624）" in _text(_case("h29-07"), "询问笔录")
    assert "六十日内向乌兰浩特市人民政府或者兴安盟农牧局申请行政复议" in _text(
        _case("h29-08"), "行政处罚决定书"
    )
    assert "六十日内向乌拉特前旗人民政府或者巴彦淖尔市自然资源局申请行政复议" in _text(
        _case("h29-09"), "行政处罚决定书"
    )
    assert not any(d["type"] == "prior_notice" for d in _expected(_case("h29-10"))["documents"])
    assert "2019年7月29日，本局向你公司送达了《行政处罚听证告知书》" in _text(
        _case("h29-10"), "行政处罚决定书"
    )
    assert "2019-08-19" in _text(_case("h29-10"), "缴款书")


def _slots(spec: Any) -> tuple[list[tuple[str, int, str]], list[str], list[str]]:
    from fixtures.holdout29.gen.model import Closing, Table, slots_of

    empty, unsealed, undated = [], [], []
    for doc in spec.docs:
        for i, page in enumerate(doc.pages):
            for b in page.blocks:
                slots = slots_of(b)
                if isinstance(b, Table):
                    undated += [
                        doc.stem
                        for s in slots
                        if s.role == "approver" and s.name and not re.search(r"\d", s.when)
                    ]
                empty += [(doc.stem, i, s.caption) for s in slots if not s.name]
                if isinstance(b, Closing) and not b.seal:
                    unsealed.append(doc.stem)
    return empty, unsealed, undated


def test_empty_slots_are_exactly_the_labelled_ones() -> None:
    got = {k: _slots(s) for k, s in _specs().items()}
    assert got == {
        "h29-01": ([("03询问笔录", 1, "被询问人签名")], [], []),
        "h29-02": ([("01现场检查笔录", 0, "见证人签名")], ["03查封决定书及清单"], []),
        "h29-03": ([("09听证笔录", 0, "记录人"), ("11行政处罚决定审批表", 0, "签名")], [], []),
        "h29-04": ([], [], []),
        "h29-05": (
            [
                ("05法制审核意见书", 0, "审核人"),
                ("10决定书送达回证", 0, "送达人"),
                ("10决定书送达回证", 0, "送达人"),
            ],
            [],
            [],
        ),
        "h29-06": ([], [], []),
        "h29-07": ([("07告知书送达回证", 0, "受送达人签收")], [], ["01立案审批表"]),
        "h29-08": ([], [], []),
        "h29-09": ([("03询问笔录", 1, "被询问人（签名）")], ["10行政处罚决定书"], []),
        "h29-10": ([("03询问笔录", 0, "询问人")], [], []),
    }


def test_marks_in_pdf() -> None:
    assert _kinds(_case("h29-01"), "询问笔录") == [Counter(sign=4, thumb=1), Counter(sign=3)]
    assert _kinds(_case("h29-02"), "查封决定书") == [
        Counter(slice=1),
        Counter(sign=3, slice=1),
    ]  # no 落款 seal
    assert _kinds(_case("h29-02"), "01现场检查笔录") == [Counter(sign=3, slice=1)]  # no witness
    assert _kinds(_case("h29-08"), "行政处罚决定书") == [Counter(slice=1), Counter(seal=1, slice=1)]
    assert _kinds(_case("h29-09"), "行政处罚决定书") == [Counter(), Counter()]
    assert _kinds(_case("h29-03"), "行政处罚决定书") == [Counter(), Counter(seal=1)]
    assert _kinds(_case("h29-03"), "决定审批表") == [Counter(sign=3)]  # 负责人 column unsigned
    assert _kinds(_case("h29-05"), "法制审核意见书") == [Counter(slice=1)]
    assert _kinds(_case("h29-05"), "决定书送达回证") == [Counter(sign=1, slice=1)]
    assert _kinds(_case("h29-07"), "告知书送达回证") == [Counter(sign=2)]
    assert _kinds(_case("h29-09"), "询问笔录") == [Counter(sign=4, thumb=1), Counter(sign=3)]
    assert _kinds(_case("h29-10"), "询问笔录") == [Counter(sign=3, thumb=1), Counter(sign=4, thumb=1)]
    assert _kinds(_case("h29-06"), "当场处罚决定书") == [Counter(sign=3, thumb=1, seal=1)]
    pdf = _pdf(_case("h29-09"))  # the PDF holds exactly these pictures (landscape family: no screens)
    first = _doc(_case("h29-09"), "行政处罚决定书")["pdf_pages"][0]
    assert [
        sum(o.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE for o in pdf[p].get_objects()) for p in (first - 1, first)
    ] == [
        0,
        0,
    ]
    pdf.close()


def test_empty_slots_in_docx() -> None:
    assert _pictures(_case("h29-02"), "查封决定书") == 3  # party and two officers, no seal
    assert _pictures(_case("h29-08"), "行政处罚决定书") == 1
    assert _pictures(_case("h29-09"), "行政处罚决定书") == 0
    assert _pictures(_case("h29-05"), "法制审核意见书") == 0
    assert _pictures(_case("h29-05"), "决定书送达回证") == 1  # the recipient only, no server
    assert _pictures(_case("h29-01"), "询问笔录") == 8  # p2: no party, no print
    assert _pictures(_case("h29-03"), "决定审批表") == 3


def _page_mm(case: Path) -> list[tuple[int, int]]:
    pdf = _pdf(case)
    sizes = [(round(pdf[i].get_size()[0] / MM), round(pdf[i].get_size()[1] / MM)) for i in range(len(pdf))]
    pdf.close()
    return sizes


def test_family_traits() -> None:
    # dotmatrix: tractor-feed paper 241 x 279 mm with sprocket holes; fill-ins under a dot screen
    assert set(_page_mm(_case("h29-01"))) == {(241, 279)}
    assert "dots" in _marks("h29-01")[0]
    pdf = _pdf(_case("h29-04"))
    img = pdf[0].render(scale=4).to_pil().convert("L")
    pdf.close()
    k = 4 * MM
    centre = (int(6.35 * k), int(6.35 * k))
    ring = (int(6.35 * k + 2.0 * k), int(6.35 * k))
    assert img.getpixel(centre) > 240 > 200 > img.getpixel(ring)  # a hole: white inside, its rim drawn
    # bound: folio stamped top right, 骑缝章 slice on every page
    marks = _marks("h29-08")
    assert all(m.count("slice") == 1 for m in marks)
    assert _text(_case("h29-08"), "结案审批表").endswith("第1页14")  # the stamp, drawn last
    assert "二〇二三年七月四日" in _text(_case("h29-08"), "行政处罚决定书")
    # landscape: approval forms and receipts landscape, 询问笔录 p2 landscape in two columns
    sizes = _page_mm(_case("h29-03"))
    lands = [i + 1 for i, s in enumerate(sizes) if s == (297, 210)]
    docs = {d["docx"][5:-5]: d["pdf_pages"] for d in _expected(_case("h29-03"))["documents"]}
    assert lands == [
        docs["01立案审批表"][0],
        docs["03询问笔录"][1],
        docs["06告知书送达回证"][0],
        docs["08听证通知书送达回证"][0],
        docs["11行政处罚决定审批表"][0],
        docs["13决定书送达回证"][0],
        docs["14非税收入缴款书"][0],
        docs["15结案审批表"][0],
    ]
    assert 'w:orient="landscape"' in _xml(_case("h29-03"), "询问笔录")
    assert 'w:num="2"' in _xml(_case("h29-03"), "询问笔录")


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout29.gen.build import write_case

    for key in ("h29-06", "h29-07"):
        folder = write_case(_specs()[key], tmp_path)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file())
    assert total < 3_500_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout29.gen import scan

    case = _case("h29-06")
    pdf = _pdf(case)
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    with Image.open(io.BytesIO(first)) as img:
        assert (img.format, img.mode) == ("JPEG", "RGB")
        assert img.height > img.width  # the landscape sheet stored turned 90°
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    shapes = [scanned[i].get_size()[0] > scanned[i].get_size()[1] for i in range(len(scanned))]
    assert shapes == [not scan.turned(i) for i in range(3)]
    assert True in shapes  # some landscape sheets are stored landscape
    for i in range(len(scanned)):
        assert scanned[i].get_textpage().get_text_range().strip() == ""
        assert [o.type for o in scanned[i].get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()


def _dark(img: Image.Image, xy: tuple[int, int]) -> int:
    px = img.getpixel(xy)
    assert isinstance(px, tuple)
    return max(px)


def test_scanner_holes_and_folds(tmp_path: Path) -> None:
    from fixtures.holdout29.gen import scan

    case = _case("h29-04")
    pdf = _pdf(case)
    with Image.open(io.BytesIO(scan.scan_page(pdf, case.name, 0))) as img:
        k = scan.DPI["dotmatrix"] / 25.4
        assert _dark(img, (int(6.35 * k), int(6.35 * k))) < 90  # the lid through a sprocket hole
    pdf.close()
    case = _case("h29-02")
    pdf = _pdf(case)
    last = len(pdf) - 1
    with Image.open(io.BytesIO(scan.scan_page(pdf, case.name, last))) as img:
        k = scan.DPI["bound"] / 25.4
        assert _dark(img, (int(img.width - 5 * k), int(img.height - 5 * k))) < 90  # the folded corner
        k = scan.DPI["bound"] / 25.4
        assert _dark(img, (int(12 * k), int(img.height / 2 - 40 * k))) < 90  # a binding hole
    pdf.close()
