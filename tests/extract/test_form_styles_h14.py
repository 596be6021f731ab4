"""Form styles seen in a fourteenth family of case files: dot leaders between a field name and its
value, field names printed spaced out over their values, dates filled in with a two-digit year, the 局长
signing as head, and a 送达回证 that lists the documents served one a row under a header row."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind, Role
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.dates import find_dates
from casefile_eval.model import Block, BlockKind, Document
from casefile_eval.parsers.header_rows import grid_reading_order


def doc_of(blocks: list[tuple[BlockKind, str]], doc_type: T, title: str) -> Document:
    return Document(
        type=doc_type,
        title=title,
        source="f.docx",
        pages=(1, 1),
        confidence=1.0,
        blocks=[Block(kind=kind, text=text, source="f.docx", page=1) for kind, text in blocks],
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("局长签名（盖章）：　　22.3.7", dt.date(2022, 3, 7)),
        ("审核人：24/5/14", dt.date(2024, 5, 14)),
        ("依据第12.3.4条", None),  # a clause number
        ("服务器地址10.0.0.1", None),
        ("版本v22.3.7", None),
        ("35.3.7号", dt.date(2035, 3, 7)),
        ("当事人签章： 20-04-09 ｜ 调查人：", dt.date(2020, 4, 9)),  # a register's signing line
        ("联系电话：0731-84-12345", None),
        ("《建筑设计防火规范》GB50016-2014", None),
        ("第10-12-15页", None),
    ],
)
def test_a_date_filled_in_with_a_two_digit_year(text: str, value: dt.date | None) -> None:
    assert [m.value for m in find_dates(text)] == ([value] if value else [])


def test_a_two_digit_year_date_keeps_the_time_ocr_closed_up_on_it() -> None:
    [found] = find_dates("检查时间 20-04-079时10分至10时25分")
    assert (found.value, found.start_time, found.end_time) == (dt.date(2020, 4, 7), (9, 10), (10, 25))


def test_a_colon_ocr_read_for_the_gap_before_the_hour_leaves_the_day_whole() -> None:
    # "送达时间：2019.3.13 15时20分" read with a colon for the gap: the 13th, not the 1st at 3:15
    assert [(m.raw, m.value) for m in find_dates("送达时间：2019.3.13:15时20分")] == [
        ("2019.3.13", dt.date(2019, 3, 13))
    ]
    assert [m.value for m in find_dates("2019.3.1810时05分")] == [dt.date(2019, 3, 18)]


def test_a_field_name_and_its_value_joined_by_dot_leaders() -> None:
    doc = doc_of(
        [
            (BlockKind.LINE, "现场笔录"),
            (BlockKind.LINE, "检查时间……………2022年03月09日16时20分至17时05分"),
            (BlockKind.LINE, "检查地点……………常德市武陵区人民路2156号"),
            (BlockKind.LINE, "住所（地址）……常德市武陵区人民路2156号"),
        ],
        T.INSPECTION_RECORD,
        "现场笔录",
    )
    dates = extract_document_facts(doc).dates
    assert [(d.kind, d.value, d.label) for d in dates] == [
        (DateKind.RECORD_START, dt.date(2022, 3, 9), "检查时间")
    ]


def test_a_field_name_printed_spaced_out_in_the_cell_above_its_value() -> None:
    doc = doc_of(
        [
            (BlockKind.PARAGRAPH, "现场检查笔录"),
            (BlockKind.CELL, "检 查 时 间\n2023年02月23日10时00分至11时10分"),
        ],
        T.INSPECTION_RECORD,
        "现场检查笔录",
    )
    dates = extract_document_facts(doc).dates
    assert [(d.kind, d.value, d.label) for d in dates] == [
        (DateKind.RECORD_START, dt.date(2023, 2, 23), "检查时间")
    ]


def test_the_head_signing_as_juzhang_is_the_approver() -> None:
    doc = doc_of(
        [
            (BlockKind.LINE, "立案报告表"),
            (BlockKind.LINE, "③ 负责人审批意见："),
            (BlockKind.LINE, "同意立案，由罗志勇、向慧承办。"),
            (BlockKind.LINE, "局长签名（盖章）：王建国　　22.3.7"),
        ],
        T.FILING_APPROVAL,
        "立案报告表",
    )
    facts = extract_document_facts(doc)
    last = facts.signatures[-1]
    assert (last.label, last.role, last.filled) == ("局长签名(盖章)", Role.APPROVER, True)
    assert [(d.kind, d.value, d.role) for d in facts.dates] == [
        (DateKind.FILED, dt.date(2022, 3, 7), Role.APPROVER)
    ]


def test_a_receipt_listing_the_documents_served_one_a_row() -> None:
    header = ["序号", "送达文书名称及文号", "送达时间", "送达地点", "送达方式"]
    header += ["受送达人签收", "送达人签字", "备注"]
    row = ["1", "行政处罚决定书、非税收入缴款通知书（镜卫医罚〔2021〕第17号）", "2021年11月26日 10:30"]
    row += ["芜湖市镜湖区赭山东路97号", "直接送达", "", "", "汪德明本人签收"]
    blocks = [Block(kind=BlockKind.PARAGRAPH, text="送达回证", source="r.docx", page=1)]
    blocks += [
        Block(kind=BlockKind.CELL, text=text, source="r.docx", page=1, table=0, row=r, col=c)
        for r, cells in enumerate([header, row])
        for c, text in enumerate(cells)
    ]
    ordered, _ = grid_reading_order(blocks, [])
    doc = Document(type=T.SERVICE_RECEIPT, title="送达回证", source="r.docx", pages=(1, 1), confidence=1.0)
    doc.blocks = ordered
    facts = extract_document_facts(doc)
    assert facts.served_document_type is T.DECISION
    assert [(d.kind, d.value, d.label) for d in facts.dates] == [
        (DateKind.SERVED, dt.date(2021, 11, 26), "送达时间")
    ]
