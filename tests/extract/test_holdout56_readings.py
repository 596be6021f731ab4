"""Readings holdout56 showed wrong: a date written by hand after a signer's name whose dots OCR read as a
colon, a quote or a middle dot, or lost ("周文斌 2018 6:28", "陈立军 2022718"); the second officer of a
listing whose bracket a scan left open at the line's end, or whose number wrapped with a gap in it; an
approver signing under 分管领导 or 局领导 below the opinion's row; a name with its fingerprint note and the
date after it ("刘德胜（指印）　2018.5.11") read as unsigned; a numbered section's heading taken for a
document's title; the name of the document served wrapped in its cell."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dates import hand_read_date
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.officers import find_officers
from casefile_eval.extract.parties import find_party
from casefile_eval.extract.served import find_served
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import Document
from casefile_eval.segment.titles import match_title
from tests.extract.docs import doc_from_lines


def _scanned(lines: list[str], doc_type: DocumentType) -> Document:
    """A document whose lines were read by OCR (each with a confidence)."""
    doc = doc_from_lines(lines, doc_type)
    return doc.model_copy(update={"blocks": [b.model_copy(update={"confidence": 0.95}) for b in doc.blocks]})


@pytest.mark.parametrize(
    ("text", "value", "raw"),
    [
        ("负责人意见：同意结案。签名：周文斌 2018 6:28", dt.date(2018, 6, 28), "2018 6:28"),
        ("负责人签名：陈立军 2022718", dt.date(2022, 7, 18), "2022718"),
        ("局长审批：同意结案：彭海波 2024:5·27", dt.date(2024, 5, 27), "2024:5·27"),
        ("负责人：彭文华 2016'12'5", dt.date(2016, 12, 5), "2016'12'5"),
        ("负责人审批：彭海波 2024-318", dt.date(2024, 3, 18), "2024-318"),  # (31-8 is no date)
        ("负责人审批：秦国栋 202076", dt.date(2020, 7, 6), "202076"),
    ],
)
def test_a_date_written_by_hand_after_the_name_is_read_through_its_lost_dots(
    text: str, value: dt.date, raw: str
) -> None:
    found = hand_read_date(text)
    assert found is not None
    assert (found.value, found.raw, text[found.start : found.end]) == (value, raw, raw)


def test_a_run_of_figures_that_splits_two_ways_is_a_date_read_in_part() -> None:
    found = hand_read_date("分管领导：韩志刚 2026119")  # 2026-1-19 or 2026-11-9
    assert found is not None
    assert (found.value, found.earliest, found.latest) == (None, dt.date(2026, 1, 19), dt.date(2026, 11, 9))


@pytest.mark.parametrize(
    ("text", "month_day"),
    [
        ("负责人签字：周文斌 514", (5, 14)),
        ("负责人签名：杜建设 7'17", (7, 17)),
        ("承办人：杨光明 627", (6, 27)),
    ],
)
def test_a_month_and_day_written_by_hand_without_the_year_split_one_way(
    text: str, month_day: tuple[int, int]
) -> None:
    assert hand_read_date(text) is None  # no year: only where a form is signed so
    found = hand_read_date(text, year_needed=False)
    assert found is not None
    assert (found.value, found.month, found.day) == (None, *month_day)


@pytest.mark.parametrize(
    "text",
    [
        "执法证号：豫 20170821",  # a field that holds figures
        "联系电话 13812345678",
        "罚款金额 315",
        "共计 2022718",
        "负责人签名：王 2023111",  # one character is no name; 1-11 or 11-1 besides
        "负责人签名：韩志刚 1112",  # no year
    ],
)
def test_figures_after_no_name_or_in_a_numbers_field_are_no_date(text: str) -> None:
    assert hand_read_date(text) is None


def test_on_a_scanned_approval_form_the_hand_read_dates_date_the_filing_and_the_officer() -> None:
    doc = _scanned(
        [
            "立案审批表",
            "案由 销售标签不符合规定的农作物种子案",
            "承办人意见：建议立案调查。",
            "承办人：杨光明 2018:514",
            "负责人审批意见：同意立案。",
            "负责人签字：周文斌 514",
        ],
        DocumentType.FILING_APPROVAL,
    )
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.role, f.value, f.month, f.day, f.raw) for f in facts] == [
        (DateKind.SIGNED, Role.OFFICER, dt.date(2018, 5, 14), 5, 14, "2018:514"),
        (DateKind.FILED, Role.APPROVER, None, 5, 14, "514"),
    ]


def test_hand_read_dates_are_read_on_scans_only() -> None:
    doc = doc_from_lines(["立案审批表", "负责人签字：周文斌 2018:514"], DocumentType.FILING_APPROVAL)
    assert date_facts(DocText.of(doc)) == []


@pytest.mark.parametrize(
    ("lines", "officers"),
    [
        # the closing bracket lost at the margin of a scan
        (
            ["检查人员 杨光明（证号：豫农执字41150018）、胡春燕（证号：豫农执字41150023"],
            [("杨光明", "豫农执字41150018"), ("胡春燕", "豫农执字41150023")],
        ),
        # the second number wrapped onto the next line with a gap in it
        (
            ["勘测人员 侯振宇（河南省行政执法证 41172726015）；白雪（河南省行政执", "法证 41172726022）"],
            [("侯振宇", "41172726015"), ("白雪", "41172726022")],
        ),
    ],
)
def test_the_second_officers_number_is_read_though_its_bracket_is_open_or_wrapped(
    lines: list[str], officers: list[tuple[str, str]]
) -> None:
    doc = doc_from_lines(
        ["现场检查笔录", *lines, "执法人员出示执法证件，说明来意。"], DocumentType.INSPECTION_RECORD
    )
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == officers


@pytest.mark.parametrize("label", ["分管领导", "局领导签字"])
def test_the_head_signing_below_the_opinion_under_another_title_signs_it(label: str) -> None:
    doc = doc_from_lines(
        [
            "立案审批表",
            "承办人：侯振宇 2026-01-19",
            "负责人审批意见：同意立案。",
            f"{label}：韩志刚 2026.1.19",
        ],
        DocumentType.FILING_APPROVAL,
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.signer) for s in slots] == [
        ("承办人", Role.OFFICER, True, "侯振宇"),
        (label, Role.APPROVER, True, "韩志刚"),
    ]


def test_a_name_with_its_fingerprint_note_and_a_date_after_it_signs_the_slot() -> None:
    doc = doc_from_lines(
        ["现场检查笔录", "以上笔录我看过，与事实相符。", "被检查人签字：刘德胜（指印）\u30002018.5.11"],
        DocumentType.INSPECTION_RECORD,
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.signer) for s in slots] == [
        ("被检查人签字", Role.PARTY, True, "刘德胜")
    ]


@pytest.mark.parametrize("line", ["一、环境违法事实和证据", "（二）行政处罚决定书", "二、询问笔录"])
def test_a_numbered_sections_heading_is_no_title(line: str) -> None:
    assert match_title(line) is None


def test_the_name_of_the_document_served_wrapped_in_its_cell_is_read_whole() -> None:
    doc = _scanned(
        [
            "送达回证",
            "送达文书 行政处罗决",  # (as OCR read it across a fold)
            "处训决定书（罗农罚（2018）3号）",
            "受送达人 罗山县周党镇丰和农资经营部",
            "送达方式 直接送达",
        ],
        DocumentType.SERVICE_RECEIPT,
    )
    served = find_served(DocText.of(doc))
    assert served is not None
    assert (served.type, served.all_types) == (DocumentType.DECISION, (DocumentType.DECISION,))


def test_a_signing_label_alone_on_its_line_is_no_party_addressed() -> None:
    doc = doc_from_lines(
        [
            "案件结案审批表",
            "执行情况 当事人已停止使用涉案计价秤，于2022年9月15日缴清罚款（缴款书",
            "附卷）。",
            "结案意见 已执行完毕，拟结案。",
            "承办人： 2022.9.23",
            "负责人审批：",
        ],
        DocumentType.CLOSING_REPORT,
    )
    assert find_party(DocText.of(doc)) is None


def test_an_officer_whose_number_field_was_left_blank_is_an_officer_without_a_number() -> None:
    # (holdout29 h29-07: found only by OFF-001 counting one officer, until two signed slots counted two)
    line = "检查人员： 格桑 （执法证号： 藏卫监0624 ）、 刘红 （执法证号：\u3000\u3000）\u3000记录人： 刘红"
    doc = doc_from_lines(
        ["现场检查笔录", line, "检查情况：诊所未取得医疗机构执业许可证。"], DocumentType.INSPECTION_RECORD
    )
    assert [(o.name, o.cert_no) for o in find_officers(DocText.of(doc))] == [
        ("格桑", "藏卫监0624"),
        ("刘红", None),
    ]
