"""A 送达回证 whose recipient signs in a row named 签收栏 dates the service by the date in that row."""

from __future__ import annotations

import datetime as dt

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.model import Block, BlockKind, Document


def test_the_date_in_the_signing_row_is_the_service_date() -> None:
    lines = [
        "赤峰市松山区农牧局",
        "送达回证",
        "送达文书名称 行政处罚告知书",
        "文书编号 松农牧罚告字〔2021〕05号",
        "受送达人 刘长海",
        "送达方式 直接送达",
        "签收人 送达人（签名）",
        "签收栏 2021-9-8",
        "备注",
    ]
    blocks = [Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1) for t in lines]
    doc = Document(
        type=T.SERVICE_RECEIPT, title="送达回证", source="c.pdf", pages=(1, 1), confidence=1.0, blocks=blocks
    )
    dates = extract_document_facts(doc).dates
    assert [(d.kind, d.value, d.raw) for d in dates] == [(DateKind.SERVED, dt.date(2021, 9, 8), "2021-9-8")]
