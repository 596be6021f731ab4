"""Holdout 14 fixtures: calendars, labels, page ranges, byte-identical rebuild, image-only scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout14"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
CLEAN = ["h14-01", "h14-04", "h14-06", "h14-09"]


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _page(note: str) -> int:
    return int(note.rsplit("第", 1)[1].removesuffix("页）"))


def _case(prefix: str) -> Path:
    return next(c for c in CASES if c.name.startswith(prefix))


def _specs() -> dict[str, Any]:
    from fixtures.holdout14.gen.__main__ import CASES as MAKERS

    return {s.id[:6]: s for s in (make() for make in MAKERS)}


def _first_page(case: Path, kind: str, nth: int = 0) -> int:
    docs = [d for d in _expected(case)["documents"] if kind in (d["type"], d["docx"])]
    return int(docs[nth]["pdf_pages"][0])


def _text(case: Path, page: int) -> str:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    text = pdf[page - 1].get_textpage().get_text_range().replace("\r\n", "").replace("\n", "")
    pdf.close()
    return str(text)


def test_ten_cases() -> None:
    assert [p.name[:6] for p in CASES] == [f"h14-{i:02d}" for i in range(1, 11)]


@pytest.mark.skipif(not FONT.exists(), reason="WenQuanYi font missing")
def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout14.gen.build import build_case

    spec = _specs()["h14-08"]
    fresh, committed = build_case(spec, tmp_path), ROOT / "cases" / spec.id
    names = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed) for p in committed.rglob("*") if p.is_file())
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), name


def test_calendar_checks() -> None:
    from fixtures.holdout14.gen.calendar_check import check_case, check_periods, nth_workday_after

    by_id = _specs()
    for spec in by_id.values():
        check_case(spec)
    broken = {k: {p for p, ok in check_periods(s).items() if not ok} for k, s in by_id.items()}
    assert broken == {
        "h14-01": set(),
        "h14-02": set(),
        "h14-03": {"service"},
        "h14-04": set(),
        "h14-05": {"order"},
        "h14-06": set(),
        "h14-07": {"notice_period"},
        "h14-08": {"ninety"},
        "h14-09": set(),
        "h14-10": {"order"},
    }
    assert nth_workday_after(date(2022, 4, 20), 7) == date(2022, 4, 28)
    assert nth_workday_after(date(2023, 4, 20), 5) == date(2023, 4, 26)
    assert nth_workday_after(date(2024, 5, 8), 5) == date(2024, 5, 14)
    assert nth_workday_after(date(2025, 9, 25), 5) == date(2025, 10, 9)
    assert nth_workday_after(date(2025, 1, 22), 5) == date(2025, 2, 5)
    assert nth_workday_after(date(2025, 2, 6), 7) == date(2025, 2, 14)
    # the naive counters the traps aim at
    assert check_periods(by_id["h14-03"], "noadjust")["service"] is True
    assert check_periods(by_id["h14-04"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h14-04"], "calendar")["service"] is False
    assert check_periods(by_id["h14-06"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h14-06"], "calendar")["service"] is False
    assert check_periods(by_id["h14-07"], "monfri")["notice_period"] is True
    assert check_periods(by_id["h14-09"], "noadjust")["notice_period"] is False
    assert check_periods(by_id["h14-09"], "calendar")["service"] is False
    d = by_id["h14-08"].dates
    assert (d["decided"] - d["filed"]).days == 99
    assert by_id["h14-04"].dates["served"].isoweekday() == 6  # 调休 Saturday, a working day
    assert by_id["h14-01"].dates["closed"].isoweekday() == 6
    one = by_id["h14-01"]
    assert "ninety" not in check_periods(one)  # 2017 law: no 90-day limit
    assert check_periods(one)["notice_period"] is True  # three calendar days
    assert one.dates["decided"] <= nth_workday_after(one.dates["notice_served"], 5)  # a 2021-law counter errs


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_expected_is_well_formed(case: Path) -> None:
    exp = _expected(case)
    assert exp["case_id"] == case.name
    assert exp["agency_kind"] in {k.value for k in AgencyKind}
    assert (exp["case_type"], exp["procedure"]) == ("administrative_penalty", "general")
    c = exp["case"]
    assert "第" not in c["case_number"]
    assert "〔" in c["case_number"]
    assert c["case_number"].endswith("号")
    assert set(c["dates"]) == {"filed", "notified", "decided", "served", "closed"}
    types = {t.value for t in DocumentType}
    for doc in exp["documents"]:
        assert doc["type"] in types
        assert (case / doc["docx"]).exists()
        assert doc["docx_pages"] == [1, doc["pdf_pages"][1] - doc["pdf_pages"][0] + 1]
    for d in exp["defects"]:
        assert set(d) == {"defect", "role", "document_type", "note"}
        assert d["defect"] in {x.value for x in Defect}
        assert d["document_type"] in types
        assert d["note"].endswith("页）")
        if d["defect"] == "missing_signature":
            assert d["role"] in {r.value for r in Role}
        else:
            assert d["role"] is None


def test_agency_kinds() -> None:
    assert [_expected(c)["agency_kind"] for c in CASES] == [
        "market_regulation",
        "health",
        "transport",
        "ecology_environment",
        "emergency",
        "natural_resources",
        "agriculture",
        "culture_tourism",
        "tax",
        "other",
    ]


def test_defect_totals() -> None:
    found = [d for case in CASES for d in _expected(case)["defects"]]
    assert len(found) == 25
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == CLEAN
    roles = sorted(d["role"] for d in found if d["defect"] == "missing_signature")
    assert roles == sorted(
        ["party", "officer", "recorder", "approver", "reviewer", "witness", "server", "recipient"]
    )
    seals = sorted(d["document_type"] for d in found if d["defect"] == "missing_seal")
    assert seals == ["decision", "prior_notice"]
    counts: dict[str, int] = {}
    for d in found:
        counts[d["defect"]] = counts.get(d["defect"], 0) + 1
    assert counts == {
        "missing_signature": 8,
        "missing_seal": 2,
        "remedy_notice_error": 3,
        "deadline_exceeded": 2,
        "premature_decision": 1,
        "date_inconsistency": 2,
        "missing_date": 1,
        "legal_review_missing": 1,
        "citation_error": 2,
        "missing_element": 1,
        "officer_requirement": 2,
    }


def test_a_defect_page_points_into_its_document() -> None:
    for case in CASES:
        exp = _expected(case)
        for d in exp["defects"]:
            page = _page(d["note"])
            kinds = {
                doc["type"] for doc in exp["documents"] if doc["pdf_pages"][0] <= page <= doc["pdf_pages"][1]
            }
            want = {"legal_review_missing": "decision_approval"}.get(d["defect"], d["document_type"])
            assert kinds == {want}, (case.name, d)


def test_labelled_pages() -> None:
    pages = {
        c.name[:6]: sorted((d["defect"], d["role"] or "", _page(d["note"])) for d in _expected(c)["defects"])
        for c in CASES
    }
    assert pages["h14-03"] == [
        ("deadline_exceeded", "", 13),
        ("missing_seal", "", 9),
        ("missing_signature", "recipient", 10),
        ("officer_requirement", "", 3),
    ]
    assert pages["h14-10"] == [
        ("date_inconsistency", "", 12),
        ("legal_review_missing", "", 10),
        ("missing_signature", "recorder", 2),
        ("officer_requirement", "", 3),
        ("remedy_notice_error", "", 11),
    ]


def test_dates() -> None:
    assert _expected(_case("h14-05"))["case"]["dates"] == {
        "filed": "2024-03-11",
        "notified": "2024-04-15",
        "decided": "2024-04-25",
        "served": "2024-04-26",
        "closed": "2024-05-20",
    }
    assert _expected(_case("h14-02"))["case"]["dates"]["filed"] is None
    assert _expected(_case("h14-10"))["case"]["dates"]["served"] == "2026-04-22"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_pdf_pages_match(case: Path) -> None:
    exp = _expected(case)
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    n = len(pdf)
    pdf.close()
    pages = [p for d in exp["documents"] for p in range(d["pdf_pages"][0], d["pdf_pages"][1] + 1)]
    assert pages == list(range(1, n + 1))


def _images(case: Path, page: int) -> int:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    count = sum(1 for obj in pdf[page - 1].get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
    pdf.close()
    return count


def test_seal_images_follow_the_labels() -> None:
    """A decision or 告知书 page carries exactly one image (the seal) unless its seal is labelled missing."""
    for prefix, kind, sealed in (
        ("h14-08", "decision", False),
        ("h14-03", "prior_notice", False),
        ("h14-03", "decision", True),
        ("h14-08", "prior_notice", True),
        ("h14-09", "decision", True),
    ):
        case = _case(prefix)
        assert _images(case, _first_page(case, kind)) == (1 if sealed else 0), (prefix, kind)


def test_text_layer() -> None:
    case = _case("h14-05")
    text = _text(case, _first_page(case, "decision"))
    assert "延宝应急罚〔2024〕第6号" in text
    assert "延安市宝塔区人民政府或者延安市应急管理局" in text
    assert "2024年4月25日" in text
    assert "2024年4月16日向你单位送达" in text
    case = _case("h14-01")
    assert "二〇二〇年九月十五日" in _text(case, _first_page(case, "decision"))
    assert "第五十一条第（一）项" in _text(case, _first_page(case, "decision"))
    assert "第三十一条、第三十二条、第四十二条" in _text(case, _first_page(case, "prior_notice"))
    assert "三日内" in _text(case, _first_page(case, "prior_notice"))
    case = _case("h14-02")
    assert "第三十一条、第三十二条、第四十二条" in _text(case, _first_page(case, "prior_notice"))
    assert "罚款人民币肆仟伍佰元整（¥4,500.00）" in _text(case, _first_page(case, "decision"))
    case = _case("h14-04")
    assert "第四十四条、第四十五条、第六十三条、第六十四条" in _text(case, _first_page(case, "prior_notice"))
    assert "梧州市人民政府或者广西壮族自治区生态环境厅" in _text(case, _first_page(case, "decision"))
    case = _case("h14-06")
    text = _text(case, _first_page(case, "decision"))
    assert "六十日内向张掖市甘州区人民政府申请行政复议" in text
    assert "2024年05月15日" in text
    case = _case("h14-07")
    assert "陈述" not in _text(case, _first_page(case, "prior_notice"))
    assert "第五十一条第（一）项" in _text(case, _first_page(case, "decision"))
    case = _case("h14-08")
    assert "三十日内向秦皇岛市人民政府" in _text(case, _first_page(case, "decision"))
    case = _case("h14-09")
    assert "六十日内依法向国家税务总局运城市税务局申请行政复议" in _text(case, _first_page(case, "decision"))
    case = _case("h14-10")
    remedy = _text(case, _first_page(case, "decision")).split("如不服")[1]
    assert "行政复议" not in remedy.split("不停止")[0].replace("行政复议和行政诉讼期间", "")
    assert "执法证号" not in _text(case, _first_page(case, "inquiry_record")).split("陈思远")[1][:6]
    assert not any(d["type"] == "legal_review" for d in _expected(case)["documents"])


def test_docx_pictures() -> None:
    """A missing seal or signature leaves no picture in the docx."""

    def xml(case: Path, stem: str) -> str:
        path = next((case / "docx").glob(f"*{stem}.docx"))
        with zipfile.ZipFile(path) as zf:
            assert all(i.date_time == (2023, 3, 3, 0, 0, 0) for i in zf.infolist())
            assert "word/stylesWithEffects.xml" not in zf.namelist()
            return zf.read("word/document.xml").decode("utf-8")

    assert xml(_case("h14-08"), "行政处罚决定书").count("<pic:pic") == 0
    assert xml(_case("h14-05"), "行政处罚决定书").count("<pic:pic") == 1
    # reviewer unsigned: only the handwritten opinion remains a picture
    assert xml(_case("h14-05"), "法制审核意见书").count("<pic:pic") == 1
    assert xml(_case("h14-02"), "法制审核意见书").count("<pic:pic") == 2
    # case 10: the recorder of the 现场检查笔录 did not sign (party, fingerprint and two officers remain)
    assert xml(_case("h14-10"), "现场检查笔录").count("<pic:pic") == 4
    assert xml(_case("h14-01"), "现场检查笔录").count("<pic:pic") == 5


def test_total_size_under_four_megabytes() -> None:
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert total < 4_000_000


def test_scanner_draws_seals_and_writes_no_text(tmp_path: Path) -> None:
    from fixtures.holdout14.gen import scan

    specs = _specs()
    case = _case("h14-05")
    out = scan.scan_case(specs["h14-05"], tmp_path, pages=[1, _first_page(case, "decision")])
    pdf = pdfium.PdfDocument(str(out))
    assert len(pdf) == 2
    assert all(pdf[i].get_textpage().get_text_range().strip() == "" for i in range(2))
    pdf.close()
    assert scan.red_pixels(out, 2) > 300
    assert scan.red_pixels(out, 1) == 0
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    case = _case("h14-08")
    out = scan.scan_case(specs["h14-08"], tmp_path, pages=[_first_page(case, "decision")])
    assert scan.red_pixels(out, 1) == 0
