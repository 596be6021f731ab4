"""The built-in 较大数额 of an agency kind, picked by the date of the decision: the ecology and environment
agencies' own limit (环境行政处罚办法 art. 78, 2010-03-01 to 2023-06-30), the default outside it and when
the date is unknown (the limit in force now)."""

from __future__ import annotations

import datetime as dt

import pytest

from casefile_eval.codes import AgencyKind
from casefile_eval.rules.config import load_thresholds


@pytest.mark.parametrize(
    ("on", "amounts"),
    [
        (dt.date(2016, 6, 1), (5000, 50000)),
        (dt.date(2023, 6, 30), (5000, 50000)),
        (dt.date(2023, 7, 1), (10000, 100000)),
        (dt.date(2009, 12, 31), (10000, 100000)),
        (None, (10000, 100000)),
    ],
)
def test_ecology_limit_by_date(on: dt.date | None, amounts: tuple[int, int]) -> None:
    limit = load_thresholds().agency_large_fine(AgencyKind.ECOLOGY_ENVIRONMENT, on)
    assert (limit.individual, limit.organization) == amounts


def test_an_undated_limit_holds_on_every_date() -> None:
    config = load_thresholds()
    for on in (dt.date(2015, 1, 1), None):
        limit = config.agency_large_fine(AgencyKind.TAX, on)
        assert (limit.individual, limit.organization) == (2000, 10000)
    assert config.agency_large_fine(None, None) == config.large_fine
