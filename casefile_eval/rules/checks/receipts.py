"""What a 送达回证 says it serves: each document name it writes with the 文号 beside it, and whether it
serves the case's decision (a receipt may serve several documents, and a tax case may hold a 处理决定书
beside the 处罚决定书)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casefile_eval.extract.numbers import find_numbers
from casefile_eval.model import Document
from casefile_eval.textnorm import compact

# The document name written right before a number: "行政处罚决定书（", "《…决定书》文号：", "决定书 X罚…".
_NAME_BEFORE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,30}?(?:书|单|通知|决定|回执|笔录|清单|表))》?[(\[【]?"
    r"(?:文号|编号|字号)?[:：]?$"
)
_WINDOW = 40
_LEADING_LABEL = re.compile(r"^(?:受?送达)?的?(?:法律)?(?:文书|文件)(?:名称)?(?:及文号|文号)?")
_NOTICE_WORDS = re.compile(r"告知|通知|笔录|清单|回执|审批")


@dataclass(frozen=True)
class ServedName:
    """A document name on a receipt with the canonical 文号 written beside it."""

    name: str
    number: str
    prefix: str


def served_names(receipt: Document) -> list[ServedName]:
    """Every (name, 文号) pair the receipt writes, in order; a number without a name before it is left out."""
    text = compact(receipt.text)
    out: list[ServedName] = []
    previous_end = 0
    for match in find_numbers(text):
        window = text[max(previous_end, match.start - _WINDOW) : match.start]
        previous_end = match.end
        found = _NAME_BEFORE.search(window)
        if found is not None:
            name = _LEADING_LABEL.sub("", found.group("name")) or found.group("name")
            out.append(ServedName(name, match.canonical, match.prefix))
    return out


def decision_kind(name: str) -> str | None:
    """The kind of decision a document name names: `no_penalty` (不予处罚), `penalty` (处罚决定, 当场处罚),
    `handling` (税务处理决定), `decision` (a bare 决定书); None for anything else (告知书, 通知书…)."""
    text = compact(name)
    if "决定" not in text or _NOTICE_WORDS.search(text):
        return None
    if "不予" in text:
        return "no_penalty"
    if "处罚决定" in text:
        return "penalty"
    if "处理决定" in text:
        return "handling"
    return "decision"


def comparable(kind: str, prefix: str, decision: Document) -> bool:
    """True when a name of `kind` (written with a number of `prefix`) can be the decision's: the same kind,
    or a bare 决定书 on either side with the same agency code in the numbers (or the decision's with one
    character lost in reading)."""
    own = decision_kind(decision.title or "") or "decision"
    if kind == own:
        return True
    if "decision" not in (kind, own):
        return False
    number = decision.facts.case_number or ""
    found = find_numbers(compact(number))
    return bool(found) and (found[0].prefix == prefix or _one_lost(prefix, found[0].prefix))


def _one_lost(prefix: str, own: str) -> bool:
    """Whether an agency code is another with one character lost (定安税罚 read from 定安国税罚 on a scan)."""
    if len(prefix) < 3 or len(own) != len(prefix) + 1:
        return False
    return any(own[:i] + own[i + 1 :] == prefix for i in range(len(own)))
