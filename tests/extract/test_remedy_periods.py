"""A remedy clause's periods: each is tied to the route named after it, before the next period. A payment
period standing before the 复议 period in one run of text (a 当场 decision's grid row "缴纳方式 十五日内…
缴纳" right before the remedy cell, no full stop between) is no 复议 period."""

from __future__ import annotations

from casefile_eval.extract.remedy import parse_remedy

GRID_ROWS = (
    "缴纳方式自收到本决定书之日起十五日内到雅安市内任一农业银行网点缴纳"
    "当事人对本决定不服的，应当自收到本决定书之日起六十日内先向雅安市人民政府申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向雅安市雨城区人民法院提起行政诉讼。"
)


def test_a_payment_period_before_the_review_period_is_not_the_review_period() -> None:
    clause = parse_remedy(GRID_ROWS)
    assert (clause.review_period_days, clause.review_period_raw) == (60, "六十日内")
    assert (clause.litigation_period_raw, clause.litigation_period_days, clause.review_first) == (
        "十五日内",
        15,
        True,
    )


def test_a_period_right_before_its_route_is_still_its_own() -> None:
    clause = parse_remedy(
        "如不服本决定，可在收到本决定书之日起六十日内向某市人民政府申请行政复议，或者六个月内向某区人民法院提起行政诉讼。"
    )
    assert (clause.review_period_days, clause.litigation_period_months) == (60, 6)
