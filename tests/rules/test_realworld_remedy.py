"""Remedy-notice verdicts on the real published decisions in ../shared/realworld.

Each decision is read as text (python-docx, pdfplumber; Word 97 files through LibreOffice when it is
installed), built into a lone-decision Case with the agency and date printed on it, and run through the
remedy rules. Every one of them is correct for its agency and date: 4060a17dd4a3fa1c78ad, a 税务处理决定书
that assesses no tax (it finds invoices 虚开), offers 复议 without the 纳税前置,
which has nothing to apply to.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx import Document as DocxDocument

from casefile_eval.codes import AgencyKind, DocumentType
from casefile_eval.extract.remedy import find_remedy
from casefile_eval.extract.text import DocText
from casefile_eval.model import Block, BlockKind, Case, CaseDates, CaseFacts, Document
from casefile_eval.rules import load_rules, run_rules

RULESET = load_rules()
REMEDY = RULESET.only(*[r.id for r in RULESET.rules if r.id.startswith("REM-")])

# file, agency, agency kind, decision date (as printed), expected remedy messages
CASES = [
    (
        "texts/doc01.txt",
        "天津市西青区市场和质量监督管理局",
        AgencyKind.MARKET_REGULATION,
        dt.date(2018, 7, 9),
        [],
    ),
    ("texts/doc02.txt", "玉环县国家税务局稽查局", AgencyKind.TAX, dt.date(2015, 10, 22), []),
    ("texts/doc04.txt", "上海保监局", AgencyKind.FINANCIAL, dt.date(2018, 5, 21), []),
    ("texts/doc06.txt", "中国银行保险监督管理委员会", AgencyKind.FINANCIAL, None, []),
    ("texts/doc07.txt", "荆州市环境保护局", AgencyKind.ECOLOGY_ENVIRONMENT, None, []),
    (
        "tax/4060a17dd4a3fa1c78ad.docx",
        "国家税务总局河池市税务局第二稽查局",
        AgencyKind.TAX,
        dt.date(2026, 8, 7),
        [],
    ),
    (
        "tax/ae03e7931046b2a89bb9.docx",
        "国家税务总局河池市税务局第二稽查局",
        AgencyKind.TAX,
        dt.date(2026, 8, 7),
        [],
    ),
    (
        "tax/7b446ef1ecff49132d35.docx",
        "国家税务总局安顺市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2026, 1, 16),
        [],
    ),
    (
        "tax/0d5f1a60c7c880da63d7.pdf",
        "国家税务总局二连浩特市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2025, 1, 9),
        [],
    ),
    (
        "tax/78ea0c2f117a55b86c4a.pdf",
        "国家税务总局铁岭市税务局第一稽查局",
        AgencyKind.TAX,
        dt.date(2026, 7, 3),
        [],
    ),
    (
        "tax/87779d6b81bd2cdfd477.pdf",
        "国家税务总局常州市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2026, 3, 9),
        [],
    ),
    (
        "tax/15e48052d2422ea42494.doc",
        "国家税务总局南宁市税务局第一稽查局",
        AgencyKind.TAX,
        dt.date(2026, 1, 6),
        [],
    ),
    ("tax/5fa3c64462e529c1942f.doc", "国家税务总局南宁市税务局", AgencyKind.TAX, dt.date(2026, 7, 16), []),
    (
        "tax/9ea878bf490799729d68.doc",
        "国家税务总局南宁市税务局第三稽查局",
        AgencyKind.TAX,
        dt.date(2026, 7, 16),
        [],
    ),
    (
        "tax/bc6104f8d4fa8f7bf182.doc",
        "国家税务总局温州市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2026, 5, 25),
        [],
    ),
]


def _lines(path: Path, tmp: Path) -> list[str]:
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8").splitlines()
    if path.suffix == ".docx":
        return [p.text for p in DocxDocument(str(path)).paragraphs]
    if path.suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages).splitlines()
    office = shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is needed to read Word 97 files in this test")
    subprocess.run(
        [office, "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (tmp / f"{path.stem}.txt").read_text(encoding="utf-8-sig").splitlines()


def _title(lines: list[str]) -> str | None:
    return next((line.strip() for line in lines[:6] if line.strip().endswith("决定书")), None)


@pytest.mark.parametrize(("name", "agency", "kind", "decided", "expected"), CASES, ids=[c[0] for c in CASES])
def test_remedy_verdict(
    realworld: Path,
    tmp_path: Path,
    name: str,
    agency: str,
    kind: AgencyKind,
    decided: dt.date | None,
    expected: list[str],
) -> None:
    path = realworld / name
    lines = _lines(path, tmp_path)
    blocks = [Block(kind=BlockKind.PARAGRAPH, text=t, source=path.name, page=1) for t in lines if t.strip()]
    doc = Document(
        type=DocumentType.DECISION,
        title=_title(lines),
        source=path.name,
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )
    doc.facts.remedy = find_remedy(DocText.of(doc))  # as the reading pipeline does
    case = Case(
        source=name,
        partial=True,
        documents=[doc],
        facts=CaseFacts(agency=agency, agency_kind=kind, dates=CaseDates(decided=decided)),
    )
    assert [f.message for f in run_rules(case, REMEDY)] == expected
