"""Readings holdout49 showed wrong: an approval form whose opinion cell holds the opinion with its colon and
the approver's handwriting, read by OCR as one line ("同意：沈家明 3.9", "建议立案：叶春燕 2019.6.3"): the
opinion with its colon is no field's name, the row is signed by the name after it; and a form's 审批日期 cell
is the day the form was approved (the case's filing date on a 立案审批表)."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dates import find_dates
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from casefile_eval.model import BBox, Block, BlockKind, Document
from tests.extract.docs import doc_from_rows


def _scanned_form(lines: list[tuple[str, float, float]]) -> Document:
    """A scanned approval form: (text, x0, top) for each OCR line."""
    blocks = [
        Block(
            kind=BlockKind.LINE,
            text=text,
            source="scan.pdf",
            page=1,
            bbox=BBox(x0=x0, top=top, x1=x0 + 10.0 * len(text), bottom=top + 14.0),
            confidence=0.97,
        )
        for text, x0, top in lines
    ]
    return Document(
        type=DocumentType.FILING_APPROVAL,
        title="立案审批表",
        source="scan.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


@pytest.mark.parametrize(
    ("officer_line", "approver_line", "officer", "approver"),
    [
        ("建议立案：查建华17.3.9", "同意：沈家明3.9", "查建华", "沈家明"),
        ("建议立案: 叶春燕 2019.6.3", "同意:刘卫国 6.3", "叶春燕", "刘卫国"),
        ("建议结案：程立新", "同意结案：余志强", "程立新", "余志强"),
    ],
)
def test_an_opinion_with_its_colon_before_the_handwriting_is_signed_by_the_name(
    officer_line: str, approver_line: str, officer: str, approver: str
) -> None:
    doc = _scanned_form(
        [
            ("立案审批表", 253, 96),
            ("案由 湖口县顺达物流有限公司车辆超限运输案", 82, 143),
            ("承办人意见", 82, 195),
            (officer_line, 154, 210),
            ("负责人意见", 82, 238),
            (approver_line, 153, 251),
            ("立案日期 2017年3月9日", 82, 281),
        ]
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.role, s.filled, s.signer, s.method) for s in slots] == [
        ("承办人意见", Role.OFFICER, True, officer, "ocr"),
        ("负责人意见", Role.APPROVER, True, approver, "ocr"),
    ]


def test_an_opinion_with_its_colon_and_no_handwriting_is_a_blank_row() -> None:
    doc = _scanned_form(
        [
            ("立案审批表", 253, 96),
            ("承办人意见", 82, 195),
            ("建议立案：查建华17.3.9", 154, 210),
            ("负责人意见", 82, 238),
            ("同意：", 153, 251),
            ("立案日期 2017年3月9日", 82, 281),
        ]
    )
    slots = find_signatures(DocText.of(doc))
    assert [(s.label, s.filled) for s in slots] == [("承办人意见", True), ("负责人意见", False)]


@pytest.mark.parametrize(
    ("doc_type", "kind"),
    [(DocumentType.FILING_APPROVAL, DateKind.FILED), (DocumentType.CLOSING_REPORT, DateKind.CLOSED)],
)
def test_an_approval_forms_approval_date_cell_dates_the_form(doc_type: DocumentType, kind: DateKind) -> None:
    doc = doc_from_rows(
        [
            ["简要案情", "2023年2月3日检查发现当事人销售超过保质期的纯牛奶，建议立案调查。"],
            ["承办人意见", "承办人：\u30002023.2.6"],
            ["负责人意见", "同意。签名：\u30002.6"],
            ["审批日期", "2023年2月6日"],
        ],
        doc_type,
    )
    facts = date_facts(DocText.of(doc))
    # (the head's 2.6 after the signature, its year left out, is an approval too: the form's own date is
    # the field's)
    assert [(f.kind, f.value, f.role) for f in facts] == [
        (DateKind.OTHER, dt.date(2023, 2, 3), None),
        (DateKind.SIGNED, dt.date(2023, 2, 6), Role.OFFICER),
        (DateKind.APPROVED, None, Role.APPROVER),
        (kind, dt.date(2023, 2, 6), Role.APPROVER),
    ]


def test_a_scanned_receipts_row_whose_field_name_was_cut_to_songda_dates_the_service() -> None:
    # (holdout49 scans, penmo: 送达时间 read 送达, a nozzle's white line across 时间)
    lines = [("送达回证", 259, 87), ("受送达人 汪春花", 69, 144), ("送达 2025年4月3日10时20分", 70, 170)]
    doc = _scanned_form(lines).model_copy(update={"type": DocumentType.SERVICE_RECEIPT, "title": "送达回证"})
    facts = date_facts(DocText.of(doc))
    assert [(f.kind, f.value) for f in facts] == [(DateKind.SERVED, dt.date(2025, 4, 3))]
    # a text layer prints the whole name: a date after a bare 送达 there is not taken for the service (the
    # receipt's last date is its own, as before)
    text = doc.model_copy(update={"blocks": [b.model_copy(update={"confidence": None}) for b in doc.blocks]})
    issued = [(f.kind, f.value) for f in date_facts(DocText.of(text))]
    assert issued == [(DateKind.ISSUED, dt.date(2025, 4, 3))]


def test_a_page_number_under_a_date_is_no_wrapped_digit_of_its_day() -> None:
    # (holdout49's text PDF: 审核人：[ink] 2024.4.3 the last line before the page's 1; April has no 31st)
    [date] = find_dates("审核人: 2024.4.3\n1")
    assert (date.raw, date.value) == ("2024.4.3", dt.date(2024, 4, 3))
    [wrapped] = find_dates("2024-04-3\n0")  # a narrow cell's day wrapped, as before
    assert wrapped.value == dt.date(2024, 4, 30)
