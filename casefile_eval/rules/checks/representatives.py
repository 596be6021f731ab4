"""Check that the person who acts for an organisation party (法定代表人, 负责人, 经营者) is named the same in
every document of the case."""

from __future__ import annotations

import re
from collections.abc import Iterator

from casefile_eval.model import Block, Document
from casefile_eval.rules.checks.common import Params
from casefile_eval.rules.checks.slips import Written, lone_slips, slip_hit
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check

# who acts for an organisation party or a 个体工商户, as the documents name them
ACTS_FOR = r"(?:法定代表人|负责人|经营者|投资人|业主)"
# 法定代表人（负责人）：龙建华, 负责人 龙建华, （法定代表人：龙建华）; not the agency's own head (机关负责人,
# 承办机构负责人) nor a field's name after the label (负责人 联系电话：…)
_NAMED = re.compile(
    rf"(?<!机关)(?<!机构)(?<!部门)(?<!单位){ACTS_FOR}"
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


@register_check("representative_consistency", Params, fields=("value", "reference"), scope="case")
def representative_consistency(ctx: RuleContext, _params: Params) -> Iterator[Hit]:
    """A representative's name that one document alone writes, where other documents write a name of the
    same length with one character changed (龙建平 and 龙建华): a clerk's slip in one of them. The name
    written by more documents (by the earlier document on a tie) is the reference; a wholly different
    name may be another person and is not compared."""
    found = {id(d): _named(d) for d in ctx.documents()}
    for doc, named, reference in lone_slips(ctx, found, _slip):
        yield slip_hit(doc, named, reference, f"“{named.value}”与其他文书“{reference}”")


def _slip(a: str, b: str) -> bool:
    """Whether two names differ as a clerk's slip does: the same length, one character changed."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _named(doc: Document) -> list[Written]:
    """The representative's names a document writes on the lines naming the party."""
    out: list[Written] = []
    blocks = doc.blocks
    for k, block in enumerate(blocks):
        text = block.text
        if _SIGNING_ROW.search(text):
            continue
        party_line = _PARTY_LINE.search(text) or (k > 0 and _PARTY_LINE.search(blocks[k - 1].text))
        if not party_line:
            continue
        matches = _NAMED.finditer(text)
        out.extend(Written(m["name"], m.group().strip(), block.page, _scores(block, m)) for m in matches)
    return out


def _scores(block: Block, match: re.Match[str]) -> tuple[float, ...] | None:
    """The recogniser's confidence in each character of the name, where OCR read the block and its scores
    line up with its text."""
    scores = block.char_scores
    if scores is None or len(scores) != len(block.text):
        return None
    return tuple(scores[match.start("name") : match.end("name")])
