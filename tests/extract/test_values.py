"""Dates, document numbers, amounts and Chinese numerals in every style."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import DateKind
from casefile_eval.extract.amounts import find_amounts
from casefile_eval.extract.cnnum import cn_money, cn_to_int
from casefile_eval.extract.dates import find_dates, is_blank
from casefile_eval.extract.numbers import canonical_number, find_numbers
from casefile_eval.extract.text import norm, squeeze
from casefile_eval.model import DateFact


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2024年3月5日", dt.date(2024, 3, 5)),
        ("二〇二四年三月五日", dt.date(2024, 3, 5)),
        ("二○一五年十月二十二日", dt.date(2015, 10, 22)),
        ("二Ｏ二六年七月三日", dt.date(2026, 7, 3)),
        ("二O二六年三月九日", dt.date(2026, 3, 9)),
        ("二零二四年十一月二十二日", dt.date(2024, 11, 22)),
        ("2024年03月05日", dt.date(2024, 3, 5)),
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024.3.5", dt.date(2024, 3, 5)),
        ("2024/3/5", dt.date(2024, 3, 5)),
        ("2024 年 3 月 5 日", dt.date(2024, 3, 5)),
        ("２０２４年３月５日", dt.date(2024, 3, 5)),
    ],
)
def test_date_styles(text: str, value: dt.date) -> None:
    found = find_dates(norm(f"落款：{text}。"))
    assert [(d.value, d.blank) for d in found] == [(value, False)]


def test_blank_impossible_and_timed_dates() -> None:
    blank, impossible = find_dates(norm("日期：    年  月  日；2024年2月30日"))
    assert (blank.value, blank.blank, blank.raw) == (None, True, "年  月  日")
    assert (impossible.value, impossible.blank, impossible.raw) == (None, False, "2024年2月30日")
    assert is_blank(DateFact(kind=DateKind.DECIDED, value=None, raw=blank.raw))
    assert not is_blank(DateFact(kind=DateKind.DECIDED, value=None, raw=impossible.raw))
    (timed,) = find_dates("询问时间：2024年3月5日9时30分至10时15分")
    assert (timed.value, timed.start_time, timed.end_time) == (dt.date(2024, 3, 5), (9, 30), (10, 15))
    assert find_dates("金额4,724,792.78元，编号1.2024") == []


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("芙执罚决字 〔 2024 〕 第 12 号", "芙执罚决字〔2024〕12号"),
        ("惠市环(龙门)罚[2021]5号", "惠市环（龙门）罚〔2021〕5号"),
        ("京环保罚字（2021）第0012号", "京环保罚字〔2021〕12号"),
        ("湘市监罚【2023】7号", "湘市监罚〔2023〕7号"),
        ("河市税二稽处〔2026〕12 号", "河市税二稽处〔2026〕12号"),
    ],
)
def test_document_numbers(text: str, canonical: str) -> None:
    assert canonical_number(text) == canonical


def test_cited_numbers_lose_the_sentence_before_them() -> None:
    flat = squeeze("依据国税发〔1997〕134号和《行政处罚事先告知书》（荆环法〔2015〕174号）")
    assert [n.canonical for n in find_numbers(flat)] == ["国税发〔1997〕134号", "荆环法〔2015〕174号"]


def test_chinese_numerals_and_written_amounts() -> None:
    assert [cn_to_int(t) for t in ("十一", "一百三十一", "二〇二四", "一百零五", "两万", "12")] == [
        11,
        131,
        2024,
        105,
        20000,
        12,
    ]
    # units out of order are a misread (a seal over 二十一 read 二十十), never a number
    assert [cn_to_int(t) for t in ("二十十", "三十百", "十十", "一千零五十", "一百一十")] == [
        None,
        None,
        None,
        1050,
        110,
    ]
    assert cn_money("壹万贰仟叁佰肆拾伍元陆角柒分") == 12345.67
    assert cn_money("人民币伍仟元整") == 5000.0
    assert cn_money("贰佰元零伍分") == 200.05
    assert cn_money("叁仟零伍拾元") == 3050.0
    assert cn_money("二万元") == 20000.0


def test_amount_styles() -> None:
    flat = squeeze(
        "5000元、5,000.00元、0.5万元、人民币伍仟元整、罚款6万元、50万元、壹万贰仟叁佰肆拾伍元陆角柒分"
    )
    assert [a.value for a in find_amounts(flat)] == [
        5000.0,
        5000.0,
        5000.0,
        5000.0,
        60000.0,
        500000.0,
        12345.67,
    ]


def test_a_dot_before_three_digits_of_a_yuan_sum_is_a_misread_comma() -> None:
    # OCR reads the thousands comma of 60,000元 as a dot; a 元 sum has no third decimal (1.50元 stays)
    assert [a.value for a in find_amounts(squeeze("罚款人民币60.000元、1.50元、0.5万元"))] == [
        60000.0,
        1.5,
        5000.0,
    ]
