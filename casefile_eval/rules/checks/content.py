"""Checks of a document's wording: required content elements and forbidden wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field, model_validator

from casefile_eval.model import Block, Document
from casefile_eval.parsers.header_rows import is_field_name
from casefile_eval.rules.checks.common import Params, find_in_blocks, is_read
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.registry import register_check
from casefile_eval.rules.schema import Patterns
from casefile_eval.textnorm import compact, normalize


class ContentElementParams(Params):
    """`element` is present when every `all_of` pattern and one `any_of` pattern match the text.

    Patterns are regular expressions over the compacted text (no spaces, half-width ASCII).
    `unless_any`: when one of these matches, the element is not required.
    `only_if_any`: the document is judged only when one of these matches its title (a line of its own
    ahead of the text) or its text — for a type that covers documents of different jobs (a 听证告知书
    that offers the right to a hearing, a 听证通知书 that calls to one).
    `blank_fields`: field names (full match of a line or cell, colon allowed) whose value must be filled:
    the element is missing where one stands with nothing after it (an empty cell, or the next line a
    field of its own: "违法行为发生时间" / "违法行为发生地点" / "违法事实 当事人…").
    """

    element: str = Field(min_length=2)
    all_of: Patterns = Field(default_factory=list)
    any_of: Patterns = Field(default_factory=list)
    unless_any: Patterns = Field(default_factory=list)
    only_if_any: Patterns = Field(default_factory=list)
    blank_fields: Patterns = Field(default_factory=list)

    @model_validator(mode="after")
    def _something(self) -> ContentElementParams:
        if not self.all_of and not self.any_of and not self.blank_fields:
            raise ValueError("all_of、any_of 与 blank_fields 至少写一项")
        return self


@register_check("content_element", ContentElementParams, fields=("element",))
def content_element(ctx: RuleContext, params: ContentElementParams) -> Iterator[Hit]:
    """A required content element is written in the document."""
    for doc in ctx.documents():
        if not is_read(ctx, doc):
            continue
        text = ctx.view.text(doc)
        if any(re.search(p, text) for p in params.unless_any):
            continue
        if params.only_if_any:
            titled = compact(doc.title or "") + "\n" + text
            if not any(re.search(p, titled) for p in params.only_if_any):
                continue
        blank = _blank_field(doc, params.blank_fields)
        if blank is not None:
            yield Hit(
                document=doc, page=blank.page, evidence=blank.text.strip(), data={"element": params.element}
            )
            continue
        if not params.all_of and not params.any_of:
            continue
        present = all(re.search(p, text) for p in params.all_of) and (
            not params.any_of or any(re.search(p, text) for p in params.any_of)
        )
        if not present:
            yield Hit(document=doc, data={"element": params.element})


_FIRST_WORD = re.compile(r"[^\s:：]+")
WRAPPED_TAIL = 2  # characters of a field name wrapped onto the next line of its cell
# characters two field names of one group share (违法行为发生时间 / 违法行为发生地点, 违法地点 / 违法行为)
SIBLING_PREFIX = 2


def _sibling(label: str, word: str) -> bool:
    """Whether a word is the next field of the label's group, however its last characters were read
    (违法行为发生增点 for 地点 on a scan): as long as the label, give or take one, opening alike."""
    return abs(len(word) - len(label)) <= 1 and word[:SIBLING_PREFIX] == label[:SIBLING_PREFIX]


def _blank_field(doc: Document, names: list[str]) -> Block | None:
    """The first block that is only one of the field names, its value left blank: the next block empty
    or opening with a field name of its own. A name wrapped in its narrow cell ("违法行为发生地" / "点")
    is read whole. A grid row read as one line ("违法行为发生时 2025年6月10日 违法行为发生地" / "间 点", a
    scanned form) leaves a field blank where its name ends the line."""
    if not names:
        return None
    blocks = doc.blocks
    for k, block in enumerate(blocks):
        label = compact(block.text).rstrip(":：")
        after = k + 1
        tail = compact(blocks[after].text) if after < len(blocks) else ""
        if not _named(label, names) and 0 < len(tail) <= WRAPPED_TAIL and _named(label + tail, names):
            label, after = label + tail, after + 1
        elif not _named(label, names):
            if _ends_row(blocks, k, names):
                return block
            continue
        head = _FIRST_WORD.match(normalize(blocks[after].text).strip()) if after < len(blocks) else None
        if head is None or is_field_name(head.group()) or _sibling(label, head.group()):
            return block
    return None


def _ends_row(blocks: list[Block], k: int, names: list[str]) -> bool:
    """Whether the block is a row of fields read as one line whose last word is a field name with nothing
    after it: the next line holds only the wrapped ends of the row's names ("间 点") or opens a field of its
    own."""
    words = normalize(blocks[k].text).split()
    if len(words) < 2:
        return False
    label = words[-1].rstrip(":：")
    below = normalize(blocks[k + 1].text).split() if k + 1 < len(blocks) else []
    tails = bool(below) and all(len(w) <= WRAPPED_TAIL for w in below)
    if tails and _named(label + below[-1], names):
        return True
    if not _named(label, names):
        return False
    return not below or tails or is_field_name(below[0]) or _sibling(label, below[0])


def _named(label: str, names: list[str]) -> bool:
    return any(re.fullmatch(p, label) for p in names)


class ForbiddenWordingParams(Params):
    """Wording that must not appear; `unless_any` patterns anywhere in the document excuse it."""

    patterns: Patterns = Field(min_length=1)
    unless_any: Patterns = Field(default_factory=list)


@register_check("forbidden_wording", ForbiddenWordingParams, fields=("words",))
def forbidden_wording(ctx: RuleContext, params: ForbiddenWordingParams) -> Iterator[Hit]:
    """Wording that the law in force does not allow is absent."""
    for doc in ctx.documents():
        text = ctx.view.text(doc)
        if any(re.search(p, text) for p in params.unless_any):
            continue
        for pattern in params.patterns:
            compiled = re.compile(pattern)
            match = compiled.search(text)
            if match is None:
                continue
            located = find_in_blocks(doc, compiled)
            evidence, page = located if located else (match.group(0), None)
            yield Hit(document=doc, page=page, evidence=evidence, data={"words": match.group(0)})
            break
