"""Dates written a digit to a box on a form ("[2][0][2][3]年[0][7]月[1][4]日"), read as the text layer gives
them: each digit apart."""

from __future__ import annotations

import datetime as dt

from casefile_eval.extract.dates import find_dates


def _read(text: str) -> list[tuple[str, dt.date | None]]:
    return [(m.raw, m.value) for m in find_dates(text)]


def test_a_date_a_digit_to_a_box_is_read() -> None:
    assert _read("签字： 2 0 2 3 年 0 7 月 1 4 日") == [("2 0 2 3 年 0 7 月 1 4 日", dt.date(2023, 7, 14))]
    assert _read("日期 1 9 9 8年 3 月 5 日") == [("1 9 9 8年 3 月 5 日", dt.date(1998, 3, 5))]


def test_spaced_digits_that_are_no_year_are_no_date() -> None:
    assert _read("电话 1 2 3 4 年 5 月 6 日") == []
    assert _read("编号 3 2 0 2 3 年 0 7 月 1 4 日") == []
