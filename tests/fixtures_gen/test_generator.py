from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pytest

from casefile_eval.codes import AgencyKind, Defect, DocumentType, Procedure, Role
from fixtures.generator.__main__ import DEFAULT_SEED
from fixtures.generator.build import write_case
from fixtures.generator.catalog import CASES, by_id
from fixtures.generator.formats import workdays_between

CASES_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "cases"


def _labels(case_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES_DIR / case_id / "expected.json").read_text(encoding="utf-8"))
    return data


def test_committed_cases_are_the_catalogue() -> None:
    committed = sorted(p.name for p in CASES_DIR.iterdir() if p.is_dir())
    assert committed == sorted(c.case_id for c in CASES)


@pytest.mark.parametrize("case_id", ["urban-2024-summary", "tax-2024-late-filing"])
def test_committed_fixtures_equal_regenerated(case_id: str, tmp_path: Path) -> None:
    write_case(by_id(case_id), tmp_path, DEFAULT_SEED)
    fresh = (tmp_path / case_id / "expected.json").read_text(encoding="utf-8")
    assert fresh == (CASES_DIR / case_id / "expected.json").read_text(encoding="utf-8")
    for path in sorted((tmp_path / case_id).rglob("*.*")):
        rel = path.relative_to(tmp_path)
        assert path.read_bytes() == (CASES_DIR.parent / "cases" / rel).read_bytes(), rel


def test_generation_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    cfg = by_id("urban-2024-summary")
    first = write_case(cfg, tmp_path / "a", 7)
    second = write_case(cfg, tmp_path / "b", 7)
    assert first == second
    other = write_case(cfg, tmp_path / "c", 8)
    assert other["case"]["party"] != first["case"]["party"]


@pytest.mark.parametrize("case_id", [c.case_id for c in CASES])
def test_labels_use_contract_codes(case_id: str) -> None:
    labels = _labels(case_id)
    assert labels["agency_kind"] in set(AgencyKind)
    assert labels["procedure"] in set(Procedure)
    assert labels["case_type"] == "administrative_penalty"
    assert {d["type"] for d in labels["documents"]} <= set(DocumentType)
    for defect in labels["defects"]:
        assert defect["defect"] in set(Defect)
        assert defect["document_type"] in set(DocumentType)
        assert defect["role"] is None or defect["role"] in set(Role)
        assert (defect["role"] is not None) == (defect["defect"] == "missing_signature")


@pytest.mark.parametrize("case_id", [c.case_id for c in CASES])
def test_pdf_pages_and_titles_match_labels(case_id: str) -> None:
    labels = _labels(case_id)
    pdf = pypdfium2.PdfDocument(CASES_DIR / case_id / f"{case_id}.pdf")
    try:
        expected_page = 1
        for doc in labels["documents"]:
            first, last = doc["pdf_pages"]
            assert first == expected_page
            expected_page = last + 1
            text = pdf[first - 1].get_textpage().get_text_range().replace(" ", "")
            if doc["title"]:
                assert doc["title"] in text, doc
        assert len(pdf) == expected_page - 1
    finally:
        pdf.close()


@pytest.mark.parametrize("case_id", [c.case_id for c in CASES])
def test_docx_page_counts_match_labels(case_id: str) -> None:
    for doc in _labels(case_id)["documents"]:
        xml = zipfile.ZipFile(CASES_DIR / case_id / doc["docx"]).read("word/document.xml").decode()
        assert doc["docx_pages"] == [1, 1 + xml.count('w:type="page"')]


def test_pdf_text_holds_the_exact_case_number() -> None:
    path = CASES_DIR / "mkt-2024-food" / "mkt-2024-food.pdf"
    number = _labels("mkt-2024-food")["case"]["case_number"]
    assert number == "芙市监处罚〔2024〕12号"
    decision = next(d for d in _labels("mkt-2024-food")["documents"] if d["type"] == "decision")
    page = decision["pdf_pages"][0]
    with pdfplumber.open(path) as pdf:
        assert number in pdf.pages[page - 1].extract_text()
    doc = pypdfium2.PdfDocument(path)
    try:
        assert number in doc[page - 1].get_textpage().get_text_range()
    finally:
        doc.close()


def test_deadline_trap_case_is_exactly_on_the_limits() -> None:
    dates = {
        k: dt.date.fromisoformat(v) for k, v in _labels("trans-2024-deadline-trap")["case"]["dates"].items()
    }
    assert (dates["decided"] - dates["filed"]).days == 90
    assert (dates["served"] - dates["decided"]).days == 9
    assert workdays_between(dates["decided"], dates["served"]) == 7


def test_summary_case_has_only_decided_and_served() -> None:
    labels = _labels("urban-2024-summary")
    assert labels["procedure"] == "summary"
    assert labels["case"]["dates"] == {
        "filed": None, "notified": None, "decided": "2024-05-11", "served": "2024-05-11", "closed": None,
    }  # fmt: skip
    assert [d["type"] for d in labels["documents"]] == ["summary_decision", "payment_receipt"]


def test_about_half_the_cases_are_clean() -> None:
    clean = [c.case_id for c in CASES if not c.defects]
    assert len(clean) == 10
    assert len(CASES) == 19
    assert len({c.agency.kind for c in CASES}) >= 7


def _pages(case_id: str, doc_type: str, nth: int = 0) -> list[str]:
    """The text of each page of a labelled document, read back from the case PDF."""
    first, last = [d for d in _labels(case_id)["documents"] if d["type"] == doc_type][nth]["pdf_pages"]
    pdf = pypdfium2.PdfDocument(CASES_DIR / case_id / f"{case_id}.pdf")
    try:
        return [pdf[k].get_textpage().get_text_range().replace("\r\n", "\n") for k in range(first - 1, last)]
    finally:
        pdf.close()


def _flat(case_id: str, doc_type: str) -> str:
    return "".join(_pages(case_id, doc_type)).replace("\n", "")


def test_defect_content_is_in_the_pdf() -> None:
    assert "广东省生态环境厅或者佛山市人民政府申请行政复议" in _flat("env-2024-voc", "decision")
    assert "也可以在三个月内直接向" in _flat("env-2026-hazwaste", "decision")
    page1, page2 = (page.splitlines() for page in _pages("mkt-2023-records", "inquiry_record"))
    assert [line for line in page1 if line.startswith("被询问人签名：")] == [
        f"被询问人签名：{_rep('mkt-2023-records')}"
    ]
    assert [line for line in page2 if line.startswith("被询问人签名：")] == [
        "被询问人签名： 二〇二三年五月十一日"
    ]
    notice = _flat("agri-2025-seed", "prior_notice")
    assert "陈述" not in notice
    assert "岳阳利恒贸易有限责任公司：" in notice
    assert "第五十一条第（一）项" in _flat("emer-2025-hazard", "decision")
    assert "第七十二条第一款第（一）项" in _flat("emer-2024-training", "decision")


def _rep(case_id: str) -> str:
    from fixtures.generator.plan import build_spec

    return build_spec(by_id(case_id), DEFAULT_SEED).representative


def test_summary_remedy_wording_follows_the_date() -> None:
    strict = _flat("urban-2024-summary", "summary_decision")
    assert "应当自收到本决定书之日起六十日内向武汉市江汉区人民政府申请行政复议" in strict
    wrong = _flat("urban-2025-summary-remedy", "summary_decision")
    assert "应当" not in wrong
    assert "或者在六个月内向武汉市江汉区人民法院提起行政诉讼" in wrong
    older = _flat("mkt-2023-summary", "summary_decision")
    assert "长沙市芙蓉区人民政府或者长沙市市场监督管理局申请行政复议" in older


@pytest.mark.parametrize("case_id", [c.case_id for c in CASES])
def test_case_folder_holds_exactly_the_labelled_files(case_id: str) -> None:
    folder = CASES_DIR / case_id
    present = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    labelled = [d["docx"] for d in _labels(case_id)["documents"]] + ["expected.json", f"{case_id}.pdf"]
    assert present == sorted(labelled)
    assert sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) < 400_000
