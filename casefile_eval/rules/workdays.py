"""Counting statutory periods: calendar days and working days on the official holiday calendar.

Conventions (民法典 arts. 201-203, 行政处罚法 2021 art. 85): the day of the act is not counted; a
calendar period whose last day is a rest day ends on the next working day; a 2/3/5/7-day period of the
行政处罚法 is counted in working days. The holiday calendar is `chinesecalendar` (data 2004-2026): a year
outside it raises `MissingHolidayData` — the caller reports 无法判断, never a guess.
"""

from __future__ import annotations

import datetime as dt

import chinese_calendar

_ONE = dt.timedelta(days=1)
_LONGEST_REST = 12  # no run of rest days in the official calendar is longer (春节/国庆 with weekends)


class MissingHolidayData(Exception):
    """The holiday calendar has no data for `year`."""

    def __init__(self, year: int) -> None:
        super().__init__(f"缺少{year}年节假日数据")
        self.year = year


def is_working_day(day: dt.date) -> bool:
    """True on an official working day (weekdays and 调休 Saturdays/Sundays, holidays excluded)."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError as exc:
        raise MissingHolidayData(day.year) from exc


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` working days counted from the day after `start`."""
    day, left = start, days
    while left > 0:
        day += _ONE
        if is_working_day(day):
            left -= 1
    return day


def calendar_period_end(start: dt.date, days: int) -> dt.date:
    """The last day of a period of `days` calendar days after `start`, moved past rest days at its end."""
    day = start + dt.timedelta(days=days)
    while not is_working_day(day):
        day += _ONE
    return day


def period_end(start: dt.date, days: int, working: bool) -> dt.date:
    """The last day of a period in working or calendar days."""
    return add_working_days(start, days) if working else calendar_period_end(start, days)


def within(start: dt.date, end: dt.date, days: int, working: bool) -> bool:
    """True when `end` falls on or before the last day of the period; decided without holiday data
    where the answer does not depend on it (`end` within the plain calendar count)."""
    if end <= start + dt.timedelta(days=days):
        return True
    if not working and end > start + dt.timedelta(days=days + _LONGEST_REST):
        return False
    return end <= period_end(start, days, working)
