"""Checks that a document the procedure requires is in the case file."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.model import Document
from casefile_eval.rules.checks.common import Params, find_in_blocks, last_page, serves
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.registry import register_check
from casefile_eval.rules.schema import Patterns

_LISTINGS = (DocumentType.TOC, DocumentType.COVER)


class StandIn(Params):
    """A document of one of `types` whose text matches every `all_of` pattern does the required one's
    job (a 听证告知书 that states the proposed penalty and the rights is the 事先告知)."""

    types: list[DocumentType] = Field(min_length=1)
    all_of: Patterns = Field(min_length=1)


class Mention(Params):
    """A document of one of `types` whose text matches one of `any_of`."""

    types: list[DocumentType] = Field(min_length=1)
    any_of: Patterns = Field(min_length=1)


class RequiredDocumentParams(Params):
    """`any_of`: any of these types satisfies; `served_for`: for 送达回证, one serving these documents;
    `or_text`: patterns that, written in any document other than the 目录 or 封面, show the step was taken
    inside another form (a 法制审核意见 column of an 审批表); `stand_ins`: other documents that satisfy
    when their text shows they do the same job; `only_if` / `unless`: the document is required only when
    the case says so / not when it does (a 结案报告 stating the fine was paid needs the 缴款凭证);
    `other_is_unread`: a receipt naming a document of no known type counts as unread too (its name may be
    a misread of the one required); `at_mention`: the finding names the document whose words (`only_if`)
    make the document required, on the page of those words (an 审批表 that 提请集体讨论)."""

    any_of: list[DocumentType] = Field(min_length=1)
    served_for: list[DocumentType] = Field(default_factory=list)
    or_text: Patterns = Field(default_factory=list)
    stand_ins: list[StandIn] = Field(default_factory=list)
    only_if: Mention | None = None
    unless: Mention | None = None
    other_is_unread: bool = False
    at_mention: bool = False


@register_check("required_document", RequiredDocumentParams, fields=("missing",), scope="case")
def required_document(ctx: RuleContext, params: RequiredDocumentParams) -> Iterator[Hit]:
    """A document the procedure requires is in the case (any of the given types)."""
    if params.only_if is not None and not _mentioned(ctx, params.only_if):
        return
    if params.unless is not None and _mentioned(ctx, params.unless):
        return
    present = ctx.case.of_type(*params.any_of)
    if present and params.served_for:
        unread = {None, DocumentType.OTHER} if params.other_is_unread else {None}
        known = [d for d in present if d.facts.served_document_type not in unread]
        # Receipts whose served document was not read are given the benefit of the doubt.
        if len(known) < len(present) or any(serves(d, params.served_for) for d in known):
            return
        present = []
    if present or _written_elsewhere(ctx, params.or_text) or _stood_in(ctx, params.stand_ins):
        return
    missing = params.served_for[0] if params.served_for else params.any_of[0]
    name = document_name(params.any_of[0])
    if params.served_for:
        name = f"{document_name(missing)}的{name}"
    mention = _mention(ctx, params.only_if) if params.at_mention and params.only_if else None
    if mention is None:
        yield Hit(document_type=params.any_of[0], data={"missing": name})
        return
    doc, words, page = mention
    yield Hit(document=doc, page=page, evidence=words, data={"missing": name})


def _written_elsewhere(ctx: RuleContext, patterns: list[str]) -> bool:
    docs = [d for d in ctx.case.documents if d.type not in _LISTINGS]
    return any(re.search(p, ctx.view.text(d)) for d in docs for p in patterns)


def _mentioned(ctx: RuleContext, mention: Mention) -> bool:
    return _mention(ctx, mention) is not None


def _mention(ctx: RuleContext, mention: Mention) -> tuple[Document, str, int | None] | None:
    """The first document that says so, with the words that do (on their line, else in the text) and
    their page."""
    for doc in ctx.case.of_type(*mention.types):
        for pattern in mention.any_of:
            match = re.search(pattern, ctx.view.text(doc))
            if match:
                found = find_in_blocks(doc, re.compile(pattern))
                return (doc, *found) if found is not None else (doc, match.group(), last_page(doc))
    return None


def _stood_in(ctx: RuleContext, stand_ins: list[StandIn]) -> bool:
    return any(
        all(re.search(p, ctx.view.text(d)) for p in stand_in.all_of)
        for stand_in in stand_ins
        for d in ctx.case.of_type(*stand_in.types)
    )
