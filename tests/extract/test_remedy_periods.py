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


def test_a_court_named_after_its_period_is_the_litigation_route_though_its_verb_was_lost() -> None:
    # (holdout49 scans: 起诉。 under the seal read 趣, the 落款 run on after it)
    clause = parse_remedy(
        "如对本决定不服,可以自收到本决定书之日起六十日内依法向国家税务总局九江市税务局申请行政复议,"
        "或者自收到本决定书之日起六个月内依法向武宁县人民法院趣国家税务总后十宁县税务局"
    )
    assert (clause.litigation_offered, clause.litigation_court, clause.litigation_period_months) == (
        True,
        "武宁县人民法院",
        6,
    )
    assert (clause.review_offered, clause.review_period_days) == (True, 60)
    # a payment period before a bank is no route to a court
    assert not parse_remedy("当事人应当在十五日内向某某银行缴纳罚款").litigation_offered
