"""Checks of legal citations against the version of the law in force on the decision date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from casefile_eval.model import Citation, Document
from casefile_eval.rules.checks.common import Params, around, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.laws import chinese_number
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

_WINDOW_BEFORE, _WINDOW_AFTER = 30, 50


class CitationParams(Params):
    """`exists`: the article exists in the version in force; `renumbered`: not a number of a law before
    its revision renumbered it (laws.yaml `renumbered`: 行政处罚法 2021, 行政复议法 2023, 土地管理法 2019),
    cited after the revision came into force next to words of the old article's content (a substantive law
    judged by the offence, as `superseded`); `repealed`: not a procedural
    rule repealed before the date; `superseded`: a version the citation names (1989年12月26日, 2014年修订)
    is not one a later version had replaced by the date. `laws`: the laws the test judges (full titles);
    all when empty."""

    test: Literal["exists", "renumbered", "repealed", "superseded"]
    laws: list[str] = Field(default_factory=list)


@register_check("citation", CitationParams, fields=("law", "article", "detail"))
def citation(ctx: RuleContext, params: CitationParams) -> Iterator[Hit]:
    """The citations of the document are valid for its date (one finding per wrong citation)."""
    on = ctx.reference_date
    if on is None:
        return
    for doc in ctx.documents():
        seen: set[tuple[str, int]] = set()
        for cite in doc.facts.citations:
            key = (cite.law_key, cite.article)
            if key in seen or (params.laws and cite.law_key not in params.laws):
                continue
            if (cite.version_hint is None) == (params.test == "superseded"):
                continue  # a version named in the text is judged as named, by `superseded` alone
            detail = _TESTS[params.test](ctx, doc, cite, on)
            if detail is None:
                continue
            seen.add(key)
            ev = cite.evidence
            yield Hit(
                document=doc,
                page=fact_page(doc, ev.page if ev else None),
                evidence=cite.raw,
                data={"law": cite.law, "article": f"第{chinese_number(cite.article)}条", "detail": detail},
                needs_review=detail.endswith(_CHECK),
            )


def _exists(ctx: RuleContext, doc: Document, cite: Citation, on: dt.date) -> str | None:
    version = ctx.view.laws.version_on(cite.law_key, on)
    if version is None or cite.article <= version.articles:
        return None
    return f"该法{version.label}版本仅有{version.articles}条"


def _renumbered(ctx: RuleContext, doc: Document, cite: Citation, on: dt.date) -> str | None:
    renumbering = ctx.view.laws.renumbering(cite.law_key)
    if renumbering is None or on < renumbering.since:
        return None
    move = renumbering.move(cite.article)
    if move is None:
        return None
    context = _context(ctx, doc, cite)
    if not any(k in context for k in move.keywords):
        return None
    new = "、".join(f"第{chinese_number(n)}条" for n in move.new)
    detail = f"“{move.topic}”在{renumbering.revision}后为{new}，引用的是修订前的条文序号"
    if cite.law_key in _PROCEDURAL:
        return detail
    offence = _offence_under_new(ctx, renumbering.since, on)
    if offence is None:
        return None
    if offence:
        return detail
    return f"{detail}；违法行为发生在修正施行前的，依法适用行为时的版本（从旧兼从轻）{_CHECK}"


def _repealed(ctx: RuleContext, doc: Document, cite: Citation, on: dt.date) -> str | None:
    repeal = ctx.view.laws.repeal(cite.law_key, on)
    if repeal is None:
        return None
    until = repeal.until
    return f"该规定已于{until.year}年{until.month}月{until.day}日后失效，应适用《{repeal.successor}》"


# Laws of procedure: an act follows the version in force on its own day. Any other law is applied as in force
# when the offence was committed (行政处罚法 2021 art. 37, 从旧兼从轻), a day the file seldom states.
_PROCEDURAL = frozenset(
    {
        "中华人民共和国行政处罚法",
        "中华人民共和国行政复议法",
        "中华人民共和国行政诉讼法",
        "中华人民共和国行政强制法",
    }
)
_CHECK = "，请核对"
LIMITATION_YEARS = 5  # an offence found later than this after it ended is no longer punished (art. 36)


def _superseded(ctx: RuleContext, doc: Document, cite: Citation, on: dt.date) -> str | None:
    laws = ctx.view.laws
    named = laws.version_named(cite.law_key, cite.version_hint or "")
    current = laws.version_on(cite.law_key, on)
    if named is None or current is None or named.from_ >= current.from_:
        return None
    since = current.from_
    detail = (
        f"所引为该法{named.label}版本（“{cite.version_hint}”），{on.year}年{on.month}月{on.day}日施行的是"
        f"{since.year}年{since.month}月{since.day}日起施行的{current.label}版本"
    )
    if cite.law_key in _PROCEDURAL:
        return detail
    offence = _offence_under_new(ctx, since, on)
    if offence is None:
        return None
    if offence:
        return detail
    return f"{detail}；违法行为发生在新版本施行前的，依法适用行为时的版本（从旧兼从轻）{_CHECK}"


def _offence_under_new(ctx: RuleContext, since: dt.date, on: dt.date) -> bool | None:
    """Whether the offence fell under a substantive law's version in force from `since`: True where that
    version was in force longer before the case was filed than an offence can be punished, False (unsure)
    where for less, None where it came into force after filing (the offence fell under the old one)."""
    filed = ctx.view.date("filed")
    start = filed.value if filed is not None else on
    if start < since:
        return None
    limit = dt.date(start.year - LIMITATION_YEARS, start.month, min(start.day, 28))
    return since < limit


def _context(ctx: RuleContext, doc: Document, cite: Citation) -> str:
    """The sentence holding the citation (within a window around it), else the citation's evidence. An
    article listed after others of its law (《…》第四十四条、第四十五条、第四十二条) is found after the
    law's name."""
    text = ctx.view.text(doc)
    raw = compact(cite.raw)
    at = text.find(raw) if raw else -1
    law, _, article = raw.rpartition("》")
    if at < 0 and law and article:
        named = text.find(law + "》")
        at = text.find(article, named) if named >= 0 else -1
        raw = article
    if at < 0:
        return compact(cite.evidence.text) if cite.evidence else ""
    before, after = around(text, at, at + len(raw), _WINDOW_BEFORE, _WINDOW_AFTER)
    return before + raw + after


_TESTS = {"exists": _exists, "renumbered": _renumbered, "repealed": _repealed, "superseded": _superseded}
