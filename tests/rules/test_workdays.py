"""Working-day and calendar-day periods on the official holiday calendar, with exact dates."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.rules.workdays import MissingHolidayData, add_working_days, calendar_period_end, within

D = dt.date


def test_seventh_working_day_is_ninth_calendar_day() -> None:
    assert add_working_days(D(2024, 4, 10), 7) == D(2024, 4, 19)
    assert within(D(2024, 4, 10), D(2024, 4, 19), 7, working=True)
    assert not within(D(2024, 4, 10), D(2024, 4, 22), 7, working=True)


def test_across_national_day_with_makeup_weekend_days() -> None:
    # 2024-09-29 (Sunday) and 2024-10-12 (Saturday) are working days; 10-01..10-07 are holidays.
    assert add_working_days(D(2024, 9, 27), 7) == D(2024, 10, 12)
    assert add_working_days(D(2024, 9, 27), 2) == D(2024, 9, 30)
    assert not within(D(2024, 9, 27), D(2024, 10, 14), 7, working=True)


def test_calendar_period_moves_past_rest_days() -> None:
    assert calendar_period_end(D(2020, 6, 6), 7) == D(2020, 6, 15)
    assert calendar_period_end(D(2024, 9, 24), 7) == D(2024, 10, 8)
    assert calendar_period_end(D(2024, 1, 10), 90) == D(2024, 4, 9)


def test_year_without_holiday_data() -> None:
    with pytest.raises(MissingHolidayData) as info:
        add_working_days(D(2026, 12, 28), 7)
    assert info.value.year == 2027
    assert str(info.value) == "缺少2027年节假日数据"
    # Decided without the calendar where the answer does not depend on it.
    assert within(D(2026, 12, 28), D(2027, 1, 3), 7, working=True)
    assert not within(D(2026, 10, 1), D(2027, 3, 1), 90, working=False)
