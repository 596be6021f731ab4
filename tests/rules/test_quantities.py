"""CON-008: a measured figure of the facts (an area, a weight, a count of goods) that one finding document
writes differently from the records, by digits swapped or one digit changed: a figure broken over two lines
of a PDF is read whole, thousands separators and Chinese commas are told apart, and a figure read unsurely
on a scan is a question for a person."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Document
from casefile_eval.results import Finding
from tests.rules.line_docs import line_doc, rule_findings


def _found(*docs: Document) -> list[Finding]:
    return rule_findings("CON-008", *docs)


RECORD = line_doc(T.INSPECTION_RECORD, 1, ["经现场测量，占地面积共1620平方米（其中耕地980平方米）。"])
REPORT = line_doc(T.INVESTIGATION_REPORT, 5, ["当事人未经批准擅自占用集体农用地1620平方米建设堆场。"])


def test_a_figure_broken_over_two_lines_is_read_whole() -> None:
    decision = line_doc(
        T.DECISION,
        10,
        ["你公司未经批准擅自占用集体农用地12", "60平方米（其中耕地980平方米）建设堆场。"],
    )
    (finding,) = _found(RECORD, REPORT, decision)
    assert finding.message == "行政处罚决定书记载的面积1260平方米与其他文书1620平方米不一致"
    assert (finding.page, finding.evidence, finding.needs_review) == (
        10,
        "你公司未经批准擅自占用集体农用地1260平方米",
        False,
    )


def test_thousands_separators_and_units_written_otherwise_are_the_same_figure() -> None:
    notice = line_doc(T.PRIOR_NOTICE, 7, ["你公司擅自占用集体农用地1,620㎡，其中耕地980m²。"])
    decision = line_doc(T.DECISION, 10, ["你公司擅自占用集体农用地1620平方米，其中耕地980平方米。"])
    assert _found(RECORD, REPORT, notice, decision) == []


def test_a_chinese_comma_is_no_thousands_separator() -> None:
    record = line_doc(T.INSPECTION_RECORD, 1, ["两处违法建筑面积分别为12，368平方米。"])
    decision = line_doc(T.DECISION, 10, ["你单位两处违法建筑面积分别为12平方米、368平方米。"])
    assert _found(record, decision) == []


def test_a_figure_the_scan_read_unsurely_needs_review() -> None:
    line = "你公司擅自占用集体农用地1260平方米建设堆场。"
    decision = line_doc(T.DECISION, 10, [line], scores={line.index("1260") + 1: 0.61})
    (finding,) = _found(RECORD, REPORT, decision)
    assert finding.needs_review is True
    assert finding.message.endswith(
        "无法判断：面积1260平方米与其他文书1620平方米不同的数字识别置信度低（0.61），无法确定是文书笔误还是扫描识别有误"
    )


def test_a_figure_far_from_the_records_is_another_quantity() -> None:
    decision = line_doc(T.DECISION, 10, ["擅自占用集体农用地1620平方米，其中已复垦640平方米。"])
    assert _found(RECORD, REPORT, decision) == []


def test_of_two_documents_each_alone_the_later_one_differs() -> None:
    record = line_doc(T.INSPECTION_RECORD, 1, ["现场查见超过保质期的酸奶48瓶。"])
    notice = line_doc(T.PRIOR_NOTICE, 7, ["你店销售超过保质期的酸奶84瓶。"])
    (finding,) = _found(record, notice)
    assert finding.message == "行政处罚事先告知书记载的数量84瓶与其他文书48瓶不一致"
