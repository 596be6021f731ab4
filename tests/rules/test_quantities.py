"""CON-008: a measured figure of the facts (an area, a weight, a count of goods) that one finding document
writes differently from the records, by digits swapped or one digit changed: a figure broken over two lines
of a PDF is read whole, thousands separators and Chinese commas are told apart, and a figure read unsurely
on a scan is a question for a person."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document
from casefile_eval.results import Finding
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import load_rules

RULES = load_rules()
TITLES = {
    DocumentType.INSPECTION_RECORD: "现场勘验笔录",
    DocumentType.INVESTIGATION_REPORT: "案件调查终结报告",
    DocumentType.PRIOR_NOTICE: "行政处罚事先告知书",
    DocumentType.DECISION: "行政处罚决定书",
}


def _doc(kind: DocumentType, page: int, lines: list[str], scores: dict[int, float] | None = None) -> Document:
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=line,
            source="case.pdf",
            page=page,
            char_scores=None if scores is None else tuple(scores.get(i, 0.99) for i in range(len(line))),
        )
        for line in lines
    ]
    return Document(
        type=kind, title=TITLES[kind], source="case.pdf", pages=(page, page), confidence=0.9, blocks=blocks
    )


def _con008(*docs: Document) -> list[Finding]:
    case = Case(source="case.pdf", files=["case.pdf"], documents=list(docs))
    return [f for f in run_rules(case, RULES) if f.rule_id == "CON-008"]


RECORD = _doc(DocumentType.INSPECTION_RECORD, 1, ["经现场测量，占地面积共1620平方米（其中耕地980平方米）。"])
REPORT = _doc(DocumentType.INVESTIGATION_REPORT, 5, ["当事人未经批准擅自占用集体农用地1620平方米建设堆场。"])


def test_a_figure_broken_over_two_lines_is_read_whole() -> None:
    decision = _doc(
        DocumentType.DECISION,
        10,
        ["你公司未经批准擅自占用集体农用地12", "60平方米（其中耕地980平方米）建设堆场。"],
    )
    (finding,) = _con008(RECORD, REPORT, decision)
    assert finding.message == "行政处罚决定书记载的面积1260平方米与其他文书1620平方米不一致"
    assert (finding.page, finding.evidence, finding.needs_review) == (
        10,
        "你公司未经批准擅自占用集体农用地1260平方米",
        False,
    )


def test_thousands_separators_and_units_written_otherwise_are_the_same_figure() -> None:
    notice = _doc(DocumentType.PRIOR_NOTICE, 7, ["你公司擅自占用集体农用地1,620㎡，其中耕地980m²。"])
    decision = _doc(DocumentType.DECISION, 10, ["你公司擅自占用集体农用地1620平方米，其中耕地980平方米。"])
    assert _con008(RECORD, REPORT, notice, decision) == []


def test_a_chinese_comma_is_no_thousands_separator() -> None:
    record = _doc(DocumentType.INSPECTION_RECORD, 1, ["两处违法建筑面积分别为12，368平方米。"])
    decision = _doc(DocumentType.DECISION, 10, ["你单位两处违法建筑面积分别为12平方米、368平方米。"])
    assert _con008(record, decision) == []


def test_a_figure_the_scan_read_unsurely_needs_review() -> None:
    line = "你公司擅自占用集体农用地1260平方米建设堆场。"
    decision = _doc(DocumentType.DECISION, 10, [line], scores={line.index("1260") + 1: 0.61})
    (finding,) = _con008(RECORD, REPORT, decision)
    assert finding.needs_review is True
    assert finding.message.endswith(
        "无法判断：面积1260平方米与其他文书1620平方米不同的数字识别置信度低（0.61），无法确定是文书笔误还是扫描识别有误"
    )


def test_a_figure_far_from_the_records_is_another_quantity() -> None:
    decision = _doc(DocumentType.DECISION, 10, ["擅自占用集体农用地1620平方米，其中已复垦640平方米。"])
    assert _con008(RECORD, REPORT, decision) == []


def test_of_two_documents_each_alone_the_later_one_differs() -> None:
    record = _doc(DocumentType.INSPECTION_RECORD, 1, ["现场查见超过保质期的酸奶48瓶。"])
    notice = _doc(DocumentType.PRIOR_NOTICE, 7, ["你店销售超过保质期的酸奶84瓶。"])
    (finding,) = _con008(record, notice)
    assert finding.message == "行政处罚事先告知书记载的数量84瓶与其他文书48瓶不一致"
