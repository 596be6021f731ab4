from __future__ import annotations

import datetime as dt

import pytest

from fixtures.generator.formats import (
    AmountStyle,
    DateStyle,
    add_workdays,
    case_number,
    format_amount,
    format_date,
    han_article,
    upper_amount,
)

DAY = dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    ("style", "text"),
    [
        (DateStyle.ARABIC, "2024年3月5日"),
        (DateStyle.ARABIC_PADDED, "2024年03月05日"),
        (DateStyle.HAN, "二〇二四年三月五日"),
        (DateStyle.HAN_CIRCLE, "二○二四年三月五日"),
        (DateStyle.HAN_FULLWIDTH_O, "二Ｏ二四年三月五日"),
        (DateStyle.ISO, "2024-03-05"),
        (DateStyle.DOTTED, "2024.3.5"),
    ],
)
def test_date_styles(style: DateStyle, text: str) -> None:
    assert format_date(DAY, style) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (5000, "伍仟元整"),
        (12500.5, "壹万贰仟伍佰元伍角"),
        (105000, "壹拾万零伍仟元整"),
        (3050, "叁仟零伍拾元整"),
    ],
)
def test_upper_amounts(value: float, text: str) -> None:
    assert upper_amount(value) == text


def test_amount_figures() -> None:
    assert format_amount(5000, AmountStyle.PLAIN) == "5000元"
    assert format_amount(5000, AmountStyle.GROUPED) == "5,000.00元"
    assert format_amount(5000, AmountStyle.WAN) == "0.5万元"


def test_articles_and_numbers() -> None:
    assert [han_article(n) for n in (15, 72, 108, 113, 200)] == [
        "十五",
        "七十二",
        "一百零八",
        "一百一十三",
        "二百",
    ]
    assert case_number("嘉交执罚", 2021, 77, "〔〕", True, False) == "嘉交执罚〔2021〕第77号"
    assert case_number("成武税简罚", 2024, 5, "[]", False, True) == "成武税简罚[2024] 5号"


def test_workdays_cross_national_day() -> None:
    assert add_workdays(dt.date(2024, 9, 29), 5) == dt.date(2024, 10, 11)
