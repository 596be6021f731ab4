"""Signing places and dates of 当场 decisions and of forms whose labels are bracketed headings: the date
under the agency's name is the 落款's, the agency's name is nobody's signature, 【审批意见】 is a label,
签收时间 is a date field, and a 见证人 listed in a record's head is no place to sign where the witness signs
further down."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.served import find_served
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines

SUMMARY = [
    "当场行政处罚决定书",
    "执法人员：王文斌　执法证号：53260025117",
    "本决定书已当场交付当事人。",
    "当事人签收：　　　执法人员签名：",
    "文山市市场监督管理局",
    "二〇二五年六月十日",
]


def _slots(lines: list[str], doc_type: T) -> list[tuple[Role, str, bool | None]]:
    return [(s.role, s.label, s.filled) for s in find_signatures(DocText.of(doc_from_lines(lines, doc_type)))]


def test_a_date_under_the_agency_name_dates_the_decision_not_the_signing_row_above() -> None:
    facts = date_facts(DocText.of(doc_from_lines(SUMMARY, T.SUMMARY_DECISION)))
    assert [(f.kind, f.value) for f in facts] == [(DateKind.DECIDED, dt.date(2025, 6, 10))]


def test_the_agency_name_under_a_signing_row_signs_for_nobody() -> None:
    assert _slots(SUMMARY, T.SUMMARY_DECISION) == [
        (Role.PARTY, "当事人签收", False),
        (Role.OFFICER, "执法人员签名", False),
    ]


def test_a_received_at_field_after_the_name_is_no_signing_caption() -> None:
    lines = ["当场行政处罚决定书", "当事人签收：赵卫国　　签收时间：2024年03月12日10时40分"]
    assert _slots(lines, T.SUMMARY_DECISION) == [(Role.PARTY, "当事人签收", True)]


def test_bracketed_opinion_headings_are_labels() -> None:
    lines = [
        "立案审批表",
        "【审核意见】",
        "同意立案。",
        "签名：张三　2024-03-12",
        "【审批意见】",
        "同意立案。",
        "签名：　2024-03-12",
    ]
    assert [(role, label) for role, label, _ in _slots(lines, T.FILING_APPROVAL)] == [
        (Role.REVIEWER, "审核意见"),
        (Role.APPROVER, "审批意见"),
    ]


def test_an_opinion_run_into_its_label_by_ocr_still_has_its_label() -> None:
    lines = ["立案审批表", "审批意见同意立案。　签名：　2024-03-12"]
    assert [(role, label) for role, label, _ in _slots(lines, T.FILING_APPROVAL)] == [
        (Role.APPROVER, "审批意见")
    ]


def test_a_witness_listed_in_the_head_is_no_signing_place_where_the_witness_signs_below() -> None:
    lines = [
        "查封（扣押）现场笔录",
        "见证人　林少鸿（金砂村村民委员会工作人员）",
        "当事人经营者黄锦涛经电话通知未到场，由金砂村村民委员会工作人员林少鸿到场见证。",
        "查封决定书及查封清单留置于现场，并张贴于车间门口，拍照为证。",
        "见证人签名：　　检查人签名：张明",
    ]
    assert _slots(lines, T.ENFORCEMENT_MEASURE) == [
        (Role.WITNESS, "见证人签名", False),
        (Role.OFFICER, "检查人签名", True),
    ]


def test_a_short_line_holding_a_span_of_dates_is_no_luokuan() -> None:
    lines = [
        "税务稽查立案审批表",
        "简要案情 我局于2026年6月8日对当事人2025年1月1日至2025年12月31日的纳税情况实",
        "施检查，调取了账簿凭证。",
    ]
    facts = date_facts(DocText.of(doc_from_lines(lines, T.FILING_APPROVAL)))
    assert [f.label for f in facts] == ["", "当事人", ""]
    assert all(f.kind is not DateKind.FILED for f in facts)


def test_an_opinion_sentence_naming_a_role_does_not_label_the_date_under_its_signing_line() -> None:
    lines = [
        "行政处罚决定审批表",
        "负责人审批意见：",
        "同意按承办人意见处罚。",
        "签批人",
        "此",  # the ink, read as a character
        "2019年06月17日",
    ]
    (fact,) = date_facts(DocText.of(doc_from_lines(lines, T.DECISION_APPROVAL)))
    assert (fact.label, fact.role) == ("审批意见", Role.APPROVER)


def test_a_hearing_record_signs_by_party_or_agent_host_and_clerk() -> None:
    lines = [
        "听证笔录",
        "以上笔录经当事人核对无误。",
        "当事人或委托代理人（签名）：　　　　主持人（签字）：李四　　书记员（签字）：王五",
    ]
    assert _slots(lines, T.HEARING_RECORD) == [
        (Role.PARTY, "当事人或委托代理人(签名)", False),
        (Role.OFFICER, "主持人(签字)", True),
        (Role.RECORDER, "书记员(签字)", True),
    ]


def test_ink_ocr_read_on_the_blank_before_a_caption_is_that_captions_value() -> None:
    doc = doc_from_lines(
        ["听证笔录", "XR （当事人（委托代理人）签名） 　　（听证主持人签名）"], T.HEARING_RECORD
    )
    doc.blocks[1] = doc.blocks[1].model_copy(update={"confidence": 0.9})  # read by OCR
    slots = [(s.role, s.filled) for s in find_signatures(DocText.of(doc))]
    assert slots == [(Role.PARTY, True), (Role.OFFICER, False)]


def test_a_receipt_printing_its_labels_after_the_values_names_what_it_serves() -> None:
    lines = [
        "送 达 回 证",
        "行政处罚决定书 来国土资罚字(2016)第36号 （送达文书）",
        "来宾市鸿达石材有限公司 （受送达人）",
        "2016年9月9日15时00分 （送达时间）",
    ]
    found = find_served(DocText.of(doc_from_lines(lines, T.SERVICE_RECEIPT)))
    assert found == ("行政处罚决定书（来国土资罚字〔2016〕36号）", T.DECISION, (T.DECISION,))
