"""Checks that a document the procedure requires is in the case file."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from casefile_eval.codes import DocumentType
from casefile_eval.rules.checks.common import Params, serves
from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.registry import register_check


class RequiredDocumentParams(Params):
    """`any_of`: any of these types satisfies; `served_for`: for 送达回证, one serving these documents."""

    any_of: list[DocumentType] = Field(min_length=1)
    served_for: list[DocumentType] = Field(default_factory=list)


@register_check("required_document", RequiredDocumentParams, fields=("missing",), scope="case")
def required_document(ctx: RuleContext, params: RequiredDocumentParams) -> Iterator[Hit]:
    """A document the procedure requires is in the case (any of the given types)."""
    present = ctx.case.of_type(*params.any_of)
    if present and params.served_for:
        known = [d for d in present if d.facts.served_document_type is not None]
        # Receipts whose served document was not read are given the benefit of the doubt.
        if len(known) < len(present) or any(serves(d, params.served_for) for d in known):
            return
        present = []
    if present:
        return
    missing = params.served_for[0] if params.served_for else params.any_of[0]
    name = document_name(params.any_of[0])
    if params.served_for:
        name = f"{document_name(missing)}的{name}"
    yield Hit(document_type=params.any_of[0], data={"missing": name})
