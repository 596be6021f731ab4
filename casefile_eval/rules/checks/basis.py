"""Check that a decision imposes its penalty under the articles its prior notice named.

The basis of a penalty is the article cited in a sentence that invokes it (依据/根据/依照/按照《…》第N条)
and goes on to the penalty (拟/决定/给予/处以 …), not one the party is said to have broken (违反《…》第N条).
Where the decision and the notices name the basis in the same law and share no article, the decision
applies another article than the one the party was told of (h43-03: 告知书 第九十九条, 决定书 the repealed
text's 第四十八条).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.extract.citations import LAW_NAMED_AGAIN
from casefile_eval.model import Citation, Document
from casefile_eval.rules.checks.common import LOW_CHAR_SCORE, Params, around, fact_page, numeral_scores
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.laws import chinese_number
from casefile_eval.rules.registry import register_check
from casefile_eval.textnorm import compact

_INVOKES = re.compile(r"依据|根据|依照|按照")
_BROKEN = re.compile(r"违反|违背")
_PENALTY = re.compile(r"拟|决定|给予|作出|处以|处罚|罚款|没收|责令|吊销|暂扣|警告")
_WINDOW = 80  # characters of a sentence looked at on each side of a citation

Basis = dict[str, dict[int, Citation]]  # law_key -> article -> the first citation of it


class PenaltyBasisParams(Params):
    """`notices`: the documents that told the party of the basis; `decisions`: those that impose it;
    `ignore`: laws whose citations are no penalty basis here (the procedural laws)."""

    notices: list[DocumentType] = Field(min_length=1)
    decisions: list[DocumentType] = Field(min_length=1)
    ignore: list[str] = Field(default_factory=list)


@register_check("penalty_basis", PenaltyBasisParams, fields=("law", "decided", "notified"), scope="case")
def penalty_basis(ctx: RuleContext, params: PenaltyBasisParams) -> Iterator[Hit]:
    """The decision's penalty basis shares an article with the notices' basis in each law both name."""
    notified: Basis = defaultdict(dict)
    sources: dict[int, Document] = {}  # the notice each citation was read from
    for notice in ctx.case.of_type(*params.notices):
        for law, articles in _basis(ctx, notice, params.ignore).items():
            for article, cite in articles.items():
                notified[law].setdefault(article, cite)
                sources.setdefault(id(cite), notice)
    if not notified:
        return
    for decision in ctx.case.of_type(*params.decisions):
        for law, articles in _basis(ctx, decision, params.ignore).items():
            told = notified.get(law)
            if not told or set(articles) & set(told):
                continue
            cite = next(iter(articles.values()))
            ev = cite.evidence
            data = {"law": cite.law, "decided": _articles(articles), "notified": _articles(told)}
            read = [(decision, c) for c in articles.values()] + [(sources[id(c)], c) for c in told.values()]
            unsure = _least_numeral_score(read)
            doubt = None
            if unsure is not None:
                doubt = (
                    f"决定书依据{data['decided']}、告知的依据为{data['notified']}，"
                    f"但扫描件上条款数字识别置信度低（{unsure:.2f}），无法确定是文书写错还是识别有误"
                )
            yield Hit(
                document=decision,
                page=fact_page(decision, ev.page if ev else None),
                evidence=cite.raw,
                data=data,
                undecided=doubt,
                confidence=unsure,
            )


def _least_numeral_score(read: list[tuple[Document, Citation]]) -> float | None:
    """The least confidence an article's numerals were read with by OCR among the citations (三 read 二 at
    0.60 in 第八十二条), when below LOW_CHAR_SCORE: a difference of articles resting on it may be a misread.
    None on a text layer or where every numeral was read surely."""
    scores = [
        score
        for doc, cite in read
        for score in numeral_scores(doc, cite.evidence.text if cite.evidence else "")
    ]
    return min(scores) if scores and min(scores) < LOW_CHAR_SCORE else None


def _basis(ctx: RuleContext, doc: Document, ignore: list[str]) -> Basis:
    """The articles a document invokes for its penalty, by law."""
    out: Basis = defaultdict(dict)
    text = ctx.view.text(doc)
    for cite in doc.facts.citations:
        if cite.law_key in ignore:
            continue
        for at, end in _places(text, compact(cite.raw)):
            before, after = around(text, at, end, _WINDOW, _WINDOW)
            invoked = list(_INVOKES.finditer(before))
            if invoked and not _BROKEN.search(before[invoked[-1].end() :]) and _PENALTY.search(after):
                out[cite.law_key].setdefault(cite.article, cite)
                break
    return out


def _places(text: str, raw: str) -> Iterator[tuple[int, int]]:
    """Where a citation stands in the text: its words, or, for an article listed after others of its law
    (《…》第四十四条、第四十五条) or a law's name whose 》 a scan lost, its article after the law's name, or
    its article after the law named again as 该法."""
    found = False
    for m in re.finditer(re.escape(raw), text) if raw else ():
        found = True
        yield m.start(), m.end()
    law, _, article = raw.rpartition("》")
    if found or not law or not article:
        return
    # the law named again: 依据该法第六十条
    for again in re.finditer(LAW_NAMED_AGAIN + re.escape(article), text):
        found = True
        yield again.start(), again.end()
    if found:
        return
    for named in re.finditer(re.escape(law) + "》?", text):  # (the 》 a scan lost at a line's end)
        at = text.find(article, named.end(), named.end() + _WINDOW)
        if at >= 0:
            yield named.start(), at + len(article)


def _articles(articles: dict[int, Citation]) -> str:
    return "、".join(f"第{chinese_number(n)}条" for n in sorted(articles))
