"""Check that the person who acts for an organisation party (法定代表人, 负责人, 经营者) is named the same in
every document of the case."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from casefile_eval.model import Block, Document
from casefile_eval.rules.checks.common import LOW_CHAR_SCORE, Params, fact_page
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check

# 法定代表人（负责人）：龙建华, 负责人 龙建华, （法定代表人：龙建华）; not the agency's own head (机关负责人,
# 承办机构负责人) nor a field's name after the label (负责人 联系电话：…)
_NAMED = re.compile(
    r"(?<!机关)(?<!机构)(?<!部门)(?<!单位)(?:法定代表人|负责人|经营者|投资人|业主)"
    r"(?:[（(](?:负责人|法定代表人|经营者)[)）])?(?:姓名)?\s*[:：]?\s*"
    r"(?!联系|电话|地址|住所|住址|身份|性别|职务|签|意见|单位|公司|证件|统一|营业)"
    r"(?P<name>[\u4e00-\u9fff]{2,4}?)"
    r"(?=[^\u4e00-\u9fff]|$|电话|地址|住所|住址|性别|职务|身份|联系|[男女])"
)
# a line that is a signature or approval row names the agency's people, not the party's
_SIGNING_ROW = re.compile(r"意见|审批|签名|签字|签章|日期")
# the lines naming the party: the party's own line (当事人：…, 被检查单位 …, the notice's addressee) and the
# line after it
_PARTY_LINE = re.compile(r"当事人|被检查|被询问|被调查|被处罚|受送达|单位|公司|厂|店|[:：]$")


@dataclass(frozen=True)
class Named:
    """One name a document gives the party's representative."""

    name: str
    raw: str  # as written, with its label (法定代表人（负责人）：龙建平)
    page: int | None
    scores: tuple[float, ...] | None  # the recogniser's confidence in each character of the name (OCR)


@register_check("representative_consistency", Params, fields=("value", "reference"), scope="case")
def representative_consistency(ctx: RuleContext, _params: Params) -> Iterator[Hit]:
    """A representative's name that one document alone writes, where other documents write a name of the
    same length with one character changed (龙建平 and 龙建华): a clerk's slip in one of them. The name
    written by more documents (by the earlier document on a tie) is the reference; a wholly different
    name may be another person and is not compared."""
    docs = ctx.documents()
    found = {id(d): _named(d) for d in docs}
    holders: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        for name in {n.name for n in found[id(doc)]}:
            holders[name].append(doc)
    order = {id(d): i for i, d in enumerate(ctx.case.documents)}
    reported: set[str] = set()
    for doc in docs:
        own = {n.name for n in found[id(doc)]}
        for named in found[id(doc)]:
            if holders[named.name] != [doc] or named.name in reported:
                continue
            reference = next(
                (
                    other
                    for other, where in holders.items()
                    if other not in own
                    and _slip(named.name, other)
                    and (len(where) >= 2 or order[id(where[0])] < order[id(doc)])
                ),
                None,
            )
            if reference is not None:
                reported.add(named.name)
                yield _hit(doc, named, reference)


def _slip(a: str, b: str) -> bool:
    """Whether two names differ as a clerk's slip does: the same length, one character changed."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _hit(doc: Document, named: Named, reference: str) -> Hit:
    differing = [s for s, a, b in zip(named.scores or (), named.name, reference, strict=False) if a != b]
    low = min(differing, default=1.0)
    unsure = low < LOW_CHAR_SCORE
    return Hit(
        document=doc,
        page=fact_page(doc, named.page),
        evidence=named.raw,
        data={"value": named.name, "reference": reference},
        undecided=(
            f"“{named.name}”与其他文书“{reference}”不同的字识别置信度低（{low:.2f}），"
            "无法确定是文书笔误还是扫描识别有误"
        )
        if unsure
        else None,
        confidence=low if unsure else None,
    )


def _named(doc: Document) -> list[Named]:
    """The representative's names a document writes on the lines naming the party."""
    out: list[Named] = []
    blocks = doc.blocks
    for k, block in enumerate(blocks):
        text = block.text
        if _SIGNING_ROW.search(text):
            continue
        party_line = _PARTY_LINE.search(text) or (k > 0 and _PARTY_LINE.search(blocks[k - 1].text))
        if not party_line:
            continue
        out.extend(
            Named(m["name"], m.group().strip(), block.page, _scores(block, m)) for m in _NAMED.finditer(text)
        )
    return out


def _scores(block: Block, match: re.Match[str]) -> tuple[float, ...] | None:
    """The recogniser's confidence in each character of the name, where OCR read the block and its scores
    line up with its text."""
    scores = block.char_scores
    if scores is None or len(scores) != len(block.text):
        return None
    return tuple(scores[match.start("name") : match.end("name")])
