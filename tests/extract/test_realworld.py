"""Every real published decision in ../shared/realworld: number, party, agency, date, fine, remedy exactly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import NamedTuple

import pytest

from casefile_eval.codes import AgencyKind, DocumentType
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Document
from tests.extract.docs import doc_from_lines, doc_from_pdf, docx_lines


class Expect(NamedTuple):
    case_number: str | None
    party: str
    agency: str | None
    kind: AgencyKind | None
    decided: dt.date | None
    fine: float | None
    bodies: list[str]
    court: str | None
    months: int | None
    tax_first: bool


GOV_NOTICE = "人民法院"
CIRC = "中国银行保险监督管理委员会"
ANY_COURT = "有管辖权的人民法院"
HECHI = "国家税务总局河池市税务局第二稽查局"
HECHI_PARTY = "广西苒炙机械设备有限公司"
EXPECTED = {
    "texts/doc01.txt": Expect(
        "津市场监管青竞罚〔2018〕17号",
        "天津市西青区金福家乐食品店",
        "天津市西青区市场和质量监督管理局",
        AgencyKind.MARKET_REGULATION,
        dt.date(2018, 7, 9),
        600.0,
        ["天津市市场和质量监督管理委员会"],
        GOV_NOTICE,
        6,
        False,
    ),
    "texts/doc02.txt": Expect(
        "玉国税稽罚〔2015〕86号",
        "浙江维拉利家具有限公司",
        "玉环县国家税务局稽查局",
        AgencyKind.TAX,
        dt.date(2015, 10, 22),
        55648.73,
        ["玉环县国家税务局"],
        GOV_NOTICE,
        6,
        False,
    ),
    "texts/doc04.txt": Expect(
        None,
        "上海羽展汽车销售有限公司",
        "上海保监局",
        AgencyKind.FINANCIAL,
        dt.date(2018, 5, 21),
        60000.0,
        [CIRC],
        ANY_COURT,
        6,
        False,
    ),
    "texts/doc06.txt": Expect(
        "银保监罚决字〔2021〕35号",
        "太平财产保险有限公司",
        CIRC,
        AgencyKind.FINANCIAL,
        None,
        500000.0,
        [CIRC],
        ANY_COURT,
        6,
        False,
    ),
    "texts/doc07.txt": Expect(
        None,
        "荆州市德泰工贸有限公司",
        "荆州市环境保护局",  # no 落款: the body names itself in the titles of its own forms
        AgencyKind.ECOLOGY_ENVIRONMENT,
        None,
        20000.0,
        ["湖北省环境保护厅", "荆州市人民政府"],
        None,
        6,
        False,
    ),
    "tax/4060a17dd4a3fa1c78ad.docx": Expect(
        "河市税二稽处〔2026〕12号",
        HECHI_PARTY,
        HECHI,
        AgencyKind.TAX,
        dt.date(2026, 8, 7),
        None,
        ["国家税务总局河池市税务局"],
        None,
        None,
        False,
    ),
    "tax/ae03e7931046b2a89bb9.docx": Expect(
        "河市税二稽罚〔2026〕6号",
        HECHI_PARTY,
        HECHI,
        AgencyKind.TAX,
        dt.date(2026, 8, 7),
        200000.0,
        ["国家税务总局河池市税务局"],
        GOV_NOTICE,
        6,
        False,
    ),
    "tax/7b446ef1ecff49132d35.docx": Expect(
        "安市税稽罚〔2026〕1号",
        "贵州华泰宁安工程建筑设计有限责任公司",
        "国家税务总局安顺市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2026, 1, 16),
        200000.0,
        ["国家税务总局贵州省税务局"],
        GOV_NOTICE,
        6,
        False,
    ),
    "tax/0d5f1a60c7c880da63d7.pdf": Expect(
        "二税稽处〔2025〕1号",
        "二连市坤益腾金属有限公司",
        "国家税务总局二连浩特市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2025, 1, 9),
        None,
        ["国家税务总局二连浩特市税务局"],
        None,
        None,
        True,
    ),
    "tax/78ea0c2f117a55b86c4a.pdf": Expect(
        "铁税一稽处〔2026〕35号",
        "辽宁恒慧专用车箱有限公司",
        "国家税务总局铁岭市税务局第一稽查局",
        AgencyKind.TAX,
        dt.date(2026, 7, 3),
        None,
        ["国家税务总局铁岭市税务局"],
        None,
        None,
        True,
    ),
    "tax/87779d6b81bd2cdfd477.pdf": Expect(
        "常税稽处〔2026〕73号",
        "常州市文杰车辆配件厂",
        "国家税务总局常州市税务局稽查局",
        AgencyKind.TAX,
        dt.date(2026, 3, 9),
        None,
        ["国家税务总局常州市税务局"],
        None,
        None,
        True,
    ),
}


def load(realworld: Path, name: str) -> Document:
    path = realworld / name
    if path.suffix == ".txt":
        return doc_from_lines(
            path.read_text(encoding="utf-8").splitlines(), DocumentType.DECISION, source=path.name
        )
    if path.suffix == ".docx":
        return doc_from_lines(docx_lines(path), DocumentType.DECISION, source=path.name)
    return doc_from_pdf(path, DocumentType.DECISION)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_decision_facts(realworld: Path, name: str) -> None:
    number, party, agency, kind, decided, fine, bodies, court, months, tax_first = EXPECTED[name]
    facts = extract_document_facts(load(realworld, name))
    assert facts.case_number == number
    assert facts.party == party
    assert facts.agency == agency
    assert facts.agency_kind == kind
    assert facts.fine_amount == fine
    decided_dates = [d.value for d in facts.dates if d.kind.value == "decided"]
    assert decided_dates == ([decided] if decided else [])
    assert facts.remedy is not None
    assert facts.remedy.review_bodies == bodies
    assert facts.remedy.review_period_days == 60
    assert facts.remedy.litigation_court == court
    assert facts.remedy.litigation_period_months == months
    assert facts.remedy.tax_first is tax_first
    assert facts.remedy.either_or is (court is not None or months is not None)
    assert facts.remedy.review_first is False


def test_tax_handling_decisions_impose_no_penalty(realworld: Path) -> None:
    facts = extract_document_facts(load(realworld, "tax/0d5f1a60c7c880da63d7.pdf"))
    assert facts.penalties == []
    assert facts.remedy is not None
    assert facts.remedy.litigation_offered is False


def test_published_seal_marks_are_weak_seals(realworld: Path) -> None:
    facts = extract_document_facts(load(realworld, "tax/78ea0c2f117a55b86c4a.pdf"))
    assert [(s.method, s.near, s.confidence) for s in facts.seals] == [("text_mark", "税务机关(印章)", 0.5)]
    assert extract_document_facts(load(realworld, "texts/doc01.txt")).seals == []


def test_penalty_kinds_and_fines_per_addressee(realworld: Path) -> None:
    facts = extract_document_facts(load(realworld, "texts/doc06.txt"))
    assert facts.penalties == ["警告", "罚款"]
    assert facts.fine_amount == 500000.0  # 太平财险 50万; 张雄师's 10万 is another addressee's


def test_citations_of_real_decisions(realworld: Path) -> None:
    doc04 = extract_document_facts(load(realworld, "texts/doc04.txt"))
    assert [(c.law_key, c.article, c.paragraph, c.item) for c in doc04.citations] == [
        ("中华人民共和国保险法", 131, None, 8),
        ("中华人民共和国保险法", 165, None, None),
    ]
    doc02 = extract_document_facts(load(realworld, "texts/doc02.txt"))
    assert [(c.law_key, c.article, c.paragraph, c.item) for c in doc02.citations] == [
        ("中华人民共和国税收征收管理法", 63, 1, None),
        ("中华人民共和国行政处罚法", 51, None, 1),
        ("中华人民共和国税收征收管理法", 40, None, None),
    ]
    tax = extract_document_facts(load(realworld, "tax/7b446ef1ecff49132d35.docx"))
    keys = {c.law_key for c in tax.citations}
    assert "办法" not in keys  # 《办法》 inside a quoted article is not the decision's citation
    assert ("中华人民共和国行政处罚法", 72, 1, 1) in [
        (c.law_key, c.article, c.paragraph, c.item) for c in tax.citations
    ]


def test_a_lone_published_decision_is_partial(realworld: Path) -> None:
    summary = reconcile_case([load(realworld, "texts/doc02.txt")])
    assert summary.partial is True
    assert summary.facts.case_number == "玉国税稽罚〔2015〕86号"
    assert summary.facts.dates.decided == dt.date(2015, 10, 22)
    assert summary.facts.agency_kind is AgencyKind.TAX
    assert summary.facts.fine_amount == 55648.73
