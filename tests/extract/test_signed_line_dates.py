"""A sign-off date under "签名：[ink]" belongs to the step whose heading stands above the opinion,
however OCR read the ink on the signing line ("签名：脉", "签名: N-OpbA") or whoever signed in print
("签名：张三")."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DateKind, DocumentType, Role
from casefile_eval.extract.dating import date_facts
from casefile_eval.extract.signatures import find_signatures
from casefile_eval.extract.text import DocText
from tests.extract.docs import doc_from_lines


@pytest.mark.parametrize("signed", ["", "脉", "N-OpbA", "张三"])
def test_sign_off_date_under_the_signing_line_is_the_steps(signed: str) -> None:
    doc = doc_from_lines(
        [
            "承办人意见",
            "建议立案。",
            f"签名：{signed}",
            "2020年6月8日",
            "负责人审批意见",
            "同意立案。",
            f"签名：{signed}",
            "2020年6月9日",
        ],
        DocumentType.FILING_APPROVAL,
    )
    facts = [(f.kind, str(f.value), f.role) for f in date_facts(DocText.of(doc))]
    assert facts == [
        (DateKind.SIGNED, "2020-06-08", Role.OFFICER),
        (DateKind.FILED, "2020-06-09", Role.APPROVER),
    ]


def test_a_date_beside_the_opinion_under_a_heading_with_its_signing_word() -> None:
    """A scanned grid row read as lines: "法制审核意见 （签字）" over "审核通过。 2024/3/28"."""
    doc = doc_from_lines(
        ["送审日期：2024/3/5", "法制审核意见 （签字）", "审核通过。 2024/3/28"], DocumentType.LEGAL_REVIEW
    )
    facts = [(f.kind, str(f.value), f.role) for f in date_facts(DocText.of(doc))]
    assert facts == [
        (DateKind.OTHER, "2024-03-05", None),
        (DateKind.REVIEWED, "2024-03-28", Role.REVIEWER),
    ]


@pytest.mark.parametrize("footer", ["— 1 / 2 —", "- 2 -", "第1页 共2页", "共二页 第一页", "1/2"])
def test_a_page_footer_under_an_empty_slot_is_no_signer(footer: str) -> None:
    """ "执法人员签名：[ink]　记录人：" with the page's footer on the line below: the 记录人 left blank."""
    doc = doc_from_lines(
        ["询问人：黄晓东、潘丽君", "执法人员签名：　记录人：", footer], DocumentType.INQUIRY_RECORD
    )
    slots = [(s.label, s.filled) for s in find_signatures(DocText.of(doc)) if s.role is Role.RECORDER]
    assert slots == [("记录人", False)]


def test_a_date_under_an_opinion_label_whose_last_character_wrapped() -> None:
    """A narrow label cell of a text PDF: "负责人审批意" / "同意。" / "见" / the date — the wrapped "见" is a
    piece of the label, not a block that ends the look back."""
    doc = doc_from_lines(
        [
            "法制审核意见 经审核，同意作出行政处罚决定。",
            "2023年08月28日",
            "审批人：",
            "负责人审批意",
            "同意。",
            "见",
            "2023年09月22日",
        ],
        DocumentType.DECISION_APPROVAL,
    )
    facts = [(f.kind, str(f.value), f.role) for f in date_facts(DocText.of(doc))]
    assert facts == [
        (DateKind.REVIEWED, "2023-08-28", Role.REVIEWER),
        (DateKind.APPROVED, "2023-09-22", Role.APPROVER),
    ]
