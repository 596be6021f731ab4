"""The 违法所得 a document finds or confiscates (`DocumentFacts.illegal_gains`)."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize(
    ("doc_type", "lines", "gains"),
    [
        (T.INVESTIGATION_REPORT, ["经查，当事人已销售120袋，违法所得2400元。"], 2400.0),
        (
            T.DECISION,
            ["本机关决定对你单位作出如下行政处罚：没收违法所得人民币32,400元，并处罚款人民币伍万元整。"],
            32400.0,
        ),
        (
            T.DECISION,
            [
                "没收白条肉约160公斤、屠宰工具一批及违法所得人民币1,200元，并处罚款人民币陆万元整（￥60,000.00）。"
            ],
            1200.0,
        ),
        (T.PRIOR_NOTICE, ["经查实，你的违法所得为1260元。拟没收违法所得1260元，并处罚款2520元。"], 1260.0),
        (T.LEGAL_REVIEW, ["违法所得共计人民币1,620元，证据确实充分。"], 1620.0),
        # the fine worked out from the gains is the fine, not the gains
        (
            T.DECISION,
            ["1.没收违法所得人民币18,000元；2.处违法所得二倍的罚款，计人民币36,000元。"],
            18000.0,
        ),
        # itemised gains with their total: the total
        (
            T.INVESTIGATION_REPORT,
            ["第一批违法所得600元，第二批违法所得660元，共计违法所得1260元。"],
            1260.0,
        ),
        # itemised without a total: none
        (T.INVESTIGATION_REPORT, ["第一批违法所得600元，第二批违法所得660元。"], None),
        # a bound in quoted statute text and a range are no gains
        (
            T.DECISION,
            [
                "依据《道路运输条例》第六十三条“没有违法所得或者违法所得不足1万元的，处3000元以上1万元以下的罚款”。"
            ],
            None,
        ),
        (T.DECISION, ["违法所得1万元以上的，处违法所得二倍以上十倍以下的罚款。"], None),
        # no gains named
        (T.DECISION, ["当事人的经营额为2051.94元，没有违法所得。"], None),
        # a record states what the party says: not compared
        (T.INQUIRY_RECORD, ["答：我一共挣了，违法所得1260元。"], None),
    ],
)
def test_illegal_gains(doc_type: T, lines: list[str], gains: float | None) -> None:
    assert extract_document_facts(doc_from_lines(lines, doc_type)).illegal_gains == gains


def test_a_decision_confiscating_another_sum_than_it_found_gives_the_sum_confiscated() -> None:
    lines = [
        "经查，当事人以每袋95元的价格销售25袋，违法所得1260元。",
        "本机关决定：没收违法所得1620元和未售出的种子35袋，并处罚款人民币20000元。",
    ]
    assert extract_document_facts(doc_from_lines(lines, T.DECISION)).illegal_gains == 1620.0
