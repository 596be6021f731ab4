"""A number field on a title's line: after a space it follows the title (№01 案件立案审批表 立案编号：…);
编号 or 文号 right after a title's last character makes one field name (处罚决定书文号：… on a 结案报告)."""

from __future__ import annotations

from casefile_eval.codes import DocumentType
from casefile_eval.segment.titles import match_title


def _type(text: str) -> DocumentType | None:
    found = match_title(text)
    return None if found is None else found.type


def test_a_number_field_after_a_title() -> None:
    assert _type("№01 案件立案审批表 立案编号：本市监立〔2020〕0112号") is DocumentType.FILING_APPROVAL
    assert _type("询问笔录　编号：2023-017") is DocumentType.INQUIRY_RECORD
    assert _type("立案审批表立案编号：本市监立〔2020〕0112号") is DocumentType.FILING_APPROVAL


def test_a_field_named_after_a_document_is_no_title() -> None:
    assert _type("处罚决定书文号：益文旅罚字[2023]第9号") is None
    assert _type("处罚决定书编号：长应急罚〔2021〕6号") is None


def test_a_receipt_row_naming_the_document_served_is_no_title() -> None:
    # the field name read from a faint 送达回证 row, whole or in part, before the document it serves
    assert _type("送达文书名称 行政处罚听证通知书") is None
    assert _type("送达文书名 行政处罚事先告知书") is None
    assert _type("书名称 行政处罚事先告知书") is None
    assert _type("送新文书名 行政处罚决定书") is None
    assert _type("文书送达回证") is DocumentType.SERVICE_RECEIPT
