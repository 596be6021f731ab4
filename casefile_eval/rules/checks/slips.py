"""A value one document alone writes that is a clerk's slip of a value other documents write (a plate
number, the party's representative): found the same way for every such value, reported with a doubt where
the characters that differ were read unsurely on a scan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from casefile_eval.model import Document
from casefile_eval.rules.checks.common import LOW_CHAR_SCORE, fact_page
from casefile_eval.rules.context import Hit, RuleContext


@dataclass(frozen=True)
class Written:
    """One value where a document writes it."""

    value: str  # as compared: 苏G5J728, 龙建华
    raw: str  # as shown in the finding, with the words before it
    page: int | None
    scores: tuple[float, ...] | None  # the recogniser's confidence in each character of `value` (OCR)


def lone_slips(
    ctx: RuleContext, found: dict[int, list[Written]], slip: Callable[[str, str], bool]
) -> Iterator[tuple[Document, Written, str]]:
    """Each value (of `found`, by the id of the document writing it) that one document alone writes and
    that is a `slip` of a value not written in that document itself but written by more documents (or by
    one before it), with that value: once per value."""
    docs = ctx.documents()
    holders: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for value in {w.value for w in found[id(doc)]}:
            holders[value].append(doc)
    order = {id(d): i for i, d in enumerate(ctx.case.documents)}
    reported: set[str] = set()
    for doc in docs:
        own = {w.value for w in found[id(doc)]}
        for written in found[id(doc)]:
            if holders[written.value] != [doc] or written.value in reported:
                continue
            reference = next(
                (
                    other
                    for other, where in holders.items()
                    if other not in own
                    and slip(written.value, other)
                    and (len(where) >= 2 or order.get(id(where[0]), -1) < order.get(id(doc), -1))
                ),
                None,
            )
            if reference is not None:
                reported.add(written.value)
                yield doc, written, reference


def slip_hit(doc: Document, written: Written, reference: str, compared: str) -> Hit:
    """The finding of a slip; undecided where a character that differs was read below LOW_CHAR_SCORE
    (`compared` says what was compared: 车牌号苏G5J782与其他文书苏G5J728)."""
    pairs = zip(written.scores or (), written.value, reference, strict=False)
    low = min((s for s, a, b in pairs if a != b), default=1.0)
    unsure = low < LOW_CHAR_SCORE
    doubt = f"{compared}不同的字识别置信度低（{low:.2f}），无法确定是文书笔误还是扫描识别有误"
    return Hit(
        document=doc,
        page=fact_page(doc, written.page),
        evidence=written.raw,
        data={"value": written.value, "reference": reference},
        undecided=doubt if unsure else None,
        confidence=low if unsure else None,
    )
