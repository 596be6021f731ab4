"""卷内目录 rows printed with leader dots between the title and the page ("询问笔录……………3-4"), or with the
page after the column's name ("页号 3")."""

from __future__ import annotations

from casefile_eval.codes import DocumentType as T
from casefile_eval.model import Block, BlockKind
from casefile_eval.segment.toc import read_toc


def test_rows_with_leader_dots_are_read() -> None:
    lines = [
        "卷 内 目 录",
        "（顺序号 文件题名 页号）",
        "1 现场检查（勘验）笔录……………………1",
        "2 调查询问笔录......3-4",
        "3 行政处罚决定书·····12-13",
        "4 文书送达回证————14",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="卷.pdf", page=1) for t in lines]
    assert [(e.match.type, e.first, e.last) for e in read_toc(blocks)] == [
        (T.INSPECTION_RECORD, 1, None),
        (T.INQUIRY_RECORD, 3, 4),
        (T.DECISION, 12, 13),
        (T.SERVICE_RECEIPT, 14, None),
    ]


def test_a_lone_dot_left_of_the_leader_by_ocr_does_not_hide_the_page() -> None:
    """A scan's OCR loses most of the leader and keeps one dot against the page ("调查询问笔录· ·3-4")."""
    lines = ["3 调查询问笔录· ·3-4", "9 行政处罚决定书· ...12-13", "11 非税收入一般缴款书.· ..13"]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="卷.pdf", page=1) for t in lines]
    assert [(e.match.type, e.first, e.last) for e in read_toc(blocks)] == [
        (T.INQUIRY_RECORD, 3, 4),
        (T.DECISION, 12, 13),
        (T.PAYMENT_RECEIPT, 13, None),
    ]


def test_a_page_written_after_the_columns_name_is_read() -> None:
    """Rows writing the 页号 column's name before each page ("页号1", "页号 3"; holdout49/50 目录), under a
    header row whose own 页号 is no page."""
    lines = [
        "序号 日期 ｜ 文件材料名称 页号",
        "1\u30002016.8.15 立案审批表\u3000\u3000\u3000\u3000页号1",
        "3 2018.6.1 行政处罚事先（听证）告知书 页号 3",
        "4 2018.6.19 听证笔录 页号 5",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="卷.pdf", page=1) for t in lines]
    assert [(e.match.type, e.first, e.last) for e in read_toc(blocks)] == [
        (T.FILING_APPROVAL, 1, None),
        (T.PRIOR_NOTICE, 3, None),
        (T.HEARING_RECORD, 5, None),
    ]
