"""Approval steps in a .docx where the signing stands apart from the opinion's heading: the heading and the
opinion on paragraphs of their own and "签名：[ink]" under them; "负责人　（签字）" on the line after the
opinion; an opinion cell beside a "（签字）" cell. Each step is signed where its ink is, and blank where
there is none."""

from __future__ import annotations

import pytest

from casefile_eval.codes import DocumentType as T
from casefile_eval.codes import Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document, ImageItem, ImageKind
from tests.extract.docs import holdout47_pdf, only_document


def _doc(blocks: list[Block], inked: list[int]) -> Document:
    images = [
        ImageItem(kind=ImageKind.SIGNATURE, source="a.docx", page=1, block_index=i, width=60, height=20)
        for i in inked
    ]
    return Document(
        type=T.FILING_APPROVAL,
        title="立案审批表",
        source="a.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
        images=images,
    )


def _paragraphs(*texts: str) -> list[Block]:
    return [Block(kind=BlockKind.PARAGRAPH, text=t, source="a.docx", page=1) for t in texts]


def _approver(doc: Document) -> list[tuple[str, bool | None]]:
    return [(s.label, s.filled) for s in extract_document_facts(doc).signatures if s.role is Role.APPROVER]


MEMO = _paragraphs(
    "立案审批表",
    "承办人意见",
    "当事人涉嫌违反《医疗机构管理条例》第二十四条，建议立案调查。",
    "签名：",
    "2020年6月9日",
    "负责人审批意见",
    "同意立案。",
    "签名：",
    "2020年6月9日",
)


@pytest.mark.parametrize(("inked", "filled"), [([3, 7], True), ([3], False)])
def test_heading_opinion_then_a_signing_paragraph(inked: list[int], filled: bool) -> None:
    assert _approver(_doc(MEMO, inked)) == [("负责人审批意见", filled)]


SLOT = _paragraphs(
    "立案审批表",
    "承办人意见：建议立案调查。",
    "经办人\u3000（签字）\u3000\u3000日期：2024.12.9",
    "负责人审批意见：同意立案。",
    "负责人\u3000（签字）\u3000\u3000日期：2024.12.9",
)


@pytest.mark.parametrize(("inked", "filled"), [([2, 4], True), ([2], False)])
def test_a_role_and_its_signing_word_apart_on_the_line_after_the_opinion(
    inked: list[int], filled: bool
) -> None:
    # the opinion row holds the opinion only: it is signed on the line after it
    assert _approver(_doc(SLOT, inked)) == [("负责人(签字)", filled)]


def _twocol() -> list[Block]:
    rows = [
        ("承办人意见\n建议立案调查。", "（签字）\n2024-01-16"),
        ("负责人审批意见\n同意立案。", "（签字）\n2024-01-16"),
    ]
    return _paragraphs("立案审批表") + [
        Block(kind=BlockKind.CELL, text=t, source="a.docx", page=1, table=0, row=r, col=c)
        for r, row in enumerate(rows)
        for c, t in enumerate(row)
    ]


@pytest.mark.parametrize(("inked", "filled"), [([2, 4], True), ([2], False)])
def test_an_opinion_cell_beside_a_signing_cell(inked: list[int], filled: bool) -> None:
    assert _approver(_doc(_twocol(), inked)) == [("负责人审批意见", filled)]


def test_an_opinion_heading_keeps_apart_from_a_signing_word_after_a_gap() -> None:
    """A PDF line holding the opinion's cell and the signing cell ("法制审核意见 （签字）") over the opinion
    ("审核通过。"): the opinion is no signature."""
    doc = _doc(_paragraphs("法制审核意见书", "法制审核意见 （签字）", "审核通过。", "2024/3/28"), [])
    slots = extract_document_facts(doc).signatures
    assert [(s.label, s.role, s.filled) for s in slots] == [("法制审核意见", Role.REVIEWER, False)]


def test_an_approval_row_is_signed_at_the_approvers_label_under_the_table() -> None:
    """holdout47 h47-01's text PDF: the row 负责人审批 holds only 同意结案。; the head signs after 负责人：
    on the line of signatures under the table (承办人：[ink] 2022.5.27 负责人：[ink] 2022.5.30). The row
    asks for no signature of its own."""
    closing = only_document(holdout47_pdf("h47-01-js-expired-2022-hearing"), T.CLOSING_REPORT)
    assert [(s.label, s.role, s.filled) for s in closing.facts.signatures] == [
        ("承办人", Role.OFFICER, True),
        ("负责人", Role.APPROVER, True),
    ]


@pytest.mark.parametrize(("inked", "signed"), [([2, 4], True), ([2], False)])
def test_the_heads_printed_name_before_the_ink_signs_nothing_itself(inked: list[int], signed: bool) -> None:
    """holdout19's .docx: each stage prints its signer's name with a colon, the ink after it, then the
    date ("苏建平：[ink]　23-04-10"); the row 局领导审批 is signed where that line holds ink, not by the
    printed name (h19-05: the head's ink is missing)."""
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=t, source="a.docx", page=1)
        for t in [
            "案件立案审批表",
            "经办人意见：符合立案条件，建议立案调查。",
            "马永福：\u300023-04-10",
            "局领导审批：同意立案。",
            "苏建平：\u300023-04-10",
        ]
    ]
    slots = extract_document_facts(_doc(blocks, inked)).signatures
    assert [(s.label, s.role, s.filled) for s in slots if s.role is Role.APPROVER] == [
        ("领导审批", Role.APPROVER, signed)
    ]
