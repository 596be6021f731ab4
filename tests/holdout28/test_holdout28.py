"""Holdout 28 fixtures: labels, calendars, empty slots, page tiling, family traits, rebuild, scan.

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

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout28"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
CLEAN = ["h28-02", "h28-06", "h28-08"]
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
    from fixtures.holdout28.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


def _doc(case: Path, stem: str) -> dict[str, Any]:
    return next(d for d in _expected(case)["documents"] if stem in d["docx"])


def _pdf(case: Path) -> pdfium.PdfDocument:
    return pdfium.PdfDocument(str(case / f"{case.name}.pdf"))


def _text(case: Path, stem: str) -> str:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = _pdf(case)
    text = "".join(pdf[p - 1].get_textpage().get_text_range() for p in range(first, last + 1))
    pdf.close()
    return str(text).replace("\r\n", "").replace("\n", "")


def _images(case: Path, stem: str) -> list[int]:
    first, last = _doc(case, stem)["pdf_pages"]
    pdf = _pdf(case)
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
    assert [c.name[:6] for c in CASES] == [f"h28-{i:02d}" for i in range(1, 11)]
    specs = _specs()
    assert [s.family for s in specs.values()] == ["redform", "slips", "dirscan"] * 3 + ["redform"]
    years = sorted(int(re.search(r"-(20\d\d)-", c.name).group(1)) for c in CASES)  # type: ignore[union-attr]
    assert years == [2016, 2017, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]
    cities = ["博乐", "库尔勒", "阿图什", "海晏", "同仁", "吐鲁番", "阿克苏", "和田", "阿拉善", "锡林浩特"]
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
        assert exp["renditions"]["pdf"] == f"{case.name}.pdf"
        assert ("scan_dir" in exp["renditions"]) == (exp["family"] == "dirscan")


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 25
    assert {r for (d, r) in found if d == "missing_signature"} == {r.value for r in Role}
    assert sum(n for (d, _), n in found.items() if d == "missing_signature") == 9
    assert found[("missing_signature", "party")] == 2
    assert found[("missing_seal", None)] == 2
    assert found[("remedy_notice_error", None)] == 3
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
                assert not any(d["type"] == f["document_type"] for d in exp["documents"])
            else:
                assert doc["type"] == f["document_type"], f


def test_calendar_checks() -> None:
    from fixtures.holdout28.gen.cal import add_workdays, broken_checks, workday

    broken = {k: sorted(broken_checks(s.acts, s.law2021)) for k, s in _specs().items()}
    assert broken == {
        "h28-01": [],
        "h28-02": [],
        "h28-03": ["order"],
        "h28-04": [],
        "h28-05": ["service"],
        "h28-06": [],
        "h28-07": [],
        "h28-08": [],
        "h28-09": ["notice_period"],
        "h28-10": [],
    }
    assert all(workday(d) for s in _specs().values() for d in s.acts.values())
    assert add_workdays(dt.date(2022, 7, 12), 5) == dt.date(2022, 7, 19)
    assert add_workdays(dt.date(2021, 11, 5), 7) == dt.date(2021, 11, 16)
    assert add_workdays(dt.date(2023, 3, 28), 5) == dt.date(2023, 4, 4)  # 清明 2023-04-05 is off
    assert add_workdays(dt.date(2026, 4, 3), 5) == dt.date(2026, 4, 13)  # 清明 2026-04-04..06
    acts7 = _specs()["h28-07"].acts
    assert (acts7["preserve_end"] - acts7["preserve"]).days == 6
    acts3 = _specs()["h28-03"].acts
    assert (acts3["hearing"] - acts3["hearing_notice_served"]).days == 9


def test_case_facts() -> None:
    facts = {c.name[:6]: _expected(c)["case"] for c in CASES}
    assert {k: (v["case_number"], v["fine_amount"]) for k, v in facts.items()} == {
        "h28-01": ("博市监处罚〔2024〕217号", 3000.0),
        "h28-02": ("库交运当字〔2025〕417号", 100.0),
        "h28-03": ("阿环罚字〔2016〕14号", 100000.0),
        "h28-04": ("海晏卫计罚〔2017〕6号", 3000.0),
        "h28-05": ("同应急罚〔2021〕19号", 20000.0),
        "h28-06": ("吐文旅罚字〔2019〕8号", 30000.0),
        "h28-07": ("阿市农（种子）罚〔2020〕12号", 20000.0),
        "h28-08": ("和市税罚〔2023〕23号", 2000.0),
        "h28-09": ("阿左自然资罚〔2022〕31号", 18000.0),
        "h28-10": ("锡城管罚字〔2026〕58号", 15000.0),
    }
    assert facts["h28-02"]["dates"] == {
        "filed": None,
        "notified": None,
        "decided": "2025-05-14",
        "served": "2025-05-14",
        "closed": None,
    }
    assert facts["h28-10"]["dates"] == {
        "filed": None,
        "notified": "2026-04-02",
        "decided": "2026-04-17",
        "served": "2026-04-20",
        "closed": None,
    }
    assert facts["h28-03"]["dates"]["served"] == "2016-05-12"  # before the decision (labelled)
    assert facts["h28-08"]["agency"] == "国家税务总局和田市税务局"
    assert _expected(_case("h28-02"))["procedure"] == "summary"


def test_text_layer() -> None:
    c1 = _text(_case("h28-01"), "行政处罚决定书")
    assert "博市监处罚〔2024〕第0217号" in c1
    assert "可以依法申请行政复议或者提起行政诉讼。" in c1
    assert "六十日" not in c1
    c2 = _text(_case("h28-02"), "当场行政处罚决定书")
    assert "应当自收到本决定书之日起六十日内向库尔勒市人民政府申请行政复议；对行政复议决定不服的" in c2
    assert "No 0021583" in c2
    assert "十五日内向同仁市人民政府或者黄南藏族自治州应急管理局申请行政复议" in _text(
        _case("h28-05"), "行政处罚决定书"
    )
    c3 = _text(_case("h28-03"), "行政处罚决定书")
    assert "十五日内" not in c3
    assert "加处罚款" not in c3  # no 履行方式和期限 at all (labelled)
    assert "六十日内向克孜勒苏柯尔克孜自治州环境保护局或者阿图什市人民政府申请行政复议" in c3
    assert "（受送达人签名或盖章）2016年05月12日" in _text(_case("h28-03"), "决定书送达回证")
    toc = _text(_case("h28-03"), "卷内目录").replace(" ", "")
    assert "3阿图什市环保局询问笔录2016-03-1534阿图什市环保局监测报告2016-03-084" in toc
    assert _doc(_case("h28-03"), "监测报告")["pdf_pages"] == [7, 7]  # archive page 5
    c4 = _text(_case("h28-04"), "询问笔录")
    assert "韩永军（执法证号：QH2217012）记录人韩永军" in c4.replace(" ", "")
    c7 = _text(_case("h28-07"), "行政处罚决定书")
    assert "没收违法所得1620元" in c7
    assert "违法所得1260元" in _text(_case("h28-07"), "行政处罚事先告知书")
    assert "违法所得1260元" in _text(_case("h28-07"), "案件调查终结报告")
    assert "第三十七条第二款" in _text(_case("h28-07"), "先行登记保存证据通知书")
    assert "六十日内依法向国家税务总局和田地区税务局申请行政复议" in _text(
        _case("h28-08"), "税务行政处罚决定书"
    )
    c9 = _text(_case("h28-09"), "行政处罚决定书")
    assert "《中华人民共和国行政处罚法》第五十一条第（一）项" in c9
    assert "2022年07月15日" in c9
    c10 = _text(_case("h28-10"), "行政处罚决定书")
    assert "六十日内向锡林郭勒盟住房和城乡建设局或者锡林浩特市人民政府申请行政复议" in c10
    assert not any(d["type"] == "filing_approval" for d in _expected(_case("h28-10"))["documents"])
    assert "六十日内向吐鲁番市人民政府或者新疆维吾尔自治区文化和旅游厅申请行政复议" in _text(
        _case("h28-06"), "行政处罚决定书"
    )


def _slots(spec: Any) -> tuple[list[tuple[str, int, str]], list[str], list[str]]:
    from fixtures.holdout28.gen.model import Closing, Grid, slots_of

    empty, unsealed, undated = [], [], []
    for doc in spec.docs:
        for i, page in enumerate(doc.pages):
            for b in page.blocks:
                slots = slots_of(b)
                if isinstance(b, Grid):
                    undated += [doc.stem for s in slots if s.role == "approver" and s.present and not s.when]
                empty += [(doc.stem, i, s.caption) for s in slots if not s.present]
                if isinstance(b, Closing) and not b.seal:
                    unsealed.append(doc.stem)
    return empty, unsealed, undated


def test_empty_slots_are_exactly_the_labelled_ones() -> None:
    got = {k: _slots(s) for k, s in _specs().items()}
    assert got == {
        "h28-01": ([("03询问笔录", 1, "被询问人（签名）")], ["06行政处罚事先告知书"], []),
        "h28-02": ([], [], []),
        "h28-03": ([("12听证笔录", 1, "记录人")], [], []),
        "h28-04": ([("06告知书送达回证", 0, "受送达人签收"), ("07行政处罚决定审批表", 0, "负责人")], [], []),
        "h28-05": (
            [
                ("03询问笔录", 0, "被询问人签名"),
                ("07告知书送达回证", 0, "送达人签名"),
                ("07告知书送达回证", 0, "送达人签名"),
            ],
            [],
            [],
        ),
        "h28-06": ([], [], []),
        "h28-07": ([("01现场检查笔录", 0, "见证人（签名）")], [], []),
        "h28-08": ([], [], []),
        "h28-09": ([("08法制审核表", 0, "审核人")], ["12行政处罚决定书"], []),
        "h28-10": ([("01现场检查笔录", 0, "检查人")], [], ["11结案审批表"]),
    }


def test_marks_in_pdf() -> None:
    assert _images(_case("h28-01"), "行政处罚事先告知书") == [0]
    assert _images(_case("h28-01"), "询问笔录") == [5, 3]  # p2: no ink, no print of the party
    assert _images(_case("h28-09"), "法制审核表") == [0]
    assert _images(_case("h28-06"), "法制审核表") == [1]
    assert _images(_case("h28-09"), "行政处罚决定书") == [0, 0]
    assert _images(_case("h28-06"), "行政处罚决定书") == [0, 1]
    assert _images(_case("h28-04"), "行政处罚决定审批表") == [2]
    assert _images(_case("h28-04"), "告知书送达回证") == [2]
    assert _images(_case("h28-05"), "告知书送达回证") == [1]
    assert _images(_case("h28-07"), "现场检查笔录") == [2]
    assert _images(_case("h28-10"), "现场检查笔录") == [3]
    assert _images(_case("h28-03"), "听证笔录") == [3, 2]
    assert _images(_case("h28-02"), "当场行政处罚决定书") == [4]


def test_empty_slots_in_docx() -> None:
    assert _pictures(_case("h28-01"), "行政处罚事先告知书") == 0
    assert _pictures(_case("h28-01"), "询问笔录") == 8
    assert _pictures(_case("h28-09"), "法制审核表") == 0
    assert _pictures(_case("h28-06"), "法制审核表") == 1
    assert _pictures(_case("h28-09"), "行政处罚决定书") == 0
    assert _pictures(_case("h28-06"), "行政处罚决定书") == 1
    assert _pictures(_case("h28-05"), "告知书送达回证") == 1
    assert _pictures(_case("h28-10"), "现场检查笔录") == 3


def _page_mm(case: Path) -> list[tuple[int, int]]:
    pdf = _pdf(case)
    sizes = [(round(pdf[i].get_size()[0] / MM), round(pdf[i].get_size()[1] / MM)) for i in range(len(pdf))]
    pdf.close()
    return sizes


def test_family_traits() -> None:
    # redform: the printed layer (labels, captions, rules) is red in PDF and docx alike
    assert 'w:color w:val="CC171F"' in _xml(_case("h28-10"), "结案审批表")
    pdf = _pdf(_case("h28-01"))
    page = pdf[0]
    strip = page.render(scale=2).to_pil().convert("RGB").crop((int(28 * MM) - 3, 700, int(28 * MM) + 4, 701))
    pdf.close()
    assert any(
        strip.getpixel((x, 0))[0] > 150 > 90 > strip.getpixel((x, 0))[1] for x in range(7)
    )  # the red frame 14 mm from the edge
    # slips: small papers keep their own page size
    assert _page_mm(_case("h28-02")) == [(148, 210), (210, 99), (210, 297)]
    assert [s for s in _page_mm(_case("h28-08")) if s != (210, 297)] == [
        (176, 250),
        (210, 99),
        (210, 99),
        (210, 99),
    ]
    # dirscan: cover, 卷内目录 and 备考表 unnumbered, archive numbers stamped on the other pages
    numbers = _specs()["h28-06"].facts["numbers"]
    flat = [n for row in numbers for n in row]
    assert flat[:3] == [None, None, 1]
    assert flat[-1] is None
    assert flat[-2] == 15
    assert "本卷共 15页" in _text(_case("h28-06"), "卷宗封面")
    assert ">15<" in _xml(_case("h28-06"), "结案审批表")  # the stamp in the docx
    assert _doc(_case("h28-06"), "卷内备考表")["type"] == "remarks"


@needs_fonts
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout28.gen.build import write_case

    for key in ("h28-02", "h28-09"):
        folder = write_case(_specs()[key], tmp_path)
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    total = sum(p.stat().st_size for p in (ROOT / "cases").rglob("*") if p.is_file())
    assert total < 3_500_000


def test_scanner_is_deterministic_and_image_only(tmp_path: Path) -> None:
    from fixtures.holdout28.gen import scan

    case = _case("h28-02")
    pdf = _pdf(case)
    first, again = scan.scan_page(pdf, case.name, 0), scan.scan_page(pdf, case.name, 0)
    pdf.close()
    assert first == again
    with Image.open(io.BytesIO(first)) as img:
        assert (img.format, img.mode) == ("JPEG", "RGB")
        assert img.size == (909, 1286)  # the A5 slip lies on the A4 glass at 110 dpi
        corner = img.getpixel((3, 3))
        assert isinstance(corner, tuple)
        assert max(corner) < 90  # dark scanner lid in the corner
    out = scan.scan_case(case, tmp_path)
    scanned = pdfium.PdfDocument(str(out))
    assert [tuple(round(v) for v in scanned[i].get_size()) for i in range(len(scanned))] == [(595, 842)] * 3
    for i in range(len(scanned)):
        assert scanned[i].get_textpage().get_text_range().strip() == ""
        assert [o.type for o in scanned[i].get_objects()] == [pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()


def test_scanner_archive_directory(tmp_path: Path) -> None:
    from fixtures.holdout28.gen import scan

    case = _case("h28-09")
    assert scan.Profile(case.name).family == "dirscan"
    scan.scan_case(case, tmp_path, pages=[0, 9, 13])  # cover, 告知书 (seal), 决定书 p2 (no seal, no red)
    folder = tmp_path / f"{case.name}_dir"
    assert sorted(p.name for p in folder.iterdir()) == ["0001.png", "0002.jpg", "0003.png"]
    with Image.open(folder / "0001.png") as bilevel:
        assert (bilevel.mode, bilevel.size) == ("1", (2481, 3508))
    with Image.open(folder / "0002.jpg") as colour:
        assert (colour.mode, colour.size) == ("RGB", (1654, 2339))
