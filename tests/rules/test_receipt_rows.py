"""Reading receipts, 负责人意见 rows and 卷内目录 rows from a document's text, as the rules do."""

from __future__ import annotations

import re

from casefile_eval.codes import DocumentType
from casefile_eval.model import Block, BlockKind, Case, Document, DocumentFacts, ImageItem, ImageKind
from casefile_eval.rules.checks.opinion_rows import UnsignedRow, unsigned_rows
from casefile_eval.rules.checks.receipts import ServedName, decision_kind, served_names
from casefile_eval.rules.checks.tocrows import matched_rows

_LABEL = re.compile(r"((机关|单位|部门|分管|主要)?负责人|领导)(审批|审核|批准)?(意见?)?|审批人?意见")
_END = re.compile(r"承办|经办|审核|备注")


def _doc(doc_type: DocumentType, lines: list[str], **kw: object) -> Document:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="a.pdf", page=3) for t in lines]
    return Document(
        type=doc_type, title=None, source="a.pdf", pages=(3, 3), confidence=1.0, blocks=blocks, **kw
    )


def test_served_names_pairs_each_name_with_its_own_number() -> None:
    receipt = _doc(
        DocumentType.SERVICE_RECEIPT,
        [
            "送达文书名称及文号",
            "行政处罚决定书（赣林罚〔2025〕7号）；",
            "责令限期恢复植被通知书（赣林改〔2025〕3号）",
        ],
    )
    assert served_names(receipt) == [
        ServedName("行政处罚决定书", "赣林罚〔2025〕7号", "赣林罚"),
        ServedName("责令限期恢复植被通知书", "赣林改〔2025〕3号", "赣林改"),
    ]


def test_decision_kinds() -> None:
    assert decision_kind("税务处理决定书") == "handling"
    assert decision_kind("当场行政处罚决定书") == "penalty"
    assert decision_kind("不予行政处罚决定书") == "no_penalty"
    assert decision_kind("决定书") == "decision"
    assert decision_kind("行政处罚决定告知书") is None
    assert decision_kind("责令改正通知书") is None


def test_opinion_row_without_name_over_wrapped_label() -> None:
    doc = _doc(
        DocumentType.FILING_APPROVAL,
        [
            "承办人意见 建议立案。 孙红 2025.3.1",
            "领导审批意",
            "同意立案。   签名：   2025.3.2",
            "见",
            "第 1 页",
        ],
    )
    assert unsigned_rows(doc, _LABEL, _END) == [
        UnsignedRow("领导审批意见", "领导审批意 同意立案。   签名：   2025.3.2 见 第 1 页", 3)
    ]


def test_opinion_row_with_spaced_name_or_image_is_signed() -> None:
    spaced = _doc(DocumentType.CLOSING_REPORT, ["负责人意见：同意结案。  何  平   2025年8月9日"])
    assert unsigned_rows(spaced, _LABEL, _END) == []
    imaged = _doc(
        DocumentType.CLOSING_REPORT,
        ["负责人意见：同意结案。  2025年8月9日"],
        images=[ImageItem(kind=ImageKind.SIGNATURE, source="a.pdf", page=3, block_index=0)],
    )
    assert unsigned_rows(imaged, _LABEL, _END) == []


def test_opinion_row_without_date_or_with_long_opinion_is_left_alone() -> None:
    no_date = _doc(DocumentType.DECISION_APPROVAL, ["负责人审批意见：同意。", "年  月  日"])
    long_opinion = _doc(
        DocumentType.DECISION_APPROVAL, ["负责人审批意见：同意按一般程序处理并罚款 2025年4月1日"]
    )
    assert unsigned_rows(no_date, _LABEL, _END) == []
    assert unsigned_rows(long_opinion, _LABEL, _END) == []


def _cell(text: str, row: int, col: int) -> Block:
    return Block(kind=BlockKind.CELL, text=text, source="卷.pdf", page=2, table=0, row=row, col=col)


def test_toc_rows_from_table_cells_keep_their_serials() -> None:
    cells = [_cell("序号", 0, 0), _cell("题名", 0, 1), _cell("页号", 0, 2)]
    for row, (title, page) in enumerate([("立案审批表", "1"), ("询问笔录", "2-3"), ("送达回证", "4")], 1):
        cells += [_cell(str(row + 6), row, 0), _cell(title, row, 1), _cell(page, row, 2)]
    toc = Document(
        type=DocumentType.TOC, title="卷内目录", source="卷.pdf", pages=(2, 2), confidence=1.0, blocks=cells
    )

    def doc(doc_type: DocumentType, pages: tuple[int, int]) -> Document:
        return Document(
            type=doc_type, title=None, source="卷.pdf", pages=pages, confidence=1.0, facts=DocumentFacts()
        )

    case = Case(
        source="卷.pdf",
        documents=[
            toc,
            doc(DocumentType.FILING_APPROVAL, (3, 3)),
            doc(DocumentType.INQUIRY_RECORD, (4, 5)),
            doc(DocumentType.SERVICE_RECEIPT, (6, 6)),
        ],
    )
    rows = matched_rows(case, toc)
    assert [(r.serial, r.entry.first, r.physical) for r in rows] == [(7, 1, 3), (8, 2, 4), (9, 4, 6)]
