"""Building a Case from a rule example's compact form, and running one rule over it."""

from __future__ import annotations

from casefile_eval.extract.remedy import find_remedy
from casefile_eval.extract.text import DocText
from casefile_eval.model import Block, BlockKind, Case, Document
from casefile_eval.results import Finding
from casefile_eval.rules.doctypes import document_name
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import RuleSet
from casefile_eval.rules.schema import ExampleCase, ExampleDocument, ExpectedFinding


def build_case(spec: ExampleCase, name: str = "example") -> Case:
    """The Case an example describes: each document one file, its text one block per line."""
    docs = [_document(i, d) for i, d in enumerate(spec.documents, start=1)]
    return Case(
        source=name,
        case_type=spec.case_type,
        procedure=spec.procedure,
        partial=spec.partial,
        files=sorted({d.source for d in docs}),
        pages=spec.pages,
        documents=docs,
        facts=spec.facts,
    )


def _document(index: int, spec: ExampleDocument) -> Document:
    title = spec.title or document_name(spec.type)
    source = spec.source or f"{index:02d}{title}.docx"
    pages = spec.pages or (1, 1)
    blocks = [
        Block(kind=BlockKind.PARAGRAPH, text=line, source=source, page=pages[0])
        for line in spec.text.splitlines()
        if line.strip()
    ]
    document = Document(
        type=spec.type,
        title=title,
        source=source,
        pages=pages,
        confidence=spec.confidence,
        blocks=blocks,
        facts=spec.facts,
    )
    if spec.facts.remedy is None:  # as the reading pipeline would: the notice is read from the text
        document.facts = spec.facts.model_copy(update={"remedy": find_remedy(DocText.of(document))})
    return document


def actual(findings: list[Finding], expected: list[ExpectedFinding]) -> list[ExpectedFinding]:
    """The findings in the shape of the expectations (evidence kept only where one was expected)."""
    out = []
    for i, f in enumerate(findings):
        keep_evidence = i < len(expected) and expected[i].evidence is not None
        out.append(
            ExpectedFinding(
                message=f.message,
                document_type=f.document_type,
                page=f.page,
                needs_review=f.needs_review,
                evidence=f.evidence if keep_evidence else None,
            )
        )
    return out


def run_example(ruleset: RuleSet, rule_id: str, case: ExampleCase) -> list[Finding]:
    """The findings of one rule over an example case."""
    return run_rules(build_case(case, rule_id), ruleset.only(rule_id))
