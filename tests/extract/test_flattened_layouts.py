"""Facts read where a PDF flattens a form's rows into lines, central bodies' names, fine phrasings, and the
choice of the decision's 送达回证."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import AgencyKind, DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts, reconcile_case
from casefile_eval.model import Block, BlockKind, Document
from tests.extract.docs import doc_from_lines, holdout47_pdf, only_document


def pdf_doc(lines: list[str], doc_type: T) -> Document:
    """A document read from a text PDF: one LINE block per printed line."""
    blocks = [Block(kind=BlockKind.LINE, text=t, source="case.pdf", page=3) for t in lines]
    return Document(type=doc_type, title=None, source="case.pdf", pages=(3, 3), confidence=1.0, blocks=blocks)


def test_closing_approval_date_on_a_flattened_opinion_row() -> None:
    doc = pdf_doc(
        [
            "结案报告",
            "案由  擅自改变房屋用途",
            "履行情况  罚没款已于2023年8月30日全部缴清。",
            "经办人意见  拟予结案。  宁小川  2023年9月2日",
            "领导审批意见  准予结案。  欧阳兰  2023年9月14日",
        ],
        T.CLOSING_REPORT,
    )
    dates = [(d.kind, d.value, d.role) for d in extract_document_facts(doc).dates]
    assert dates == [
        (DateKind.OTHER, dt.date(2023, 8, 30), None),
        (DateKind.SIGNED, dt.date(2023, 9, 2), Role.OFFICER),
        (DateKind.CLOSED, dt.date(2023, 9, 14), Role.APPROVER),
    ]


def test_closing_approval_label_above_its_opinion_line() -> None:
    doc = pdf_doc(["结案审批表", "主管领导意见", "同意，予以结案归档。  2022年12月1日"], T.CLOSING_REPORT)
    dates = [(d.kind, d.value, d.role) for d in extract_document_facts(doc).dates]
    assert dates == [(DateKind.CLOSED, dt.date(2022, 12, 1), Role.APPROVER)]


def test_opinion_row_date_inside_a_sentence_is_not_the_sign_off() -> None:
    doc = pdf_doc(["负责人意见  当事人于2023年9月1日缴清罚款，同意结案。"], T.CLOSING_REPORT)
    dates = [(d.kind, d.value) for d in extract_document_facts(doc).dates]
    assert dates == [(DateKind.OTHER, dt.date(2023, 9, 1))]


@pytest.mark.parametrize(
    ("signature", "kind"),
    [
        ("中华人民共和国北仑海关", AgencyKind.CUSTOMS),
        ("宁波出入境边防检查站", AgencyKind.PUBLIC_SECURITY),
        ("中国银行保险监督管理委员会宁波监管局", AgencyKind.FINANCIAL),
        ("中国人民银行宁波市中心支行", AgencyKind.FINANCIAL),
        ("宁波海事局", AgencyKind.TRANSPORT),
    ],
)
def test_central_bodies_sign_decisions(signature: str, kind: AgencyKind) -> None:
    doc = doc_from_lines(
        ["行政处罚决定书", "当事人：宁波某某船务有限公司", "……决定如下：警告。", signature, "2024年10月8日"]
    )
    facts = extract_document_facts(doc)
    assert (facts.agency, facts.agency_kind) == (signature, kind)


@pytest.mark.parametrize(
    ("sentence", "fine"),
    [
        (
            "决定如下：按违法建设工程造价的百分之五处以罚款，即人民币52,300元（大写：伍万贰仟叁佰元整）。",
            52300.0,
        ),
        ("决定如下：处以罚款，计人民币7,500元。", 7500.0),
        ("决定如下：罚款人民币捌仟元整。", 8000.0),
        ("决定如下：处4000元罚款。", 4000.0),
        ("决定如下：处以人民币20,000元（大写：贰万元整）的罚款。", 20000.0),
        ("决定如下：没收违法所得900元，并处罚款，金额为人民币3万元。", 30000.0),
        # a rate is no sum of its own: the fine is what it comes to
        ("我局决定：一、责令退还非法占用的420平方米土地；二、处以每平方米20元的罚款，计8400元。", 8400.0),
        ("决定如下：按每吨300元处以罚款，共计人民币4,500元。", 4500.0),
    ],
)
def test_fine_phrasings(sentence: str, fine: float) -> None:
    doc = doc_from_lines(["行政处罚决定书", "当事人：某某建材商行", sentence, "某某县住房和城乡建设局"])
    assert extract_document_facts(doc).fine_amount == fine


@pytest.mark.parametrize(
    "row",
    [
        "被处罚人姓名  王晓东  性别  男  年龄  41",
        "当 事 人   王晓东   证件号码  330203198001****17",
        "当事人 王晓东 联系电话 1380000****",
        # a scan of a traffic police summary decision, the row's spaces lost (h55-02)
        "被处罚人 王晓东驾驶证号611022199507260033准驾车型C1",
    ],
)
def test_party_in_a_flattened_table_row(row: str) -> None:
    doc = pdf_doc(
        ["当场处罚决定书", "编号：甬交当罚〔2024〕55号", row, "违法事实  超限运输"], T.SUMMARY_DECISION
    )
    assert extract_document_facts(doc).party == "王晓东"


def test_sentence_after_party_label_is_not_a_party() -> None:
    doc = pdf_doc(["当事人 对本决定不服的，可以申请行政复议。"], T.DECISION)
    assert extract_document_facts(doc).party is None


def _receipt(name: str, number: str, day: int) -> Document:
    return doc_from_lines(
        [
            "送达回证",
            f"送达文书  {name}",
            f"文书文号  {number}",
            "受送达人  宁波某某船务有限公司",
            f"送达日期  2024年10月{day}日",
        ],
        T.SERVICE_RECEIPT,
    )


def test_decision_receipt_chosen_by_name_and_number() -> None:
    number = "甬关缉决字〔2024〕31号"
    decision = doc_from_lines(
        ["行政处罚决定书", number, "当事人：宁波某某船务有限公司", "中华人民共和国北仑海关", "2024年10月8日"]
    )
    docs = [
        _receipt("行政处罚告知单", number, 2),  # a notice filed under the same 文号
        decision,
        _receipt("行政处罚决定书", "甬关缉决字〔2024〕30号", 9),  # another case's decision
        _receipt("行政处罚决定书", number, 11),
    ]
    assert reconcile_case(docs).facts.dates.served == dt.date(2024, 10, 11)


def test_a_heads_approval_row_named_局领导审批_is_signed_and_dates_the_filing() -> None:
    # holdout47 h47-03's text PDF: 局领导审批 | 同意。 over 签名：[ink] 2026-03-02
    form = only_document(holdout47_pdf("h47-03-ca-ledger-2026-remedy"), T.FILING_APPROVAL)
    assert [(s.label, s.role, s.filled) for s in form.facts.signatures] == [
        ("承办人", Role.OFFICER, True),
        ("领导审批", Role.APPROVER, True),
    ]
    assert [(d.kind, d.value, d.role) for d in form.facts.dates] == [
        (DateKind.SIGNED, dt.date(2026, 3, 2), Role.OFFICER),
        (DateKind.FILED, dt.date(2026, 3, 2), Role.APPROVER),
    ]
