"""Time limits between two dates of the case, in calendar or working days, and the order of dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Literal

from pydantic import Field

from casefile_eval.codes import DateKind, DocumentType
from casefile_eval.extract.cnnum import cn_to_int
from casefile_eval.rules.checks.common import (
    DateRef,
    DateSpan,
    Params,
    fact_page,
    iso,
    resolve,
    resolve_span,
    written_span,
)
from casefile_eval.rules.context import DatedFact, Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.rules.schema import Patterns
from casefile_eval.rules.workdays import MissingHolidayData, add_working_days, period_end, within

_DEADLINE_FIELDS = ("start", "end", "limit", "elapsed")


class DeadlineParams(Params):
    """`end` must fall within `days` after `start` (relation `within`), or at least `days` after it.

    `working`: count working days (行政处罚法 art. 85). `honour_extension`: add an approved extension.
    `excluded_if`: text in the case showing time that does not count (听证, 检测, 鉴定…): an overrun
    then needs review instead of being certain. `report_at`: the date whose document the finding names
    (the end's by default; a 查封扣押 kept too long is a fault of the measure, named at its start).
    """

    start: DateRef
    end: DateRef
    days: int = Field(ge=1)
    working: bool = False
    relation: Literal["within", "at_least"] = "within"
    honour_extension: bool = False
    excluded_if: Patterns = Field(default_factory=list)
    report_at: Literal["start", "end"] = "end"


def _unit(working: bool) -> str:
    return "个工作日" if working else "日"


@register_check("deadline", DeadlineParams, fields=_DEADLINE_FIELDS, scope="case")
def deadline(ctx: RuleContext, params: DeadlineParams) -> Iterator[Hit]:
    """A statutory period between two dates was kept. A date read only in part is judged over every day
    it can be: a finding when the period is broken for all of them, undecided when only for some."""
    within_ = params.relation == "within"
    start = resolve_span(ctx, params.start, resolve(ctx, params.start), latest=False)
    end = resolve_span(ctx, params.end, resolve(ctx, params.end), latest=within_)
    if start is None or end is None:
        return
    days = params.days + (_extension(ctx) if params.honour_extension else 0)
    # the days that make the period shortest and longest
    near = (start.last, end.first) if within_ else (start.first, end.last)
    far = (start.first, end.last) if within_ else (start.last, end.first)
    if not within_ and near[0] > near[1]:
        # the start surely after the end (a notice dated after the hearing): no short notice but a date
        # misread or out of order, for the rules on the order of dates
        return
    try:
        surely, maybe = _broken(*near, days, params), _broken(*far, days, params)
    except MissingHolidayData as exc:
        yield _hit(end.at, undecided=f"缺少{exc.year}年节假日数据")
        return
    if not maybe:
        return
    if not surely:
        yield _hit(_partial(start, end).at, undecided=_partly_read(start, end))
        return
    exact = start.exact and end.exact
    data = {
        "start": _shown(start, near[0]),
        "end": _shown(end, near[1]),
        "limit": f"{days}{_unit(params.working)}",
        "elapsed": ("" if exact else "至少") + _elapsed(*near, params.working),
    }
    excused = any(re.search(p, ctx.view.text(d)) for d in ctx.case.documents for p in params.excluded_if)
    at = start.at if params.report_at == "start" else end.at
    yield _hit(at, data=data, needs_review=excused or not exact)


def _partial(*spans: DateSpan) -> DateSpan:
    return next((s for s in spans if not s.exact), spans[-1])


def _partly_read(*spans: DateSpan) -> str:
    span = _partial(*spans)
    raw = span.at.fact.raw if span.at.fact else ""
    return f"日期“{raw}”只读出一部分（在{iso(span.first)}至{iso(span.last)}之间），结论随具体日期而不同"


def _shown(span: DateSpan, day: dt.date) -> str:
    if span.exact or span.at.fact is None:
        return iso(day)
    return f"{span.at.fact.raw}（不早于{iso(span.first)}）" if day == span.first else span.at.fact.raw


def _broken(start: dt.date, end: dt.date, days: int, params: DeadlineParams) -> bool:
    if params.relation == "within":
        return not within(start, end, days, params.working)
    if end < start + dt.timedelta(days=days):
        return True
    return params.working and end < add_working_days(start, days)


def _hit(
    end: DatedFact,
    data: dict[str, str] | None = None,
    needs_review: bool = False,
    undecided: str | None = None,
) -> Hit:
    fact = end.fact
    page = (
        fact_page(end.document, fact.evidence.page if fact and fact.evidence else None)
        if end.document
        else None
    )
    return Hit(
        document=end.document,
        page=page,
        evidence=(fact.evidence.text if fact and fact.evidence else fact.raw if fact else None),
        data=data or {},
        needs_review=needs_review,
        undecided=undecided,
    )


def _elapsed(start: dt.date, end: dt.date, working: bool) -> str:
    if not working:
        return f"{(end - start).days}日"
    try:
        count, day = 0, start
        while day < end:
            day = add_working_days(day, 1)
            count += 1 if day <= end else 0
        return f"{count}个工作日"
    except MissingHolidayData:
        return f"{(end - start).days}日"


def _extension(ctx: RuleContext) -> int:
    days = [d.facts.extension_days for d in ctx.case.documents if d.facts.extension_days]
    if days:
        return max(d for d in days if d is not None)
    approved = any(f.kind == DateKind.EXTENSION for d in ctx.case.documents for f in d.facts.dates)
    return ctx.view.thresholds.decision_extension_days if approved else 0


class DateStep(Params):
    """One step of a chain of dates that must not go backwards."""

    label: str = Field(min_length=2)
    ref: DateRef


class DateOrderParams(Params):
    """The steps, in the order the acts must happen (equal dates allowed).

    `anchor`: compare every later step with the first one only (an act that must follow the decision,
    whatever the order of those acts among themselves); otherwise each known step with the next known one.
    `late_act`: the finding names the earlier step's act, dated too late (a 决定审批表 approved after the
    decision it should precede), not the later step's act, dated too early (the default).
    """

    steps: list[DateStep] = Field(min_length=2)
    anchor: bool = False
    late_act: bool = False


@register_check(
    "date_order",
    DateOrderParams,
    fields=("first_label", "first_date", "second_label", "second_date"),
    scope="case",
)
def date_order(ctx: RuleContext, params: DateOrderParams) -> Iterator[Hit]:
    """Dates follow the order of the procedure; each break between known neighbours is one finding. A date
    read only in part (a digit under a seal) is known by the days it can be: a break with it is sure when
    every one of them breaks the order."""
    known = [(step, spans) for step in params.steps if (spans := _step_spans(ctx, step.ref))]
    if params.anchor:
        if not known or known[0][0] is not params.steps[0]:
            return
        pairs = [(known[0], later) for later in known[1:]]
    else:
        pairs = list(pairwise(known))
    for (first, (late, _)), (second, (_, early)) in pairs:
        if late.first <= early.last:
            continue
        data = {
            "first_label": first.label,
            "first_date": _shown(late, late.first),
            "second_label": second.label,
            "second_date": _shown(early, early.last),
        }
        yield _hit(late.at if params.late_act else early.at, data=data)


def _step_spans(ctx: RuleContext, ref: DateRef) -> tuple[DateSpan, DateSpan] | None:
    """A step's latest and earliest dates (compared with the next step's and the step before's): of its
    readable dates; else the days a date written but read in part can be."""
    found = resolve(ctx, ref)
    if found:
        latest, earliest = max(found, key=lambda d: d.value), min(found, key=lambda d: d.value)
        return DateSpan(latest.value, latest.value, latest), DateSpan(
            earliest.value, earliest.value, earliest
        )
    span = written_span(ctx, ref)
    return None if span is None else (span, span)


_STATED_PERIOD = re.compile(r"([0-9]+|[一二三四五六七八九十两]+)个?(工作)?日内")
_RIGHTS = re.compile(r"陈述|申辩|听证")


class PrematureParams(Params):
    """The decision must come after the 陈述申辩 / 听证 request period that began with the notice.

    The period is the one the notice states (the longest stated next to 陈述/申辩/听证), else
    `statement_period_working_days` of the configuration, and at least `hearing_days` when the penalty
    gives a right to a hearing. The period is read from the 告知书 itself (the notice reference may point
    at its 送达回证). `unstated_days` replaces the configured period where the law itself sets none
    (before 2021 only the 听证 request had one): 0 means a notice stating no period is not judged unless
    the penalty gives a right to a hearing. `exercised` patterns show the party gave up what is left of
    the period (a written waiver): no finding then; they are not searched in the notices, whose
    "逾期视为放弃" wording is no waiver. A statement the party made within the period does not end it
    (more may follow until it runs out), so the built-in rule lists only the waiver.
    """

    notice: DateRef
    decision: DateRef
    hearing_days: int = Field(ge=1)
    unstated_days: int | None = Field(default=None, ge=0)
    working: bool = True
    exercised: Patterns = Field(default_factory=list)


@register_check(
    "premature_decision", PrematureParams, fields=("notice_date", "decided", "limit"), scope="case"
)
def premature_decision(ctx: RuleContext, params: PrematureParams) -> Iterator[Hit]:
    """The decision did not come before the period for 陈述、申辩 or a 听证 request had run out."""
    notice = resolve_span(ctx, params.notice, resolve(ctx, params.notice), latest=True)
    decided = resolve_span(ctx, params.decision, resolve(ctx, params.decision), latest=False)
    if notice is None or decided is None:
        return
    if _exercised(ctx, params.exercised):
        return
    days = _notice_period(ctx, notice.at, params)
    if days == 0:
        return
    try:
        # early for every pair of days the two can be / for at least one pair
        surely = decided.first >= notice.last and within(notice.first, decided.last, days, params.working)
        latest_notice = min(notice.last, decided.last)
        maybe = decided.last >= notice.first and within(
            latest_notice, max(decided.first, latest_notice), days, params.working
        )
        # decided on the period's last day: the party could still act that day; the hour decides
        last_day = decided.first == period_end(notice.last, days, params.working)
    except MissingHolidayData as exc:
        yield _hit(decided.at, undecided=f"缺少{exc.year}年节假日数据")
        return
    if not maybe:
        return
    if not surely:
        yield _hit(_partial(notice, decided).at, undecided=_partly_read(notice, decided))
        return
    data = {
        "notice_date": _shown(notice, notice.first),
        "decided": _shown(decided, decided.last),
        "limit": f"{days}{_unit(params.working)}",
    }
    exact = notice.exact and decided.exact
    yield _hit(decided.at, data=data, needs_review=last_day or not exact)


_NOTICE_TYPES = (DocumentType.PRIOR_NOTICE, DocumentType.HEARING_NOTICE)


def _exercised(ctx: RuleContext, patterns: list[str]) -> bool:
    docs = [d for d in ctx.case.documents if d.type not in _NOTICE_TYPES]
    return any(re.search(p, ctx.view.text(d)) for d in docs for p in patterns)


def _notice_period(ctx: RuleContext, notice: DatedFact, params: PrematureParams) -> int:
    days = params.unstated_days
    if days is None:
        days = ctx.view.thresholds.statement_period_working_days
    hearing = ctx.view.large_fine() or ctx.view.heavy_penalty()
    if hearing:
        days = max(days, params.hearing_days)
    notices = ctx.case.of_type(DocumentType.PRIOR_NOTICE)
    if notice.document is not None and notice.document.type == DocumentType.PRIOR_NOTICE:
        notices = [notice.document]
    stated = [n for doc in notices for n in _stated_periods(ctx.view.text(doc))]
    if stated:
        days = max(max(stated), params.hearing_days if hearing else 0)
    return days


def _stated_periods(text: str) -> list[int]:
    """The periods (in days) a notice states next to 陈述/申辩/听证."""
    return [
        n
        for m in _STATED_PERIOD.finditer(text)
        if _RIGHTS.search(text[max(m.start() - 40, 0) : m.end() + 20]) and (n := cn_to_int(m.group(1)))
    ]
