"""A 缴款书 dated in a bank's compact style ("填制日期：20230616", or the digits in the cell after the field
name) is dated by that day, as the day the payment was made out; eight digits elsewhere are a number."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind
from casefile_eval.codes import DocumentType as T
from casefile_eval.extract import extract_document_facts
from casefile_eval.extract.dates import find_dates
from tests.extract.docs import doc_from_rows


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("No.1400230616　　填制日期：20230616", [("20230616", dt.date(2023, 6, 16))]),
        ("交易时间:20230616 10:00", [("20230616", dt.date(2023, 6, 16))]),
        ("账号：20230616", []),  # not after a date field's name
        ("日期：20231345", []),  # no such month
        ("日期：202306161", []),  # nine digits
    ],
)
def test_eight_digits_after_a_date_fields_name_are_a_date(
    text: str, dates: list[tuple[str, dt.date]]
) -> None:
    assert [(d.raw, d.value) for d in find_dates(text)] == dates


def test_the_payment_form_is_dated_by_its_fill_in_date() -> None:
    doc = doc_from_rows(
        [["缴款人全称", "忻州市忻府区兴旺砂石料场"], ["金额（大写）", "贰万元整"], ["填制日期", "20230616"]],
        T.PAYMENT_RECEIPT,
        before=["非税收入一般缴款书"],
    )
    facts = extract_document_facts(doc)
    assert [(d.kind, d.value, d.label) for d in facts.dates] == [
        (DateKind.PAID, dt.date(2023, 6, 16), "填制日期")
    ]
