"""Readings holdout51's scans showed wrong: a receipt's caption wrapped in its cell and cut by OCR at its
line's end ("受送达人签名（盖" over an unread 章）) gave the slot a signer "盖"; and an approver's date in
Chinese numerals written with dots (黄志诚 二〇一五.六.八) was no date."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DocumentType, Role
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.dates import find_dates
from casefile_eval.model import Block, BlockKind, Document


def _receipt(lines: list[str]) -> Document:
    blocks = [Block(kind=BlockKind.LINE, text=t, source="c.pdf", page=1) for t in lines]
    return Document(
        type=DocumentType.SERVICE_RECEIPT,
        title="送达回证",
        source="c.pdf",
        pages=(1, 1),
        confidence=1.0,
        blocks=blocks,
    )


@pytest.mark.parametrize("cut", ["受送达人签名（盖", "受送达人签名(签", "受送达人签字（盖 "])
def test_a_caption_cut_at_its_lines_end_is_the_label_not_a_signer(cut: str) -> None:
    lines = ["送达回证", "受送达人 宜章县鑫源石材加工厂", "送达时间 2017年4月19日", cut, "送达人 邓卫国"]
    doc = _receipt(lines)
    slots = extract_document_facts(doc).signatures
    assert [(s.role, s.filled, s.signer) for s in slots] == [
        (Role.RECIPIENT, False, None),
        (Role.SERVER, True, "邓卫国"),
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("黄志诚 二0一五.六.八", dt.date(2015, 6, 8)),
        ("同意。二〇一五.十二.二十", dt.date(2015, 12, 20)),
        ("二〇二三．十．三十一", dt.date(2023, 10, 31)),
        ("一九九九.九.九", dt.date(1999, 9, 9)),
    ],
)
def test_a_date_in_chinese_numerals_with_dots_is_read(text: str, value: dt.date) -> None:
    assert [d.value for d in find_dates(text)] == [value]


@pytest.mark.parametrize("text", ["第一二三四.五.六条", "二〇一五.六", "二〇一五.六.八.九"])
def test_numerals_with_dots_that_make_no_date_are_none(text: str) -> None:
    assert find_dates(text) == []


def test_a_signing_caption_in_the_value_cell_joins_the_label_and_the_name_under_it_signs() -> None:
    """受送达人签收 | 签名 over the name and date written lower in the cell (OCR reads the two cells as one
    line, the handwriting as the next)."""
    lines = ["送达回证", "受送达人签收 签名", "杨秀兰 2023.10.11", "送达人 签名", "龙海波"]
    slots = extract_document_facts(_receipt(lines)).signatures
    assert [(s.label, s.role, s.filled, s.signer, s.date) for s in slots] == [
        ("受送达人签收签名", Role.RECIPIENT, True, "杨秀兰", dt.date(2023, 10, 11)),
        ("送达人签名", Role.SERVER, True, "龙海波", None),
    ]
