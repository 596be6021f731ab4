"""A register's 笔录 prints its field names tiny in a cell's corner and OCR may lose them: the first date of
the record's head written as a span of hours is still when the record was made; such a date is never a
落款, even on a short line beside the agency's name (询问地点 本溪市市场监督管理局询问室)."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document


def record(doc_type: T, lines: list[str]) -> Document:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="s.pdf", page=2) for t in lines]
    return Document(
        type=doc_type, title=lines[0], source="s.pdf", pages=(2, 2), confidence=0.98, blocks=blocks
    )


def test_a_span_of_hours_in_the_head_of_an_inquiry_record_dates_it() -> None:
    doc = record(
        T.INQUIRY_RECORD,
        [
            "No03 调查询问笔录",
            "本溪市市场监督管理局",
            "问推点",  # 询问时间 lost, 询问地点 misread
            "20-04-099时30分至10时50分 本溪市市场监督管理局询问室",
            "赵晓东（执法证号：21050017102）、于丽娜（执法证号：21050017118）",
            "1.问：我们是本溪市市场监督管理局的执法人员，依法你有申请回避的权利，是否申请回避？",
            "答：不申请回避。",
        ],
    )
    dates = extract_document_facts(doc).dates
    assert [(d.kind, d.value, d.raw) for d in dates] == [
        (DateKind.RECORD_START, dt.date(2020, 4, 9), "20-04-099时30分至10时50分")
    ]


def test_a_date_without_hours_in_the_head_is_not_taken_for_the_record_time() -> None:
    doc = record(
        T.INSPECTION_RECORD,
        [
            "现场检查笔录",
            "当事人 本溪市平山区惠邻生鲜超市 成立日期 2015年3月2日",
            "1.问：是否申请回避？",
            "答：不申请。",
        ],
    )
    dates = extract_document_facts(doc).dates
    assert [d.value for d in dates] == [dt.date(2015, 3, 2)]
    assert DateKind.RECORD_START not in {d.kind for d in dates}


def test_a_date_written_before_its_signing_caption_belongs_to_it() -> None:
    doc = record(
        T.LEGAL_REVIEW,
        [
            "重大执法决定法制审核表",
            "经审核：本案执法主体合法，案件事实清楚，证据确实充分。同意承办机构的处理意见。",
            "审核人员：吕文静 法律职业资格证书编号：A2017QW5L60",
            "2021.9.16 审核人员签名：",
        ],
    )
    facts = extract_document_facts(doc)
    assert [(d.kind, d.value, d.label) for d in facts.dates] == [
        (DateKind.REVIEWED, dt.date(2021, 9, 16), "审核人员")
    ]
    assert [(s.label, s.filled) for s in facts.signatures] == [("审核人员签名", False)]
