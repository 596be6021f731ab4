"""Holdout 48 fixtures: labels, calendars, empty slots in the PDF, page tiling, rebuild, scan.

These tests check the fixtures themselves; they never run casefile-eval.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "holdout48"
CASES = sorted(p for p in (ROOT / "cases").iterdir() if p.is_dir())
FONTS = [
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("/usr/share/fonts/truetype/arphic/ukai.ttc"),
]
pytestmark = pytest.mark.skipif(not all(f.exists() for f in FONTS), reason="CJK fonts missing")


def _expected(case: Path) -> dict[str, Any]:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _cases() -> dict[str, Any]:
    from fixtures.holdout48.gen.build import all_cases

    return {c.id[:6]: c for c in all_cases()}


@cache
def _texts(case: Path) -> tuple[str, ...]:
    pdf = pdfium.PdfDocument(str(case / f"{case.name}.pdf"))
    texts = tuple(re.sub(r"\s+", "", str(p.get_textpage().get_text_range())) for p in pdf)
    pdf.close()
    return texts


def _text(case: Path, page: int) -> str:
    return _texts(case)[page - 1]


def test_ten_cases() -> None:
    assert [c.name[:6] for c in CASES] == [f"h48-{i:02d}" for i in range(1, 11)]
    w, c, z = "wenjiandai", "cuozhi", "zhaopian"
    assert [_expected(x)["family"] for x in CASES] == [w, c, z, w, c, z, w, c, z, w]
    assert len({_expected(x)["agency_kind"] for x in CASES}) == 10
    years = [int(x.name.split("-")[-2]) for x in CASES]
    assert years == [2023, 2019, 2024, 2015, 2018, 2022, 2020, 2017, 2025, 2026]
    assert [x.name[:6] for x in CASES if _expected(x)["procedure"] == "summary"] == ["h48-10"]
    with_type = {
        t: [x.name[:6] for x in CASES if any(d["type"] == t for d in _expected(x)["documents"])]
        for t in (
            "legal_review",
            "hearing_record",
            "hearing_notice",
            "collective_discussion",
            "toc",
            "evidence",
        )
    }
    assert with_type == {
        "legal_review": ["h48-01", "h48-03", "h48-09"],
        "hearing_record": ["h48-04"],
        "hearing_notice": ["h48-04"],
        "collective_discussion": ["h48-03", "h48-04"],
        "toc": ["h48-09"],
        "evidence": ["h48-03", "h48-06", "h48-09"],
    }


def test_expected_is_well_formed() -> None:
    for case in CASES:
        exp = _expected(case)
        assert exp["case_id"] == case.name
        assert exp["case_type"] == "administrative_penalty"
        AgencyKind(exp["agency_kind"])
        Procedure(exp["procedure"])
        total = len(_texts(case))
        nxt = 1
        for i, d in enumerate(exp["documents"]):
            DocumentType(d["type"])
            assert (case / d["docx"]).is_file()
            assert d["docx"].startswith(f"docx/{i + 1:02d}")
            assert d["pdf_pages"][0] == nxt
            assert d["docx_pages"] == [1, d["pdf_pages"][1] - d["pdf_pages"][0] + 1]
            nxt = d["pdf_pages"][1] + 1
        assert nxt == total + 1
        assert len(list((case / "docx").glob("*.docx"))) == len(exp["documents"])
        assert re.fullmatch(r".+[〔（\[]20\d\d[〕）\]](第)?\d+号", exp["case"]["case_number"])
        assert exp["case"]["case_number"] in "".join(_texts(case)).replace("　", "")
        assert exp["renditions"] == {
            "docx": "docx/",
            "pdf": f"{case.name}.pdf",
            "scan_pdf": f"{case.name}.pdf",
        }
        for f in exp["defects"]:
            Defect(f["defect"])
            DocumentType(f["document_type"])
            assert (f["role"] is None) == (f["defect"] != "missing_signature")
            if f["role"]:
                Role(f["role"])
            page = int(re.search(r"（PDF第(\d+)页）$", f["note"]).group(1))  # type: ignore[union-attr]
            doc = next(d for d in exp["documents"] if d["pdf_pages"][0] <= page <= d["pdf_pages"][1])
            assert doc["type"] == f["document_type"], f["note"]


def test_defect_totals() -> None:
    found = Counter((f["defect"], f["role"]) for c in CASES for f in _expected(c)["defects"])
    assert sum(found.values()) == 24
    assert {d for d, _ in found} == set(Defect) - {Defect.MISSING_DOCUMENT, Defect.LEGAL_REVIEW_MISSING}
    sig = {r: n for (d, r), n in found.items() if d == "missing_signature"}
    assert sig == {
        "party": 2,
        "officer": 1,
        "approver": 1,
        "recorder": 1,
        "recipient": 1,
        "server": 1,
        "witness": 1,
        "reviewer": 1,
    }
    others = {d: n for (d, r), n in found.items() if d != "missing_signature"}
    assert others == {
        "missing_seal": 2,
        "missing_date": 2,
        "missing_element": 1,
        "remedy_notice_error": 1,
        "deadline_exceeded": 3,
        "premature_decision": 1,
        "date_inconsistency": 1,
        "officer_requirement": 1,
        "citation_error": 1,
        "inconsistent_fact": 1,
        "archive_defect": 1,
    }
    assert [c.name[:6] for c in CASES if not _expected(c)["defects"]] == ["h48-03", "h48-08", "h48-10"]


def test_dates_match_acts() -> None:
    for key, case in _cases().items():
        dates = _expected(ROOT / "cases" / case.id)["case"]["dates"]
        keys = (
            ["decided", "served"] if key == "h48-10" else ["filed", "notified", "decided", "served", "closed"]
        )
        assert list(dates) == keys, key
        for k, v in dates.items():
            assert dt.date.fromisoformat(v) == case.spec.acts[k], (key, k)


def test_calendar_checks() -> None:
    from fixtures.holdout48.gen.cal import add_workdays, broken_checks, workday

    specs = {k: c.spec for k, c in _cases().items()}
    broken = {
        k: sorted(broken_checks(s.acts, s.law2021, s.procedure == Procedure.SUMMARY, s.extension))
        for k, s in specs.items()
    }
    assert {k: v for k, v in broken.items() if v} == {
        "h48-01": ["notice_period"],
        "h48-04": ["hearing"],
        "h48-05": ["service"],
        "h48-06": ["order"],
        "h48-09": ["decision_90"],
    }
    assert {k: sorted(s.broken) for k, s in specs.items() if s.broken} == {
        k: v for k, v in broken.items() if v
    }
    assert workday(dt.date(2023, 5, 6))  # Saturday worked after 劳动节 2023
    assert not workday(dt.date(2023, 5, 2))
    assert workday(dt.date(2024, 2, 18))  # Sunday worked after 春节 2024
    assert workday(dt.date(2022, 10, 8))
    assert not workday(dt.date(2025, 6, 2))  # 端午 2025
    ebike = specs["h48-01"].acts
    assert add_workdays(ebike["notice_served"], 5) == dt.date(2023, 5, 6) == ebike["decided"]
    assert (ebike["decided"] - ebike["notice_served"]).days == 10
    stone = specs["h48-04"].acts
    assert (stone["hearing"] - stone["hearing_notified"]).days == 6
    assert stone["request"] <= stone["notice_served"] + dt.timedelta(days=3)
    land = specs["h48-05"].acts
    assert (land["served"] - land["decided"]).days == 13
    banner = specs["h48-06"].acts
    assert banner["approved"] > banner["served"] > banner["decided"]
    assert add_workdays(banner["notice_served"], 5) == dt.date(2022, 10, 9) < banner["decided"]
    car = specs["h48-09"].acts
    assert (car["decided"] - car["filed"]).days == 98
    assert add_workdays(car["notice_served"], 5) == dt.date(2025, 5, 20) < car["decided"]
    fire = specs["h48-03"].acts
    assert add_workdays(fire["notice_served"], 5) == dt.date(2024, 2, 19) < fire["decided"]
    tax = specs["h48-10"].acts
    assert tax["served"] == tax["decided"] > dt.date(2024, 1, 1)


def _images(page: Any) -> list[tuple[float, float, float, float]]:
    return [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]


def test_empty_slots_are_empty_in_pdf() -> None:
    from fixtures.holdout48.gen.pdfout import measure

    empty: dict[str, list[tuple[int, str]]] = {}
    for key, case in _cases().items():
        pdf = pdfium.PdfDocument(str(ROOT / "cases" / case.id / f"{case.id}.pdf"))
        pages = measure(case)
        assert len(pages) == len(pdf)
        for i, out in enumerate(pages):
            imgs = _images(pdf[i])
            for s in out.slots:
                x0, y0, x1, y1 = s.box
                hit = any(not (r[2] <= x0 or r[0] >= x1 or r[3] <= y0 or r[1] >= y1) for r in imgs)
                assert hit == s.signed, (key, i + 1, s)
                if not s.signed:
                    empty.setdefault(key, []).append((i + 1, s.role.value if s.role else "seal"))
        pdf.close()
    assert empty == {
        "h48-01": [(4, "recorder"), (7, "seal")],
        "h48-02": [(2, "party")],
        "h48-04": [(1, "witness")],
        "h48-05": [(1, "officer"), (8, "seal"), (9, "server")],
        "h48-06": [(2, "party")],
        "h48-07": [(2, "approver")],
        "h48-09": [(7, "reviewer"), (11, "recipient")],
    }


def test_docx_carry_exactly_the_marks_made() -> None:
    import docx

    from fixtures.holdout48.gen.docxout import BLANK
    from fixtures.holdout48.gen.model import Closing, Grid, Photo, Sigs

    for case in _cases().values():
        for i, d in enumerate(case.docs):
            blocks = [b for page in d.pages for b in page]
            slots = [s for b in blocks if isinstance(b, Sigs) for s in b.slots]
            slots += [
                c
                for b in blocks
                if isinstance(b, Grid)
                for row in b.rows
                for c in row
                if not isinstance(c, str)
            ]
            made = sum(1 + s.thumb for s in slots if s.name)
            made += sum(1 for b in blocks if isinstance(b, Closing) and b.seal)
            made += sum(1 for b in blocks if isinstance(b, Photo))
            path = ROOT / "cases" / case.id / "docx" / f"{i + 1:02d}{d.stem}.docx"
            document = docx.Document(str(path))
            body = document.element.body
            assert len(body.xpath(".//pic:pic")) == made, path.name
            assert len(document.sections) == len(d.pages)
            blanks = sum(1 for s in slots if not s.name)
            assert sum(t.count(BLANK) for t in body.xpath(".//w:t/text()")) == blanks, path.name


def test_texts_that_carry_defects() -> None:
    ebike, hotel, fire, stone, land, banner, salon, seed, car, tax = CASES
    assert "2023年5月6日" in _text(ebike, 10)
    assert "五个工作日内" in _text(ebike, 7)
    assert "2023年4月26日10时15分" in _text(ebike, 8)
    assert "询问人（签名）：陈建东" in _text(hotel, 2)
    assert "记录人（签名）：陈建东" in _text(hotel, 2)
    assert "处罚款伍佰元" in _text(hotel, 6)
    assert "罚款叁佰元" in _text(hotel, 4) + _text(hotel, 5)
    assert "伍佰" not in _text(hotel, 4) + _text(hotel, 5)
    assert "见证人：龚水生" in _text(stone, 1)
    assert "2015年7月21日（星期二）" in _text(stone, 6)
    assert "审批日期：年月日" in _text(stone, 10)
    assert "《中华人民共和国环境保护法》（1989年12月26日）第二十六条" in _text(stone, 11)
    assert "二○一五年七月三十日" in _text(stone, 12)
    assert "2018年9月14日" in _text(land, 8)
    assert "2018-09-2715:30" in _text(land, 9)
    assert "2022年10月14日" in _text(banner, 6)
    assert "2022年10月12日" in _text(banner, 8)
    assert "三十日内向柘荣县人民政府申请行政复议" in _text(banner, 8)
    assert "签收日期：年月日" in _text(salon, 5)
    assert "十五日" not in _text(salon, 6)
    assert "缴纳" not in _text(salon, 6)
    assert "5法制审核意见书2025.5.87" in _text(car, 1)
    assert "6行政处罚告知书2025.5.126" in _text(car, 1)
    assert "2025年3月3日" in _text(car, 4)
    assert "2025年6月9日" in _text(car, 10)
    assert "六十日内依法先向国家税务总局福州市税务局申请行政复议" in _text(tax, 1)
    assert "向福州市农业局或者罗源县人民政府申请行政复议" in _text(seed, 8)
    assert "向政和县人民政府申请行政复议" in _text(fire, 12)


def _check(code: str, alphabet: str, weights: list[int], tail: str) -> bool:
    total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights, strict=True))
    return code[17] == tail[total % len(tail)]


def test_identity_numbers_are_well_formed() -> None:
    uscc = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    uscc_w = [pow(3, i, 31) for i in range(17)]
    uscc_tail = "".join(uscc[(31 - r) % 31] for r in range(31))
    id_w = [pow(2, 17 - i, 11) for i in range(17)]
    kinds = []
    for case in _cases().values():
        p = case.party
        kinds.append(p.kind)
        if p.kind == "person":
            assert _check(p.code, "0123456789", id_w, "10X98765432"), p.code
        else:
            assert _check(p.code, uscc, uscc_w, uscc_tail), p.code
            assert p.code.startswith("91" if p.kind == "company" else "92")
    assert Counter(kinds) == {"company": 3, "business": 4, "person": 3}


def test_places_are_unique_to_this_holdout() -> None:
    places = ["涟水", "金湖", "政和", "寿宁", "周宁", "柘荣", "古田", "罗源", "永泰", "闽清"]
    for case, place in zip(CASES, places, strict=True):
        assert place in _expected(case)["case"]["agency"]


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    from fixtures.holdout48.gen.build import write_case

    folder = write_case(_cases()["h48-10"], tmp_path)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    assert len(files) == 5
    for path in files:
        assert path.read_bytes() == (ROOT / "cases" / path.relative_to(tmp_path)).read_bytes(), path


def test_total_size() -> None:
    files = [p for p in ROOT.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert sum(p.stat().st_size for p in files) < 3_500_000


def test_scan_smoke(tmp_path: Path) -> None:
    from PIL import Image

    from fixtures.holdout48.gen import scan

    case = CASES[9]
    out = scan.scan_case(case, tmp_path, workers=1)
    scanned = pdfium.PdfDocument(str(out))
    assert len(scanned) == 3
    for i in range(len(scanned)):
        assert len(_images(scanned[i])) == 1
        assert scanned[i].get_textpage().get_text_range().strip() == ""
    assert scanned[0].get_size() == pytest.approx((595.3, 841.9), abs=0.6)
    scanned.close()
    assert (tmp_path / case.name / "expected.json").read_bytes() == (case / "expected.json").read_bytes()
    assert scan.scan_case(case, tmp_path / "again", workers=2).read_bytes() == out.read_bytes()
    looks = {6: ("L", 200), 7: ("L", 180), 5: ("RGB", 150)}
    for idx, (mode, dpi) in looks.items():
        exp = _expected(CASES[idx])
        data = (CASES[idx] / f"{CASES[idx].name}.pdf").read_bytes()
        img = Image.open(io.BytesIO(scan.scan_page(data, exp, 0)))
        assert (img.mode, round(img.info["dpi"][0])) == (mode, dpi), exp["family"]
        a = np.asarray(img.convert("RGB"), dtype=np.float32)
        if exp["family"] == "zhaopian":  # the lamp warms up along the scan: a dark, cool top
            top, bottom = a[5:40, 40:-40].mean(axis=(0, 1)), a[-120:-80, 40:-40].mean(axis=(0, 1))
            assert top.mean() < bottom.mean() - 12
            assert top[2] - top[0] > bottom[2] - bottom[0] + 4
        if exp["family"] == "cuozhi":  # roller marks in two tracks, seen in the blank rows
            grey = a[..., 0]
            cols = grey[grey.min(axis=1) > 170].mean(axis=0)
            w = grey.shape[1]
            ref = cols[round(w * 0.22) - 4 : round(w * 0.22) + 4].mean()
            for track in (0.3, 0.7):
                x = round(w * track + 0.06 * dpi)
                assert cols[x - 4 : x + 4].mean() < ref - 1.0, track
        if exp["family"] == "wenjiandai":  # the sleeve's welded bottom edge
            weld = a[-round(3 / 25.4 * dpi) : -4, 60:-60, 0].mean()
            paper = a[-round(12 / 25.4 * dpi) : -round(8 / 25.4 * dpi), 60:-60, 0].mean()
            assert weld < paper - 8
