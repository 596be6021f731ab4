"""A case date written but read only in part: the days it can be (its own span, narrowed by the dates
around it), the law it picks when every one of those days reads the same, and premature-decision verdicts
over the whole span."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from casefile_eval.rules.context import CaseView
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.examples import build_case
from casefile_eval.rules.loader import load_rules
from casefile_eval.rules.schema import ExampleCase

D = dt.date
RULES = load_rules()
CHANGES = RULES.change_dates


def _case(decided: Mapping[str, object], **dates: str) -> ExampleCase:
    return ExampleCase.model_validate(
        {
            "facts": {"dates": dates},
            "documents": [
                {"type": "prior_notice"},
                {"type": "decision", "facts": {"dates": [decided]}},
            ],
        }
    )


def _view(spec: ExampleCase) -> CaseView:
    return CaseView(build_case(spec), RULES.thresholds, RULES.laws, CHANGES)


PARTIAL_2024 = {
    "kind": "decided",
    "value": None,
    "raw": "二〇二四年八月二十□日",
    "earliest": "2024-08-21",
    "latest": "2024-08-29",
}
YEAR_ONLY = {
    "kind": "decided",
    "value": None,
    "raw": "二〇二三年□月□日",
    "earliest": "2023-01-01",
    "latest": "2023-12-31",
}


def test_the_change_dates_hold_the_new_review_law_and_the_2021_penalty_law() -> None:
    assert {D(2024, 1, 1), D(2021, 7, 15), D(2015, 5, 1)} <= set(CHANGES)


def test_a_partial_read_is_narrowed_by_the_dates_around_it() -> None:
    view = _view(_case(PARTIAL_2024, notified="2024-08-23", served="2024-08-27"))
    assert view.bounds("decided") == (D(2024, 8, 23), D(2024, 8, 27))
    assert view.law_date("decided") == D(2024, 8, 23)


def test_a_span_over_a_law_change_picks_no_law() -> None:
    view = _view(_case(YEAR_ONLY, notified="2023-06-01", served="2024-01-10"))
    assert view.bounds("decided") == (D(2023, 6, 1), D(2023, 12, 31))
    assert view.law_date("decided") == D(2023, 6, 1)
    spanning = _view(
        _case({"kind": "decided", "value": None, "raw": "x"}, notified="2023-12-20", served="2024-01-10")
    )
    assert spanning.bounds("decided") == (D(2023, 12, 20), D(2024, 1, 10))
    assert spanning.law_date("decided") is None


def test_a_lost_year_is_placed_by_the_dates_around_it() -> None:
    lost = {"kind": "decided", "value": None, "raw": "二二年九月二□七日", "month": 9, "day": 27}
    view = _view(_case(lost, notified="2024-09-10", served="2024-10-12"))
    assert view.bounds("decided") == (D(2024, 9, 27), D(2024, 9, 27))
    assert view.law_date("decided") == D(2024, 9, 27)
    placed = view.partial("decided")
    assert placed is not None
    assert placed.value == D(2024, 9, 27)
    month_only = {"kind": "decided", "value": None, "raw": "二0二年七月□日", "month": 7}
    view = _view(_case(month_only, filed="2022-03-14", served="2022-07-15"))
    assert view.bounds("decided") == (D(2022, 7, 1), D(2022, 7, 15))


def test_a_lost_year_is_the_day_its_document_reads_whole_on_the_same_month_and_day() -> None:
    # the 立案审批表's 立案日期 read 26年1月6日 (year lost); the head signed it 2026年1月6日: the filing
    # date is that day though no case date comes before the filing to place it
    spec = ExampleCase.model_validate(
        {
            "facts": {"dates": {"notified": "2026-03-09"}},
            "documents": [
                {
                    "type": "filing_approval",
                    "facts": {
                        "dates": [
                            {"kind": "signed", "value": "2026-01-06", "raw": "2026年1月6日"},
                            {"kind": "filed", "value": None, "raw": "26年1月6日", "month": 1, "day": 6},
                        ]
                    },
                },
                {"type": "prior_notice"},
            ],
        }
    )
    view = _view(spec)
    assert view.bounds("filed") == (D(2026, 1, 6), D(2026, 1, 6))
    placed = view.partial("filed")
    assert placed is not None
    assert placed.value == D(2026, 1, 6)
    # a document's date on another day gives no year: unplaced with nothing before the filing
    other_day = spec.model_copy(deep=True)
    other_day.documents[0].facts.dates[0].value = D(2026, 1, 7)
    assert _view(other_day).bounds("filed") == (None, None)


def test_a_lost_year_without_a_date_on_either_side_stays_unplaced() -> None:
    lost = {"kind": "decided", "value": None, "raw": "二二年九月二□七日", "month": 9, "day": 27}
    view = _view(_case(lost, notified="2024-09-10"))
    assert view.bounds("decided") == (None, None)
    assert view.partial("decided") is None
    assert view.law_date("decided") is None
    contradicted = _view(_case(lost, notified="2024-10-01", served="2024-10-12"))
    assert contradicted.bounds("decided") == (None, None)


def _approved_case(approved: str, **dates: str) -> ExampleCase:
    return ExampleCase.model_validate(
        {
            "facts": {"dates": dates},
            "documents": [
                {"type": "prior_notice"},
                {
                    "type": "decision_approval",
                    "facts": {"dates": [{"kind": "approved", "value": approved, "raw": approved}]},
                },
                {"type": "decision", "facts": {"dates": [PARTIAL_2024]}},
            ],
        }
    )


def test_a_partial_decision_date_is_no_earlier_than_the_heads_approval() -> None:
    view = _view(_approved_case("2024-08-26", notified="2024-08-12", served="2024-09-05"))
    assert view.bounds("decided") == (D(2024, 8, 26), D(2024, 8, 29))
    # an approval read after the service date (a misread) does not narrow the span
    misread = _view(_approved_case("2024-09-26", notified="2024-08-12", served="2024-09-05"))
    assert misread.bounds("decided") == (D(2024, 8, 21), D(2024, 8, 29))


def test_a_lost_month_keeps_its_day_between_the_signed_approval_and_the_service() -> None:
    # OCR lost the month between 年 and 月 (2021年月18日): the 18th of some month of 2021; the decision's
    # 审批表 was signed on 10-15 (its signers not told apart on the scan) and the decision served on 10-27
    lost_month = {
        "kind": "decided",
        "value": None,
        "raw": "2021年月18日",
        "earliest": "2021-01-18",
        "latest": "2021-12-18",
        "day": 18,
    }
    spec = ExampleCase.model_validate(
        {
            "facts": {"dates": {"served": "2021-10-27"}},
            "documents": [
                {"type": "prior_notice"},
                {
                    "type": "decision_approval",
                    "facts": {"dates": [{"kind": "signed", "value": "2021-10-15", "raw": "2021.10.15"}]},
                },
                {"type": "decision", "facts": {"dates": [lost_month]}},
            ],
        }
    )
    view = _view(spec)
    assert view.bounds("decided") == (D(2021, 10, 18), D(2021, 10, 18))
    assert view.law_date("decided") == D(2021, 10, 18)


def _closing_case(stated: str, *extra: Mapping[str, object], **dates: str) -> ExampleCase:
    closing = {"kind": "other", "value": stated, "raw": stated, "label": "决定日期"}
    return ExampleCase.model_validate(
        {
            "facts": {"dates": dates},
            "documents": [
                {"type": "prior_notice"},
                {"type": "decision", "facts": {"dates": [PARTIAL_2024]}},
                {"type": "closing_report", "facts": {"dates": [closing]}},
                *extra,
            ],
        }
    )


def test_a_partial_decision_date_is_the_day_the_closing_form_states_within_its_span() -> None:
    view = _view(_closing_case("2024-08-26", notified="2024-08-12", served="2024-09-05"))
    assert view.bounds("decided") == (D(2024, 8, 26), D(2024, 8, 26))
    # a stated day outside what the decision's own reading allows narrows nothing
    outside = _view(_closing_case("2024-08-19", notified="2024-08-12", served="2024-09-05"))
    assert outside.bounds("decided") == (D(2024, 8, 21), D(2024, 8, 29))


def _closing_prose(text: str, raw: str, value: str) -> ExampleCase:
    closing = {
        "type": "closing_report",
        "text": text,
        "facts": {"dates": [{"kind": "other", "value": value, "raw": raw}]},
    }
    return ExampleCase.model_validate(
        {
            "facts": {"dates": {"notified": "2024-08-12", "served": "2024-09-05"}},
            "documents": [
                {"type": "prior_notice"},
                {"type": "decision", "facts": {"dates": [PARTIAL_2024]}},
                closing,
            ],
        }
    )


def test_a_partial_decision_date_is_the_day_the_closing_report_says_it_was_made() -> None:
    made = "处罚决定 温税罚〔2024〕36号，二〇二四年八月二十六日作出，罚款人民币壹万元。"
    view = _view(_closing_prose(made, "二〇二四年八月二十六日", "2024-08-26"))
    assert view.bounds("decided") == (D(2024, 8, 26), D(2024, 8, 26))
    made = "本局于2024年8月27日作出行政处罚决定，当事人已于9月10日缴纳罚款。"
    assert _view(_closing_prose(made, "2024年8月27日", "2024-08-27")).bounds("decided") == (
        D(2024, 8, 27),
        D(2024, 8, 27),
    )
    # a date the report gives for something else (the notice made on that day) states no decision date
    notice = "2024年8月23日作出行政处罚告知，当事人未提出陈述申辩。"
    assert _view(_closing_prose(notice, "2024年8月23日", "2024-08-23")).bounds("decided") == (
        D(2024, 8, 21),
        D(2024, 8, 29),
    )


def test_the_closing_forms_decision_day_stands_against_an_earlier_receipt() -> None:
    # the receipt (8-24) says the decision was served before the day the 结案 form gives (8-26), which the
    # decision's own partial reading allows: the stated day is kept for DOR-001 to report, not narrowed away
    receipt = {
        "type": "service_receipt",
        "facts": {
            "served_document_type": "decision",
            "dates": [{"kind": "served", "value": "2024-08-24", "raw": "2024年8月24日"}],
        },
    }
    spec = _closing_case("2024-08-26", receipt, notified="2024-08-12", served="2024-08-24")
    view = _view(spec)
    decided = view.date("decided")
    assert decided is not None
    assert decided.value == D(2024, 8, 26)
    assert view.bounds("decided") == (D(2024, 8, 26), D(2024, 8, 26))
    findings = run_rules(build_case(spec), RULES.only("DOR-001"))
    assert [f.message for f in findings] == ["作出处罚决定（2024年8月26日）晚于送达决定书（2024年8月24日）"]


def test_a_read_date_is_its_own_bounds() -> None:
    whole = {"kind": "decided", "value": "2024-08-26", "raw": "2024年8月26日"}
    view = _view(_case(whole, notified="2024-08-01"))
    assert view.bounds("decided") == (D(2024, 8, 26), D(2024, 8, 26))
    assert view.law_date("decided") == D(2024, 8, 26)


def test_contradicting_neighbours_leave_the_law_open() -> None:
    view = _view(_case(PARTIAL_2024, served="2024-08-10"))
    assert view.bounds("decided") == (D(2024, 8, 21), D(2024, 8, 10))
    assert view.law_date("decided") is None


def test_a_year_misread_under_the_seal_is_placed_by_its_month_between_the_dates_around_it() -> None:
    # 2021年10月11日 read 2020年10月□□日 (the 1 of 2021 and the day under the seal's ring): a month of 2020
    # after the 2021 notice and before the 2021 service is a misread year, placed in October 2021
    misread = {
        "kind": "decided",
        "value": None,
        "raw": "2020年10月□□日",
        "earliest": "2020-10-01",
        "latest": "2020-10-31",
    }
    view = _view(_case(misread, notified="2021-09-27", served="2021-10-12"))
    assert view.bounds("decided") == (D(2021, 10, 1), D(2021, 10, 12))
    placed = view.partial("decided")
    assert placed is not None
    assert placed.value == D(2021, 10, 1)
    assert placed.fact is not None
    assert placed.fact.raw == "2020年10月□□日"
    # a month the dates around cannot hold (October between 9-27 and 9-30) stays as read: undecided
    unplaced = _view(_case(misread, notified="2021-09-27", served="2021-09-30"))
    assert unplaced.bounds("decided") == (D(2021, 9, 27), D(2020, 10, 31))
    assert unplaced.law_date("decided") is None
    # a span over months (its month lost too) is no misread year
    months = {**misread, "raw": "2020年□□月□□日", "earliest": "2020-01-01", "latest": "2020-12-31"}
    assert _view(_case(months, notified="2021-09-27", served="2021-10-12")).bounds("decided") == (
        D(2021, 9, 27),
        D(2020, 12, 31),
    )


def _premature(notice_served: str, decided: Mapping[str, object]) -> list[tuple[str, bool]]:
    spec = ExampleCase.model_validate(
        {
            "documents": [
                {"type": "prior_notice", "text": "你单位可在收到本告知书之日起五个工作日内提出陈述、申辩。"},
                {
                    "type": "service_receipt",
                    "facts": {
                        "served_document_type": "prior_notice",
                        "dates": [{"kind": "served", "value": notice_served, "raw": notice_served}],
                    },
                },
                {"type": "decision", "facts": {"dates": [decided]}},
            ],
        }
    )
    findings = run_rules(build_case(spec), RULES.only("PRE-001"))
    return [(f.message, f.needs_review) for f in findings]


def test_premature_over_a_span_is_decided_when_every_day_agrees() -> None:
    # every day from 8-21 to 8-29 is more than five working days after 8-12
    assert _premature("2024-08-12", PARTIAL_2024) == []
    # five working days from 8-20 run to 8-27: 8-21…8-27 would be early, 8-28 and 8-29 not → undecided
    assert _premature("2024-08-20", PARTIAL_2024) == [
        (
            "陈述申辩或听证申请期限届满前作出决定（行政处罚决定书第1页）：无法判断：日期“二〇二四年八月二十□日”"
            "只读出一部分（在2024年8月21日至2024年8月29日之间），结论随具体日期而不同",
            True,
        )
    ]
    # 8-27…8-29 all fall within five working days of 8-26 (up to 9-2): early whatever the day
    early = {
        "kind": "decided",
        "value": None,
        "raw": "二〇二四年八月二十□日",
        "earliest": "2024-08-27",
        "latest": "2024-08-29",
    }
    assert _premature("2024-08-26", early) == [
        (
            "告知（2024年8月26日）后5个工作日内的陈述、申辩或听证申请期限尚未届满即于二〇二四年八月二十□日作出处罚决定",
            True,
        )
    ]


def _three_day_hearing(served: str) -> list[str]:
    """FWD-001 on a notice granting three days for a hearing, its own date read only as 五月十□日 (no
    year), the decision served on `served`."""
    spec = ExampleCase.model_validate(
        {
            "facts": {"dates": {"served": served}},
            "documents": [
                {
                    "type": "prior_notice",
                    "text": "你单位如要求听证，应在收到本告知书之日起三日内提出听证申请。",
                    "facts": {
                        "dates": [{"kind": "notified", "value": None, "raw": "1一九年五月十□日", "month": 5}]
                    },
                },
                {"type": "decision"},
            ],
        }
    )
    return [f.rule_id for f in run_rules(build_case(spec), RULES.only("FWD-001"))]


def test_a_rule_of_a_later_law_stays_out_when_the_case_dates_around_its_date_are_earlier() -> None:
    # the notice came before the decision was served in 2019: the 2021 law's five days cannot apply
    assert _three_day_hearing("2019-05-24") == []
    # served in 2024: the notice may have been given under either law (no year read): today's law applies
    assert _three_day_hearing("2024-05-24") == ["FWD-001"]
